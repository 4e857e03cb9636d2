"""The cases of the seeded hostile loop (Tests/test_hostile_loop.py): each sends one malformed
frame, message or HTTP request over a real socket and checks the answer that protocol.md, RFC 6455
or the GraphQL-over-HTTP contract defines for it. `Loop` holds the server, the seeded random
generator and the one connection that cases which must not close it share.
"""
from __future__ import annotations

import json
import os
import random
import socket
import struct
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from server_support import TIMEOUT, RawClient, Server

SEED = int(os.environ.get("HOSTILE_SEED", "20261205"))  # HOSTILE_SEED=<n> explores further
MAX_MESSAGE = 4096
MAX_BODY = 8192
VALID_TYPES = {"connection_init", "connection_ack", "ping", "pong", "subscribe", "next", "error", "complete"}
SUBSCRIPTION = 'subscription { newMessage(chatId: "hostile-loop-elsewhere") { id } }'


@dataclass
class Loop:
    """What every case gets: the server, the seeded generator, the shared connection, and a tally
    of outcomes (close codes, HTTP statuses) for the report."""

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
