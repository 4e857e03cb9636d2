"""GraphQL over HTTP and the other HTTP endpoints of `switchboard serve`, as docs/contract.md
("Endpoints", "Schema/chat.graphql") says, checked with `requests`.

contract.md follows the GraphQL-over-HTTP specification: `application/graphql-response+json`
when the client accepts it (and when it sends no Accept), `application/json` otherwise; a
request error in the document is 400 under the former and 200 under the latter; a field error
is a 200 partial response under both.
"""
from __future__ import annotations

import asyncio
import json
import re

import pytest
import requests

from server_support import (
    TIMEOUT,
    connect,
    connect_acked,
    new_message_subscription,
    post_message,
    publisher_token,
    require_serve,
    run,
    unique,
)

require_serve()

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
QUERY = '{ messages(chatId: "nowhere") { id } }'


def media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def authorization(server) -> dict[str, str]:
    """A publisher's token: these tests are about HTTP, not about who may post."""
    return {"Authorization": f"Bearer {publisher_token(server.secret)}"} if server.secret else {}


def post(server, body, *, accept: str | None = JSON, content_type: str = "application/json",
         raw: bool = False) -> requests.Response:
    data = body if raw else json.dumps(body)
    headers = {"Accept": accept, "Content-Type": content_type, **authorization(server)}
    return requests.post(server.graphql_http, data=data, headers=headers, timeout=TIMEOUT)


def get(server, params, *, accept: str | None = JSON) -> requests.Response:
    return requests.get(server.graphql_http, params=params, headers={"Accept": accept, **authorization(server)},
                        timeout=TIMEOUT)


def assert_errors(body: dict, code: str | None = None) -> list[dict]:
    errors = body.get("errors")
    assert isinstance(errors, list) and errors, body
    for error in errors:
        assert isinstance(error.get("message"), str) and error["message"], error
    if code:
        assert errors[0].get("extensions", {}).get("code") == code, errors
    return errors


# =============================================================================== queries and mutations

def test_post_query(server):
    r = post(server, {"query": QUERY})
    assert r.status_code == 200, r.text
    assert media_type(r) == JSON
    assert r.json() == {"data": {"messages": []}}


def test_get_query_with_variables_and_operation_name(server):
    chat = unique()
    posted = post_message(server, chat, "via GET")
    r = get(server, {"query": "query A { me { id } } query B($c: ID!) { messages(chatId: $c) { id content } }",
                     "variables": json.dumps({"c": chat}), "operationName": "B"})
    assert r.status_code == 200, r.text
    assert r.json() == {"data": {"messages": [{"id": posted["id"], "content": "via GET"}]}}


def test_post_mutation_commits_and_returns_the_message(server):
    chat = unique()
    posted = post_message(server, chat, "héllo 🙂")  # checks id, createdAt and the echoed fields
    r = post(server, {"query": "query($c: ID!) { messages(chatId: $c) { id chatId content senderName createdAt } }",
                      "variables": {"c": chat}})
    assert r.json() == {"data": {"messages": [posted]}}


def test_message_ids_increase_and_messages_pages_oldest_first(server):
    """contract.md: ids are decimal strings strictly increasing over the whole store; `messages`
    gives up to `last` messages older than `before`, oldest first; `last` is 1 to 500."""
    chat, other = unique(), unique()
    posted = []
    for i in range(6):
        posted.append(post_message(server, chat, f"m{i}"))
        post_message(server, other, f"o{i}")
    ids = [int(p["id"]) for p in posted]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)

    def page(**args):
        arguments = ", ".join(f"{k}: {json.dumps(v)}" for k, v in args.items())
        r = post(server, {"query": f'{{ messages(chatId: "{chat}", {arguments}) {{ content }} }}'})
        assert r.status_code == 200, r.text
        return r.json()

    assert page(last=2) == {"data": {"messages": [{"content": "m4"}, {"content": "m5"}]}}
    assert page(last=2, before=posted[3]["id"]) == {"data": {"messages": [{"content": "m1"}, {"content": "m2"}]}}
    assert page(last=500) == {"data": {"messages": [{"content": f"m{i}"} for i in range(6)]}}
    for bad in (0, 501):
        body = page(last=bad)
        assert body.get("data") is None, body
        assert assert_errors(body, "BAD_USER_INPUT")[0]["path"] == ["messages"]


def test_content_length_limits(server):
    """`content` is 1 to 4,000 Unicode code points (not bytes, not UTF-16 units)."""
    chat = unique()
    post_message(server, chat, "🙂" * 4000)
    for bad in ("", "a" * 4001):
        r = post(server, {"query": "mutation($c: String!) { postMessage(chatId: \"x\", content: $c, senderName: \"a\") { id } }",
                          "variables": {"c": bad}})
        assert r.status_code == 200, r.text
        assert r.json().get("data") is None
        errors = assert_errors(r.json(), "BAD_USER_INPUT")
        assert errors[0]["path"] == ["postMessage"] and errors[0]["locations"], errors


# =============================================================================== content negotiation

@pytest.mark.parametrize("accept,expected", [
    (None, GRAPHQL_RESPONSE),  # no Accept: the newer media type
    (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
    (f"{JSON}, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
    ("*/*", GRAPHQL_RESPONSE),  # "when the client accepts it": */* accepts it
    (JSON, JSON),
    ("text/plain", JSON),  # "application/json otherwise"
], ids=["none", "graphql-response", "both", "any", "json", "other"])
def test_response_media_type(server, accept, expected):
    for response in (post(server, {"query": QUERY}, accept=accept), get(server, {"query": QUERY}, accept=accept)):
        assert response.status_code == 200, response.text
        assert media_type(response) == expected, response.headers
        assert response.json() == {"data": {"messages": []}}


# =============================================================================== status codes

def test_mutation_over_get_is_405(server):
    for accept in (JSON, GRAPHQL_RESPONSE):
        chat = unique()
        r = get(server, {"query": f'mutation {{ postMessage(chatId: "{chat}", content: "x", senderName: "a") {{ id }} }}'},
                accept=accept)
        assert r.status_code == 405, r.text
        # Nothing was posted.
        check = post(server, {"query": f'{{ messages(chatId: "{chat}") {{ id }} }}'})
        assert check.json() == {"data": {"messages": []}}


MALFORMED_POSTS = {
    "not-json": "{",
    "array": "[]",
    "string": '"{ me { id } }"',
    "no-query": "{}",
    "query-number": '{"query": 1}',
    "query-null": '{"query": null}',
    "variables-array": '{"query": "{ me { id } }", "variables": [1]}',
    "variables-string": '{"query": "{ me { id } }", "variables": "x"}',
    "operation-name-number": '{"query": "{ me { id } }", "operationName": 1}',
    "extensions-string": '{"query": "{ me { id } }", "extensions": "x"}',
}


@pytest.mark.parametrize("kind", list(MALFORMED_POSTS))
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_malformed_post_is_400(server, kind, accept):
    r = post(server, MALFORMED_POSTS[kind], raw=True, accept=accept)
    assert r.status_code == 400, (r.status_code, r.text)


@pytest.mark.parametrize("params", [{}, {"query": QUERY, "variables": "{not json"}, {"query": QUERY, "variables": "[1]"}],
                         ids=["no-query", "variables-not-json", "variables-array"])
def test_malformed_get_is_400(server, params):
    assert get(server, params).status_code == 400


INVALID_DOCUMENTS = {
    "parse": ("{ messages(chatId: \"x\") { id }", "GRAPHQL_PARSE_FAILED"),
    "validation": ("{ messages(chatId: \"x\") { nope } }", "GRAPHQL_VALIDATION_FAILED"),
    "missing-argument": ("{ messages { id } }", "GRAPHQL_VALIDATION_FAILED"),
}


@pytest.mark.parametrize("kind", list(INVALID_DOCUMENTS))
@pytest.mark.parametrize("accept,status", [(GRAPHQL_RESPONSE, 400), (None, 400), (JSON, 200)],
                         ids=["graphql-response", "no-accept", "json"])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_invalid_document_status_depends_on_the_media_type(server, kind, accept, status, method):
    query, code = INVALID_DOCUMENTS[kind]
    r = post(server, {"query": query}, accept=accept) if method == "POST" else get(server, {"query": query}, accept=accept)
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert "data" not in body, body  # a request error: execution never started
    errors = assert_errors(body, code)
    assert errors[0]["locations"], errors


@pytest.mark.parametrize("accept", [None, GRAPHQL_RESPONSE, JSON])
def test_field_error_is_a_200_partial_response(server, accept):
    r = post(server, {"query": '{ messages(chatId: "x", last: 0) { id } }'}, accept=accept)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["data"] is None
    errors = assert_errors(body, "BAD_USER_INPUT")
    assert errors[0]["path"] == ["messages"] and errors[0]["locations"] == [{"line": 1, "column": 3}], errors


def test_body_over_max_body_bytes_is_413(start_server):
    server = start_server("--max-body-bytes", 1000)
    body = json.dumps({"query": QUERY})
    exact = body[:-1] + " " * (1000 - len(body)) + "}"
    assert len(exact.encode()) == 1000 and json.loads(exact) == {"query": QUERY}
    ok = post(server, exact, raw=True)
    assert ok.status_code == 200 and ok.json() == {"data": {"messages": []}}, ok.text
    over = exact[:-1] + " }"
    assert post(server, over, raw=True).status_code == 413
    assert post(server, " " * 2_000_000 + body, raw=True).status_code == 413


@pytest.mark.parametrize("accept", [None, GRAPHQL_RESPONSE, JSON])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_subscription_over_http_is_400_pointing_to_the_websocket_endpoint(server, accept, method):
    query = 'subscription { newMessage(chatId: "x") { id } }'
    r = post(server, {"query": query}, accept=accept) if method == "POST" else get(server, {"query": query}, accept=accept)
    assert r.status_code == 400, (r.status_code, r.text)
    errors = assert_errors(r.json())
    text = " ".join(error["message"] for error in errors).lower()
    assert "websocket" in text or "ws://" in text, errors


# =============================================================================== other endpoints

def test_healthz(server):
    r = requests.get(server.http + "/healthz", timeout=TIMEOUT)
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_example_page(server):
    r = requests.get(server.http + "/", timeout=TIMEOUT)
    assert r.status_code == 200
    assert media_type(r) == "text/html"
    assert "<html" in r.text.lower()


SAMPLE = re.compile(r'^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?P<labels>.*)\})?\s+(?P<value>\S+)(?:\s+-?\d+)?$')
LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?')


def parse_prometheus(text: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str], float]]]:
    """Families' types and every sample of the Prometheus text exposition format, each line
    checked against the format."""
    types: dict[str, str] = {}
    samples = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 3 and parts[1] == "TYPE":
                assert parts[3] in ("counter", "gauge", "histogram", "summary", "untyped"), line
                types[parts[2]] = parts[3]
            continue
        match = SAMPLE.match(line)
        assert match, f"not a Prometheus sample line: {line!r}"
        labels = dict(LABEL.findall(match["labels"] or ""))
        samples.append((match["name"], labels, float(match["value"])))
    return types, samples


def test_metrics_prometheus_text(server):
    """Issue 4 names what /metrics holds — connections, subscriptions, events published,
    deliveries, dead letters, closes by code, a publish-to-delivery latency histogram — but not
    the metric names, so each is found by what its name must mention."""
    async def activity():
        chat = unique()
        client = await connect_acked(server)
        await client.subscribe("s", new_message_subscription("id"), {"chatId": chat, "after": "0"})
        await client.barrier()
        posted = await asyncio.to_thread(post_message, server, chat, "metered")
        assert await client.next_for("s") == {"data": {"newMessage": {"id": posted["id"]}}}
        bad = await connect(server)
        await bad.send_text("not json")
        await bad.expect_close(4400)
        return client

    async def go():
        client = await activity()  # stays open while /metrics is read
        r = await asyncio.to_thread(requests.get, server.http + "/metrics", timeout=TIMEOUT)
        await client.close()
        return r

    r = run(go())
    assert r.status_code == 200
    assert media_type(r) == "text/plain", r.headers
    types, samples = parse_prometheus(r.text)
    names = {name for name, _, _ in samples}

    def family(pattern: str) -> list[tuple[str, dict[str, str], float]]:
        found = [s for s in samples if re.search(pattern, s[0])]
        assert found, f"no metric matching /{pattern}/ in:\n{r.text}"
        return found

    assert max(v for _, _, v in family(r"connection")) >= 1
    assert max(v for _, _, v in family(r"subscription")) >= 1
    assert max(v for _, _, v in family(r"publish|event")) >= 1
    assert max(v for _, _, v in family(r"deliver")) >= 1
    family(r"dead_?letter")
    closes = family(r"close")
    assert any("4400" in labels.values() and value >= 1 for _, labels, value in closes), closes
    histograms = [name for name, kind in types.items() if kind == "histogram" and "latency" in name]
    assert histograms, f"no latency histogram among {types}"
    base = histograms[0]
    assert {base + "_bucket", base + "_sum", base + "_count"} <= names
    assert any(name == base + "_bucket" and labels.get("le") == "+Inf" for name, labels, _ in samples)
    count = [v for name, _, v in samples if name == base + "_count"]
    assert count and count[0] >= 1, count


# ---------------------------------------------------------------------------- one document, many variables

REUSED = """query History($chat: ID!, $last: Int, $full: Boolean!) {
  messages(chatId: $chat, last: $last) { id content senderName @include(if: $full) }
}"""
REUSED_PLAIN = "query History($chat: ID!, $last: Int) { messages(chatId: $chat, last: $last) { id content } }"


def test_one_document_answers_each_requests_own_variables(server):
    """The server keeps an operation's plan per document and swaps in each request's variables:
    the same text sent over and over, with other variables each time (over HTTP and over the
    socket, the two paths share the plan), answers for exactly those variables (one left out
    takes its default again), an @include decided by a variable included; a bad variable is still
    refused after good ones."""
    chats = {unique("a"): ["a1", "a2", "a3"], unique("b"): ["b1"]}
    for chat, contents in chats.items():
        for content in contents:
            post_message(server, chat, content)

    def expected(chat: str, last: int | None, full: bool | None) -> list[dict]:
        rows = chats[chat][-(last if last is not None else 50):]
        if full is None:
            return [{"content": c} for c in rows]
        return [{"content": c, **({"senderName": "ada"} if full else {})} for c in rows]

    def strip_ids(messages: list[dict]) -> list[dict]:
        for m in messages:
            assert re.fullmatch(r"[1-9][0-9]*", m.pop("id")), m
        return messages

    cases = [(chat, last, full) for chat in chats for last in (None, 1, 2) for full in (True, False)]
    for _ in range(2):
        for chat, last, full in cases:
            for text, flag in ((REUSED, full), (REUSED_PLAIN, None)):
                variables = {"chat": chat, **({"last": last} if last is not None else {}),
                             **({"full": flag} if flag is not None else {})}
                response = post(server, {"query": text, "variables": variables})
                assert response.status_code == 200, response.text
                body = response.json()
                assert "errors" not in body, body
                assert strip_ids(body["data"]["messages"]) == expected(chat, last, flag), (variables, body)

    bad = post(server, {"query": REUSED_PLAIN, "variables": {"chat": next(iter(chats)), "last": "many"}})
    assert bad.status_code == 200, bad.text
    [error] = assert_errors(bad.json(), "BAD_USER_INPUT")
    assert "$last" in error["message"], error

    async def over_the_socket():
        client = await connect_acked(server)
        for index, (chat, last, full) in enumerate(cases):
            variables = {"chat": chat, "full": full, **({"last": last} if last is not None else {})}
            await client.subscribe(f"q{index}", REUSED, variables)
            payload = await client.next_for(f"q{index}")
            assert strip_ids(payload["data"]["messages"]) == expected(chat, last, full), payload
            assert await client.recv() == {"id": f"q{index}", "type": "complete"}
        await client.close()
    run(over_the_socket())
