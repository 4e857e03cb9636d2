"""Authorization per operation and per-user notifications against `switchboard serve`
(docs/contract.md, "Identity" and "Schema/chat.graphql" meaning), over HTTP and over the socket:
who may read, post, notify and subscribe; `me`; `notifications` reaching every socket of its user
and no one else's, ACTIONABLE or FEEDBACK, and caught up with `after:` by a user who was away.

Tokens are minted by PyJWT with the test servers' secret."""
from __future__ import annotations

import subprocess

import pytest

from identity_support import (ME, NOTIFICATIONS, NOTIFY, POST, codes, http, operation, socket_with_token,
                              user_token)
from server_support import (TIMESTAMP, async_wait_until, make_token, publisher_token, require_serve, run,
                            store_rows, unique)

require_serve()

PUBLISHER = "publisher"
ANONYMOUS = None


def token_for(who):
    """`who`: None (anonymous), "publisher", or (sub, name) of a user."""
    if who is None:
        return None
    if who == PUBLISHER:
        return publisher_token()
    sub, name = who
    return user_token(sub, name)


# Each rule: (who, operation, variables, expected data or None, expected error codes).
def post(chat, sender=None, content="hello"):
    variables = {"chatId": chat, "content": content}
    if sender is not None:
        variables["senderName"] = sender
    return variables


RULES = {
    "anonymous may not post": (ANONYMOUS, POST, post("r", "x"), None, ["UNAUTHENTICATED"]),
    "anonymous may not notify": (ANONYMOUS, NOTIFY, {"userId": "ada", "message": "m"}, None, ["UNAUTHENTICATED"]),
    "a user may not notify": (("ada", "Ada"), NOTIFY, {"userId": "bob", "message": "m"}, None, ["FORBIDDEN"]),
    "a user may not post under another name": (("ada", "Ada"), POST, post("r", "Bob"), None, ["FORBIDDEN"]),
    "a user posts under the token's name": (("ada", "Ada"), POST, post("r"), {"senderName": "Ada"}, []),
    "a user may repeat the token's name": (("ada", "Ada"), POST, post("r", "Ada"), {"senderName": "Ada"}, []),
    "a user without a name posts under the sub": (("u-7", None), POST, post("r"), {"senderName": "u-7"}, []),
    "a publisher must name the sender": (PUBLISHER, POST, post("r"), None, ["BAD_USER_INPUT"]),
    "a publisher names the sender": (PUBLISHER, POST, post("r", "Newsroom"), {"senderName": "Newsroom"}, []),
    "a publisher's content is still checked": (PUBLISHER, POST, post("r", "N", content=""), None, ["BAD_USER_INPUT"]),
    "a publisher notifies, FEEDBACK without callback": (PUBLISHER, NOTIFY, {"userId": "ada", "message": "m"},
                                                        {"kind": "FEEDBACK", "callback": None}, []),
    "a publisher notifies, ACTIONABLE with callback": (PUBLISHER, NOTIFY,
                                                       {"userId": "ada", "message": "m", "callback": "https://x/1"},
                                                       {"kind": "ACTIONABLE", "callback": "https://x/1"}, []),
}


def check(rule, result):
    who, query, variables, expected, expected_codes = RULES[rule]
    assert codes(result) == expected_codes, result
    field = "postMessage" if query is POST else "notifyUser"
    if expected is None:
        # An authorization or input failure is a field error: data null (the field is non-null),
        # the error located at the field.
        assert result["data"] is None, result
        assert result["errors"][0]["path"] == [field] and result["errors"][0]["locations"], result
    else:
        value = result["data"][field]
        assert {k: value[k] for k in expected} == expected, result
        assert TIMESTAMP.match(value["createdAt"]), value


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_over_http(server, rule):
    who, query, variables, _, _ = RULES[rule]
    check(rule, http(server, query, variables, token=token_for(who)))


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_over_the_socket(server, rule):
    who, query, variables, _, _ = RULES[rule]

    async def go():
        client = await socket_with_token(server, token_for(who))
        result = await operation(client, "op", query, variables)
        await client.barrier()  # one next, one complete, nothing else; the socket stays open
        return result

    check(rule, run(go()))


def test_anyone_may_read_and_subscribe_to_chats(server):
    chat = unique()
    http(server, POST, post(chat, "N", "first"), token=publisher_token())

    async def go():
        client = await socket_with_token(server, None)
        history = await operation(client, "h", "query H($c: ID!) { messages(chatId: $c) { content } }", {"c": chat})
        assert history == {"data": {"messages": [{"content": "first"}]}}
        await client.subscribe("s", 'subscription S($c: ID!) { newMessage(chatId: $c, after: "0") { content } }',
                               {"c": chat})
        assert await client.next_for("s") == {"data": {"newMessage": {"content": "first"}}}

    run(go())
    assert http(server, "query H($c: ID!) { messages(chatId: $c) { content } }", {"c": chat}, token=None) == \
        {"data": {"messages": [{"content": "first"}]}}


def test_me(server):
    assert http(server, ME, token=None) == {"data": {"me": None}}
    assert http(server, ME, token=user_token("ada", "Ada")) == {"data": {"me": {"id": "ada", "name": "Ada"}}}
    assert http(server, ME, token=user_token("nameless")) == {"data": {"me": {"id": "nameless", "name": None}}}
    assert http(server, ME, token=make_token("backend", role="publisher")) == \
        {"data": {"me": {"id": "backend", "name": None}}}


# =============================================================================== notifications

def test_anonymous_notifications_subscribe_is_an_error_message(server):
    async def go():
        client = await socket_with_token(server, None)
        await client.subscribe("n", NOTIFICATIONS)
        got = await client.recv()
        assert got["type"] == "error" and got["id"] == "n", got
        [error] = got["payload"]
        assert error["extensions"]["code"] == "UNAUTHENTICATED" and error["path"] == ["notifications"], error
        # The socket stays open and the id is free again.
        await client.barrier()
        assert await operation(client, "n", ME) == {"data": {"me": None}}

    run(go())


def notify(server, user, message, callback=None):
    variables = {"userId": user, "message": message}
    if callback is not None:
        variables["callback"] = callback
    result = http(server, NOTIFY, variables, token=publisher_token())
    assert "errors" not in result, result
    return result["data"]["notifyUser"]


def test_notifications_reach_every_socket_of_their_user_and_no_one_else(server, switchboard_bin):
    async def go():
        ada_phone = await socket_with_token(server, user_token("ada", "Ada"))
        ada_laptop = await socket_with_token(server, user_token("ada", "Ada"), "upgrade ?token=")
        ada_idle = await socket_with_token(server, user_token("ada", "Ada"))  # subscribed to nothing
        bob = await socket_with_token(server, user_token("bob"))
        for client in (ada_phone, ada_laptop, bob):
            await client.subscribe("n", NOTIFICATIONS)
        await async_wait_until(lambda: store_rows(server.db, "SELECT count(*) FROM subscriptions")[0][0] == 3,
                               "three live subscriptions")
        assert {row[0] for row in store_rows(server.db, "SELECT topic FROM subscriptions")} == {"user:ada", "user:bob"}

        actionable = notify(server, "ada", "Your order shipped", "https://shop.example/orders/7")
        for client in (ada_phone, ada_laptop):
            got = (await client.next_for("n"))["data"]["notifications"]
            assert got == actionable and got["kind"] == "ACTIONABLE", got
        feedback = notify(server, "bob", "Thanks for your review")
        got = (await bob.next_for("n"))["data"]["notifications"]
        assert got == feedback and got["kind"] == "FEEDBACK" and got["callback"] is None, got

        # From another process too.
        subprocess.run([str(switchboard_bin), "notify", "--db", str(server.db), "--user", "ada", "--message", "cli"],
                       check=True, capture_output=True, timeout=30)
        for client in (ada_phone, ada_laptop):
            assert (await client.next_for("n"))["data"]["notifications"]["message"] == "cli"
        # Nobody got anything else: not bob ada's, not ada bob's, not the idle socket either.
        for client in (ada_phone, ada_laptop, ada_idle, bob):
            await client.barrier()

    run(go())


def test_an_offline_user_catches_up_with_after(server):
    first = notify(server, "carol", "while you were away 1")
    second = notify(server, "carol", "while you were away 2", "https://x/2")
    notify(server, "dave", "not carol's")

    async def go():
        carol = await socket_with_token(server, user_token("carol"))
        await carol.subscribe("n", NOTIFICATIONS, {"after": "0"})
        assert (await carol.next_for("n"))["data"]["notifications"] == first
        assert (await carol.next_for("n"))["data"]["notifications"] == second
        await carol.barrier()
        live = notify(server, "carol", "live")
        assert (await carol.next_for("n"))["data"]["notifications"] == live
        # Resuming after the first gives the rest only.
        again = await socket_with_token(server, user_token("carol"))
        await again.subscribe("m", NOTIFICATIONS, {"after": first["id"]})
        assert [(await again.next_for("m"))["data"]["notifications"]["id"] for _ in range(2)] == [second["id"], live["id"]]
        await again.barrier()

    run(go())
