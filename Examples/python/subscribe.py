#!/usr/bin/env python3
"""Subscribe to a chat with gql (graphql-transport-ws) and print each message as it arrives.

    make run                                   # in one terminal: the server on 127.0.0.1:4000
    python Examples/python/subscribe.py general  # in another (pip install "gql[websockets]")
    TOKEN=... Examples/curl/post_message.sh general "hello"  # in a third: publish (publisher token)

Arguments: CHAT [AFTER] [URL]. With AFTER (a message id) it first replays the stored messages
after that id, then goes on live. URL defaults to ws://127.0.0.1:4000/graphql. Reading a chat needs
no token; with TOKEN set it is sent in connection_init ({"authorization": "Bearer …"}), which a
server started with --require-auth needs.
"""
import asyncio
import sys

from gql import Client, gql
from gql.transport.websockets import WebsocketsTransport

SUBSCRIPTION = gql("""
subscription OnMessage($chatId: ID!, $after: ID) {
  newMessage(chatId: $chatId, after: $after) { id chatId content senderName createdAt }
}
""")


async def main(chat: str, after: str | None, url: str, limit: int | None) -> None:
    import os
    token = os.environ.get("TOKEN")
    init_payload = {"authorization": f"Bearer {token}"} if token else {}
    transport = WebsocketsTransport(url=url, init_payload=init_payload)  # speaks graphql-transport-ws
    async with Client(transport=transport) as session:
        print(f"subscribed to chat {chat!r} on {url}", file=sys.stderr, flush=True)
        received = 0
        async for result in session.subscribe(SUBSCRIPTION, variable_values={"chatId": chat, "after": after}):
            m = result["newMessage"]
            print(f"[{m['createdAt']}] #{m['id']} {m['senderName']}: {m['content']}", flush=True)
            received += 1
            if limit is not None and received >= limit:
                return


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if args else 2)
    chat = args[0]
    after = args[1] if len(args) > 1 and args[1] else None
    url = args[2] if len(args) > 2 else "ws://127.0.0.1:4000/graphql"
    # SUBSCRIBE_LIMIT=N: stop after N messages (used by the smoke test).
    import os
    limit = int(os.environ["SUBSCRIBE_LIMIT"]) if os.environ.get("SUBSCRIBE_LIMIT") else None
    try:
        asyncio.run(main(chat, after, url, limit))
    except KeyboardInterrupt:
        pass
