"""The benchmark's load generator against the real server, small sizes (a few seconds).

`make bench` trusts LoadGenerator's verdicts (every delivery checked, every mutation answered);
these tests check that those verdicts mean what they say against `switchboard serve` run as the
benchmark runs it: `--secret` set and HTTP posts carrying a publisher token (minted here with
PyJWT). Speed is not asserted: figures belong to `make bench`, not to tests.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

import pytest

from server_support import Server, graphql_http, publisher_token

TIMEOUT = 60


@pytest.fixture
def load_generator(switchboard_bin: pathlib.Path) -> pathlib.Path:
    """LoadGenerator beside the server under test, or LOAD_GENERATOR_BIN (to drive another
    branch's server with this checkout's load generator)."""
    path = pathlib.Path(os.environ.get("LOAD_GENERATOR_BIN", switchboard_bin.parent / "LoadGenerator"))
    if not path.exists():
        pytest.fail(f"{path} does not exist: `swift build -c release` builds it beside switchboard")
    return path


def drive(load_generator: pathlib.Path, server: Server, scenario: str, *flags: str,
          token: str | None = None) -> tuple[int, dict]:
    """Runs one LoadGenerator scenario and returns its exit code and JSON report."""
    command = [str(load_generator), scenario, "--target", server.url,
               "--server-pid", str(server.proc.pid), "--timeout", str(TIMEOUT), *flags]
    if token is not None:
        command += ["--token", token]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT + 10)
    lines = done.stdout.strip().splitlines()
    assert lines, f"no JSON line; stderr:\n{done.stderr}"
    return done.returncode, json.loads(lines[-1])


def test_fanout_verifies_every_delivery(start_server, load_generator):
    server = start_server()
    code, report = drive(load_generator, server, "fanout", "--subscribers", "200", "--posts", "10",
                         token=publisher_token(server.secret))
    assert code == 0, report
    assert report["ok"] is True
    assert report["expected"] == report["received"] == 2000
    assert report["missing"] == report["duplicates"] == report["misrouted"] == 0
    assert report["deliveries_per_sec"] > 0
    latency = report["latency_us"]
    assert 0 < latency["min"] <= latency["p10"] <= latency["p50"] <= latency["p90"] <= latency["p99"] <= latency["max"]
    assert report["server_cpu_seconds"] >= 0 and report["server_rss_kb"] > 0


def test_mutations_are_answered_and_stored(start_server, load_generator):
    server = start_server()
    code, report = drive(load_generator, server, "mutations", "--publishers", "4", "--posts", "300",
                         token=publisher_token(server.secret))
    assert code == 0, report
    assert report["ok"] is True
    assert report["answered"] == report["posts"] == 300
    assert report["http_failed"] == 0
    assert report["latency_us"]["p50"] > 0
    # 4 × 20 warm-up posts and the 300 measured ones, all in the one chat nobody watched.
    stored = graphql_http(server, 'query { messages(chatId: "bench-0", last: 500) { content senderName } }')
    messages = stored.json()["data"]["messages"]
    assert len(messages) == 380
    assert {m["senderName"] for m in messages} == {"bench"}
    assert {f"m{i}" for i in range(300)} <= {m["content"] for m in messages}


def test_a_refused_post_fails_the_run(start_server, load_generator):
    """A post answered with an error must not count: with a token the server refuses (HTTP 401
    per contract.md) LoadGenerator must report failures and exit 1, however fast it was."""
    server = start_server()
    probe = graphql_http(server, 'mutation { postMessage(chatId: "p", content: "x", senderName: "s") { id } }',
                         token="not-a-token")
    if probe.status_code == 200 and "errors" not in probe.json():
        pytest.xfail("this build does not check tokens yet (identity issue): a bad token still posts")
    code, report = drive(load_generator, server, "mutations", "--publishers", "2", "--posts", "20",
                         token="not-a-token")
    assert code == 1, report
    assert report["ok"] is False
    assert report["http_failed"] > 0
