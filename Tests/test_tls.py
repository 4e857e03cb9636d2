"""TLS (issue 5, part 6): `switchboard serve --tls-cert --tls-key` serves `wss://` and `https://`.

The certificate is self-signed, made by `openssl` (a Debian package the Makefile installs) for
127.0.0.1 at test time; clients trust exactly that certificate. A plain-text client on the TLS port
is turned away without harming the server; a certificate or key that cannot be used stops
`serve` at start with a message that names it and a non-zero exit status.
"""
from __future__ import annotations

import asyncio
import pathlib
import shutil
import socket
import ssl
import subprocess

import pytest
import requests
import websockets

from server_support import (TIMEOUT, PROTOCOL, Server, connect, message, new_message_subscription,
                            post_message, run, unique)

START_FAILURE_SECONDS = 15


def make_certificate(directory: pathlib.Path, name: str = "server") -> tuple[pathlib.Path, pathlib.Path]:
    """A self-signed certificate for 127.0.0.1 and its key, as PEM files."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is not installed (`make test` installs it: APT_PACKAGES in the Makefile)")
    cert, key = directory / f"{name}-cert.pem", directory / f"{name}-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


@pytest.fixture
def certificate(tmp_path: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    return make_certificate(tmp_path)


@pytest.fixture
def tls_server(start_server, certificate) -> Server:
    cert, key = certificate
    return start_server("--tls-cert", cert, "--tls-key", key)


def trusting(cert: pathlib.Path) -> ssl.SSLContext:
    """A client context that trusts only `cert` and checks the host name (127.0.0.1 is in its SAN)."""
    return ssl.create_default_context(cafile=str(cert))


def https_session(cert: pathlib.Path) -> requests.Session:
    session = requests.Session()
    session.verify = str(cert)
    # Otherwise REQUESTS_CA_BUNDLE (set on many machines) silently replaces `verify`.
    session.trust_env = False
    return session


def test_wss_subscription_receives_a_message_posted_over_https(tls_server: Server, certificate) -> None:
    cert, _ = certificate
    assert tls_server.url.startswith("wss://") and tls_server.http.startswith("https://")
    chat = unique()

    async def scenario() -> None:
        client = await connect(tls_server, ssl=trusting(cert))
        assert client.ws.subprotocol == PROTOCOL
        await client.init()
        await client.subscribe("s1", new_message_subscription(), {"chatId": chat})
        await client.barrier()  # the subscription is registered before the post
        posted = await asyncio.to_thread(post_message, tls_server, chat, "over TLS",
                                         session=https_session(cert))
        payload = await client.next_for("s1")
        assert payload == {"data": {"newMessage": posted}}
        await client.close()

    run(scenario())
    health = https_session(cert).get(tls_server.http + "/healthz", timeout=TIMEOUT)
    assert health.status_code == 200, health.text


def test_https_refuses_a_client_that_does_not_trust_the_certificate(tls_server: Server) -> None:
    # The system's trust store does not know a certificate made a moment ago.
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(tls_server.http + "/healthz", timeout=TIMEOUT)


def test_plain_text_clients_on_the_tls_port_fail_and_the_server_keeps_serving(tls_server: Server,
                                                                               certificate) -> None:
    cert, _ = certificate
    plain_ws = f"ws://{tls_server.host}:{tls_server.port}/graphql"
    plain_http = f"http://{tls_server.host}:{tls_server.port}/healthz"

    async def plain_websocket() -> None:
        with pytest.raises((websockets.exceptions.InvalidHandshake, websockets.exceptions.ConnectionClosed,
                            ConnectionError, EOFError, TimeoutError)):
            await websockets.connect(plain_ws, subprotocols=[PROTOCOL], open_timeout=TIMEOUT)

    for _ in range(3):
        run(plain_websocket())
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(plain_http, timeout=TIMEOUT)
    # A raw plain-text request gets no HTTP answer: the server expects a TLS handshake and drops it.
    with socket.create_connection((tls_server.host, tls_server.port), timeout=TIMEOUT) as raw:
        raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = b""
        try:
            while chunk := raw.recv(4096):
                answer += chunk
        except (ConnectionResetError, TimeoutError, socket.timeout):
            pass
        assert not answer.startswith(b"HTTP/"), answer

    async def still_serving() -> None:
        client = await connect(tls_server, ssl=trusting(cert))
        await client.init()
        await client.send(message("ping", payload={"after": "plain-text attempts"}))
        await client.expect({"type": "pong", "payload": {"after": "plain-text attempts"}})
        await client.close()

    run(still_serving())
    assert https_session(cert).get(tls_server.http + "/healthz", timeout=TIMEOUT).status_code == 200
    assert tls_server.running()


def start_failure(serve_bin: pathlib.Path, tmp_path: pathlib.Path, *flags: object) -> tuple[int, str]:
    """Runs `serve` with `flags`, which must stop it at start: its exit status and stderr."""
    command = [str(serve_bin), "serve", "--host", "127.0.0.1", "--port", "0", "--db",
               str(tmp_path / "store.sqlite"), "--secret", "tls-test-secret", *map(str, flags)]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=START_FAILURE_SECONDS)
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"`serve` kept running with {flags}; stderr:\n{expired.stderr}")
    assert "listening on" not in done.stderr, done.stderr
    return done.returncode, done.stderr


def test_a_missing_certificate_or_key_file_is_named_at_start(serve_bin, tmp_path, certificate) -> None:
    cert, key = certificate
    missing = tmp_path / "nowhere" / "cert.pem"
    status, stderr = start_failure(serve_bin, tmp_path, "--tls-cert", missing, "--tls-key", key)
    assert status != 0
    assert "--tls-cert" in stderr and str(missing) in stderr and "does not exist" in stderr, stderr

    status, stderr = start_failure(serve_bin, tmp_path, "--tls-cert", cert, "--tls-key", tmp_path / "no-key.pem")
    assert status != 0
    assert "--tls-key" in stderr and "no-key.pem" in stderr and "does not exist" in stderr, stderr


def test_a_certificate_without_its_key_is_refused(serve_bin, tmp_path, certificate) -> None:
    cert, _ = certificate
    status, stderr = start_failure(serve_bin, tmp_path, "--tls-cert", cert)
    assert status != 0
    assert "--tls-cert and --tls-key go together" in stderr, stderr


@pytest.mark.parametrize("problem", ["garbage key", "key of another certificate", "garbage certificate"])
def test_an_unusable_certificate_or_key_stops_serve_with_a_clear_error(serve_bin, tmp_path, certificate,
                                                                      problem: str) -> None:
    cert, key = certificate
    if problem == "garbage key":
        key = tmp_path / "garbage-key.pem"
        key.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    elif problem == "key of another certificate":
        _, key = make_certificate(tmp_path, "other")
    else:
        cert = tmp_path / "garbage-cert.pem"
        cert.write_text("this is not a certificate\n")
    status, stderr = start_failure(serve_bin, tmp_path, "--tls-cert", cert, "--tls-key", key)
    assert status != 0
    assert f"TLS certificate '{cert}' and key '{key}'" in stderr, stderr
