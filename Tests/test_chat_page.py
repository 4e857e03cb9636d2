"""The chat page at `GET /` (issue 7), in a real browser: headless Chromium from Debian's
`chromium` package, driven over the DevTools protocol (browser_support.py).

The page is used as a person would: type a room and a name, press Join, type a message, press
Send; what is checked is what the page shows (the message list, the connection badge). Messages
from elsewhere come through `switchboard publish` (another process appending to the store, which
also works while the server is down) and `postMessage` over HTTP with a publisher token.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import requests

from browser_support import Browser, Page, browser, check_png  # noqa: F401  (browser: fixture)
from server_support import ROOT, TIMEOUT, Server, make_token, post_message, unique

PAGE_SOURCE = ROOT / "Sources" / "Chat" / "ChatPage" / "chat.html"
RECONNECT_TIMEOUT = 20.0  # the page's backoff tops out at 6 s between attempts


# ---------------------------------------------------------------------------- acting on the page

def open_chat(browser: Browser, server: Server, room: str, name: str) -> Page:
    """A new tab on the chat page that joins `room` as `name` through the form, connected."""
    page = browser.new_page()
    page.goto(server.http + "/")
    page.type_into("#room", room)
    page.type_into("#name", name)
    page.click("#join-button")
    wait_state(page, "connected")
    return page


def wait_state(page: Page, state: str, timeout: float = TIMEOUT) -> str:
    """Waits until the connection badge says `state`; returns the badge's text."""
    return page.wait_for(
        f"document.getElementById('state').dataset.state === {json.dumps(state)} && "
        "document.getElementById('state').textContent", f"the page to show {state}", timeout)


def shown(page: Page) -> list[dict[str, str]]:
    """The messages the page shows, top to bottom."""
    return page.evaluate("""[...document.querySelectorAll('#messages li')].map(li => ({
        id: li.dataset.id, sender: li.querySelector('.sender').textContent,
        content: li.querySelector('.content').textContent}))""")


def wait_shown(page: Page, contents: list[str], timeout: float = TIMEOUT) -> list[dict[str, str]]:
    """Waits until the page shows exactly `contents` (in this order) and checks the ids rise."""
    expression = ("JSON.stringify([...document.querySelectorAll('#messages li .content')].map(e => e.textContent))"
                  f" === {json.dumps(json.dumps(contents, separators=(',', ':')))}")
    try:
        page.wait_for(expression, f"the page to show {contents}", timeout)
    except AssertionError as failure:
        raise AssertionError(f"{failure}; the page shows {shown(page)}") from None
    messages = shown(page)
    ids = [int(m["id"]) for m in messages]
    assert ids == sorted(set(ids)), f"ids not strictly rising (a duplicate or out of order): {messages}"
    return messages


def send(page: Page, text: str) -> None:
    page.wait_for("!document.getElementById('send').disabled", "the Send button to be enabled")
    page.type_into("#content", text)
    page.click("#send")


def publish(server: Server, chat: str, content: str, sender: str = "cli") -> None:
    """Appends a message from another process (contract.md: `switchboard publish`)."""
    subprocess.run([str(server.binary), "publish", "--db", str(server.db), "--chat", chat,
                    "--content", content, "--sender", sender], check=True, capture_output=True, timeout=TIMEOUT)


def dev_publisher_token(server: Server) -> str:
    """A publisher token for a development-mode server, signed with the key it keeps in its store."""
    made = subprocess.run([str(server.binary), "token", "--db", str(server.db), "--sub", "backend",
                           "--role", "publisher", "--name", "Backend"],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert made.returncode == 0, f"`switchboard token --db` failed: {made.stderr}"
    return made.stdout.strip()


# ---------------------------------------------------------------------------- over HTTP

def test_root_is_the_chat_page_as_html_with_nothing_external(server):
    response = requests.get(server.http + "/", timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    # Embedded at build time from the file in the repository, byte for byte.
    assert response.content == PAGE_SOURCE.read_bytes()
    page = response.text
    assert "graphql-transport-ws" in page and "<script>" in page and "<style>" in page
    # Self-contained: no script, stylesheet, image or font from anywhere, no absolute URL at all.
    assert not re.search(r"""\b(src|href)\s*=""", page, re.IGNORECASE), "the page loads something"
    assert not re.search(r"""https?://|//[a-z0-9.-]+\.[a-z]{2,}/|@import""", page, re.IGNORECASE), "an external URL"
    assert not re.search(r"""\burl\(""", page), "CSS loads something"


def test_the_page_comes_with_the_binary_alone(serve_bin, tmp_path, monkeypatch):
    """No resource bundle beside the binary: a copy of it alone, run from another directory,
    serves the same page."""
    alone = tmp_path / "elsewhere" / "switchboard"
    alone.parent.mkdir()
    shutil.copy2(serve_bin, alone)
    monkeypatch.chdir(alone.parent)
    server = Server(alone, tmp_path / "store.sqlite").start()
    try:
        response = requests.get(server.http + "/", timeout=TIMEOUT)
        assert response.status_code == 200 and response.content == PAGE_SOURCE.read_bytes()
    finally:
        assert server.terminate() == 0, server.stderr()


# ---------------------------------------------------------------------------- in the browser

def test_two_pages_chat_and_the_history_comes_back_on_reload(browser, start_server, tmp_path):
    server = start_server(dev=True)
    room = unique("room")
    ada = open_chat(browser, server, room, "ada")
    grace = open_chat(browser, server, room, "grace")

    send(ada, "hello from ada")
    for page in (ada, grace):
        wait_shown(page, ["hello from ada"])
    send(grace, "hi ada, <b>grace</b> here & 'welcome'")
    expected = ["hello from ada", "hi ada, <b>grace</b> here & 'welcome'"]
    for page in (ada, grace):
        messages = wait_shown(page, expected)
        assert [m["sender"] for m in messages] == ["ada", "grace"], messages
    # Shown as text, never as HTML.
    assert ada.evaluate("document.querySelectorAll('#messages b').length") == 0

    # The reload rejoins from the address (#room=…&name=…) and shows the history (`messages`).
    ada.reload()
    wait_state(ada, "connected")
    assert wait_shown(ada, expected) == wait_shown(grace, expected)
    # A room is a room: another room shows none of it.
    other = open_chat(browser, server, unique("room"), "linus")
    assert other.evaluate("document.getElementById('empty').hidden") is False and shown(other) == []

    png = ada.screenshot(390, 844)
    path = tmp_path / "chat-page.png"
    path.write_bytes(png)
    print(f"screenshot of the chat page: {path}")
    width, height, colors = check_png(png)
    assert (width, height) == (390, 844), (width, height)
    assert 5_000 < len(png) < 2_000_000, f"{len(png)} bytes"
    assert colors >= 8, f"the screenshot looks blank ({colors} distinct colours)"


@pytest.mark.parametrize("going", ["crash", "shutdown"])
def test_the_page_reconnects_and_catches_up_without_a_gap_or_a_duplicate(browser, start_server, going):
    server = start_server(dev=True)
    room = unique("room")
    page = open_chat(browser, server, room, "ada")
    publish(server, room, "before the restart")
    wait_shown(page, ["before the restart"])

    if going == "crash":
        server.kill()  # the socket just ends: 1006 in the browser
    else:
        assert server.terminate() == 0, server.stderr()  # 1001 Going away
    badge = wait_state(page, "reconnecting")
    assert ("1006" if going == "crash" else "1001: Going away") in badge, badge
    # Posted while the server is away: the page can only learn of it through `after:`.
    publish(server, room, "while the server was away")
    wait_state(page, "reconnecting")  # still trying; nothing to connect to

    restarted = start_server(dev=True, db=server.db, port=server.port)
    wait_state(page, "connected", RECONNECT_TIMEOUT)
    wait_shown(page, ["before the restart", "while the server was away"])

    post_message(restarted, room, "after the restart", sender="backend", token=dev_publisher_token(restarted))
    wait_shown(page, ["before the restart", "while the server was away", "after the restart"])


def test_a_server_with_a_secret_makes_the_page_read_only(browser, server):
    """With --secret there is no /dev/token: the page says so, still reads, and cannot send."""
    assert requests.get(server.http + "/dev/token?name=ada", timeout=TIMEOUT).status_code == 404
    room = unique("room")
    post_message(server, room, "readable without a token")
    page = open_chat(browser, server, room, "ada")
    wait_shown(page, ["readable without a token"])
    notice = page.wait_for("!document.getElementById('notice').hidden && document.getElementById('notice-text').textContent",
                           "the read-only notice")
    assert "read-only: this server is not in development mode" in notice, notice
    assert page.evaluate("document.getElementById('send').disabled") is True


def test_a_pasted_user_token_lets_a_read_only_page_send(browser, server):
    room = unique("room")
    page = open_chat(browser, server, room, "whoever")
    page.wait_for("!document.getElementById('notice').hidden", "the read-only notice")
    page.type_into("#token", make_token("u-ada", role="user", name="ada"))
    page.click("#token-form button")
    wait_state(page, "connected")
    send(page, "sent with a pasted token")
    messages = wait_shown(page, ["sent with a pasted token"])
    assert messages[0]["sender"] == "ada", messages  # the server names the sender from the token
