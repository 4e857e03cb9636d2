"""Smoke test of `switchboard serve` end to end, the way the README's newcomer uses it: the gql
example subscribes, the curl example publishes, `switchboard publish` appends from another
process, and /healthz and /metrics answer."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from server_support import (ROOT, RawClient, new_message_subscription, post_message, publisher_token,
                            subscribe_message, unique, wait_until)


def start_subscriber(server, chat: str, count: int, after: str = "") -> subprocess.Popen[str]:
    env = dict(os.environ, SUBSCRIBE_LIMIT=str(count))
    proc = subprocess.Popen([sys.executable, str(ROOT / "Examples/python/subscribe.py"), chat, after, server.url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    # The example says so on stderr once gql has its connection_ack and sent the subscribe.
    line = proc.stderr.readline()
    assert line.startswith("subscribed to chat"), line
    return proc


def test_gql_example_receives_what_curl_and_publish_post(server, switchboard_bin):
    chat = unique()
    subscriber = start_subscriber(server, chat, 2)
    # The subscribe message follows the ack on the socket; wait until its row is written.
    wait_until(lambda: requests.get(server.http + "/metrics", timeout=5).text.count("switchboard_subscriptions 1"),
               "the subscription to be live")
    posted = subprocess.run([str(ROOT / "Examples/curl/post_message.sh"), chat, 'say "hi"', "curl", server.graphql_http],
                            capture_output=True, text=True, check=True, env=dict(os.environ, TOKEN=publisher_token()))
    assert '"postMessage"' in posted.stdout, posted.stdout
    subprocess.run([str(switchboard_bin), "publish", "--db", str(server.db), "--chat", chat,
                    "--content", "from elsewhere", "--sender", "cli"], check=True, capture_output=True)
    out, err = subscriber.communicate(timeout=10)
    assert subscriber.returncode == 0, err
    lines = out.splitlines()
    assert len(lines) == 2, out
    assert lines[0].endswith('curl: say "hi"') and lines[1].endswith("cli: from elsewhere"), lines


def test_resume_with_the_example_replays_the_backlog(server):
    chat = unique()
    for i in range(3):
        subprocess.run([str(ROOT / "Examples/curl/post_message.sh"), chat, f"m{i}", "ada", server.graphql_http],
                       capture_output=True, check=True, env=dict(os.environ, TOKEN=publisher_token()))
    subscriber = start_subscriber(server, chat, 3, after="0")
    out, _ = subscriber.communicate(timeout=10)
    assert [line.rsplit(": ", 1)[1] for line in out.splitlines()] == ["m0", "m1", "m2"], out


def test_healthz_and_metrics(server):
    r = requests.get(server.http + "/healthz", timeout=5)
    assert (r.status_code, r.json()) == (200, {"status": "ok"})
    metrics = requests.get(server.http + "/metrics", timeout=5)
    assert metrics.status_code == 200 and metrics.headers["content-type"].startswith("text/plain")
    for name in ("switchboard_connections", "switchboard_subscriptions", "switchboard_events_published_total",
                 "switchboard_deliveries_total", "switchboard_dead_letters_total", "switchboard_closes_total",
                 "switchboard_delivery_latency_seconds_bucket"):
        assert f"# TYPE {name.removesuffix('_bucket')}" in metrics.text, name
    page = requests.get(server.http + "/", timeout=5)
    assert page.status_code == 200 and "<h1>Switchboard</h1>" in page.text


def test_a_store_failure_closes_4500_with_a_generic_reason_and_the_detail_in_the_log(server):
    """protocol.md: an unexpected failure inside the server is 4500 with a generic reason; the
    details go to the log. Another process holds the store's write lock past the busy timeout
    (5 s), so the connection row cannot be written."""
    import asyncio
    import json
    import sqlite3

    import websockets

    async def go():
        lock = sqlite3.connect(server.db, isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            async with websockets.connect(server.url, subprotocols=["graphql-transport-ws"]) as ws:
                await ws.send(json.dumps({"type": "connection_init"}))
                # The ack does not wait for the row's commit (protocol.md).
                assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "connection_ack"}
                try:
                    got = await asyncio.wait_for(ws.recv(), 15)
                    raise AssertionError(f"expected a close, got {got}")
                except websockets.ConnectionClosed as closed:
                    return closed.rcvd.code, closed.rcvd.reason
        finally:
            lock.execute("ROLLBACK")
            lock.close()

    code, reason = asyncio.run(go())
    assert (code, reason) == (4500, "Internal server error")
    assert server.wait_for_stderr(lambda line: "closing 4500" in line and "database is locked" in line, 5), \
        server.stderr_lines


# uv is known broken: a server-initiated close (4408, 4500) under lws 4.1's libuv loop ends the
# socket without a close frame. Marked so it is visible, not silently skipped.
@pytest.mark.parametrize("loop", ["poll", pytest.param("uv", marks=pytest.mark.xfail(strict=True)), "ev"])
def test_serves_end_to_end_under_each_event_loop(start_server, loop):
    """`--event-loop`: under each loop the pieces that do not go through a socket's readiness still
    work: the mailbox (a post is committed on the store's writer thread, then handed to the service
    thread), per-connection timers (4408 for a socket that never sends connection_init), the
    keepalive sweep (a ping frame) and graceful shutdown (SIGTERM closes with 1001, exit 0)."""
    server = start_server("--event-loop", loop, "--init-timeout", 500, "--keepalive", 1)
    chat = unique()
    client = RawClient(server.port)
    idle = RawClient(server.port)
    client.send_json({"type": "connection_init"})
    assert client.read_json() == {"type": "connection_ack"}
    client.send_json(subscribe_message("s", new_message_subscription("content"), {"chatId": chat}))
    wait_until(lambda: "switchboard_subscriptions 1" in requests.get(server.http + "/metrics", timeout=5).text,
               "the subscription to be live")
    post_message(server, chat, f"under {loop}")
    assert client.read_json() == {"type": "next", "id": "s", "payload": {"data": {"newMessage": {"content": f"under {loop}"}}}}

    frames, close = idle.read_until_close(timeout=5)
    assert close == (4408, "Connection initialisation timeout"), (frames, close)
    deadline = time.monotonic() + 5
    while client.read_frame(timeout=max(0.1, deadline - time.monotonic()))[0] != 0x9:
        pass  # a keepalive ping arrives within two 1-second sweeps

    server.proc.send_signal(signal.SIGTERM)
    _, close = client.read_until_close(timeout=5)
    assert close == (1001, "Going away")
    assert server.terminate() == 0


def test_an_unknown_event_loop_is_refused(serve_bin, tmp_path):
    done = subprocess.run([str(serve_bin), "serve", "--port", "0", "--db", str(tmp_path / "s.sqlite"),
                           "--event-loop", "select"], capture_output=True, text=True, timeout=10)
    assert done.returncode != 0 and "--event-loop must be poll, uv or ev (got select)" in done.stderr, done


def test_the_curl_example_needs_a_publisher_token(server):
    """Without TOKEN the example says what it needs; with a user token the server refuses a
    sender other than the user's name (contract.md: a user posts under the token's name)."""
    script = str(ROOT / "Examples/curl/post_message.sh")
    env = {k: v for k, v in os.environ.items() if k != "TOKEN"}
    missing = subprocess.run([script, "general", "hi", "curl", server.graphql_http], capture_output=True, text=True,
                             env=env)
    assert missing.returncode != 0 and "TOKEN" in missing.stderr, missing
    from server_support import make_token
    as_user = subprocess.run([script, "general", "hi", "curl", server.graphql_http], capture_output=True, text=True,
                             env=dict(env, TOKEN=make_token("ada", role="user", name="Ada")), check=True)
    assert '"FORBIDDEN"' in as_user.stdout, as_user.stdout
