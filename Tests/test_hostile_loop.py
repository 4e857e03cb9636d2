"""The seeded hostile loop (issue 5, "Tests"): 1,000 malformed frames, messages and HTTP requests
over real sockets, each checked for the answer protocol.md (or RFC 6455, or the GraphQL-over-HTTP
contract) defines, while a well-behaved client subscribed to a chat receives every message posted
meanwhile. Afterwards `/healthz` is 200 and the server's stderr shows no crash.

The seed is fixed, so a failure names a case that can be replayed: `HOSTILE_SEED=<n>` overrides
it to explore further. Each case runs on a fresh connection when it ends the connection, and on one
reused connection when it must not (valid-but-odd messages, fragmented messages).

Close codes checked (protocol.md): 4400 for malformed messages, binary frames, invalid UTF-8 (the
JSON is then not valid) and client-sent server messages; 4401 subscribe before the ack; 4409 a
duplicate id (reason cut to 123 bytes); 4429 a second init; 1009 a message over
--max-message-bytes. Framing errors (RFC 6455, answered by libwebsockets): 1002 for bad opcodes,
reserved bits, broken fragmentation, fragmented control frames and invalid close codes. Where
nothing is defined (a frame cut short, a control frame over 125 bytes) the connection must end
within the timeout without harming anyone else.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import struct
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from server_support import (TIMEOUT, RawClient, Server, connect_acked, new_message_subscription,
                            post_message, run, unique)

SEED = int(os.environ.get("HOSTILE_SEED", "20261205"))
CASES = 1000
POST_EVERY = 10  # one message posted for the watcher every ten cases: 100 in all
MAX_MESSAGE = 4096
MAX_BODY = 8192
VALID_TYPES = {"connection_init", "connection_ack", "ping", "pong", "subscribe", "next", "error", "complete"}
SUBSCRIPTION = 'subscription { newMessage(chatId: "hostile-loop-elsewhere") { id } }'
CRASH_SIGNS = ("Fatal error", "fatal error", "Segmentation fault", "AddressSanitizer", "panic", "Illegal instruction",
               "Internal server error", "internal failure", "core dumped")


@dataclass
class Loop:
    server: Server
    rng: random.Random
    reused: RawClient | None = None
    outcomes: Counter = field(default_factory=Counter)

    # -- connections
    def fresh(self, acked: bool) -> RawClient:
        raw = RawClient(self.server.port)
        if acked:
            raw.send_json({"type": "connection_init"})
            assert raw.read_json() == {"type": "connection_ack"}
        return raw

    def reusable(self) -> RawClient:
        if self.reused is None:
            self.reused = self.fresh(acked=True)
        return self.reused

    def expect_close(self, raw: RawClient, codes: set[int | None], what: str) -> tuple[int, str] | None:
        """Reads to the end of `raw` and checks how it ended (None: no close frame)."""
        try:
            frames, close = raw.read_until_close(timeout=TIMEOUT * 2)
        finally:
            raw.close()
        code = close[0] if close else None
        assert code in codes, f"{what}: expected close {sorted(codes, key=str)}, got {close} after {frames[:3]}"
        if close:
            assert len(close[1].encode()) <= 123, f"{what}: close reason over 123 bytes: {close}"
        self.outcomes[f"close {code}"] += 1
        return close

    # -- payload helpers
    def text(self, alphabet: str, low: int, high: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(low, high)))

    def masked_frame(self, first_byte: int, payload: bytes, declared: int | None = None) -> bytes:
        length = len(payload) if declared is None else declared
        if length < 126:
            header = bytes([first_byte, 0x80 | length])
        elif length < 65536:
            header = bytes([first_byte, 0x80 | 126]) + struct.pack("!H", length)
        else:
            header = bytes([first_byte, 0x80 | 127]) + struct.pack("!Q", length)
        mask = self.rng.randbytes(4)
        return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


# ------------------------------------------------------------------ cases on a fresh connection

def bad_json(loop: Loop) -> None:
    valid = json.dumps(loop.rng.choice([
        {"type": "connection_init", "payload": {"token": "x"}},
        {"type": "subscribe", "id": "1", "payload": {"query": SUBSCRIPTION}},
        {"type": "ping", "payload": {"a": [1, 2, {"b": None}]}},
    ]))
    kind = loop.rng.choice(["truncated", "garbage", "trailing", "empty"])
    if kind == "truncated":
        text = valid[:loop.rng.randrange(len(valid) - 1)]
    elif kind == "garbage":
        text = loop.text('{}[]:,"\\ntrufalse0123456789.eE+-abc \t', 1, 200)
    elif kind == "trailing":
        text = valid + loop.rng.choice(["}", "x", ",", "{}", " 1"])
    else:
        text = loop.rng.choice(["", " ", "\n\t"])
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    raw.send_frame(0x1, text.encode())
    loop.expect_close(raw, {4400}, f"bad JSON ({kind}) {text[:60]!r}")


def wrong_types(loop: Loop) -> None:
    rng = loop.rng
    weird = [None, True, 0, -1, 1.5, 10 ** rng.randint(20, 300), [], [1], {}, {"a": 1}, "", "x"]
    base_payload = {"query": SUBSCRIPTION}
    choices: list[tuple[str, dict, bool]] = [
        ("type", {"type": rng.choice([v for v in weird if not isinstance(v, str)])}, False),
        ("init payload", {"type": "connection_init", "payload": rng.choice([True, 0, 1.5, [], [1], "", "tok"])}, False),
        ("ping payload", {"type": "ping", "payload": rng.choice([True, 0, [], [1], "", "x"])}, False),
        ("subscribe id", {"type": "subscribe", "id": rng.choice([None, True, 0, 10 ** rng.randint(20, 300), [], {}, ""]),
                          "payload": base_payload}, True),
        ("subscribe payload", {"type": "subscribe", "id": "p", "payload": rng.choice([None, True, 0, [], "q", ""])}, True),
        ("query", {"type": "subscribe", "id": "q", "payload": {"query": rng.choice([None, 1, [], {}, True])}}, True),
        ("operationName", {"type": "subscribe", "id": "o",
                           "payload": {**base_payload, "operationName": rng.choice([1, [], {}, True])}}, True),
        ("variables", {"type": "subscribe", "id": "v",
                       "payload": {**base_payload, "variables": rng.choice([1, [], "x", True])}}, True),
        ("extensions", {"type": "subscribe", "id": "e",
                        "payload": {**base_payload, "extensions": rng.choice([1, [], "x", True])}}, True),
        ("complete id", {"type": "complete", "id": rng.choice([None, 0, [], {}, ""])}, False),
        ("missing type", {"id": "1", "payload": {}}, False),
    ]
    name, obj, _ = rng.choice(choices)
    raw = loop.fresh(acked=rng.random() < 0.5)
    raw.send_json(obj)
    loop.expect_close(raw, {4400}, f"wrong type of {name}: {json.dumps(obj)[:80]}")


def server_or_unknown_type(loop: Loop) -> None:
    rng = loop.rng
    if rng.random() < 0.5:
        kind = rng.choice(["next", "error", "connection_ack"])
    else:
        kind = loop.text("abcdefghijklmnopqrstuvwxyz_ é", 0, 40)
        if kind in VALID_TYPES:
            kind += "!"
    raw = loop.fresh(acked=rng.random() < 0.5)
    raw.send_json({"type": kind, "id": "1", "payload": {}})
    loop.expect_close(raw, {4400}, f"message type {kind!r} from a client")


def huge_id(loop: Loop) -> None:
    """A long id is fine; the same id again is 4409 with the reason cut to fit a close frame."""
    alphabet = "abcXYZ019-_é🙂\"\\ "
    while True:
        id_ = loop.text(alphabet, 200, 3000)
        message = json.dumps({"type": "subscribe", "id": id_, "payload": {"query": SUBSCRIPTION}})
        if len(message.encode()) <= MAX_MESSAGE:
            break
    raw = loop.fresh(acked=True)
    raw.send_frame(0x1, message.encode())
    raw.send_frame(0x1, message.encode())
    close = loop.expect_close(raw, {4409}, f"duplicate id of {len(id_)} characters")
    assert close and close[1].startswith("Subscriber for "), close


def protocol_order(loop: Loop) -> None:
    if loop.rng.random() < 0.5:
        raw = loop.fresh(acked=True)
        raw.send_json({"type": "connection_init"})
        loop.expect_close(raw, {4429}, "second connection_init")
    else:
        raw = loop.fresh(acked=False)
        raw.send_json({"type": "subscribe", "id": "early", "payload": {"query": SUBSCRIPTION}})
        loop.expect_close(raw, {4401}, "subscribe before the ack")


def binary_frame(loop: Loop) -> None:
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    data = loop.rng.choice([json.dumps({"type": "ping"}).encode(), loop.rng.randbytes(loop.rng.randint(0, 300))])
    raw.send_frame(0x2, data)
    loop.expect_close(raw, {4400}, f"binary frame of {len(data)} bytes")


INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3", b"\xc3(", b"\xe2\x28\xa1", b"\xf0\x90\x28\xbc", b"\x80",
                b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xf4\x90\x80\x80"]


def invalid_utf8(loop: Loop) -> None:
    bad = loop.rng.choice(INVALID_UTF8)
    where = loop.rng.choice(["string", "key", "outside"])
    if where == "string":
        data = b'{"type":"ping","payload":{"text":"a' + bad + b'b"}}'
    elif where == "key":
        data = b'{"type":"ping","payload":{"' + bad + b'":1}}'
    else:
        data = b'{"type":"ping"}' + bad
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    raw.send_frame(0x1, data)
    loop.expect_close(raw, {4400}, f"invalid UTF-8 {bad!r} in the {where}")


def broken_fragments(loop: Loop) -> None:
    raw = loop.fresh(acked=True)
    kind = loop.rng.choice(["continuation first", "text inside a message", "binary inside a message"])
    if kind == "continuation first":
        raw.send_frame(0x0, b'{"type":"ping"}')
    else:
        raw.send_frame(0x1, b'{"type":', fin=False)
        raw.send_frame(0x1 if kind == "text inside a message" else 0x2, b'"ping"}')
    loop.expect_close(raw, {1002}, f"fragments: {kind}")


def bad_opcode(loop: Loop) -> None:
    opcode = loop.rng.choice([0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF])
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    raw.send_frame(opcode, loop.rng.randbytes(loop.rng.randint(0, 20)))
    loop.expect_close(raw, {1002}, f"opcode {opcode:#x}")


def reserved_bits(loop: Loop) -> None:
    bits = loop.rng.choice([0x40, 0x20, 0x10, 0x60, 0x70])
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    raw.sock.sendall(loop.masked_frame(0x80 | bits | 0x1, b'{"type":"ping"}'))
    loop.expect_close(raw, {1002}, f"reserved bits {bits:#x}")


def bad_control_frame(loop: Loop) -> None:
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    kind = loop.rng.choice(["fragmented ping", "invalid close code", "ping over 125 bytes"])
    if kind == "fragmented ping":
        raw.send_frame(0x9, b"x", fin=False)
        loop.expect_close(raw, {1002}, kind)
    elif kind == "invalid close code":
        code = loop.rng.choice([0, 1, 999, 1004, 1005, 1006, 1015, 1100, 2000, 2999])
        raw.send_frame(0x8, struct.pack("!H", code))
        loop.expect_close(raw, {1002}, f"{kind} {code}")
    else:
        # RFC 6455 forbids it; libwebsockets drops the connection without a close frame.
        raw.send_frame(0x9, b"p" * loop.rng.randint(126, 1000))
        loop.expect_close(raw, {1002, None}, kind)


def truncated_frame(loop: Loop) -> None:
    """A frame cut short, then the client's side shut: nothing is defined but a prompt end."""
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    payload = json.dumps({"type": "ping", "payload": {"p": "x" * loop.rng.randint(0, 200)}}).encode()
    frame = loop.masked_frame(0x81, payload)
    raw.sock.sendall(frame[:loop.rng.randrange(1, len(frame))])
    raw.sock.shutdown(socket.SHUT_WR)
    loop.expect_close(raw, {None, 1002}, "a frame cut short")


def oversize(loop: Loop) -> None:
    raw = loop.fresh(acked=loop.rng.random() < 0.5)
    kind = loop.rng.choice(["one frame", "fragments", "declared length"])
    if kind == "one frame":
        raw.send_frame(0x1, b'{"type":"ping","payload":{"p":"' + b"x" * (MAX_MESSAGE + loop.rng.randint(0, 20000)) + b'"}}')
    elif kind == "fragments":
        piece = b"x" * loop.rng.randint(500, 2000)
        raw.send_frame(0x1, b'{"type":"ping","payload":{"p":"', fin=False)
        for _ in range(MAX_MESSAGE // len(piece) + 1):
            raw.send_frame(0x0, piece, fin=False)
        raw.send_frame(0x0, b'"}}')
    else:
        # The header promises far more than the limit; only a few bytes follow.
        raw.sock.sendall(loop.masked_frame(0x81, b"abcd", declared=loop.rng.choice([MAX_MESSAGE + 1, 1 << 20, 1 << 40])))
    loop.expect_close(raw, {1009}, f"message over --max-message-bytes ({kind})")


def garbage_http(loop: Loop) -> None:
    rng = loop.rng
    url = loop.server.graphql_http
    kind = rng.choice(["method", "content type", "body", "too large", "no query", "junk", "long header"])
    if kind in ("junk", "long header"):
        if kind == "junk":
            data = rng.choice([rng.randbytes(rng.randint(1, 400)), b"GARBAGE\r\n\r\n", b"GET\r\n\r\n",
                               b"GET /graphql HTTP/1.1\r\nHost\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00"])
        else:
            data = b"GET /graphql?query={__typename} HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * rng.randint(8000, 30000) + b"\r\n\r\n"
        with socket.create_connection((loop.server.host, loop.server.port), timeout=TIMEOUT) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            answer = b""
            try:
                while chunk := sock.recv(65536):
                    answer += chunk
            except ConnectionResetError:
                pass
        status = int(answer[9:12]) if answer.startswith(b"HTTP/1.") else None
        assert status is None or 400 <= status < 500, f"{kind}: {answer[:100]!r}"
        loop.outcomes[f"http {status}"] += 1
        return
    headers = {"Accept": "application/graphql-response+json"}
    if kind == "method":
        method = rng.choice(["PUT", "DELETE", "PATCH"])
        r = requests.request(method, url, data=b"{}", headers=headers, timeout=TIMEOUT)
        expected = 405
        assert "GET" in r.headers.get("Allow", "") and "POST" in r.headers.get("Allow", ""), r.headers
    elif kind == "content type":
        content_type = rng.choice(["text/plain", "application/x-www-form-urlencoded", "application/graphql",
                                   "application/json; charset=latin1", "multipart/form-data; boundary=x"])
        r = requests.post(url, data=b'{"query":"{ __typename }"}', timeout=TIMEOUT,
                          headers={**headers, "Content-Type": content_type})
        expected = 415
    elif kind == "body":
        body = rng.choice([b"{", b"[]", b'"q"', b'{"query": 5}', b"\xff\xfe", b'{"query": "{ me }", "variables": []}',
                           rng.randbytes(rng.randint(1, 200))])
        r = requests.post(url, data=body, timeout=TIMEOUT, headers={**headers, "Content-Type": "application/json"})
        expected = 400
    elif kind == "too large":
        r = requests.post(url, data=b"x" * (MAX_BODY + rng.randint(1, 20000)), timeout=TIMEOUT,
                          headers={**headers, "Content-Type": "application/json"})
        expected = 413
    else:
        r = requests.get(url, params={rng.choice(["operationName", "variables", "q"]): "x"}, headers=headers,
                         timeout=TIMEOUT)
        expected = 400
    assert r.status_code == expected, f"HTTP {kind}: {r.status_code} {r.text[:200]}"
    loop.outcomes[f"http {r.status_code}"] += 1


# ------------------------------------------------------------------ cases on the reused connection

def fragmented_ping(loop: Loop) -> None:
    raw = loop.reusable()
    token = loop.text("abcé🙂 ", 1, 300)
    data = json.dumps({"type": "ping", "payload": {"token": token}}, ensure_ascii=False).encode()
    cuts = sorted(loop.rng.sample(range(1, len(data)), k=min(len(data) - 1, loop.rng.randint(1, 6))))
    pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)])]
    for i, piece in enumerate(pieces):
        raw.send_frame(0x1 if i == 0 else 0x0, piece, fin=i == len(pieces) - 1)
    assert raw.read_json() == {"type": "pong", "payload": {"token": token}}
    loop.outcomes["pong (fragmented)"] += 1


def odd_but_valid(loop: Loop) -> None:
    raw = loop.reusable()
    depth = loop.rng.randint(1, 60)
    message = loop.rng.choice([
        {"type": "pong", "payload": {"unasked": True}},
        {"type": "pong"},
        {"type": "complete", "id": loop.text("xyz", 1, 50)},
        {"type": "ping", "payload": json.loads("{\"a\":" * depth + "[]" + "}" * depth)},
        {"type": "ping", "payload": {"n": [0, -0.0, 1e300, -1.5e-300, 12345678901234567890]}},
        {"type": "ping", "extra": "ignored", "id": 5},
    ])
    raw.send_json(message)
    token = f"after-{loop.rng.random()}"
    raw.send_json({"type": "ping", "payload": {"token": token}})
    got = raw.read_json()
    if message["type"] == "ping":
        assert got["type"] == "pong", got
        got = raw.read_json()
    assert got == {"type": "pong", "payload": {"token": token}}, (message, got)
    loop.outcomes["still open"] += 1


CASE_KINDS: list[Callable[[Loop], None]] = [
    bad_json, wrong_types, server_or_unknown_type, huge_id, protocol_order, binary_frame, invalid_utf8,
    broken_fragments, bad_opcode, reserved_bits, bad_control_frame, truncated_frame, oversize, garbage_http,
    fragmented_ping, odd_but_valid,
]


def test_seeded_hostile_loop_leaves_the_server_serving(start_server) -> None:
    server = start_server("--max-message-bytes", MAX_MESSAGE, "--max-body-bytes", MAX_BODY)
    rng = random.Random(SEED)
    loop = Loop(server, rng)
    chat = unique("watched")
    posted: list[dict] = []
    kinds: Counter = Counter()

    def hostile() -> None:
        order = [CASE_KINDS[i % len(CASE_KINDS)] for i in range(CASES)]
        rng.shuffle(order)
        for number, case in enumerate(order):
            try:
                case(loop)
            except Exception as failure:
                raise AssertionError(f"case {number} ({case.__name__}, seed {SEED}): {failure}") from failure
            kinds[case.__name__] += 1
            if number % POST_EVERY == 0:
                posted.append(post_message(server, chat, f"message {len(posted)} after case {number}"))
        if loop.reused:
            loop.reused.close()

    async def scenario() -> list[dict]:
        watcher = await connect_acked(server)
        await watcher.subscribe("watch", new_message_subscription(), {"chatId": chat})
        await watcher.barrier()
        received: list[dict] = []

        async def read() -> None:
            while True:
                received.append(await watcher.next_for("watch", timeout=600))

        reader = asyncio.create_task(read())
        try:
            await asyncio.to_thread(hostile)
            deadline = time.monotonic() + TIMEOUT
            while len(received) < len(posted) and time.monotonic() < deadline and not reader.done():
                await asyncio.sleep(0.02)
        finally:
            reader.cancel()
            outcome = (await asyncio.gather(reader, return_exceptions=True))[0]
        if not isinstance(outcome, asyncio.CancelledError):
            raise AssertionError(f"the watcher stopped reading: {outcome!r}")
        await watcher.barrier()  # still open and answering
        await watcher.close()
        return received

    started = time.monotonic()
    received = run(scenario())
    elapsed = time.monotonic() - started

    assert sum(kinds.values()) == CASES, kinds
    assert len(posted) == CASES // POST_EVERY
    assert received == [{"data": {"newMessage": p}} for p in posted], (
        f"the watcher got {len(received)} of {len(posted)} messages")
    health = requests.get(server.http + "/healthz", timeout=TIMEOUT)
    assert health.status_code == 200, health.text
    assert server.running()
    log = server.stderr()
    for sign in CRASH_SIGNS:
        assert sign not in log, f"{sign!r} in the server's stderr:\n{log[-3000:]}"
    print(f"seed {SEED}: {CASES} cases in {elapsed:.1f} s; {dict(kinds)}; outcomes {dict(loop.outcomes)}")


def test_a_frame_declared_over_the_limit_closes_1009_at_once(start_server) -> None:
    """Found while writing the loop: a frame whose header declares more than --max-message-bytes
    but sends only its first bytes used to be buffered while the server waited for the rest (until
    keepalive gave up); the declared length now decides at once. Other clients are unaffected."""
    server = start_server("--max-message-bytes", MAX_MESSAGE)
    raw = RawClient(server.port)
    raw.send_json({"type": "connection_init"})
    assert raw.read_json() == {"type": "connection_ack"}
    loop = Loop(server, random.Random(SEED))
    raw.sock.sendall(loop.masked_frame(0x81, b'{"type":', declared=1 << 40))
    frames, close = raw.read_until_close(timeout=TIMEOUT)
    raw.close()
    assert close is not None and close[0] == 1009, (frames, close)

    async def other_client() -> None:
        client = await connect_acked(server)
        await client.barrier()
        await client.close()

    run(other_client())
