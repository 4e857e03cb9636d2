"""graphql-transport-ws conformance of `switchboard serve`: one test (or one parametrized group)
per rule of docs/protocol.md, over real sockets, close codes and reasons included.

Written from the documents before the server existed; where protocol.md is silent the
expectation is what graphql-ws's server does, and the test says so. Subscriptions that must not
miss an event subscribe with `after: "0"` on a chat of their own (contract.md: with `after`, every
stored message with a larger id, then live ones, no gap) so no test races "the moment of
subscribing".
"""
from __future__ import annotations

import asyncio
import json
import signal
import time

import pytest

from server_support import (
    ABSENT,
    PROTOCOL,
    Client,
    RawClient,
    Server,
    async_wait_until,
    connect,
    connect_acked,
    message,
    new_message_subscription,
    post_message,
    publisher_token,
    require_serve,
    run,
    store_rows,
    subscribe_message,
    unique,
)

require_serve()

SUBSCRIPTION = new_message_subscription("id content")
QUERY = '{ messages(chatId: "nowhere") { id } }'


async def subscribe_chat(client: Client, id: str, chat: str, after: str = "0") -> None:
    await client.subscribe(id, SUBSCRIPTION, {"chatId": chat, "after": after})


async def expect_message(client: Client, id: str, posted: dict) -> None:
    payload = await client.next_for(id)
    assert payload == {"data": {"newMessage": {"id": posted["id"], "content": posted["content"]}}}, payload


async def post(server: Server, chat: str, content: str) -> dict:
    return await asyncio.to_thread(post_message, server, chat, content)


def assert_4400_reason(reason: str) -> None:
    # protocol.md: "a short reason that says what was wrong (`Invalid message received` when
    # nothing more specific fits)" — so any non-empty reason within a control frame.
    assert reason and len(reason.encode()) <= 123, reason


# =============================================================================== handshake

@pytest.mark.parametrize("offer", [
    "graphql-transport-ws",
    "foo, graphql-transport-ws",
    "foo ,  graphql-transport-ws  ,bar",
    "graphql-ws, graphql-transport-ws",
])
def test_subprotocol_offered_anywhere_in_the_list_is_chosen(server, offer):
    """Handshake: `graphql-transport-ws` anywhere in a comma-separated list, spaces trimmed; the
    server answers with it (and then speaks the protocol)."""
    raw = RawClient(server.port, protocols=offer)
    try:
        assert raw.headers.get("sec-websocket-protocol") == PROTOCOL, raw.headers
        raw.send_json({"type": "connection_init"})
        assert raw.read_json() == {"type": "connection_ack"}
    finally:
        raw.close()


def test_subprotocol_chosen_through_a_client_library(server):
    async def go():
        client = await connect(server, subprotocols=["foo", PROTOCOL, "bar"])
        assert client.ws.subprotocol == PROTOCOL
        await client.init()
        await client.close()
    run(go())


@pytest.mark.parametrize("offer", [None, ["foo"], ["graphql-ws"], ["graphql-ws", "bar"]],
                         ids=["none", "other", "legacy", "legacy-and-other"])
def test_no_acceptable_subprotocol_is_accepted_then_closed_4406(server, offer):
    """Handshake: accepted without a subprotocol header, then 4406 `Subprotocol not acceptable`
    (the legacy `graphql-ws` included) — without the client having to send anything."""
    async def go():
        client = await connect(server, subprotocols=offer)
        assert client.ws.subprotocol is None
        assert client.ws.response.headers.get("Sec-WebSocket-Protocol") is None
        await client.expect_close(4406, "Subprotocol not acceptable")
    run(go())


def test_legacy_subprotocol_is_logged(server):
    """Handshake: the legacy `graphql-ws` gets 4406 *and a log line saying so* (on stderr, the
    server's log; the wording is free, the subprotocol's name must be in it)."""
    mark = server.stderr_mark()

    async def go():
        client = await connect(server, subprotocols=["graphql-ws"])
        await client.expect_close(4406, "Subprotocol not acceptable")
    run(go())
    line = server.wait_for_stderr(lambda text: "graphql-ws" in text, start=mark)
    assert line, f"no log line about the legacy subprotocol; stderr:\n{server.stderr()}"


# =============================================================================== connection_init / ack

@pytest.mark.parametrize("payload", [{}, {"hello": ["world", 1]}, None, ABSENT],
                         ids=["empty-object", "object", "null", "absent"])
def test_connection_init_payload_object_null_or_absent_is_acked_without_payload(server, payload):
    """connection_init: `payload` an object, null or absent is fine. connection_ack: `payload`
    only when there is something to say — nothing here (no identity yet), so no key at all."""
    async def go():
        client = await connect(server)
        await client.send(message("connection_init", payload=payload))
        await client.expect({"type": "connection_ack"})
        await client.barrier()  # one ack, nothing else
        await client.close()
    run(go())


@pytest.mark.parametrize("payload", [[], ["a"], "token", 7, True], ids=["array", "array1", "string", "number", "bool"])
def test_connection_init_payload_of_another_type_is_4400(server, payload):
    async def go():
        client = await connect(server)
        await client.send({"type": "connection_init", "payload": payload})
        _, reason, _ = await client.expect_close(4400)
        assert_4400_reason(reason)
    run(go())


def test_second_connection_init_is_4429(server):
    async def go():
        client = await connect_acked(server)
        await client.send({"type": "connection_init"})
        await client.expect_close(4429, "Too many initialisation requests")
    run(go())


def test_second_connection_init_while_the_first_is_handled_is_4429(server):
    """"also while the first is still being handled": two inits back to back. At most the first
    one's ack may come before the close."""
    async def go():
        client = await connect(server)
        await client.send({"type": "connection_init"})
        await client.send({"type": "connection_init"})
        _, _, before = await client.expect_close(4429, "Too many initialisation requests", allow_messages=True)
        assert [json.loads(frame) for frame in before] in ([], [{"type": "connection_ack"}]), before
    run(go())


def test_subscribe_right_behind_the_ack_is_accepted(server):
    """connection_ack: the connection is acknowledged before the ack is queued, so a `subscribe`
    sent the moment the ack arrives is never refused."""
    async def go():
        for _ in range(20):
            client = await connect(server)
            await client.send({"type": "connection_init"})
            await client.expect({"type": "connection_ack"})
            await client.subscribe("q", QUERY)
            assert await client.single_result("q") == {"data": {"messages": []}}
            await client.close()
    run(go())


# =============================================================================== ping / pong

@pytest.mark.parametrize("payload", [ABSENT, {"n": 1, "nested": {"list": [1, "é", None]}}],
                         ids=["no-payload", "payload"])
def test_ping_is_answered_with_pong_echoing_its_payload_before_and_after_init(server, payload):
    async def go():
        client = await connect(server)
        await client.send(message("ping", payload=payload))  # before connection_init
        await client.expect(message("pong", payload=payload))
        await client.init()
        await client.send(message("ping", payload=payload))
        await client.expect(message("pong", payload=payload))
        await client.close()
    run(go())


def test_pong_is_never_answered_and_never_an_error(server):
    async def go():
        client = await connect(server)
        await client.send({"type": "pong"})
        await client.send({"type": "pong", "payload": {"unsolicited": True}})
        await client.barrier()
        await client.init()
        await client.send({"type": "pong"})
        await client.send({"type": "pong", "payload": {"x": 1}})
        await client.barrier()
        await client.close()
    run(go())


# =============================================================================== subscribe

def test_subscribe_before_the_ack_is_4401(server):
    async def go():
        client = await connect(server)
        await client.subscribe("1", QUERY)
        await client.expect_close(4401, "Unauthorized")
    run(go())


def test_subscribe_with_null_optional_fields_is_accepted(server):
    """subscribe: `operationName` string or null/absent; `variables`, `extensions` object or null/absent."""
    async def go():
        client = await connect_acked(server)
        await client.send({"type": "subscribe", "id": "a",
                           "payload": {"query": QUERY, "operationName": None, "variables": None, "extensions": None}})
        assert await client.single_result("a") == {"data": {"messages": []}}
        await client.send({"type": "subscribe", "id": "b",
                           "payload": {"query": "query Q { messages(chatId: \"x\") { id } }", "operationName": "Q",
                                       "variables": {}, "extensions": {"trace": True}}})
        assert await client.single_result("b") == {"data": {"messages": []}}
        await client.close()
    run(go())


def test_duplicate_active_id_is_4409(server):
    async def go():
        client = await connect_acked(server)
        await subscribe_chat(client, "dup", unique())
        await client.barrier()
        await subscribe_chat(client, "dup", unique())
        await client.expect_close(4409, "Subscriber for dup already exists")
    run(go())


def test_duplicate_id_of_another_kind_of_operation_is_4409(server):
    """The rule is about the id, whatever the operation: a query reusing an active subscription's id."""
    async def go():
        client = await connect_acked(server)
        await subscribe_chat(client, "7", unique())
        await client.subscribe("7", QUERY)
        await client.expect_close(4409, "Subscriber for 7 already exists")
    run(go())


@pytest.mark.parametrize("id", ["x" * 300, "é" * 300, "🙂" * 100], ids=["ascii", "two-byte", "four-byte"])
def test_close_reason_is_cut_to_123_bytes_at_a_character_boundary(server, id):
    """Close reasons fit a control frame: at most 123 UTF-8 bytes, cut at a character boundary; a
    long id in `Subscriber for <id> already exists` is cut, not the message dropped."""
    async def go():
        client = await connect_acked(server)
        await subscribe_chat(client, id, unique())
        await client.barrier()
        await subscribe_chat(client, id, unique())
        # (websockets decodes the reason as UTF-8: a reason cut inside a character fails here.)
        _, reason, _ = await client.expect_close(4409)
        # The id is what is cut (protocol.md), so the sentence stays whole around its start.
        prefix, suffix = "Subscriber for ", " already exists"
        assert reason.startswith(prefix) and reason.endswith(suffix), reason
        assert id.startswith(reason[len(prefix):-len(suffix)]), reason
        assert len(reason.encode()) <= 123
        width = len(id[0].encode())
        assert len(reason.encode()) > 123 - width, f"cut too short: {len(reason.encode())} bytes"
    run(go())


def test_id_is_reusable_after_the_client_completes_it(server):
    async def go():
        chat = unique()
        client = await connect_acked(server)
        await subscribe_chat(client, "s", chat)
        first = await post(server, chat, "one")
        await expect_message(client, "s", first)
        await client.complete("s")
        await client.barrier()  # the server sends nothing back for a client's complete
        await subscribe_chat(client, "s", chat, after=first["id"])
        second = await post(server, chat, "two")
        await expect_message(client, "s", second)
        # Exactly one subscription `s` now: the next event arrives once.
        third = await post(server, chat, "three")
        await expect_message(client, "s", third)
        fourth = await post(server, chat, "four")
        await expect_message(client, "s", fourth)
        await client.close()
    run(go())


def test_id_is_reusable_after_the_server_completes_it(server):
    async def go():
        client = await connect_acked(server)
        for _ in range(3):
            await client.subscribe("q", QUERY)
            assert await client.single_result("q") == {"data": {"messages": []}}
        await client.close()
    run(go())


def test_id_is_reusable_after_an_error_message(server):
    async def go():
        client = await connect_acked(server)
        await client.subscribe("e", "{ nope }")
        got = await client.recv()
        assert got["type"] == "error" and got["id"] == "e", got
        await client.subscribe("e", QUERY)
        assert await client.single_result("e") == {"data": {"messages": []}}
        await client.close()
    run(go())


# =============================================================================== complete

def test_complete_of_an_unknown_id_is_ignored_before_and_after_the_ack(server):
    async def go():
        client = await connect(server)
        await client.complete("never-started")
        await client.barrier()
        await client.init()
        await client.complete("never-started")
        await client.barrier()
        await client.subscribe("done", QUERY)
        await client.single_result("done")
        await client.complete("done")  # finished already
        await client.barrier()
        await client.close()
    run(go())


def test_client_complete_stops_the_subscription_and_gets_no_answer(server):
    async def go():
        chat = unique()
        client = await connect_acked(server)
        await subscribe_chat(client, "stopped", chat)
        await subscribe_chat(client, "kept", chat)
        await client.barrier()
        await client.complete("stopped")
        await client.barrier()  # nothing sent back
        # Events are fanned out in id order: had "stopped" received any of these, its frame
        # would come before "kept"'s frame for the last one.
        posted = [await post(server, chat, f"m{i}") for i in range(3)]
        for item in posted:
            await expect_message(client, "kept", item)
        await client.close()
    run(go())


# =============================================================================== operations

def test_query_over_the_socket_gets_one_next_then_complete(server):
    async def go():
        chat = unique()
        posted = [await post(server, chat, f"q{i}") for i in range(2)]
        client = await connect_acked(server)
        await client.subscribe("1", "query Q($c: ID!) { messages(chatId: $c) { id content } }", {"c": chat}, "Q")
        payload = await client.single_result("1")
        assert payload == {"data": {"messages": [{"id": p["id"], "content": p["content"]} for p in posted]}}
        await client.barrier()
        await client.close()
    run(go())


def test_mutation_over_the_socket_gets_one_next_then_complete(server):
    async def go():
        chat = unique()
        # A publisher may post under any sender name (contract.md, "Identity").
        client = await connect_acked(server, {"authorization": f"Bearer {publisher_token()}"})
        await client.subscribe("m", 'mutation { postMessage(chatId: "%s", content: "hi", senderName: "ada") '
                                    "{ chatId content senderName } }" % chat)
        payload = await client.single_result("m")
        assert payload == {"data": {"postMessage": {"chatId": chat, "content": "hi", "senderName": "ada"}}}
        await client.close()
    run(go())


def test_subscription_gets_one_next_per_event(server):
    async def go():
        chat = unique()
        client = await connect_acked(server)
        await subscribe_chat(client, "sub", chat)
        posted = [await post(server, chat, f"event {i}") for i in range(5)]
        for item in posted:
            await expect_message(client, "sub", item)
        await post(server, unique(), "elsewhere")  # another chat: not for this subscription
        last = await post(server, chat, "last")
        await expect_message(client, "sub", last)  # so nothing came for "elsewhere" (id order)
        await client.close()
    run(go())


def test_subscription_without_after_gets_live_events_only(server):
    """contract.md: without `after`, live messages from the moment of subscribing. To know when
    that moment has passed without sleeping, probes are posted until one arrives."""
    async def go():
        chat = unique()
        before = await post(server, chat, "before subscribing")
        client = await connect_acked(server)
        await client.subscribe("live", new_message_subscription("id content"), {"chatId": chat})
        probes: list[str] = []
        got = None
        for _ in range(50):
            probes.append((await post(server, chat, f"probe {len(probes)}"))["id"])
            try:
                got = await client.next_for("live", timeout=0.2)
                break
            except AssertionError as error:
                if "no message within" not in str(error):
                    raise
        assert got, "the subscription never went live"
        received = [got["data"]["newMessage"]["id"]]
        while received[-1] != probes[-1]:
            received.append((await client.next_for("live"))["data"]["newMessage"]["id"])
        assert before["id"] not in received
        assert received == sorted(received, key=int) and set(received) <= set(probes)
        last = await post(server, chat, "after")
        await expect_message(client, "live", last)
        await client.close()
    run(go())


# --------------------------------------------------------------------- document errors

DOCUMENT_ERRORS = {
    # id: (query, operationName, expected extensions.code or None, message fragment or None)
    "parse": ("subscription { newMessage(chatId: \"x\") { id }", ABSENT, "GRAPHQL_PARSE_FAILED", None),
    "validation": ("subscription { newMessage(chatId: \"x\") { nope } }", ABSENT, "GRAPHQL_VALIDATION_FAILED", None),
    "unknown-operation": ("query A { me { id } } query B { me { id } }", "C", None, "Unable to identify operation"),
    "ambiguous-operation": ("query A { me { id } } query B { me { id } }", ABSENT, None, "Unable to identify operation"),
}


@pytest.mark.parametrize("kind", list(DOCUMENT_ERRORS))
def test_document_errors_are_an_error_message_and_the_socket_stays_open(server, kind):
    """Parse and validation errors and an unknown or ambiguous operationName: an `error` message
    for that id whose payload is a bare non-empty array; no `complete` follows; the socket and the
    client's other subscriptions live on (we differ from graphql-ws, which closes 4500)."""
    query, operation_name, code, fragment = DOCUMENT_ERRORS[kind]

    async def go():
        chat = unique()
        client = await connect_acked(server)
        await subscribe_chat(client, "alive", chat)
        await client.subscribe("bad", query, operation_name=operation_name)
        got = await client.recv()
        assert set(got) == {"id", "type", "payload"} and got["type"] == "error" and got["id"] == "bad", got
        errors = got["payload"]
        assert isinstance(errors, list) and errors, got
        for error in errors:
            assert isinstance(error["message"], str) and error["message"], error
        if code:
            assert errors[0]["extensions"]["code"] == code, errors
            assert errors[0]["locations"], errors
        if fragment:
            assert any(fragment in error["message"] for error in errors), errors
        await client.barrier()  # no complete after an error
        item = await post(server, chat, "still delivered")
        await expect_message(client, "alive", item)
        await client.close()
    run(go())


@pytest.mark.parametrize("case", ["resolver", "mutation-input", "variable-coercion"])
def test_field_errors_are_next_with_errors_then_complete(server, case):
    """Errors while resolving (a field resolver fails, variable coercion fails): `next` with
    `errors`, then `complete`. The codes are contract.md's (`last` 1 to 500; `content` 1 to 4,000)."""
    async def go():
        client = await connect_acked(server, {"authorization": f"Bearer {publisher_token()}"})
        if case == "resolver":
            await client.subscribe("f", '{ messages(chatId: "x", last: 0) { id } }')
        elif case == "mutation-input":
            await client.subscribe("f", 'mutation { postMessage(chatId: "x", content: "", senderName: "ada") { id } }')
        else:
            await client.subscribe("f", "query Q($n: Int) { messages(chatId: \"x\", last: $n) { id } }",
                                   {"n": "not a number"})
        payload = await client.single_result("f")
        errors = payload.get("errors")
        assert isinstance(errors, list) and errors, payload
        # [Message!]! and Message! are non-null: the error propagates to `data: null`; a variable
        # coercion failure has no data at all (graphql-js leaves the key out).
        assert payload.get("data") is None, payload
        if case != "variable-coercion":
            assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", errors
            assert errors[0]["path"] == ["messages" if case == "resolver" else "postMessage"], errors
            assert errors[0]["locations"], errors
        await client.barrier()
        await client.close()
    run(go())


# =============================================================================== what a client may not send

@pytest.mark.parametrize("sent", [
    {"type": "next", "id": "1", "payload": {"data": {}}},
    {"type": "error", "id": "1", "payload": [{"message": "x"}]},
    {"type": "connection_ack"},
], ids=["next", "error", "connection_ack"])
@pytest.mark.parametrize("acked", [False, True], ids=["before-ack", "after-ack"])
def test_client_sending_a_server_message_is_4400(server, sent, acked):
    """We differ from graphql-ws (4500): 4400."""
    async def go():
        client = await (connect_acked(server) if acked else connect(server))
        await client.send(sent)
        _, reason, _ = await client.expect_close(4400)
        assert_4400_reason(reason)
    run(go())


MALFORMED = {
    "not-json": "{",
    "array": "[]",
    "number": "42",
    "string": '"subscribe"',
    "null": "null",
    "no-type": "{}",
    "type-not-string": '{"type": 5}',
    "unknown-type": '{"type": "start", "id": "1", "payload": {"query": "{ me { id } }"}}',
    "subscribe-no-id": '{"type": "subscribe", "payload": {"query": "{ me { id } }"}}',
    "subscribe-empty-id": '{"type": "subscribe", "id": "", "payload": {"query": "{ me { id } }"}}',
    "subscribe-number-id": '{"type": "subscribe", "id": 1, "payload": {"query": "{ me { id } }"}}',
    "subscribe-null-id": '{"type": "subscribe", "id": null, "payload": {"query": "{ me { id } }"}}',
    "subscribe-no-payload": '{"type": "subscribe", "id": "1"}',
    "subscribe-payload-string": '{"type": "subscribe", "id": "1", "payload": "{ me { id } }"}',
    "subscribe-no-query": '{"type": "subscribe", "id": "1", "payload": {}}',
    "subscribe-query-number": '{"type": "subscribe", "id": "1", "payload": {"query": 1}}',
    "subscribe-operation-name-number": '{"type": "subscribe", "id": "1", "payload": {"query": "{ me { id } }", "operationName": 1}}',
    "subscribe-variables-array": '{"type": "subscribe", "id": "1", "payload": {"query": "{ me { id } }", "variables": []}}',
    "subscribe-extensions-string": '{"type": "subscribe", "id": "1", "payload": {"query": "{ me { id } }", "extensions": "x"}}',
    "complete-no-id": '{"type": "complete"}',
    "complete-number-id": '{"type": "complete", "id": 3}',
}


@pytest.mark.parametrize("kind", list(MALFORMED))
@pytest.mark.parametrize("acked", [False, True], ids=["before-ack", "after-ack"])
def test_malformed_message_is_4400_even_before_the_ack(server, kind, acked):
    async def go():
        client = await (connect_acked(server) if acked else connect(server))
        await client.send_text(MALFORMED[kind])
        _, reason, _ = await client.expect_close(4400)
        assert_4400_reason(reason)
    run(go())


@pytest.mark.parametrize("acked", [False, True], ids=["before-ack", "after-ack"])
def test_binary_frame_is_4400(server, acked):
    async def go():
        client = await (connect_acked(server) if acked else connect(server))
        await client.send_binary(json.dumps({"type": "ping"}).encode())
        _, reason, _ = await client.expect_close(4400)
        assert_4400_reason(reason)
    run(go())


# =============================================================================== framing and limits

def test_fragmented_messages_are_reassembled(server):
    async def go():
        client = await connect(server)
        await client.send_text(['{"type":', '"connection_', 'init"}'])
        await client.expect({"type": "connection_ack"})
        text = json.dumps(subscribe_message("frag", QUERY))
        await client.send_text([text[i:i + 7] for i in range(0, len(text), 7)])
        assert await client.single_result("frag") == {"data": {"messages": []}}
        await client.close()
    run(go())


def test_fragment_boundary_inside_a_character(server):
    """Reassembly happens before decoding: a UTF-8 character split across two frames is whole."""
    raw = RawClient(server.port)
    try:
        raw.send_json({"type": "connection_init"})
        assert raw.read_json() == {"type": "connection_ack"}
        data = json.dumps({"type": "ping", "payload": {"text": "é🙂"}}, ensure_ascii=False).encode()
        cut = data.index("🙂".encode()) + 2
        raw.send_frame(0x1, data[:cut], fin=False)
        raw.send_frame(0x0, data[cut:], fin=True)
        assert raw.read_json() == {"type": "pong", "payload": {"text": "é🙂"}}
    finally:
        raw.close()


def ping_of(size: int) -> str:
    """A `ping` message of exactly `size` UTF-8 bytes."""
    shell = json.dumps({"type": "ping", "payload": {"pad": ""}})
    text = json.dumps({"type": "ping", "payload": {"pad": "p" * (size - len(shell))}})
    assert len(text.encode()) == size
    return text


def test_message_over_max_message_bytes_is_1009(start_server):
    """--max-message-bytes N: a message of N bytes is accepted, a larger one closes with 1009."""
    server = start_server("--max-message-bytes", 1024)

    async def go():
        client = await connect_acked(server)
        exact = ping_of(1024)
        await client.send_text(exact)
        await client.expect({"type": "pong", "payload": json.loads(exact)["payload"]})
        await client.send_text(ping_of(1025))
        await client.expect_close(1009)
    run(go())


def test_fragmented_message_over_max_message_bytes_is_1009(start_server):
    """The limit is on the reassembled message: two frames of 1,024 bytes together pass, of
    1,025 do not (sent as exactly two frames, raw, so no empty closing fragment is counted)."""
    server = start_server("--max-message-bytes", 1024)
    raw = RawClient(server.port)
    try:
        raw.send_json({"type": "connection_init"})
        assert raw.read_json() == {"type": "connection_ack"}
        exact = ping_of(1024).encode()
        raw.send_frame(0x1, exact[:600], fin=False)
        raw.send_frame(0x0, exact[600:], fin=True)
        assert raw.read_json() == {"type": "pong", "payload": json.loads(exact)["payload"]}
        over = ping_of(1025).encode()
        raw.send_frame(0x1, over[:600], fin=False)
        raw.send_frame(0x0, over[600:], fin=True)
        frames, close = raw.read_until_close()
        assert close is not None and close[0] == 1009, (frames, close)
    finally:
        raw.close()


def test_max_subscriptions_counts_every_operation_queries_included(start_server):
    """--max-subscriptions N: one more `subscribe` gets an `error` message with
    extensions.code TOO_MANY_SUBSCRIPTIONS; queries count as operations; the socket stays open
    and a slot freed by `complete` can be used again."""
    server = start_server("--max-subscriptions", 3)

    async def go():
        chat = unique()
        client = await connect_acked(server)
        for i in range(3):
            await subscribe_chat(client, f"s{i}", chat)
        await client.barrier()
        for id, query in (("over-sub", SUBSCRIPTION), ("over-query", QUERY)):
            variables = {"chatId": chat, "after": "0"} if query is SUBSCRIPTION else ABSENT
            await client.subscribe(id, query, variables)
            got = await client.recv()
            assert got["type"] == "error" and got["id"] == id, got
            assert isinstance(got["payload"], list) and got["payload"], got
            assert got["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS", got
        await client.barrier()
        await client.complete("s0")
        await client.subscribe("q", QUERY)
        assert await client.single_result("q") == {"data": {"messages": []}}
        await subscribe_chat(client, "s3", chat)
        item = await post(server, chat, "to all three")
        seen = {}
        for _ in range(3):
            got = await client.recv()
            assert got["type"] == "next", got
            seen[got["id"]] = got["payload"]
        assert set(seen) == {"s1", "s2", "s3"}
        assert all(p == {"data": {"newMessage": {"id": item["id"], "content": item["content"]}}} for p in seen.values())
        await client.close()
    run(go())


# =============================================================================== time

def test_no_connection_init_in_time_is_4408(start_server):
    server = start_server("--init-timeout", 300)

    async def go():
        started = time.monotonic()
        client = await connect(server)
        # A ping is not a connection_init: only that message's arrival counts.
        await client.send({"type": "ping"})
        await client.expect({"type": "pong"})
        await client.expect_close(4408, "Connection initialisation timeout", timeout=5)
        elapsed = time.monotonic() - started
        assert 0.25 <= elapsed < 3, elapsed
    run(go())


def test_connection_init_in_time_is_not_closed(start_server):
    server = start_server("--init-timeout", 300)

    async def go():
        client = await connect_acked(server)
        await client.nothing_within(0.9)  # three times the timeout
        await client.barrier()
        await client.close()
    run(go())


def test_keepalive_pings_and_drops_a_silent_peer(start_server):
    """--keepalive 1: RFC 6455 ping frames every second; a socket that does not pong within
    another interval is dropped without a close handshake and its records removed. A client
    that answers pings (as every WebSocket library does) stays."""
    server = start_server("--keepalive", 1)

    async def go():
        alive = await connect_acked(server, ping_interval=None)
        silent = RawClient(server.port)
        silent.send_json({"type": "connection_init"})
        assert silent.read_json() == {"type": "connection_ack"}
        await async_wait_until(lambda: store_rows(server.db, "SELECT count(*) FROM connections")[0][0] == 2,
                               "both connections' rows")
        started = time.monotonic()
        frames, close = await asyncio.to_thread(silent.read_until_close, 6)
        assert any(opcode == 0x9 for opcode, _ in frames), frames
        assert close is None, f"a dead peer gets no close handshake, got {close}"
        assert time.monotonic() - started < 5
        silent.close()
        await async_wait_until(lambda: store_rows(server.db, "SELECT count(*) FROM connections")[0][0] == 1,
                               "the silent connection's row removed", timeout=2)
        await alive.barrier()
        await alive.close()
    run(go())


# =============================================================================== closing

def test_shutdown_closes_every_socket_with_1001(start_server):
    server = start_server()

    async def go():
        chat = unique()
        fresh = await connect(server)
        acked = await connect_acked(server)
        subscribed = [await connect_acked(server) for _ in range(4)]
        for i, client in enumerate(subscribed):
            await subscribe_chat(client, f"s{i}", chat)
            await client.barrier()
        started = time.monotonic()
        server.proc.send_signal(signal.SIGTERM)
        for client in [fresh, acked, *subscribed]:
            await client.expect_close(1001, "Going away", allow_messages=True)
        status = await asyncio.to_thread(server.proc.wait, 5)
        assert status == 0
        assert time.monotonic() - started < 5
    run(go())
    # "remove this process's connection and subscription records"
    assert store_rows(server.db, "SELECT count(*) FROM connections") == [(0,)]
    assert store_rows(server.db, "SELECT count(*) FROM subscriptions") == [(0,)]
