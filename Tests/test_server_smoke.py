"""Smoke test of `switchboard serve` end to end, the way the README's newcomer uses it: the gql
example subscribes, the curl example publishes, `switchboard publish` appends from another
process, and /healthz and /metrics answer."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from server_support import (ROOT, RawClient, graphql_http, make_token, new_message_subscription, post_message,
                            publisher_token, subscribe_message, unique, wait_until)


def example_env(server, token: str | None = None, **extra: str) -> dict[str, str]:
    """The environment the curl examples read: the server's URL and a token (by default a
    publisher's, signed with the server's secret)."""
    env = dict(os.environ, SWITCHBOARD_URL=server.graphql_http, **extra)
    env["TOKEN"] = token if token is not None else publisher_token(server.secret)
    return env


def run_example(server, script: str, *args: str, token: str | None = None, check: bool = True) -> dict:
    """Runs Examples/curl/SCRIPT and returns the JSON it printed. With `check` it must exit 0;
    without, an HTTP error status (curl exits 22 then) is allowed, the body is still printed."""
    done = subprocess.run([str(ROOT / "Examples/curl" / script), *args], capture_output=True, text=True,
                          env=example_env(server, token), timeout=30)
    assert done.returncode in ((0,) if check else (0, 22)), (done.returncode, done.stdout, done.stderr)
    return json.loads(done.stdout)


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
                            capture_output=True, text=True, check=True, env=example_env(server))
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
                       capture_output=True, check=True, env=example_env(server))
    subscriber = start_subscriber(server, chat, 3, after="0")
    out, _ = subscriber.communicate(timeout=10)
    assert [line.rsplit(": ", 1)[1] for line in out.splitlines()] == ["m0", "m1", "m2"], out


def test_curl_examples_post_and_page_through_history(server):
    chat = unique()
    texts = ["m0", 'say "hi"\tback\\slash', "two\nlines"]
    posted = [run_example(server, "post_message.sh", chat, text, "ada")["data"]["postMessage"] for text in texts]
    assert [(m["chatId"], m["senderName"]) for m in posted] == [(chat, "ada")] * 3, posted
    ids = [m["id"] for m in posted]

    everything = run_example(server, "history.sh", chat)["data"]["messages"]
    assert [(m["id"], m["content"]) for m in everything] == list(zip(ids, texts)), everything
    newest_two = run_example(server, "history.sh", chat, "2")["data"]["messages"]
    assert [m["id"] for m in newest_two] == ids[1:], newest_two
    before_last = run_example(server, "history.sh", chat, "50", ids[2])["data"]["messages"]
    assert [m["id"] for m in before_last] == ids[:2], before_last

    refused = subprocess.run([str(ROOT / "Examples/curl/history.sh"), chat, "many"], capture_output=True, text=True,
                             env=example_env(server))
    assert refused.returncode == 2 and "LAST must be a number" in refused.stderr, refused


def test_curl_example_without_a_token_signs_one_with_the_development_key(start_server, switchboard_bin, tmp_path):
    """`make run` then `Examples/curl/post_message.sh general hi`, nothing else: the script mints a
    publisher token with `switchboard token` from the store the development-mode server keeps its
    key in (before token checks exist, it posts anonymously and every caller may publish)."""
    server = start_server(dev=True)
    env = {k: v for k, v in os.environ.items() if k not in ("TOKEN", "SWITCHBOARD_SECRET")}
    env.update(SWITCHBOARD_URL=server.graphql_http, SWITCHBOARD_DB=str(server.db), SWITCHBOARD_BIN=str(switchboard_bin))
    done = subprocess.run([str(ROOT / "Examples/curl/post_message.sh"), unique(), "hi"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=30)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert json.loads(done.stdout)["data"]["postMessage"]["senderName"] == "curl", done.stdout


def test_curl_history_reports_a_bad_argument_with_the_servers_error(server):
    answer = run_example(server, "history.sh", unique(), "501", check=False)
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", answer


def require_token_checks(server) -> None:
    """Skips the calling test, saying why, while the server does not read tokens yet (issue 5,
    branch identity): a user token's `me` is then null."""
    me = graphql_http(server, "{ me { id } }", token=make_token("probe", role="user")).json()
    if not (me.get("data") or {}).get("me"):
        pytest.skip("the server does not read tokens yet (issue 5): `me` with a user token is " + json.dumps(me))


def test_curl_post_message_with_a_user_token_posts_under_its_name(server):
    require_token_checks(server)
    user = make_token("u-" + unique(), role="user", name="Grace", secret=server.secret)
    posted = run_example(server, "post_message.sh", unique(), "hello", "", token=user)
    assert posted["data"]["postMessage"]["senderName"] == "Grace", posted


def start_notifications(server, token: str, count: int, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(ROOT / "Examples/python/notifications.py"), "--url", server.url,
                             "--token", token, "--limit", str(count), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert line.startswith("subscribed to notifications"), line + proc.stderr.read()
    return proc


def test_notifications_example_receives_what_notify_user_sends(server):
    require_token_checks(server)
    user_id = "u-" + unique()
    user = make_token(user_id, role="user", secret=server.secret)
    subscriber = start_notifications(server, user, 2)
    wait_until(lambda: "switchboard_subscriptions 1" in requests.get(server.http + "/metrics", timeout=5).text,
               "the notifications subscription to be live")
    sent = [run_example(server, "notify_user.sh", user_id, "your order is ready")["data"]["notifyUser"],
            run_example(server, "notify_user.sh", user_id, "rate it", "https://example.com/rate")["data"]["notifyUser"]]
    assert [n["kind"] for n in sent] == ["FEEDBACK", "ACTIONABLE"], sent
    out, err = subscriber.communicate(timeout=10)
    assert subscriber.returncode == 0, err
    assert [line.split("] ", 1)[1] for line in out.splitlines()] == [
        f"#{sent[0]['id']} FEEDBACK: your order is ready",
        f"#{sent[1]['id']} ACTIONABLE: rate it -> https://example.com/rate"], out

    # Resuming after the first one replays only the second, from the store.
    resumed = start_notifications(server, user, 1, "--after", sent[0]["id"])
    out, err = resumed.communicate(timeout=10)
    assert resumed.returncode == 0 and out.startswith(f"[{sent[1]['createdAt']}] #{sent[1]['id']} ACTIONABLE"), (out, err)

    # notifyUser is for publishers: the example prints the server's FORBIDDEN.
    refused = run_example(server, "notify_user.sh", user_id, "nope", token=user, check=False)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN", refused


def test_notifications_example_needs_a_token():
    done = subprocess.run([sys.executable, str(ROOT / "Examples/python/notifications.py")], capture_output=True,
                          text=True, env={k: v for k, v in os.environ.items() if k != "TOKEN"}, timeout=30)
    assert done.returncode == 2 and "a token is needed" in done.stderr, done


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


def test_the_curl_example_needs_a_publisher_token(server, tmp_path):
    """Without TOKEN and with no store to mint one from (a directory without switchboard.sqlite,
    no SWITCHBOARD_SECRET) the example posts anonymously and prints the server's
    UNAUTHENTICATED error; with a user token the server refuses a sender other than the user's
    name (contract.md: a user posts under the token's name)."""
    script = str(ROOT / "Examples/curl/post_message.sh")
    env = {k: v for k, v in os.environ.items() if k not in ("TOKEN", "SWITCHBOARD_SECRET")}
    anonymous = subprocess.run([script, "general", "hi", "curl", server.graphql_http], capture_output=True, text=True,
                               env=env, cwd=tmp_path)
    assert '"UNAUTHENTICATED"' in anonymous.stdout, anonymous
    assert not (tmp_path / "switchboard.sqlite").exists(), "the example must not create a store"
    from server_support import make_token
    as_user = subprocess.run([script, "general", "hi", "curl", server.graphql_http], capture_output=True, text=True,
                             env=dict(env, TOKEN=make_token("ada", role="user", name="Ada")))
    assert '"FORBIDDEN"' in as_user.stdout, as_user.stdout
