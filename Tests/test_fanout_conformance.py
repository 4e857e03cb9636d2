"""Fan-out, resume, the store's live rows, crash safety, slow consumers, events from another
process and a real client library, against `switchboard serve` (docs/contract.md: "Schema
meaning", "The store", `--max-queue-bytes`, `switchboard publish`; docs/protocol.md: "Closing").

Messages are posted with the `postMessage` mutation over HTTP; subscriptions on chats of their
own subscribe with `after: "0"` so that none races the moment of subscribing (contract.md: with
`after`, every stored message with a larger id, then live ones, no gap and no duplicate).
"""
from __future__ import annotations

import asyncio
import json
import threading
import time

import requests

from server_support import (
    TIMEOUT,
    Client,
    RawClient,
    async_wait_until,
    connect,
    connect_acked,
    new_message_subscription,
    post_message,
    require_serve,
    run,
    store_rows,
    subscribe_message,
    unique,
    wait_until,
)

require_serve()

# "visible within a second" (contract.md, "The store")
ROW_SECONDS = 1.0


def count(db, table: str) -> int:
    return store_rows(db, f"SELECT count(*) FROM {table}")[0][0]


def dumps(value) -> str:
    """JSON with key order kept: response keys must come in selection order (GraphQL spec 7.1)."""
    return json.dumps(value, ensure_ascii=False)


# =============================================================================== exact selections

# Each selection: (document, variables for a chat, the `data` it must produce for a message).
SELECTIONS = [
    ("subscription On($chatId: ID!, $after: ID) { newMessage(chatId: $chatId, after: $after) { id content } }",
     lambda chat: {"chatId": chat, "after": "0"},
     lambda m: {"newMessage": {"id": m["id"], "content": m["content"]}}),
    ('subscription Aliased($c: ID!) { m: newMessage(chatId: $c, after: "0") { text: content who: senderName kind: __typename } }',
     lambda chat: {"c": chat},
     lambda m: {"m": {"text": m["content"], "who": m["senderName"], "kind": "Message"}}),
    ('subscription($c: ID!) { newMessage(chatId: $c, after: "0") { ...F } } fragment F on Message { chatId createdAt id }',
     lambda chat: {"c": chat},
     lambda m: {"newMessage": {"chatId": m["chatId"], "createdAt": m["createdAt"], "id": m["id"]}}),
    # Fields merge in order of first appearance (CollectFields): __typename, id, content.
    ('subscription($c: ID!) { newMessage(chatId: $c, after: "0") { __typename ... on Message { id content } id } }',
     lambda chat: {"c": chat},
     lambda m: {"newMessage": {"__typename": "Message", "id": m["id"], "content": m["content"]}}),
    ('subscription($c: ID!, $with: Boolean!) { newMessage(chatId: $c, after: "0") '
     "{ id content @include(if: $with) senderName @skip(if: true) } }",
     lambda chat: {"c": chat, "with": False},
     lambda m: {"newMessage": {"id": m["id"]}}),
    ('subscription($c: ID!) { newMessage(chatId: $c, after: "0") { b: id a: id ... { z: senderName } } }',
     lambda chat: {"c": chat},
     lambda m: {"newMessage": {"b": m["id"], "a": m["id"], "z": m["senderName"]}}),
]


def test_every_subscriber_gets_exactly_its_own_selection(server):
    """24 sockets on 3 chats with 6 different selections (aliases, named and inline fragments,
    `__typename`, directives), some sockets on two chats: each subscription receives exactly its
    chat's messages, in id order, shaped by its own selection, keys in selection order."""
    chats = [unique() for _ in range(3)]
    plan: list[list[tuple[str, int, int]]] = []  # per socket: (operation id, chat index, selection index)
    for i in range(24):
        subs = [(f"a{i}", i % 3, i % len(SELECTIONS))]
        if i % 4 == 0:
            subs.append((f"b{i}", (i + 1) % 3, (i + 1) % len(SELECTIONS)))
        plan.append(subs)

    async def go():
        clients = [await connect_acked(server) for _ in plan]
        for client, subs in zip(clients, plan):
            for id, chat, selection in subs:
                document, variables, _ = SELECTIONS[selection]
                await client.subscribe(id, document, variables(chats[chat]))
        posted: list[list[dict]] = [[], [], []]
        for round in range(4):
            for c, chat in enumerate(chats):
                posted[c].append(await asyncio.to_thread(post_message, server, chat, f"{round}:{c} ✓", f"sender{c}"))
        for c, chat in enumerate(chats):  # the last one per chat, so nothing can hide behind the end
            posted[c].append(await asyncio.to_thread(post_message, server, chat, "end", "closer"))

        async def check(client: Client, subs):
            wanted = {id: [dumps({"data": SELECTIONS[s][2](m)}) for m in posted[chat]] for id, chat, s in subs}
            got: dict[str, list[str]] = {id: [] for id in wanted}
            while any(len(got[id]) < len(wanted[id]) for id in wanted):
                message = await client.recv()
                assert message["type"] == "next" and message["id"] in wanted, message
                got[message["id"]].append(dumps(message["payload"]))
            assert got == wanted
            await client.close()

        await asyncio.gather(*(check(client, subs) for client, subs in zip(clients, plan)))
    run(go())


def test_a_fan_out_wider_than_a_loop_turn_reaches_every_subscriber_once_in_order(start_server):
    """600 sockets on one chat: more than the transport asks writable callbacks for in one turn of
    its loop (128, `WritablePacer`), so most wait a few turns while the next messages arrive and
    join their queues. 30 messages posted back to back reach every subscriber, each once and in id
    order, and a `ping` sent meanwhile by a socket near the back is answered."""
    server = start_server("--max-connections-per-user", "1000")
    chat = unique()
    sockets = 600

    async def go():
        clients = await asyncio.gather(*(connect_acked(server) for _ in range(sockets)))
        for client in clients:
            await client.subscribe("s", new_message_subscription("id content"), {"chatId": chat, "after": "0"})
        for client in clients:  # every subscription is in place before the first post
            await client.barrier()

        async def receive(client: Client, ping: bool) -> tuple[list[str], bool]:
            ids: list[str] = []
            ponged = False
            while len(ids) < 30 or (ping and not ponged):
                got = await client.recv()
                if got["type"] == "pong":
                    ponged = True
                    continue
                assert got["type"] == "next" and got["id"] == "s", got
                ids.append(got["payload"]["data"]["newMessage"]["id"])
                if ping and len(ids) == 1:
                    await client.send({"type": "ping"})
            return ids, ponged

        posting = asyncio.create_task(asyncio.to_thread(
            lambda: [post_message(server, chat, f"m{i}")["id"] for i in range(30)]))
        results = await asyncio.gather(*(receive(client, i == sockets - 2) for i, client in enumerate(clients)))
        posted = await posting
        for i, (ids, _) in enumerate(results):
            assert ids == posted, f"socket {i}: {ids} != {posted}"
        assert results[sockets - 2][1], "the ping was not answered"
        await asyncio.gather(*(client.close() for client in clients))
    run(go())


# =============================================================================== resume

def test_resume_with_after_across_reconnects_while_another_thread_posts(server):
    """`after:` replays the backlog then live events with no gap and no duplicate at the seam,
    while messages keep arriving; three reconnects, two of them abrupt."""
    chat = unique()
    backlog = [post_message(server, chat, f"old {i}")["id"] for i in range(10)]
    posted: list[str] = list(backlog)
    lock = threading.Lock()
    failure: list[BaseException] = []

    def poster():
        try:
            with requests.Session() as session:
                for i in range(150):
                    message = post_message(server, chat, f"new {i}", session=session)
                    with lock:
                        posted.append(message["id"])
        except BaseException as error:  # reported by the test, not lost in the thread
            failure.append(error)

    async def go():
        received: list[str] = []
        thread = threading.Thread(target=poster)
        thread.start()
        stops = [20, 60, 100]
        try:
            for round in range(len(stops) + 1):
                client = await connect_acked(server)
                after = received[-1] if received else "0"
                await client.subscribe("r", new_message_subscription("id"), {"chatId": chat, "after": after})
                target = stops[round] if round < len(stops) else None
                while True:
                    if target is None:
                        # Every message posted: the last `next` may arrive before the poster
                        # thread has its HTTP response, so count rather than wait for the thread.
                        if len(received) >= len(backlog) + 150:
                            break
                    elif len(received) >= target:
                        break
                    payload = await client.next_for("r")
                    received.append(payload["data"]["newMessage"]["id"])
                if round % 2:
                    await client.close()
                else:
                    client.ws.transport.abort()  # a dropped connection, not a polite close
        finally:
            await asyncio.to_thread(thread.join, 60)
        return received

    received = run(go())
    assert not failure, failure
    assert [int(i) for i in received] == sorted(int(i) for i in posted), "a gap or a duplicate at a seam"
    assert len(set(received)) == len(received) == 160


# =============================================================================== the store's live rows

def test_connection_and_subscription_rows_appear_and_disappear(server):
    """A `connections` row from the ack until the socket ends; a `subscriptions` row while the
    subscription lives; both visible within a second and removed when they end."""
    db = server.db
    chat = unique()
    document = new_message_subscription("id")
    variables = {"chatId": chat, "after": "0"}

    async def go():
        unacked = await connect(server)
        client = await connect_acked(server, {"client": "conformance", "n": 1})
        rows = await async_wait_until(
            lambda: store_rows(db, "SELECT id, user_id, remote_addr, connected_at, init_payload FROM connections"),
            "the acknowledged connection's row", timeout=ROW_SECONDS)
        # The socket that sent no connection_init has no row (rows are written when acknowledged,
        # through one writer in order: its row would have come first).
        assert len(rows) == 1, rows
        connection_id, user_id, remote_addr, connected_at, init_payload = rows[0]
        assert user_id is None  # anonymous
        assert "127.0.0.1" in str(remote_addr) and connected_at
        assert json.loads(init_payload) == {"client": "conformance", "n": 1}

        await client.send(subscribe_message("s1", document, variables, "On"))
        await client.subscribe("s2", document, {"chatId": chat})
        await client.subscribe("bad", "subscription { newMessage { id } }")  # invalid: an error, no row
        error = await client.recv()
        assert error["type"] == "error" and error["id"] == "bad", error
        query = "SELECT connection_id, id, topic, query, variables, operation_name, created_at FROM subscriptions ORDER BY id"
        subs = await async_wait_until(lambda: (r := store_rows(db, query)) and len(r) == 2 and r,
                                      "two subscription rows", timeout=ROW_SECONDS)
        (c1, id1, topic1, query1, vars1, name1, created1), (c2, id2, topic2, _, vars2, _, _) = subs
        assert (c1, c2) == (connection_id, connection_id)
        assert (id1, id2) == ("s1", "s2")
        assert topic1 == topic2 == f"chat:{chat}"
        assert query1 == document and json.loads(vars1) == variables and name1 == "On" and created1
        assert json.loads(vars2) == {"chatId": chat}

        await client.complete("s1")
        await async_wait_until(lambda: [r[1] for r in store_rows(db, query)] == ["s2"], "s1's row removed",
                               timeout=ROW_SECONDS)
        await client.close()
        await async_wait_until(lambda: count(db, "subscriptions") == 0 and count(db, "connections") == 0,
                               "the closed socket's rows removed", timeout=ROW_SECONDS)
        await unacked.close()
    run(go())


# =============================================================================== crash safety

def test_restart_after_sigkill_keeps_every_acknowledged_message(start_server):
    """SIGKILL while messages are being posted: after a restart on the same store, every message
    whose postMessage was answered is there, and the dead process's rows are gone."""
    first = start_server()
    chat = unique()
    acknowledged: dict[str, str] = {}
    lock = threading.Lock()
    enough = threading.Event()

    def poster(n: int):
        with requests.Session() as session:
            for i in range(100_000):
                try:
                    message = post_message(first, chat, f"p{n}-{i}", session=session)
                except (requests.RequestException, AssertionError):
                    return  # the server died: an unanswered post is not acknowledged
                with lock:
                    acknowledged[message["id"]] = message["content"]
                    if len(acknowledged) >= 40:
                        enough.set()

    async def live_rows():
        client = await connect_acked(first)
        await client.subscribe("s", new_message_subscription("id"), {"chatId": chat, "after": "0"})
        await async_wait_until(lambda: count(first.db, "subscriptions") == 1 and count(first.db, "connections") == 1,
                               "the rows of a live subscription", timeout=ROW_SECONDS)
        return client

    async def crash():
        client = await live_rows()
        threads = [threading.Thread(target=poster, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
        assert await asyncio.to_thread(enough.wait, 30), "the posters never got going"
        first.kill()
        for thread in threads:
            await asyncio.to_thread(thread.join, 30)
        client.ws.transport.abort()

    run(crash())
    assert count(first.db, "connections") == 1  # left behind by the dead process

    second = start_server(db=first.db)
    wait_until(lambda: count(second.db, "connections") == 0 and count(second.db, "subscriptions") == 0,
               "the dead process's rows removed at start", timeout=ROW_SECONDS)
    stored = dict(store_rows(second.db, "SELECT CAST(id AS TEXT), topic FROM events"))
    missing = [id for id in acknowledged if id not in stored]
    assert not missing, f"{len(missing)} acknowledged messages lost: {missing[:10]}"
    assert all(stored[id] == f"chat:{chat}" for id in acknowledged)
    # And the server serves them: the newest 500 of the chat, oldest first.
    r = requests.post(second.graphql_http, timeout=TIMEOUT, headers={"Accept": "application/json"},
                      json={"query": "query($c: ID!) { messages(chatId: $c, last: 500) { id content } }",
                            "variables": {"c": chat}})
    served = {m["id"]: m["content"] for m in r.json()["data"]["messages"]}
    newest = sorted(acknowledged, key=int)[-min(len(acknowledged), 500):]
    assert {id: served.get(id) for id in newest} == {id: acknowledged[id] for id in newest}
    later = post_message(second, chat, "after the restart")
    assert int(later["id"]) > max(int(id) for id in stored)


# =============================================================================== slow consumers

def test_slow_consumer_is_closed_1013_and_the_others_receive_everything(start_server):
    """--max-queue-bytes: a socket that never reads is closed with 1013 `Try again later`, its
    undelivered events go to `dead_letters`, and every other subscriber receives everything."""
    server = start_server("--max-queue-bytes", 65536)
    chat = unique()
    document = new_message_subscription("id content")
    variables = {"chatId": chat, "after": "0"}
    content = "€" * 4000  # 12,000 bytes, the longest content allowed

    slow = RawClient(server.port, rcvbuf=4096)
    slow.send_json({"type": "connection_init"})
    assert slow.read_json() == {"type": "connection_ack"}
    for i in range(40):  # 40 subscriptions: every event is ~480 kB for this socket
        slow.send_json(subscribe_message(f"slow{i}", document, variables))
    slow.send_json({"type": "ping", "payload": {"ready": True}})
    assert slow.read_json() == {"type": "pong", "payload": {"ready": True}}
    wait_until(lambda: count(server.db, "subscriptions") == 40, "the slow socket's subscriptions")
    slow_connection = store_rows(server.db, "SELECT id FROM connections")[0][0]

    async def go():
        healthy = [await connect_acked(server) for _ in range(3)]
        for client in healthy:
            await client.subscribe("h", document, variables)
        posted = []
        for i in range(30):
            posted.append(await asyncio.to_thread(post_message, server, chat, content[:-1] + str(i % 10)))

        async def receive_all(client: Client, messages):
            for message in messages:
                payload = await client.next_for("h", timeout=10)
                assert payload == {"data": {"newMessage": {"id": message["id"], "content": message["content"]}}}

        await asyncio.gather(*(receive_all(client, posted) for client in healthy))
        frames, close = await asyncio.to_thread(slow.read_until_close, 20)
        assert close == (1013, "Try again later"), (len(frames), close)
        slow.close()
        # The others go on.
        later = [await asyncio.to_thread(post_message, server, chat, "after the close")]
        await asyncio.gather(*(receive_all(client, later) for client in healthy))
        for client in healthy:
            await client.close()
        return posted

    posted = run(go())
    letters = wait_until(lambda: store_rows(server.db, "SELECT event_id, connection_id, subscription_id, reason, "
                                                       "created_at FROM dead_letters"), "dead letters")
    ids = {int(m["id"]) for m in posted}
    for event_id, connection_id, subscription_id, reason, created_at in letters:
        assert int(event_id) in ids and connection_id == slow_connection, letters[:3]
        assert subscription_id is not None and reason and created_at, letters[:3]
    wait_until(lambda: count(server.db, "subscriptions") == 0, "every subscription row removed", timeout=ROW_SECONDS)


# =============================================================================== another process

def test_switchboard_publish_reaches_subscribers_within_200ms(server):
    """`switchboard publish` on the same store: a running server delivers it within 200 ms
    (measured from the publishing process's exit, which is after its commit)."""
    chat = unique()

    async def go():
        client = await connect_acked(server)
        await client.subscribe("p", new_message_subscription("id content senderName"), {"chatId": chat, "after": "0"})
        await client.barrier()
        latencies = []
        for i in range(3):
            arrived: list[float] = []

            async def receive():
                payload = await client.next_for("p", timeout=10)
                arrived.append(time.monotonic())
                return payload

            receiving = asyncio.create_task(receive())
            process = await asyncio.create_subprocess_exec(
                str(server.binary), "publish", "--db", str(server.db), "--chat", chat,
                "--content", f"from afar {i}", "--sender", "cli",
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await process.communicate()
            exited = time.monotonic()
            assert process.returncode == 0, err
            announced = json.loads(out.decode().splitlines()[0])
            payload = await receiving
            assert payload == {"data": {"newMessage": {"id": announced["id"], "content": f"from afar {i}",
                                                       "senderName": "cli"}}}
            latencies.append(arrived[0] - exited)
        assert max(latencies) <= 0.2, latencies
        await client.close()
    run(go())


# =============================================================================== a client no one here wrote

def test_gql_client_subscribes_and_receives(server):
    """gql's WebsocketsTransport (graphql-transport-ws, offered beside the legacy protocol, as gql
    does by default) subscribes, receives, runs a query, and stops with `complete`."""
    from gql import Client as GqlClient
    from gql import GraphQLRequest
    from gql.transport.websockets import WebsocketsTransport

    chat = unique()

    async def go():
        transport = WebsocketsTransport(url=server.url)
        async with GqlClient(transport=transport) as session:
            assert transport.subprotocol == "graphql-transport-ws"
            request = GraphQLRequest(new_message_subscription("id content senderName"),
                                     variable_values={"chatId": chat, "after": "0"})
            posted = [await asyncio.to_thread(post_message, server, chat, f"gql {i}") for i in range(3)]
            received = []
            async with asyncio.timeout(TIMEOUT):
                async for result in session.subscribe(request):
                    received.append(result["newMessage"])
                    if len(received) == 3:
                        break
            assert received == [{"id": m["id"], "content": m["content"], "senderName": m["senderName"]}
                                for m in posted]
            result = await session.execute(GraphQLRequest("query($c: ID!) { messages(chatId: $c) { id } }",
                                                          variable_values={"c": chat}))
            assert result == {"messages": [{"id": m["id"]} for m in posted]}
        # Ending the subscription removed its row; closing the socket removed the connection's.
        await async_wait_until(lambda: count(server.db, "connections") == 0, "gql's connection row removed",
                               timeout=ROW_SECONDS)
    run(go())

