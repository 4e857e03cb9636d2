"""Running `switchboard serve` as a black box, and small clients to talk to it.

Everything here follows docs/contract.md ("`switchboard serve`", "Endpoints", "The store") and
docs/protocol.md; nothing is taken from the server's code. Waits are always bounded and always
wait for something (a stderr line, a message, a close frame, a row): no blind sleeps.

- `Server`: one `switchboard serve` process on a free port with its own store; stderr is read by a
  thread so the pipe never fills and tests can wait for log lines.
- `start_server` (factory fixture) and `server` (fixture): started per test; teardown sends
  SIGTERM and asserts exit status 0 within 5 seconds, as the contract promises.
- `Client`: a graphql-transport-ws client on `websockets` that hides nothing (every message is
  seen by the test), with `barrier()` to prove that nothing was sent in between.
- `RawClient`: a WebSocket client on a plain socket, for what `websockets` will not do (exact
  `Sec-WebSocket-Protocol` headers, a tiny receive buffer, a peer that never reads or pongs).
- HTTP and store helpers (`graphql_http`, `post_message`, `store_rows`, `wait_until`).
"""
from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import pathlib
import re
import signal
import socket
import sqlite3
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest
import requests
import websockets
from websockets.exceptions import ConnectionClosed

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROTOCOL = "graphql-transport-ws"
# The longest a test waits for one thing that must happen (a message, a close, a row). Generous
# for a loaded machine; a passing run never waits this long.
TIMEOUT = 5.0
START_TIMEOUT = 20.0
SHUTDOWN_SECONDS = 5.0  # contract.md: "exit 0 within 5 seconds"
LISTENING = re.compile(r"listening on ws://(?P<host>[^:/\s]+):(?P<port>\d+)/graphql\s*$")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
# The HS256 key every test server gets (`--secret`) unless a test passes its own `--secret` or
# asks for development mode (`start_server(dev=True)`). Tokens are minted with PyJWT, an
# implementation no one here wrote, so the server's verification is checked against it.
TEST_SECRET = "switchboard-test-secret-0123456789abcdef"


def make_token(sub: str = "backend", *, role: str | None = "publisher", name: str | None = None,
               exp: float | None = None, secret: str = TEST_SECRET, **claims: Any) -> str:
    """A signed HS256 token with contract.md's claims (`role=None` leaves the claim out)."""
    body: dict[str, Any] = {"sub": sub, **claims}
    if role is not None:
        body["role"] = role
    if name is not None:
        body["name"] = name
    if exp is not None:
        body["exp"] = int(exp)
    return jwt.encode(body, secret, algorithm="HS256")


def publisher_token(secret: str = TEST_SECRET) -> str:
    return make_token("backend", role="publisher", name="Backend", secret=secret)


DEFAULT_TOKEN: Any = object()  # "send a publisher token signed with TEST_SECRET"


# ---------------------------------------------------------------------------- the binary

def binary_path() -> pathlib.Path:
    """The same binary conftest.py's `switchboard_bin` fixture uses."""
    return pathlib.Path(os.environ.get("SWITCHBOARD_BIN", ROOT / ".build" / "release" / "switchboard"))


def serve_missing_reason(binary: pathlib.Path | None = None) -> str | None:
    """Why these suites cannot run yet, or None when `switchboard serve` exists.

    A missing binary is *not* a reason to skip: the `switchboard_bin` fixture fails on it, as for
    every other black-box suite."""
    binary = binary or binary_path()
    if not binary.exists():
        return None
    try:
        shown = subprocess.run([str(binary), "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"`{binary} --help` failed: {error}"
    text = shown.stdout + shown.stderr
    # The subcommand list of swift-argument-parser: "  serve   Start the server..." on its own line.
    if re.search(r"^\s+serve(\s|$)", text, re.MULTILINE):
        return None
    return f"{binary} has no `serve` subcommand yet (issue 4): the server conformance suite waits for it"


def require_serve() -> None:
    """Skip the calling test module, at collection, when the binary has no `serve` yet."""
    reason = serve_missing_reason()
    if reason:
        pytest.skip(reason, allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------- the server

@dataclass
class Server:
    """A running `switchboard serve`."""

    binary: pathlib.Path
    db: pathlib.Path
    flags: tuple[str, ...] = ()
    host: str = "127.0.0.1"
    port: int = 0
    proc: subprocess.Popen[str] | None = None
    stderr_lines: list[str] = field(default_factory=list)
    _stderr_changed: threading.Condition = field(default_factory=threading.Condition)
    _stderr_done: bool = False
    expected_exit: int | None = 0  # None once the test killed it on purpose
    dev: bool = False  # development mode: no `--secret` (the server makes and keeps its own)

    @property
    def secret(self) -> str | None:
        """The `--secret` this server runs with (None in development mode)."""
        if "--secret" in self.flags:
            return self.flags[self.flags.index("--secret") + 1]
        return None if self.dev else TEST_SECRET

    @property
    def tls(self) -> bool:
        """Started with `--tls-cert` and `--tls-key`: it serves wss:// and https://."""
        return "--tls-cert" in self.flags and "--tls-key" in self.flags

    @property
    def url(self) -> str:
        return f"{'wss' if self.tls else 'ws'}://{self.host}:{self.port}/graphql"

    @property
    def http(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"

    @property
    def graphql_http(self) -> str:
        return self.http + "/graphql"

    def start(self) -> "Server":
        self.port = self.port or free_port()
        secret = [] if self.dev or "--secret" in self.flags else ["--secret", TEST_SECRET]
        command = [str(self.binary), "serve", "--host", self.host, "--port", str(self.port),
                   "--db", str(self.db), *secret, *self.flags]
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True, errors="replace")
        threading.Thread(target=self._read_stderr, daemon=True).start()
        wanted = f"listening on {self.url}"
        if not self.wait_for_stderr(lambda line: line.strip() == wanted, START_TIMEOUT):
            status = self.proc.poll()
            self.expected_exit = None  # reported here, not again at teardown
            if status is None:
                self.proc.kill()
                self.proc.wait()
            pytest.fail(f"`{' '.join(command)}` did not print {wanted!r} within {START_TIMEOUT} s "
                        f"(exit status {status}); stderr:\n{self.stderr()}")
        return self

    def _read_stderr(self) -> None:
        assert self.proc and self.proc.stderr
        for line in self.proc.stderr:
            with self._stderr_changed:
                self.stderr_lines.append(line.rstrip("\n"))
                self._stderr_changed.notify_all()
        with self._stderr_changed:
            self._stderr_done = True
            self._stderr_changed.notify_all()

    def stderr(self) -> str:
        with self._stderr_changed:
            return "\n".join(self.stderr_lines)

    def wait_for_stderr(self, predicate: Callable[[str], bool], timeout: float = TIMEOUT,
                        start: int = 0) -> str | None:
        """The first stderr line from index `start` on that satisfies `predicate`, waiting for it
        at most `timeout` seconds (None if it never came or stderr ended)."""
        deadline = time.monotonic() + timeout
        with self._stderr_changed:
            index = start
            while True:
                while index < len(self.stderr_lines):
                    if predicate(self.stderr_lines[index]):
                        return self.stderr_lines[index]
                    index += 1
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stderr_done:
                    return None
                self._stderr_changed.wait(remaining)

    def stderr_mark(self) -> int:
        """An index for `wait_for_stderr(start=...)`: only lines printed from now on."""
        with self._stderr_changed:
            return len(self.stderr_lines)

    def terminate(self, sig: int = signal.SIGTERM, timeout: float = SHUTDOWN_SECONDS) -> int:
        """Send `sig` and return the exit status; fails the test when it takes over `timeout`."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"switchboard serve did not exit within {timeout} s of signal {sig}; "
                        f"stderr:\n{self.stderr()}")

    def kill(self) -> None:
        """SIGKILL, as a crash: the teardown then expects nothing of the exit status."""
        assert self.proc is not None
        self.expected_exit = None
        self.proc.kill()
        self.proc.wait()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


@pytest.fixture
def serve_bin(switchboard_bin: pathlib.Path) -> pathlib.Path:
    reason = serve_missing_reason(switchboard_bin)
    if reason:
        pytest.skip(reason)
    return switchboard_bin


@pytest.fixture
def start_server(serve_bin: pathlib.Path, tmp_path: pathlib.Path):
    """`start_server("--max-subscriptions", "3")` starts `switchboard serve` with extra flags on a
    free port, by default with this test's store `tmp_path/store.sqlite` (pass `db=` to share or
    reuse one) and `--secret TEST_SECRET` (pass `dev=True` for development mode, or a `--secret`). Teardown: SIGTERM to each server still running, exit 0 within 5 seconds."""
    servers: list[Server] = []

    def start(*flags: object, db: pathlib.Path | None = None, port: int = 0, dev: bool = False) -> Server:
        server = Server(serve_bin, db or tmp_path / "store.sqlite", tuple(map(str, flags)), port=port, dev=dev)
        servers.append(server)
        return server.start()

    yield start
    failures = []
    for server in servers:
        if server.proc is None or server.expected_exit is None:
            continue
        already = server.proc.poll()
        status = already if already is not None else server.terminate()
        if status != server.expected_exit:
            failures.append(f"exit status {status} (expected {server.expected_exit}"
                            f"{', it had exited before teardown' if already is not None else ''}); "
                            f"stderr:\n{server.stderr()}")
    if failures:
        pytest.fail("\n\n".join(failures))


@pytest.fixture
def server(start_server) -> Server:
    return start_server()


# ---------------------------------------------------------------------------- async client

ABSENT: Any = object()  # "leave the key out", unlike None which sends null
_counter = itertools.count(1)


def run(coroutine) -> Any:
    return asyncio.run(coroutine)


def message(type_: str, *, id: Any = ABSENT, payload: Any = ABSENT) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type_}
    if id is not ABSENT:
        out["id"] = id
    if payload is not ABSENT:
        out["payload"] = payload
    return out


def subscribe_message(id: str, query: str, variables: Any = ABSENT, operation_name: Any = ABSENT) -> dict[str, Any]:
    payload: dict[str, Any] = {"query": query}
    if variables is not ABSENT:
        payload["variables"] = variables
    if operation_name is not ABSENT:
        payload["operationName"] = operation_name
    return message("subscribe", id=id, payload=payload)


class Client:
    """One graphql-transport-ws socket. Every method that waits does so for at most `timeout`."""

    def __init__(self, ws: websockets.ClientConnection):
        self.ws = ws

    # -- sending
    async def send(self, obj: Any) -> None:
        await self.ws.send(json.dumps(obj))

    async def send_text(self, text: str | Iterable[str]) -> None:
        """A text message; an iterable of strings is sent as one fragmented message."""
        await self.ws.send(text)

    async def send_binary(self, data: bytes) -> None:
        await self.ws.send(data)

    # -- receiving
    async def recv(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        try:
            async with asyncio.timeout(timeout):
                frame = await self.ws.recv()
        except TimeoutError:
            raise AssertionError(f"no message within {timeout} s") from None
        except ConnectionClosed as closed:
            raise AssertionError(f"closed while a message was expected: {describe_close(closed)}") from None
        assert isinstance(frame, str), f"binary frame from the server: {frame!r}"
        decoded = json.loads(frame)
        assert isinstance(decoded, dict) and isinstance(decoded.get("type"), str), frame
        return decoded

    async def expect(self, expected: dict[str, Any], timeout: float = TIMEOUT) -> dict[str, Any]:
        got = await self.recv(timeout)
        assert got == expected, f"expected {expected}, got {got}"
        return got

    async def nothing_within(self, seconds: float) -> None:
        """Asserts that no message and no close arrives for `seconds` (for the rare rule that is
        about time itself, such as the init timeout not firing early)."""
        try:
            async with asyncio.timeout(seconds):
                frame = await self.ws.recv()
        except TimeoutError:
            return
        except ConnectionClosed as closed:
            raise AssertionError(f"closed: {describe_close(closed)}") from None
        raise AssertionError(f"unexpected message: {frame!r}")

    async def barrier(self, timeout: float = TIMEOUT) -> None:
        """Proves that the server sent nothing between the messages before this call and now: it
        answers a `ping` at once with a `pong` (protocol.md), in order, so that pong must be the
        very next message."""
        token = f"barrier-{next(_counter)}"
        await self.send({"type": "ping", "payload": {"barrier": token}})
        await self.expect({"type": "pong", "payload": {"barrier": token}}, timeout)

    async def expect_close(self, code: int, reason: str | None = None, *, timeout: float = TIMEOUT,
                           allow_messages: bool = False) -> tuple[int, str, list[Any]]:
        """Waits for the server's close frame; asserts its code (and reason when given). With
        `allow_messages` the messages that came before are returned, else any is a failure."""
        seen: list[Any] = []
        try:
            async with asyncio.timeout(timeout):
                while True:
                    frame = await self.ws.recv()
                    seen.append(frame)
                    if not allow_messages:
                        raise AssertionError(f"expected close {code}, got message {frame!r}")
        except TimeoutError:
            raise AssertionError(f"no close {code} within {timeout} s (got {seen!r})") from None
        except ConnectionClosed as closed:
            got_code, got_reason = close_of(closed)
            assert got_code == code, f"expected close {code} {reason!r}, got {describe_close(closed)}"
            if reason is not None:
                assert got_reason == reason, f"expected close {code} {reason!r}, got {describe_close(closed)}"
            assert len(got_reason.encode()) <= 123, got_reason
            return got_code, got_reason, seen

    # -- the protocol's steps
    async def init(self, payload: Any = ABSENT) -> dict[str, Any]:
        await self.send(message("connection_init", payload=payload))
        ack = await self.recv()
        assert ack["type"] == "connection_ack", ack
        return ack

    async def subscribe(self, id: str, query: str, variables: Any = ABSENT, operation_name: Any = ABSENT) -> None:
        await self.send(subscribe_message(id, query, variables, operation_name))

    async def complete(self, id: str) -> None:
        await self.send({"type": "complete", "id": id})

    async def next_for(self, id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next message, which must be a `next` for `id`; returns its payload."""
        got = await self.recv(timeout)
        assert got.get("type") == "next" and got.get("id") == id, f"expected next for {id!r}, got {got}"
        assert set(got) == {"id", "type", "payload"}, got
        return got["payload"]

    async def single_result(self, id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """A query's or mutation's result: exactly one `next`, then `complete`."""
        payload = await self.next_for(id, timeout)
        await self.expect({"type": "complete", "id": id}, timeout)
        return payload

    async def close(self) -> None:
        await self.ws.close()


def close_of(closed: ConnectionClosed) -> tuple[int, str]:
    """The close frame the server sent: (code, reason); 1006 when the TCP connection ended without one."""
    if closed.rcvd is None:
        return 1006, ""
    return closed.rcvd.code, closed.rcvd.reason


def describe_close(closed: ConnectionClosed) -> str:
    code, reason = close_of(closed)
    return f"close {code} {reason!r}"


async def connect(server_or_url: Server | str, subprotocols: list[str] | None = [PROTOCOL],  # noqa: B006
                  **kwargs: Any) -> Client:
    url = server_or_url.url if isinstance(server_or_url, Server) else server_or_url
    kwargs.setdefault("max_size", None)
    kwargs.setdefault("open_timeout", TIMEOUT)
    kwargs.setdefault("close_timeout", 2)
    ws = await websockets.connect(url, subprotocols=subprotocols, **kwargs)
    return Client(ws)


async def connect_acked(server: Server, payload: Any = ABSENT, **kwargs: Any) -> Client:
    client = await connect(server, **kwargs)
    await client.init(payload)
    return client


# ---------------------------------------------------------------------------- raw socket client

class RawClient:
    """A WebSocket client on a plain socket: it answers nothing by itself (no pong to ping frames,
    no close reply), reads only when told to, and can send any header or frame."""

    def __init__(self, port: int, *, protocols: str | None = PROTOCOL, path: str = "/graphql",
                 rcvbuf: int | None = None, host: str = "127.0.0.1"):
        self.sock = socket.socket()
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect((host, port))
        key = base64.b64encode(os.urandom(16)).decode()
        header = f"Sec-WebSocket-Protocol: {protocols}\r\n" if protocols is not None else ""
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           f"Sec-WebSocket-Version: 13\r\n{header}\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            assert chunk, f"closed during the handshake: {self.buffer!r}"
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        self.status_line = lines[0]
        self.headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        assert self.status_line.startswith("HTTP/1.1 101"), head

    def send_frame(self, opcode: int, payload: bytes, fin: bool = True) -> None:
        mask = os.urandom(4)
        header = bytes([(0x80 if fin else 0) | opcode])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send_json(self, obj: Any) -> None:
        self.send_frame(0x1, json.dumps(obj).encode())

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def read_frame(self, timeout: float = TIMEOUT) -> tuple[int, bytes]:
        self.sock.settimeout(timeout)
        b0, b1 = self._read(2)
        length = b1 & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8))[0]
        return b0 & 0x0F, self._read(length)

    def read_json(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next text message (ping frames from the server's keepalive are skipped, unanswered)."""
        while True:
            opcode, payload = self.read_frame(timeout)
            if opcode == 0x9:
                continue
            assert opcode == 0x1, (opcode, payload)
            return json.loads(payload)

    def read_until_close(self, timeout: float = 10) -> tuple[list[tuple[int, bytes]], tuple[int, str] | None]:
        """Every frame up to the close frame, and that close frame's (code, reason), or None when
        the connection ended without one."""
        deadline = time.monotonic() + timeout
        frames: list[tuple[int, bytes]] = []
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no close within {timeout} s after {len(frames)} frames")
                opcode, payload = self.read_frame(remaining)
                if opcode == 0x8:
                    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                    return frames, (code, payload[2:].decode())
                frames.append((opcode, payload))
        except (EOFError, ConnectionResetError):
            return frames, None
        except socket.timeout:
            raise AssertionError(f"no close within {timeout} s after {len(frames)} frames") from None

    def close(self) -> None:
        self.sock.close()


# ---------------------------------------------------------------------------- HTTP

def graphql_http(server: Server, query: str, variables: dict[str, Any] | None = None,
                 operation_name: str | None = None, *, accept: str | None = "application/json",
                 method: str = "POST", token: Any = DEFAULT_TOKEN) -> requests.Response:
    """One GraphQL-over-HTTP request. `accept=None` sends no Accept header at all. `token`: by
    default a publisher token for the server's secret; None sends no Authorization header."""
    headers: dict[str, Any] = {"Accept": accept}  # requests drops a header whose value is None
    if token is DEFAULT_TOKEN:
        token = publisher_token(server.secret) if server.secret else None
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    params: dict[str, Any] = {"query": query}
    if variables is not None:
        params["variables"] = variables
    if operation_name is not None:
        params["operationName"] = operation_name
    if method == "GET":
        if "variables" in params:
            params["variables"] = json.dumps(params["variables"])
        return requests.get(server.graphql_http, params=params, headers=headers, timeout=TIMEOUT)
    return requests.post(server.graphql_http, json=params, headers=headers, timeout=TIMEOUT)


POST_MESSAGE = """
mutation Post($chatId: ID!, $content: String!, $senderName: String) {
  postMessage(chatId: $chatId, content: $content, senderName: $senderName) {
    id chatId content senderName createdAt
  }
}"""


def post_message(server: Server, chat: str, content: str, sender: str = "ada",
                 session: requests.Session | None = None, token: Any = DEFAULT_TOKEN) -> dict[str, Any]:
    """Posts through the `postMessage` mutation as a publisher (which names its sender), with a
    publisher token for the server's secret by default, and returns the message, checked."""
    getter = session or requests
    if token is DEFAULT_TOKEN:
        token = publisher_token(server.secret) if server.secret else None
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    response = getter.post(server.graphql_http, timeout=TIMEOUT,
                           json={"query": POST_MESSAGE,
                                 "variables": {"chatId": chat, "content": content, "senderName": sender}},
                           headers=headers)
    assert response.status_code == 200, (response.status_code, response.text)
    body = response.json()
    assert "errors" not in body, body
    posted = body["data"]["postMessage"]
    assert re.fullmatch(r"[1-9][0-9]*", posted["id"]), posted
    assert TIMESTAMP.match(posted["createdAt"]), posted
    assert (posted["chatId"], posted["content"], posted["senderName"]) == (chat, content, sender), posted
    return posted


def new_message_subscription(fields: str = "id chatId content senderName createdAt") -> str:
    return ("subscription On($chatId: ID!, $after: ID) {\n"
            f"  newMessage(chatId: $chatId, after: $after) {{ {fields} }}\n}}")


# ---------------------------------------------------------------------------- the store

def store_rows(db: pathlib.Path, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    """Reads the store the way an operator would (contract.md, "The store"), while it is in use."""
    connection = sqlite3.connect(db, timeout=TIMEOUT)
    try:
        return connection.execute(sql, tuple(params)).fetchall()
    finally:
        connection.close()


def wait_until(condition: Callable[[], Any], what: str, timeout: float = TIMEOUT, interval: float = 0.02) -> Any:
    """Polls `condition` until it returns something truthy (returned), failing after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what} (last: {value!r})")
        time.sleep(interval)


async def async_wait_until(condition: Callable[[], Any], what: str, timeout: float = TIMEOUT,
                           interval: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await asyncio.to_thread(condition)
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what} (last: {value!r})")
        await asyncio.sleep(interval)


def unique(prefix: str = "chat") -> str:
    """A chat id no other test uses, so `after: "0"` replays exactly this test's messages."""
    return f"{prefix}-{os.getpid()}-{next(_counter)}-{time.monotonic_ns() % 1_000_000}"
