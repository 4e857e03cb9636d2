"""Identity against `switchboard serve` as a black box (docs/contract.md, "Identity" and the
`serve`/`token` tables; docs/protocol.md, "Time"): where a token comes from, what a bad one gets
(4403 on a socket, 401 over HTTP, the reason in the log or the body, never the secret),
`--require-auth`, expiry while connected, `--max-connections-per-user`, the connection rows,
development mode with `/dev/token`, and `switchboard token`.

Every token is made by PyJWT; the server's reader is only ever checked against it."""
from __future__ import annotations

import asyncio
import json
import re
import shlex
import subprocess
import time

import jwt
import pytest
import requests

from identity_support import (ME, POST, SOURCES, http, init_refused, log_line_with, open_socket, operation,
                              socket_with_token, soon, user_token)
from server_support import (TEST_SECRET, TIMEOUT, async_wait_until, connect, graphql_http, make_token,
                            require_serve, run, store_rows, wait_until)

require_serve()

ROW_SECONDS = 1.0  # contract.md: rows are visible within a second


def metric(server, name: str) -> float:
    text = requests.get(server.http + "/metrics", timeout=TIMEOUT).text
    match = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    assert match, f"{name} not in /metrics:\n{text}"
    return float(match.group(1))


# =============================================================================== token sources

@pytest.mark.parametrize("source", list(SOURCES))
def test_every_token_source_identifies_the_connection(server, source):
    token = user_token("ada", "Ada Lovelace")

    async def go():
        client = await socket_with_token(server, token, source)
        assert await operation(client, "me", ME) == {"data": {"me": {"id": "ada", "name": "Ada Lovelace"}}}
        await client.close()

    run(go())


def test_the_payload_wins_over_the_upgrade_request(server):
    async def go():
        # A valid token in the header and ?token=, another in the payload: the payload's user.
        client = await open_socket(server, headers={"Authorization": f"Bearer {user_token('header-user')}"},
                                   query_token=user_token("query-user"))
        await client.init({"token": user_token("payload-user")})
        assert (await operation(client, "me", ME))["data"]["me"]["id"] == "payload-user"
        # The header wins over ?token=.
        second = await open_socket(server, headers={"Authorization": f"Bearer {user_token('header-user')}"},
                                   query_token=user_token("query-user"))
        await second.init()
        assert (await operation(second, "me", ME))["data"]["me"]["id"] == "header-user"
        # A bad token in the upgrade request is not looked at when the payload has one.
        third = await open_socket(server, headers={"Authorization": "Bearer not-a-token"})
        await third.init({"authorization": f"Bearer {user_token('payload-user')}"})
        assert (await operation(third, "me", ME))["data"]["me"]["id"] == "payload-user"

    run(go())


def test_no_token_is_anonymous(server):
    async def go():
        client = await socket_with_token(server, None)
        assert await operation(client, "me", ME) == {"data": {"me": None}}
        # An empty authorization value is no token either (clients send "" when they have none).
        empty = await connect(server)
        await empty.init({"authorization": ""})
        assert await operation(empty, "me", ME) == {"data": {"me": None}}

    run(go())
    assert http(server, ME, token=None) == {"data": {"me": None}}


# =============================================================================== bad tokens

def other_secret_token() -> str:
    return make_token("ada", role="user", secret="a-different-secret-of-forty-characters!!")


# name: (token maker, what the reason says)
BAD_TOKENS = {
    "malformed": (lambda: "not-a-jwt", "token is malformed: expected three base64url parts"),
    "garbled": (lambda: "eyJ!!.eyJ.sig", "token is malformed: the header is not base64url"),
    "bad signature": (other_secret_token, "token signature does not match"),
    "expired": (lambda: make_token("ada", role="user", exp=time.time() - 60), "token expired at 20"),
    "alg none": (lambda: jwt.encode({"sub": "ada", "role": "publisher"}, None, algorithm="none"),
                 'token algorithm "none" is not accepted'),
    "wrong alg": (lambda: jwt.encode({"sub": "ada"}, TEST_SECRET + TEST_SECRET, algorithm="HS512"),
                  'token algorithm "HS512" is not accepted'),
    "missing sub": (lambda: jwt.encode({"name": "Ada", "role": "user"}, TEST_SECRET, algorithm="HS256"),
                    "token has no sub claim"),
    "sub not a string": (lambda: jwt.encode({"sub": 42}, TEST_SECRET, algorithm="HS256"),
                         "token claim sub must be a string"),
    "bad role": (lambda: make_token("ada", role="admin"), 'token role "admin" is not known'),
}


@pytest.mark.parametrize("kind", list(BAD_TOKENS))
def test_a_bad_token_closes_4403_without_ack_and_logs_why(server, kind):
    make, reason = BAD_TOKENS[kind]
    mark = server.stderr_mark()
    run(init_refused(server, make()))
    line = log_line_with(server, "closing 4403", reason, start=mark)
    assert TEST_SECRET not in line


@pytest.mark.parametrize("source", ["upgrade Authorization header", "upgrade ?token=", "payload.headers.Authorization"])
def test_a_bad_token_from_any_source_is_4403(server, source):
    mark = server.stderr_mark()
    run(init_refused(server, other_secret_token(), source))
    log_line_with(server, "token signature does not match", "closing 4403", start=mark)


@pytest.mark.parametrize("kind", list(BAD_TOKENS))
def test_a_bad_token_over_http_is_401_with_the_reason(server, kind):
    make, reason = BAD_TOKENS[kind]
    for accept in ("application/json", "application/graphql-response+json"):
        response = graphql_http(server, ME, token=make(), accept=accept)
        assert response.status_code == 401, (response.status_code, response.text)
        assert response.headers["WWW-Authenticate"].startswith("Bearer"), response.headers
        assert response.headers["Content-Type"].startswith(accept), response.headers
        body = response.json()
        assert set(body) == {"errors"}, body
        [error] = body["errors"]
        assert error["extensions"] == {"code": "UNAUTHENTICATED"}, error
        assert reason in error["message"], error
        assert TEST_SECRET not in response.text


def test_a_non_bearer_authorization_header_is_401(server):
    response = requests.post(server.graphql_http, json={"query": ME}, timeout=TIMEOUT,
                             headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert response.status_code == 401
    assert "Authorization scheme \"Basic\" is not supported" in response.json()["errors"][0]["message"]


def test_refusals_are_counted(server):
    before = metric(server, "switchboard_authentication_failures_total")
    run(init_refused(server, "x.y.z"))
    assert graphql_http(server, ME, token="x.y.z").status_code == 401
    assert metric(server, "switchboard_authentication_failures_total") == before + 2


# =============================================================================== --require-auth

def test_require_auth_refuses_anonymous_sockets(start_server):
    server = start_server("--require-auth")
    mark = server.stderr_mark()

    async def go():
        client = await connect(server)
        await client.send({"type": "connection_init"})
        await client.expect_close(4403, "Forbidden")
        empty = await connect(server)
        await empty.send({"type": "connection_init", "payload": {"authorization": ""}})
        await empty.expect_close(4403, "Forbidden")
        allowed = await socket_with_token(server, user_token("ada"))
        assert (await operation(allowed, "me", ME))["data"]["me"]["id"] == "ada"

    run(go())
    log_line_with(server, "--require-auth", "closing 4403", start=mark)
    # HTTP reads stay open to anonymous callers (the flag is about sockets).
    assert http(server, ME, token=None) == {"data": {"me": None}}


# =============================================================================== expiry

def test_a_token_expiring_mid_connection_closes_4403_at_expiry(server):
    exp = soon(2.5)
    token = user_token("ada", exp=exp)

    async def go():
        client = await socket_with_token(server, token)
        await client.subscribe("n", "subscription { notifications { id } }")
        await client.barrier()
        await client.expect_close(4403, "Forbidden", timeout=exp - time.time() + TIMEOUT)
        return time.time()

    closed_at = run(go())
    # At its expiry, not long before or after (no leeway; loaded machines add a little).
    assert exp - 0.05 <= closed_at <= exp + 1.5, (exp, closed_at)
    log_line_with(server, "token of user \"ada\" expired", "closing 4403")
    wait_until(lambda: store_rows(server.db, "SELECT count(*) FROM connections")[0][0] == 0, "the row to go")


def test_a_token_without_exp_does_not_expire(server):
    async def go():
        client = await socket_with_token(server, user_token("ada"))
        await client.nothing_within(1.0)
        assert (await operation(client, "me", ME))["data"]["me"]["id"] == "ada"

    run(go())


# =============================================================================== per-user limit

def test_max_connections_per_user(start_server):
    server = start_server("--max-connections-per-user", 2)
    mark = server.stderr_mark()

    async def go():
        first = await socket_with_token(server, user_token("ada"))
        second = await socket_with_token(server, user_token("ada", "Another device"), "upgrade ?token=")
        third = await connect(server)
        await third.send({"type": "connection_init", "payload": {"token": user_token("ada")}})
        await third.expect_close(1008, "Too many connections for this user")
        # Other users and anonymous connections are not counted against ada.
        others = [await socket_with_token(server, user_token("bob")) for _ in range(2)]
        anonymous = [await socket_with_token(server, None) for _ in range(3)]
        for client in [first, second, *others, *anonymous]:
            await client.barrier()
        # One of ada's closes: once the server has seen it (her row is gone, which happens after
        # her slot is freed), she may connect again.
        await async_wait_until(lambda: ada_rows(server) == 2, "both of ada's rows")
        await first.close()
        await async_wait_until(lambda: ada_rows(server) == 1, "ada's closed connection to be removed")
        again = await socket_with_token(server, user_token("ada"))
        assert (await operation(again, "me", ME))["data"]["me"]["id"] == "ada"

    run(go())
    log_line_with(server, 'user "ada" already holds 2 connections', "closing 1008", start=mark)
    assert metric(server, "switchboard_user_connection_limit_total") == 1


def ada_rows(server) -> int:
    return store_rows(server.db, "SELECT count(*) FROM connections WHERE user_id = 'ada'")[0][0]


# =============================================================================== the store's rows

def test_connection_rows_carry_the_user_and_a_redacted_payload(server):
    token = user_token("ada", "Ada")

    async def go():
        user = await connect(server)
        await user.init({"authorization": f"Bearer {token}", "client": "identity-test",
                         "headers": {"Authorization": f"Bearer {token}", "X-Trace": "t1"}})
        anonymous = await socket_with_token(server, None)
        rows = await asyncio.to_thread(wait_until, lambda: store_rows(
            server.db, "SELECT user_id, init_payload FROM connections ORDER BY connected_at, id")
            if len(store_rows(server.db, "SELECT id FROM connections")) == 2 else None, "both rows", ROW_SECONDS * 2)
        await user.close()
        await anonymous.close()
        return rows

    rows = run(go())
    by_user = {user_id: json.loads(payload) for user_id, payload in rows}
    assert set(by_user) == {"ada", None}, rows
    assert by_user["ada"] == {"authorization": "[redacted]", "client": "identity-test",
                              "headers": {"Authorization": "[redacted]", "X-Trace": "t1"}}
    assert token not in json.dumps(rows)


# =============================================================================== development mode

def dev_banner(server) -> tuple[str, str]:
    """The publisher token and the curl line development mode prints before `listening on`."""
    text = server.stderr()
    token = re.search(r"^development publisher token \(valid 24 h\): (\S+)$", text, re.MULTILINE)
    curl = re.search(r"^post a message: (curl .*)$", text, re.MULTILINE)
    assert token and curl, text
    return token.group(1), curl.group(1)


def dev_secret(db) -> str:
    [(secret,)] = store_rows(db, "SELECT value FROM settings WHERE key = 'dev.secret'")
    return secret


def test_development_mode_warns_prints_a_working_token_and_curl_line(start_server):
    server = start_server(dev=True)
    warnings = [line for line in server.stderr_lines if line.startswith("WARNING:")]
    assert len(warnings) >= 4 and any("DEVELOPMENT MODE" in line for line in warnings), server.stderr()
    token, curl = dev_banner(server)
    secret = dev_secret(server.db)
    assert len(secret) >= 43  # 32 random bytes, base64url
    claims = jwt.decode(token, secret, algorithms=["HS256"])
    assert claims["role"] == "publisher" and claims["sub"] and 86_000 < claims["exp"] - time.time() <= 86_400
    assert secret not in server.stderr()
    # The curl line runs as printed and posts a message.
    done = subprocess.run(curl, shell=True, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done
    posted = json.loads(done.stdout)["data"]["postMessage"]
    assert re.fullmatch(r"[1-9][0-9]*", posted["id"]), done.stdout
    # Tokens are checked in development mode too.
    assert graphql_http(server, ME, token=make_token("ada", secret="guessed-secret-guessed-secret-00")).status_code == 401


def test_development_secret_is_kept_across_restarts(start_server, tmp_path):
    db = tmp_path / "dev.sqlite"
    first = start_server(dev=True, db=db)
    token, _ = dev_banner(first)
    secret = dev_secret(db)
    assert first.terminate() == 0
    second = start_server(dev=True, db=db)
    assert dev_secret(db) == secret
    # The first run's token still works against the second run.
    assert http(second, ME, token=token)["data"]["me"]["id"] == jwt.decode(token, secret, algorithms=["HS256"])["sub"]


def test_dev_token_endpoint(start_server):
    server = start_server(dev=True)
    secret = dev_secret(server.db)
    response = requests.get(server.http + "/dev/token", params={"name": "Ada Lovelace"}, timeout=TIMEOUT)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"token", "sub", "name", "role"}, body
    assert (body["sub"], body["name"], body["role"]) == ("dev-ada-lovelace", "Ada Lovelace", "user")
    claims = jwt.decode(body["token"], secret, algorithms=["HS256"])
    assert (claims["sub"], claims["name"], claims["role"]) == ("dev-ada-lovelace", "Ada Lovelace", "user")
    assert 86_000 < claims["exp"] - time.time() <= 86_400
    # Names become subs: lower case, anything outside [a-z0-9_-] a dash.
    odd = requests.get(server.http + "/dev/token", params={"name": "Zoë.B_2-x"}, timeout=TIMEOUT).json()
    assert odd["sub"] == "dev-zo--b_2-x" and odd["name"] == "Zoë.B_2-x"

    async def go():
        # The token works on a socket: a user posts under its name.
        client = await socket_with_token(server, body["token"])
        result = await operation(client, "p", POST, {"chatId": "dev-room", "content": "hi"})
        assert result["data"]["postMessage"]["senderName"] == "Ada Lovelace", result

    run(go())
    for params in ({}, {"name": ""}, {"name": "   "}, {"name": "x" * 65}):
        bad = requests.get(server.http + "/dev/token", params=params, timeout=TIMEOUT)
        assert bad.status_code == 400 and "name" in bad.json()["error"], (params, bad.text)
    assert requests.get(server.http + "/dev/token", params={"name": "é" * 64}, timeout=TIMEOUT).status_code == 200


def test_dev_token_endpoint_does_not_exist_with_a_secret(server):
    response = requests.get(server.http + "/dev/token", params={"name": "ada"}, timeout=TIMEOUT)
    assert response.status_code == 404


# =============================================================================== switchboard token

def token_cli(binary, *args, env=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), "token", *map(str, args)], capture_output=True, text=True, timeout=30,
                          env=env)


def test_token_command_with_a_secret(switchboard_bin):
    done = token_cli(switchboard_bin, "--sub", "backend", "--name", "Back End", "--role", "publisher",
                     "--ttl", 3600, "--secret", TEST_SECRET)
    assert done.returncode == 0 and done.stderr == "", done
    token = done.stdout.strip()
    assert done.stdout == token + "\n"
    claims = jwt.decode(token, TEST_SECRET, algorithms=["HS256"])
    assert {k: claims[k] for k in ("sub", "name", "role")} == {"sub": "backend", "name": "Back End", "role": "publisher"}
    assert 3590 <= claims["exp"] - time.time() <= 3600
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    plain = jwt.decode(token_cli(switchboard_bin, "--sub", "u1", "--secret", TEST_SECRET).stdout.strip(), TEST_SECRET,
                       algorithms=["HS256"])
    assert plain == {"sub": "u1", "role": "user"}, plain


def test_token_command_reads_the_secret_from_the_environment(switchboard_bin):
    import os
    env = dict(os.environ, SWITCHBOARD_SECRET=TEST_SECRET)
    done = token_cli(switchboard_bin, "--sub", "u1", env=env)
    assert done.returncode == 0, done
    assert jwt.decode(done.stdout.strip(), TEST_SECRET, algorithms=["HS256"])["sub"] == "u1"


def test_token_command_with_the_store_of_a_development_server(start_server, switchboard_bin, tmp_path):
    db = tmp_path / "made-by-token.sqlite"
    # The store has no secret yet: `token --db` makes it, and a server started later uses it.
    done = token_cli(switchboard_bin, "--sub", "ada", "--name", "Ada", "--db", db)
    assert done.returncode == 0, done
    server = start_server(dev=True, db=db)
    assert jwt.decode(done.stdout.strip(), dev_secret(db), algorithms=["HS256"])["sub"] == "ada"
    assert http(server, ME, token=done.stdout.strip()) == {"data": {"me": {"id": "ada", "name": "Ada"}}}
    later = token_cli(switchboard_bin, "--sub", "bob", "--role", "publisher", "--db", db)
    assert http(server, ME, token=later.stdout.strip())["data"]["me"]["id"] == "bob"


@pytest.mark.parametrize("args, message", [
    (["--sub", "u", "--role", "admin", "--secret", "s"], "--role must be user or publisher (got admin)"),
    (["--sub", "", "--secret", "s"], "--sub must not be empty"),
    (["--sub", "u", "--ttl", "0", "--secret", "s"], "--ttl must be a number of seconds greater than 0 (got 0)"),
    (["--sub", "u", "--secret", "s", "--db", "x.sqlite"], "give --secret or --db, not both"),
    (["--sub", "u", "--db", "/nonexistent-dir/x.sqlite"], "directory /nonexistent-dir does not exist"),
])
def test_token_command_refuses_bad_values(switchboard_bin, args, message):
    done = token_cli(switchboard_bin, *args)
    assert done.returncode == 1 and done.stdout == "", done
    assert done.stderr.startswith("error: ") and message in done.stderr, done.stderr
