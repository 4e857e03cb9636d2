"""The libwebsockets host alone (Sources/Switchboard/Transport), driven over real sockets through
the TransportEcho executable: subprotocols, reassembly and limits, the outbound queue's 1013,
HTTP, 503, keepalive, timers, shutdown with 1001, TLS, and 1,000 concurrent connections."""
import asyncio
import base64
import http.client
import json
import os
import pathlib
import signal
import socket
import ssl
import struct
import subprocess
import time

import pytest
import requests
import websockets
from websockets.exceptions import ConnectionClosed, InvalidStatus

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def echo_bin() -> pathlib.Path:
    if "TRANSPORT_ECHO_BIN" in os.environ:
        return pathlib.Path(os.environ["TRANSPORT_ECHO_BIN"])
    for build in ("release", "debug"):
        path = ROOT / ".build" / build / "TransportEcho"
        if path.exists():
            return path
    pytest.fail("TransportEcho is not built: swift build --product TransportEcho")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Echo:
    """A running TransportEcho."""

    def __init__(self, binary, *flags):
        self.port = free_port()
        self.proc = subprocess.Popen([str(binary), "--port", str(self.port), *map(str, flags)],
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stderr.readline()
        assert line.startswith("listening on "), line
        self.scheme = "wss" if "--tls-cert" in map(str, flags) else "ws"
        self.url = f"{self.scheme}://127.0.0.1:{self.port}/graphql"
        self.http = f"{'https' if self.scheme == 'wss' else 'http'}://127.0.0.1:{self.port}"

    def stats(self):
        return requests.get(self.http + "/stats", timeout=5, verify=False).json()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def start(echo_bin):
    running = []

    def _start(*flags):
        echo = Echo(echo_bin, *flags)
        running.append(echo)
        return echo

    yield _start
    for echo in running:
        echo.stop()


def run(coro):
    return asyncio.run(coro)


# ---------------------------------------------------------------- a raw client (no auto-pong)

class RawClient:
    """A WebSocket client on a plain socket: it answers nothing by itself."""

    def __init__(self, port, path="/graphql", rcvbuf=None, protocols="graphql-transport-ws"):
        self.sock = socket.socket()
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {protocols}\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            assert chunk, "closed during handshake"
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head

    def send_text(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def read_frame(self):
        b0, b1 = self._read(2)
        length = b1 & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8))[0]
        return b0 & 0x0F, self._read(length)

    def read_until_close(self, timeout=10):
        """Data frames' count and the close frame's (code, reason), or None at EOF without one."""
        self.sock.settimeout(timeout)
        frames = 0
        try:
            while True:
                opcode, payload = self.read_frame()
                if opcode == 8:
                    code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                    return frames, (code, payload[2:].decode())
                if opcode in (0, 1, 2):
                    frames += 1
        except (EOFError, ConnectionResetError):
            return frames, None


# ---------------------------------------------------------------- subprotocols

@pytest.mark.parametrize("offer,answer", [
    (["graphql-transport-ws"], "graphql-transport-ws"),
    (["foo", "graphql-transport-ws", "bar"], "graphql-transport-ws"),
    (["graphql-ws", "graphql-transport-ws"], "graphql-transport-ws"),
    (None, None),
    (["graphql-ws"], None),
    (["foo", "bar"], None),
])
def test_subprotocol_negotiation(start, offer, answer):
    echo = start()

    async def go():
        async with websockets.connect(echo.url, subprotocols=offer) as ws:
            assert ws.subprotocol == answer
            assert ws.response.headers.get("Sec-WebSocket-Protocol") == answer
            await ws.send("!info")
            info = json.loads(await ws.recv())
            assert info["subprotocol"] == (answer or "")
            assert info["offered"] == ",".join(offer or [])
    run(go())


def test_upgrade_request_details_reach_the_handler(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url + "?token=abc.def&x=1", subprotocols=["graphql-transport-ws"],
                                      additional_headers={"Authorization": "Bearer t0k"}) as ws:
            await ws.send("!info")
            info = json.loads(await ws.recv())
            assert info["authorization"] == "Bearer t0k"
            assert info["token"] == "abc.def"
            assert info["path"] == "/graphql"
            assert info["remote"] == "127.0.0.1"
    run(go())


def test_other_paths_and_refused_upgrades(start):
    echo = start()

    async def go():
        with pytest.raises(InvalidStatus) as caught:
            await websockets.connect(f"ws://127.0.0.1:{echo.port}/elsewhere")
        assert caught.value.response.status_code == 404
        with pytest.raises(InvalidStatus) as caught:
            await websockets.connect(echo.url + "?reject=1")
        assert caught.value.response.status_code == 403
    run(go())


# ---------------------------------------------------------------- messages

def test_echo_small_fragmented_and_large(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url, subprotocols=["graphql-transport-ws"], max_size=None) as ws:
            await ws.send("hello")
            assert await ws.recv() == "hello"
            await ws.send(["frag", "men", "ted ", "é" * 10])
            assert await ws.recv() == "fragmented " + "é" * 10
            big = "y" * 65536
            await ws.send(big)
            assert await ws.recv() == big
            await ws.send([big[:30000], big[30000:]])
            assert await ws.recv() == big
            for i in range(200):
                await ws.send(f"m{i}")
            for i in range(200):
                assert await ws.recv() == f"m{i}"
    run(go())


@pytest.mark.parametrize("fragmented", [False, True])
def test_message_over_the_cap_closes_1009(start, fragmented):
    echo = start("--max-message-bytes", 1000)

    async def go():
        async with websockets.connect(echo.url, subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send("z" * 1000)
            assert await ws.recv() == "z" * 1000
            too_big = "z" * 1001
            await ws.send([too_big[:600], too_big[600:]] if fragmented else too_big)
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert ws.close_code == 1009
    run(go())
    assert echo.stats()["closes"] == {"1009": 1}


def test_binary_reaches_the_handler(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url) as ws:
            await ws.send(b"\x00\x01")
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert ws.close_code == 1003
    run(go())


def test_server_close_code_and_reason(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url) as ws:
            await ws.send("!close 4406 Subprotocol not acceptable")
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert (ws.close_code, ws.close_reason) == (4406, "Subprotocol not acceptable")
        async with websockets.connect(echo.url) as ws:
            await ws.send("!close 4409 Subscriber for " + "é" * 100 + " already exists")
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert ws.close_code == 4409
            assert len(ws.close_reason.encode()) <= 123
            assert ws.close_reason.startswith("Subscriber for éé")
    run(go())
    assert echo.stats()["closes"] == {"4406": 1, "4409": 1}


def test_frames_queued_before_a_close_are_delivered_first(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url) as ws:
            await ws.send("!flood 50 1000")
            await ws.send("!close 4400 Invalid message received")
            received = 0
            with pytest.raises(ConnectionClosed):
                while True:
                    assert len(await ws.recv()) == 1000
                    received += 1
            assert received == 50
            assert ws.close_code == 4400
    run(go())


# ---------------------------------------------------------------- the outbound queue

def test_slow_consumer_closed_1013_others_unaffected(start):
    echo = start("--max-queue-bytes", 200_000)
    slow = RawClient(echo.port, rcvbuf=4096)

    async def healthy():
        async with websockets.connect(echo.url) as ws:
            for round in range(40):
                await ws.send("!flood 10 10000")
                for _ in range(10):
                    assert len(await ws.recv()) == 10000
                if round == 5:
                    # The slow client asks for far more than it reads.
                    for _ in range(100):
                        slow.send_text("!flood 10 10000")
            await ws.send("still here")
            assert await ws.recv() == "still here"

    run(healthy())
    deadline = time.time() + 10
    while time.time() < deadline and echo.stats()["dropped"] == 0:
        time.sleep(0.1)
    assert echo.stats()["dropped"] > 0
    # The slow client reads again: what lws had accepted, then the close frame.
    frames, close = slow.read_until_close()
    assert close == (1013, "Try again later"), (frames, close)
    assert frames * 10000 < 100 * 10 * 10000
    slow.sock.close()
    time.sleep(0.2)
    assert echo.stats()["closes"] == {"1013": 1, "1000": 1}


def test_over_the_cap_at_once(start):
    echo = start("--max-queue-bytes", 50_000)

    async def go():
        async with websockets.connect(echo.url) as ws:
            await ws.send("!flood 10 10000")
            with pytest.raises(ConnectionClosed):
                while True:
                    await ws.recv()
            assert ws.close_code == 1013
    run(go())
    # 5 frames were queued (50,000 bytes), the 6th overflowed, 4 more came after: none delivered.
    assert echo.stats()["dropped"] == 10


# ---------------------------------------------------------------- HTTP

def test_http_get_post_and_keep_alive(start):
    echo = start()
    r = requests.get(echo.http + "/hello?q=a%20b", timeout=5)
    assert (r.status_code, r.text, r.headers["x-echo-query"]) == (200, "hello", "a b")
    body = os.urandom(300_000)
    r = requests.post(echo.http + "/echo", data=body, headers={"Content-Type": "application/x-test"}, timeout=5)
    assert (r.status_code, r.content, r.headers["content-type"]) == (200, body, "application/x-test")
    assert requests.get(echo.http + "/nowhere", timeout=5).status_code == 404
    assert requests.get(echo.http + "/later", timeout=5).status_code == 202

    conn = http.client.HTTPConnection("127.0.0.1", echo.port, timeout=5)
    for i in range(5):
        conn.request("POST", "/echo", body=f"n{i}".encode())
        r = conn.getresponse()
        assert (r.status, r.read()) == (200, f"n{i}".encode())
    conn.request("GET", "/hello")
    assert conn.getresponse().read() == b"hello"
    conn.close()


def test_http_body_over_the_cap_is_413(start):
    echo = start("--max-body-bytes", 1000)
    assert requests.post(echo.http + "/echo", data=b"a" * 1000, timeout=5).status_code == 200
    assert requests.post(echo.http + "/echo", data=b"a" * 1001, timeout=5).status_code == 413
    # lws 4.1 cannot complete a chunked request body: refused with 411 rather than left hanging.
    assert requests.post(echo.http + "/echo", data=(b"a" * 70 for _ in range(2)), timeout=5).status_code == 411
    assert requests.post(echo.http + "/echo", data=b"a" * 5_000_000, timeout=10).status_code == 413


def test_max_connections_503(start):
    echo = start("--max-connections", 3)

    async def go():
        sockets = [await websockets.connect(echo.url) for _ in range(3)]
        with pytest.raises(InvalidStatus) as caught:
            await websockets.connect(echo.url)
        assert caught.value.response.status_code == 503
        await sockets[0].close()
        await asyncio.sleep(0.2)
        again = await websockets.connect(echo.url)
        await again.send("ok")
        assert await again.recv() == "ok"
        for ws in sockets[1:] + [again]:
            await ws.close()
    run(go())


# ---------------------------------------------------------------- time

def test_keepalive_drops_a_silent_peer_and_keeps_a_live_one(start):
    echo = start("--keepalive", 1)
    silent = RawClient(echo.port)

    async def live():
        async with websockets.connect(echo.url, ping_interval=None) as ws:
            await asyncio.sleep(3.5)  # the client library answers pings by itself
            await ws.send("alive")
            assert await ws.recv() == "alive"

    started = time.time()
    run(live())
    frames, close = silent.read_until_close(timeout=5)
    assert close is None  # dropped without a close handshake
    assert time.time() - started < 5
    assert echo.stats()["closes"] == {"1006": 1, "1000": 1}


def test_keepalive_counts_any_frame_and_pings_with_a_payload(start):
    """Keepalive is a sweep, not a per-frame timer: a peer that keeps sending data but never
    answers pings stays; a silent one gets real ping frames (opcode 0x9) whose payload is not
    empty (lws surfaces only non-empty pongs), and one that answers them by hand stays too."""
    echo = start("--keepalive", 1)
    chatty = RawClient(echo.port)
    ponging = RawClient(echo.port)
    pings = []
    deadline = time.monotonic() + 4.5
    ponging.sock.setblocking(False)
    while time.monotonic() < deadline:
        chatty.send_text("tick")
        end = time.monotonic() + 0.4
        while time.monotonic() < end:
            try:
                chunk = ponging.sock.recv(4096)
            except BlockingIOError:
                time.sleep(0.02)
                continue
            assert chunk, "the ponging client was dropped"
            ponging.buffer += chunk
            while len(ponging.buffer) >= 2 and len(ponging.buffer) >= 2 + (ponging.buffer[1] & 0x7F):
                opcode, payload = ponging.read_frame()
                assert opcode == 0x9, opcode
                pings.append(payload)
                mask = os.urandom(4)
                masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
                ponging.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + masked)
    assert len(pings) >= 2 and all(len(p) > 0 for p in pings), pings
    ponging.sock.setblocking(True)
    # Both still open: the chatty one still echoes, and neither was reported closed.
    chatty.send_text("still here")
    chatty.sock.settimeout(2)
    texts = []
    while "still here" not in texts:
        opcode, payload = chatty.read_frame()
        if opcode == 1:
            texts.append(payload.decode())
    assert echo.stats()["closes"] == {}


def test_timers_fire_and_die_with_their_connection(start):
    echo = start()

    async def go():
        async with websockets.connect(echo.url) as ws:
            t0 = time.monotonic()
            await ws.send("!timer 300 7")
            await ws.send("!timer 100 8")
            assert await ws.recv() == "fired 8"
            assert await ws.recv() == "fired 7"
            assert time.monotonic() - t0 >= 0.29
            await ws.send("!timer 200 9")
        await asyncio.sleep(0.4)  # the pending timer was cancelled with its connection
    run(go())
    assert echo.stats()["open"] == 0


# ---------------------------------------------------------------- shutdown

def test_shutdown_closes_every_socket_1001(start):
    echo = start()

    async def go():
        sockets = [await websockets.connect(echo.url) for _ in range(20)]
        for ws in sockets:
            await ws.send("!flood 5 1000")
        await asyncio.sleep(0.2)
        t0 = time.monotonic()
        echo.proc.send_signal(signal.SIGTERM)
        for ws in sockets:
            with pytest.raises(ConnectionClosed):
                while True:
                    await ws.recv()
            assert (ws.close_code, ws.close_reason) == (1001, "Going away")
        assert await asyncio.to_thread(echo.proc.wait, 5) == 0
        assert time.monotonic() - t0 < 5
    run(go())


def test_shutdown_with_an_unresponsive_peer_ends_within_5_seconds(start):
    echo = start()
    RawClient(echo.port)  # never answers the close frame
    t0 = time.monotonic()
    echo.proc.send_signal(signal.SIGINT)
    assert echo.proc.wait(timeout=6) == 0
    assert time.monotonic() - t0 < 5


# ---------------------------------------------------------------- TLS

def test_tls_wss_and_https(start, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1",
                    "-days", "1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    echo = start("--tls-cert", cert, "--tls-key", key)
    assert echo.url.startswith("wss://")
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False

    async def go():
        async with websockets.connect(echo.url, ssl=context, subprotocols=["graphql-transport-ws"]) as ws:
            assert ws.subprotocol == "graphql-transport-ws"
            await ws.send("secure")
            assert await ws.recv() == "secure"
    run(go())
    r = requests.get(echo.http + "/hello", verify=str(cert), timeout=5)
    assert (r.status_code, r.text) == (200, "hello")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"http://127.0.0.1:{echo.port}/hello", timeout=2)


# ---------------------------------------------------------------- many

def test_1000_concurrent_connections_echo(start):
    echo = start()

    async def one(i):
        async with websockets.connect(echo.url, subprotocols=["graphql-transport-ws"], open_timeout=30) as ws:
            for j in range(3):
                await ws.send(f"{i}:{j}")
                assert await ws.recv() == f"{i}:{j}"
            return True

    async def go():
        results = await asyncio.gather(*(one(i) for i in range(1000)))
        assert all(results)
    run(go())
    stats = echo.stats()
    assert stats["opened"] == 1000 and stats["open"] == 0
