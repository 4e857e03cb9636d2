"""Limits, black-box: each limit of `switchboard serve` hit over real sockets and HTTP, with the
error, close code or status it promises, the metric that counts it (`GET /metrics`,
`switchboard_limit_rejections_total{limit=...}` and `switchboard_rate_limit_closes_total`), and a
well-behaved client on the side that keeps receiving every message posted to its chat while the
limit is being hit.

The limits and what they do (README "Limits"):
- `--max-connections N`: upgrade N+1 gets HTTP 503 with `Retry-After`; once one closes, a new
  upgrade succeeds.
- `--max-subscriptions N`: one more `subscribe` gets an `error` with TOO_MANY_SUBSCRIPTIONS.
- `--max-message-bytes N`: a larger message closes the socket with 1009.
- `--max-messages-per-second N`: over the rate a `subscribe` gets an `error` with RATE_LIMITED and
  a `ping` is dropped; more than N over the rate within 10 s closes the socket with 1008
  `Too many messages`; `complete` is always honoured. 0: no limit.
- `--max-depth N`, `--max-fields N`: validation errors (GRAPHQL_VALIDATION_FAILED), on the socket
  and over HTTP.
- `--max-body-bytes N`: a larger HTTP body gets 413.

The rate rules are about time, so those tests wait for the bucket to refill (a second) where
they need a known number of tokens; every other wait waits for something.
"""
from __future__ import annotations

import asyncio
import contextlib
import pathlib
import re
import resource
import socket
import struct
import time

import pytest
import requests
import websockets
from websockets.exceptions import InvalidStatus

from server_support import (
    TIMEOUT,
    Client,
    RawClient,
    Server,
    connect,
    connect_acked,
    graphql_http,
    new_message_subscription,
    post_message,
    publisher_token,
    require_serve,
    run,
    unique,
)

require_serve()

SUBSCRIPTION = new_message_subscription("id content")
QUERY = '{ messages(chatId: "nowhere") { id } }'
LIMITS = ("connections", "connections_per_user", "subscriptions", "message_bytes", "rate", "depth", "fields", "body_bytes")
CORPUS = pathlib.Path(__file__).resolve().parent / "oracle" / "corpus"


# ---------------------------------------------------------------------------- helpers

def limit_metrics(server: Server) -> dict[str, int]:
    """Every `switchboard_limit_rejections_total{limit=...}` sample plus `rate_closes` (the
    `switchboard_rate_limit_closes_total` counter) and `closes_1008`/`closes_1009`."""
    response = requests.get(server.http + "/metrics", timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    text = response.text
    out: dict[str, int] = {}
    for limit, value in re.findall(r'^switchboard_limit_rejections_total\{limit="(\w+)"\} (\d+)$', text, re.M):
        out[limit] = int(value)
    assert set(out) == set(LIMITS), text
    closes = re.search(r"^switchboard_rate_limit_closes_total (\d+)$", text, re.M)
    assert closes, text
    out["rate_closes"] = int(closes.group(1))
    for code in (1008, 1009):
        found = re.search(rf'^switchboard_closes_total\{{code="{code}"\}} (\d+)$', text, re.M)
        out[f"closes_{code}"] = int(found.group(1)) if found else 0
    return out


def assert_only(server: Server, **expected: int) -> None:
    """The limit metrics are exactly `expected`, every other limit still 0."""
    got = limit_metrics(server)
    want = {name: 0 for name in (*LIMITS, "rate_closes", "closes_1008", "closes_1009")}
    want.update(expected)
    assert got == want, got


class Bystander:
    """A well-behaved client on the side: subscribed to a chat of its own, it must receive every
    message posted there, in order, before, while and after a limit is hit elsewhere."""

    def __init__(self, server: Server):
        self.server = server
        self.chat = unique("bystander")
        self.posted: list[str] = []
        self.client: Client | None = None

    async def start(self) -> "Bystander":
        self.client = await connect_acked(self.server)
        await self.client.subscribe("by", SUBSCRIPTION, {"chatId": self.chat, "after": "0"})
        await self.post()
        return self

    async def post(self) -> None:
        posted = await asyncio.to_thread(post_message, self.server, self.chat, f"m{len(self.posted)}")
        self.posted.append(posted["id"])

    @contextlib.asynccontextmanager
    async def posting(self):
        """Posts a message every 20 ms for as long as the block runs (and one more after)."""
        stop = asyncio.Event()

        async def loop():
            while not stop.is_set():
                await self.post()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(0.02):
                        await stop.wait()
        task = asyncio.create_task(loop())
        try:
            yield
        finally:
            stop.set()
            await task
        await self.post()

    async def verify(self) -> None:
        """Every posted message arrived, in order, and nothing else did."""
        assert self.client is not None
        received = []
        for _ in self.posted:
            payload = await self.client.next_for("by")
            received.append(payload["data"]["newMessage"]["id"])
        assert received == self.posted
        await self.client.barrier()
        await self.client.close()


async def bystander(server: Server) -> Bystander:
    return await Bystander(server).start()


def http_error(response: requests.Response) -> dict:
    """The one GraphQL error of a request refused before execution (200 under application/json)."""
    assert response.status_code == 200, (response.status_code, response.text)
    body = response.json()
    assert "data" not in body and len(body["errors"]) == 1, body
    return body["errors"][0]


# ---------------------------------------------------------------------------- connections

def test_max_connections_refuses_upgrades_with_503_until_one_closes(start_server):
    """--max-connections 3: with three sockets open (the bystander's among them) an upgrade gets
    503 with Retry-After and a body saying why; HTTP is unaffected; once one socket closes a new
    upgrade succeeds and speaks the protocol."""
    server = start_server("--max-connections", 3)

    async def go():
        side = await bystander(server)
        others = [await connect_acked(server) for _ in range(2)]
        refused = 0
        async with side.posting():
            for _ in range(3):
                with pytest.raises(InvalidStatus) as caught:
                    await websockets.connect(server.url, subprotocols=["graphql-transport-ws"],
                                             open_timeout=TIMEOUT)
                refused += 1
                response = caught.value.response
                assert response.status_code == 503
                assert response.headers.get("Retry-After") == "5", response.headers
                assert b"Too many connections" in response.body, response.body
        await others[0].close()
        # The slot frees when the server has seen the close: retry until it has.
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while True:
            try:
                again = await connect_acked(server)
                break
            except InvalidStatus as error:
                assert error.response.status_code == 503
                refused += 1
                assert asyncio.get_running_loop().time() < deadline, "no slot after a socket closed"
                await asyncio.sleep(0.02)
        await again.subscribe("q", QUERY)
        assert await again.single_result("q") == {"data": {"messages": []}}
        await side.verify()
        await again.close()
        await others[1].close()
        return refused
    refused = run(go())
    assert_only(server, connections=refused)


# ---------------------------------------------------------------------------- subscriptions

def open_files_limit(pid: int) -> tuple[int, int]:
    """The soft and hard `Max open files` of process `pid`, as /proc shows them."""
    for line in pathlib.Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max open files"):
            soft, hard = line.split()[3:5]
            return int(soft), int(hard)
    raise AssertionError(f"no open-files line in /proc/{pid}/limits")


def test_descriptor_limit_is_lowered_to_what_max_connections_needs(start_server):
    """A soft limit far above --max-connections is lowered to it plus 1,024 (libwebsockets scans
    a table of that many slots on every connection it opens and closes), said in the log; the
    server serves as before."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1124 + 1:
        pytest.skip(f"this process's descriptor limit ({soft}) is not above what the test asks for")
    server = start_server("--max-connections", 100)
    assert open_files_limit(server.proc.pid) == (1124, hard)
    assert server.wait_for_stderr(lambda line: "open-descriptor limit fitted" in line
                                  and "limit=1124" in line and f"was={soft}" in line), server.stderr()

    async def go():
        client = await connect_acked(server)
        await client.close()
    run(go())


def test_descriptor_limit_is_raised_to_what_max_connections_needs(start_server):
    """A soft limit below what --max-connections needs is raised (the hard limit allows it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < 4024:
        pytest.skip(f"the hard descriptor limit ({hard}) is below what the test asks for")
    resource.setrlimit(resource.RLIMIT_NOFILE, (1500, hard))
    try:
        server = start_server("--max-connections", 3000)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert open_files_limit(server.proc.pid) == (4024, hard)
    assert server.wait_for_stderr(lambda line: "limit=4024" in line and "was=1500" in line), server.stderr()


def test_max_subscriptions_error_keeps_the_socket_and_is_counted(start_server):
    server = start_server("--max-subscriptions", 2)

    async def go():
        side = await bystander(server)
        chat = unique()
        client = await connect_acked(server)
        async with side.posting():
            await client.subscribe("a", SUBSCRIPTION, {"chatId": chat, "after": "0"})
            await client.subscribe("b", SUBSCRIPTION, {"chatId": chat, "after": "0"})
            for id in ("c", "d"):
                await client.subscribe(id, QUERY)
                got = await client.recv()
                assert got["type"] == "error" and got["id"] == id, got
                [error] = got["payload"]
                assert error["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS", error
                assert "at most 2" in error["message"], error
            await client.barrier()
        # The two live subscriptions still work.
        posted = await asyncio.to_thread(post_message, server, chat, "still here")
        seen = {}
        for _ in range(2):
            got = await client.recv()
            assert got["type"] == "next", got
            seen[got["id"]] = got["payload"]["data"]["newMessage"]["id"]
        assert seen == {"a": posted["id"], "b": posted["id"]}
        await side.verify()
        await client.close()
    run(go())
    assert_only(server, subscriptions=2)


# ---------------------------------------------------------------------------- message bytes

def test_max_message_bytes_closes_1009_and_is_counted(start_server):
    server = start_server("--max-message-bytes", 1024)

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        async with side.posting():
            await client.send({"type": "ping", "payload": {"pad": "x" * 1100}})
            await client.expect_close(1009)
        await side.verify()
    run(go())
    assert_only(server, message_bytes=1, closes_1009=1)


def test_max_message_bytes_close_handshake_ends_at_once(start_server):
    """After refusing a message the server stays in step with the frames behind it: the client's
    close reply (a bare code, 8 bytes on the wire) ends the connection at once. The refusal used to
    drop what was left of that read, so the reply was taken for the rest of the big message and
    the socket hung until lws' 5 s close-acknowledgement timeout (in about one run in twenty of
    the test above, depending on the bytes of the websockets client's random mask)."""
    server = start_server("--max-message-bytes", 1024)
    for _ in range(3):
        raw = RawClient(server.port)
        raw.send_json({"type": "connection_init"})
        assert raw.read_json()["type"] == "connection_ack"
        raw.send_json({"type": "ping", "payload": {"pad": "x" * 1100}})
        frames, close = raw.read_until_close(timeout=TIMEOUT)
        assert (frames, close) == ([], (1009, "Message too big"))
        raw.send_frame(0x8, struct.pack("!H", 1009))
        started = time.monotonic()
        raw.sock.settimeout(TIMEOUT)
        try:
            assert raw.sock.recv(1) == b"", "the server sent more after its close frame"
        except ConnectionResetError:
            pass
        except socket.timeout:
            raise AssertionError(f"the connection was still open {TIMEOUT} s after the close reply") from None
        assert time.monotonic() - started < 2.0
        raw.close()
    assert_only(server, message_bytes=3, closes_1009=3)


# ---------------------------------------------------------------------------- rate

async def refill() -> None:
    """The rule is about time: a second refills any bucket to its burst."""
    await asyncio.sleep(1.1)


def test_rate_limited_subscribe_gets_an_error_and_the_socket_stays(start_server):
    """--max-messages-per-second 5: a burst of 8 `subscribe`s right after the ack (the
    `connection_init` spent a token) — 4 or 5 pass, the rest get RATE_LIMITED errors for their
    ids; 4 over the rate is not abuse (more than 5 is), so the socket stays and works once the
    bucket refills."""
    server = start_server("--max-messages-per-second", 5)

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        async with side.posting():
            ids = [f"q{i}" for i in range(8)]
            for id in ids:
                await client.subscribe(id, QUERY)
            results: dict[str, list[str]] = {id: [] for id in ids}
            limited = []
            finished: set[str] = set()
            while len(finished) < len(ids):
                got = await client.recv()
                if got["type"] in ("error", "complete"):
                    finished.add(got["id"])
                results[got["id"]].append(got["type"])
                if got["type"] == "error":
                    [error] = got["payload"]
                    assert error["extensions"] == {"code": "RATE_LIMITED"}, error
                    assert "at most 5 per second" in error["message"], error
                    limited.append(got["id"])
            for id in ids:
                assert results[id] in (["next", "complete"], ["error"]), (id, results[id])
            # 8 minus the 4 or 5 tokens left after the init (fewer if the machine is so slow
            # that tokens came back during the burst).
            assert 1 <= len(limited) <= 4, results
            await refill()
            await client.barrier()
            await client.subscribe("after", QUERY)
            assert await client.single_result("after") == {"data": {"messages": []}}
        await side.verify()
        await client.close()
        return len(limited)
    limited = run(go())
    assert_only(server, rate=limited)


def test_pings_over_the_rate_are_dropped_and_complete_is_honoured(start_server):
    """Over the rate a `ping` gets no `pong` (dropped, counted), while a `complete` still stops
    its subscription: it only frees work, and dropping it would leave running a subscription the
    client believes stopped."""
    server = start_server("--max-messages-per-second", 5)

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        chat = unique()
        await client.subscribe("s", SUBSCRIPTION, {"chatId": chat})
        await client.barrier()
        await refill()
        async with side.posting():
            # 5 tokens: five pings pass, three are dropped, and the complete is over the rate
            # too (4 over in all, not abuse) — unless tokens come back during the burst on a
            # slow machine, which lets more pings through.
            for i in range(8):
                await client.send({"type": "ping", "payload": {"n": i}})
            await client.complete("s")
            await refill()
            await client.send({"type": "ping", "payload": {"n": "last"}})
            pongs = []
            while True:
                got = await client.recv()
                assert got["type"] == "pong", got
                if got["payload"]["n"] == "last":
                    break
                pongs.append(got["payload"]["n"])
            assert pongs[:5] == [0, 1, 2, 3, 4] and pongs == sorted(pongs) and len(pongs) < 8, pongs
        # The subscription is gone: a message to its chat, then one to the bystander's (events
        # fan out in id order, so once the bystander has the second the first went out too).
        await asyncio.to_thread(post_message, server, chat, "after the complete")
        await side.post()
        await side.verify()
        await client.barrier()  # no `next` for `s` came before the pong
        await client.close()
        return 8 - len(pongs)
    dropped = run(go())
    assert_only(server, rate=dropped)


def test_persistent_abuse_closes_1008(start_server):
    """More than N messages over the rate within 10 s: close 1008 `Too many messages`
    (graphql-ws clients treat 1008 as fatal and do not reconnect by themselves)."""
    server = start_server("--max-messages-per-second", 5)

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        async with side.posting():
            for i in range(40):
                await client.send({"type": "ping", "payload": {"n": i}})
            _, _, seen = await client.expect_close(1008, "Too many messages", allow_messages=True)
            assert len(seen) >= 4, seen  # the pongs of the pings within the rate
        await side.verify()
    run(go())
    metrics = limit_metrics(server)
    # The close comes at the sixth message over the rate; pings after it are not counted.
    assert metrics["rate"] == 6, metrics
    assert_only(server, rate=6, rate_closes=1, closes_1008=1)


def test_rate_limit_zero_means_no_limit(start_server):
    server = start_server("--max-messages-per-second", 0)

    async def go():
        client = await connect_acked(server)
        for i in range(500):
            await client.send({"type": "ping", "payload": {"n": i}})
        for i in range(500):
            assert await client.recv() == {"type": "pong", "payload": {"n": i}}
        await client.close()
    run(go())
    assert_only(server)


# ---------------------------------------------------------------------------- depth and fields

DEEP = """query Deep {
  __schema {
    types {
      fields {
        type { ...Wrapped }
      }
    }
  }
}
fragment Wrapped on __Type { ofType { ofType { name } } }"""


def test_max_depth_is_a_validation_error_on_the_socket_and_over_http(start_server):
    """--max-depth 6: DEEP nests 7 fields (__schema types fields type ofType ofType name, two
    of them in a fragment, counted where it is spread)."""
    server = start_server("--max-depth", 6)
    expected = {
        "message": "Query is too deep: depth 7 exceeds the limit of 6.",
        "locations": [{"line": 10, "column": 48}],
        "extensions": {"code": "GRAPHQL_VALIDATION_FAILED", "limit": "depth"},
    }

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        async with side.posting():
            for id in ("d1", "d2"):  # the second comes from the document cache
                await client.subscribe(id, DEEP)
                got = await client.recv()
                assert got == {"type": "error", "id": id, "payload": [expected]}, got
            await client.barrier()
            assert http_error(graphql_http(server, DEEP)) == expected
            # One level less is fine.
            shallow = DEEP.replace("ofType { ofType { name } }", "ofType { name }")
            response = graphql_http(server, shallow)
            assert response.status_code == 200 and "errors" not in response.json(), response.text
        await side.verify()
        await client.close()
    run(go())
    assert_only(server, depth=3)


def test_max_fields_is_a_validation_error_on_the_socket_and_over_http(start_server):
    """--max-fields 10: six aliases of `messages { id }` are 12 fields."""
    server = start_server("--max-fields", 10)
    wide = "{\n" + "".join(f'  m{i}: messages(chatId: "x") {{ id }}\n' for i in range(6)) + "}"
    expected = {
        "message": "Query selects 12 fields (aliases included); the limit is 10.",
        "locations": [{"line": 1, "column": 1}],
        "extensions": {"code": "GRAPHQL_VALIDATION_FAILED", "limit": "fields"},
    }

    async def go():
        side = await bystander(server)
        client = await connect_acked(server)
        async with side.posting():
            await client.subscribe("w", wide)
            assert await client.recv() == {"type": "error", "id": "w", "payload": [expected]}
            assert http_error(graphql_http(server, wide)) == expected
            response = graphql_http(server, wide, accept="application/graphql-response+json")
            assert response.status_code == 400 and response.json()["errors"] == [expected], response.text
            five = "{\n" + "".join(f'  m{i}: messages(chatId: "x") {{ id }}\n' for i in range(5)) + "}"
            await client.subscribe("ok", five)
            assert "errors" not in await client.single_result("ok")
        await side.verify()
        await client.close()
    run(go())
    assert_only(server, fields=3)


def test_default_limits_accept_the_standard_introspection_query(start_server):
    """The defaults (--max-depth 20, --max-fields 1000) leave room for the full introspection
    query clients send (depth 15, 220 fields)."""
    server = start_server()
    query = (CORPUS / "valid_introspection_full_standard.graphql").read_text()
    response = graphql_http(server, query)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body and body["data"]["__schema"]["queryType"]["name"] == "Query", body
    assert_only(server)


# ---------------------------------------------------------------------------- body bytes

def test_max_body_bytes_is_413_and_is_counted(start_server):
    server = start_server("--max-body-bytes", 1000)
    headers = {"Content-Type": "application/json", "Accept": "application/json",
               "Authorization": f"Bearer {publisher_token()}"}

    async def go():
        side = await bystander(server)
        async with side.posting():
            body = '{"query": "{ messages(chatId: \\"x\\") { id } }"}'
            padded = body[:-1] + " " * (1001 - len(body)) + "}"
            assert len(padded) == 1001
            response = await asyncio.to_thread(
                requests.post, server.graphql_http, data=padded, headers=headers, timeout=TIMEOUT)
            assert response.status_code == 413, response.text
            assert "the limit is 1000 bytes" in response.text, response.text
            exact = body[:-1] + " " * (1000 - len(body)) + "}"
            response = await asyncio.to_thread(
                requests.post, server.graphql_http, data=exact, headers=headers, timeout=TIMEOUT)
            assert response.status_code == 200 and response.json() == {"data": {"messages": []}}, response.text
        await side.verify()
    run(go())
    assert_only(server, body_bytes=1)
