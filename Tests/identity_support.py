"""Helpers shared by the identity suites (test_identity.py, test_authorization.py): sockets that
present a token in each way contract.md lists, and GraphQL operations with a given token.

Every token is minted by PyJWT (`make_token`), never by the server under test."""
from __future__ import annotations

import json
import time
import urllib.parse
from typing import Any

from server_support import (ABSENT, TIMEOUT, Client, Server, connect, graphql_http, make_token)

ME = "query Me { me { id name } }"
POST = """mutation Post($chatId: ID!, $content: String!, $senderName: String) {
  postMessage(chatId: $chatId, content: $content, senderName: $senderName) { id chatId content senderName createdAt }
}"""
NOTIFY = """mutation Notify($userId: ID!, $message: String!, $callback: String) {
  notifyUser(userId: $userId, message: $message, callback: $callback) { id message callback kind createdAt }
}"""
NOTIFICATIONS = "subscription N($after: ID) { notifications(after: $after) { id message callback kind createdAt } }"

# Every place a WebSocket client may put its token (contract.md, "Identity"): how to build the
# connection_init payload, the upgrade's headers and the URL's query for a token.
SOURCES = {
    "payload.authorization Bearer": lambda t: ({"authorization": f"Bearer {t}"}, None, None),
    "payload.authorization bare": lambda t: ({"authorization": t}, None, None),
    "payload.Authorization": lambda t: ({"Authorization": f"Bearer {t}"}, None, None),
    "payload.token": lambda t: ({"token": t}, None, None),
    "payload.authToken": lambda t: ({"authToken": t}, None, None),
    "payload.headers.Authorization": lambda t: ({"headers": {"Authorization": f"Bearer {t}"}}, None, None),
    "upgrade Authorization header": lambda t: (ABSENT, {"Authorization": f"Bearer {t}"}, None),
    "upgrade ?token=": lambda t: (ABSENT, None, t),
}


async def open_socket(server: Server, *, headers: dict[str, str] | None = None, query_token: str | None = None,
                      **kwargs: Any) -> Client:
    """A socket whose upgrade request carries `headers` and `?token=`."""
    url = server.url
    if query_token is not None:
        url += "?" + urllib.parse.urlencode({"token": query_token})
    if headers:
        kwargs["additional_headers"] = headers
    return await connect(url, **kwargs)


async def socket_with_token(server: Server, token: str | None, source: str = "payload.authorization Bearer") -> Client:
    """An acknowledged socket that presented `token` (None: anonymous) the way `source` says."""
    if token is None:
        client = await connect(server)
        await client.init()
        return client
    payload, headers, query = SOURCES[source](token)
    client = await open_socket(server, headers=headers, query_token=query)
    await client.init(payload)
    return client


async def init_refused(server: Server, token: str, source: str = "payload.authorization Bearer") -> None:
    """The socket's connection_init with `token` is answered by 4403 `Forbidden` and no ack."""
    payload, headers, query = SOURCES[source](token)
    client = await open_socket(server, headers=headers, query_token=query)
    await client.send({"type": "connection_init", **({} if payload is ABSENT else {"payload": payload})})
    await client.expect_close(4403, "Forbidden")


async def operation(client: Client, id: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """A query or mutation over the socket: its one result (`next`, then `complete`)."""
    await client.subscribe(id, query, variables if variables is not None else ABSENT)
    return await client.single_result(id)


def http(server: Server, query: str, variables: dict[str, Any] | None = None, *, token: Any) -> dict[str, Any]:
    """A query or mutation over HTTP with `token` (None: anonymous); 200 and its JSON body."""
    response = graphql_http(server, query, variables, token=token)
    assert response.status_code == 200, (response.status_code, response.text)
    return response.json()


def codes(result: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in result.get("errors", [])]


def user_token(sub: str, name: str | None = None, **kwargs: Any) -> str:
    return make_token(sub, role="user", name=name, **kwargs)


def soon(seconds: float) -> int:
    """An `exp` that many seconds from now (whole seconds, as PyJWT writes it)."""
    return int(time.time() + seconds)


def log_line_with(server: Server, *fragments: str, start: int = 0, timeout: float = TIMEOUT) -> str:
    line = server.wait_for_stderr(lambda l: all(f in l for f in fragments), timeout, start=start)
    assert line is not None, f"no log line with {fragments!r}; stderr:\n{server.stderr()}"
    return line


def redacted(init_payload_text: str) -> dict[str, Any]:
    return json.loads(init_payload_text)
