#!/usr/bin/env python3
"""Subscribe to your own notifications with gql (graphql-transport-ws) and print each one.

    make run                                          # one terminal: the server on 127.0.0.1:4000
    TOKEN=<a user token> python Examples/python/notifications.py    # another (pip install "gql[websockets]")
    TOKEN=<a publisher token> Examples/curl/notify_user.sh USER "your order is ready"   # a third

`notifications` needs a token: its `sub` is the user whose notifications arrive. The token goes
in the connection_init payload as {"authorization": "Bearer <token>"}. A user token comes from
`switchboard token --sub USER --role user` (with the server's --secret or --db).

Options: --token TOKEN (default: the TOKEN environment variable), --after ID (first replay the
stored notifications after that id, then go on live), --url URL (default ws://127.0.0.1:4000/graphql),
--limit N (stop after N notifications).
"""
import argparse
import asyncio
import os
import sys

from gql import Client, GraphQLRequest, gql
from gql.transport.websockets import WebsocketsTransport

SUBSCRIPTION = gql("""
subscription MyNotifications($after: ID) {
  notifications(after: $after) { id message callback kind createdAt }
}
""")


async def main(token: str, after: str | None, url: str, limit: int | None) -> None:
    transport = WebsocketsTransport(url=url, init_payload={"authorization": f"Bearer {token}"})
    async with Client(transport=transport) as session:
        print(f"subscribed to notifications on {url}", file=sys.stderr, flush=True)
        received = 0
        async for result in session.subscribe(GraphQLRequest(SUBSCRIPTION, variable_values={"after": after})):
            n = result["notifications"]
            action = f" -> {n['callback']}" if n["callback"] else ""
            print(f"[{n['createdAt']}] #{n['id']} {n['kind']}: {n['message']}{action}", flush=True)
            received += 1
            if limit is not None and received >= limit:
                return


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--token", default=os.environ.get("TOKEN"), help="a user token (default: $TOKEN)")
    parser.add_argument("--after", help="replay stored notifications with a larger id first")
    parser.add_argument("--url", default="ws://127.0.0.1:4000/graphql")
    parser.add_argument("--limit", type=int, help="stop after this many notifications")
    args = parser.parse_args()
    if not args.token:
        parser.error("a token is needed: pass --token or set TOKEN (notifications are per user)")
    try:
        asyncio.run(main(args.token, args.after, args.url, args.limit))
    except KeyboardInterrupt:
        pass
