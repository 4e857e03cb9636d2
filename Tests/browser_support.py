"""A real browser for the chat page's tests: headless Chromium (Debian's `chromium` package)
driven over the Chrome DevTools Protocol with the `websockets` package the suites already use.

No driver download and no extra PyPI package: Chromium is started with
`--remote-debugging-port`, each page is a tab with its own DevTools socket, and the tests act
through the page's DOM (typing with `Input.insertText`, clicking its buttons) and read what it
shows. Every wait is bounded and waits for something.

- `browser` (fixture): one Chromium per test, its profile and log under the test's tmp dir.
- `Page`: `goto`, `reload`, `evaluate`, `wait_for`, `type_into`, `click`, `screenshot`.
- `check_png`: a PNG's signature, chunk CRCs, size and pixels (to prove a screenshot is not blank).
"""
from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import pathlib
import shutil
import struct
import subprocess
import time
import zlib
from typing import Any

import pytest
import requests
from websockets.sync.client import ClientConnection, connect as ws_connect

from server_support import free_port

TIMEOUT = 10.0  # a page on a loaded machine: generous, and never waited in a passing run
START_TIMEOUT = 30.0


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed: `make test` installs Debian's `chromium` package "
                "(or run `apt-get install chromium`)")


class Browser:
    """A headless Chromium with a DevTools port on 127.0.0.1."""

    def __init__(self, directory: pathlib.Path):
        self.port = free_port()
        self.log_path = directory / "chromium.log"
        command = [
            chromium_binary(), "--headless=new", f"--remote-debugging-port={self.port}",
            "--remote-debugging-address=127.0.0.1", f"--user-data-dir={directory / 'chromium-profile'}",
            "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--mute-audio", "--window-size=800,900",
            # Two pages chat at once: neither may be treated as a background tab whose timers
            # (the reconnect backoff) the browser slows down.
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
            "about:blank",
        ]
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run its sandbox as root
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        self.sockets = contextlib.ExitStack()  # every page's DevTools socket, closed with the browser
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                requests.get(self.endpoint("/json/version"), timeout=2).raise_for_status()
                break
            except requests.RequestException:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    pytest.fail(f"Chromium's DevTools endpoint did not come up (exit {self.proc.poll()}); "
                                f"log:\n{self.log_path.read_text()}")
                time.sleep(0.1)

    def endpoint(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def new_page(self) -> "Page":
        response = requests.put(self.endpoint("/json/new?about:blank"), timeout=TIMEOUT)
        response.raise_for_status()
        return Page(self.sockets.enter_context(
            ws_connect(response.json()["webSocketDebuggerUrl"], max_size=None, open_timeout=TIMEOUT)))

    def close(self) -> None:
        self.sockets.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Page:
    """One tab, over its own DevTools socket."""

    def __init__(self, ws: ClientConnection):
        self.ws = ws
        self.ids = itertools.count(1)
        self.console: list[str] = []  # console output and uncaught errors, for failure messages
        self.call("Runtime.enable")
        self.call("Page.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        request_id = next(self.ids)
        self.ws.send(json.dumps({"id": request_id, "method": method, "params": params}))
        deadline = time.monotonic() + TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"DevTools did not answer {method} within {TIMEOUT} s")
            reply = json.loads(self.ws.recv(timeout=remaining))
            if reply.get("id") == request_id:
                if "error" in reply:
                    raise AssertionError(f"{method} failed: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def _event(self, event: dict[str, Any]) -> None:
        params = event.get("params", {})
        if event.get("method") == "Runtime.consoleAPICalled":
            texts = [str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])]
            self.console.append(f"console.{params.get('type')}: {' '.join(texts)}")
        elif event.get("method") == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.console.append(f"uncaught: {details.get('exception', {}).get('description') or details.get('text')}")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, what: str, timeout: float = TIMEOUT) -> Any:
        """Polls a JavaScript expression until it is truthy and returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what} (last: {value!r}); "
                                     f"page console: {self.console}")
            time.sleep(0.05)

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'", f"{url} to load")

    def reload(self) -> None:
        self.evaluate("window.__beforeReload = true")
        self.call("Page.reload", ignoreCache=True)
        self.wait_for("!window.__beforeReload && document.readyState === 'complete'", "the reload")

    def type_into(self, selector: str, text: str) -> None:
        """Focuses the element, clears it and types `text` as keyboard input would insert it."""
        self.evaluate(f"(e => {{ e.focus(); e.value = ''; }})(document.querySelector({json.dumps(selector)}))")
        self.call("Input.insertText", text=text)

    def click(self, selector: str) -> None:
        assert self.evaluate(f"!!document.querySelector({json.dumps(selector)})"), f"no {selector} on the page"
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")

    def screenshot(self, width: int, height: int) -> bytes:
        """A PNG of the page as a phone of `width`×`height` CSS pixels shows it."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=True)
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])



@pytest.fixture
def browser(tmp_path: pathlib.Path):
    chromium = Browser(tmp_path)
    yield chromium
    chromium.close()


# ---------------------------------------------------------------------------- PNG

def check_png(data: bytes) -> tuple[int, int, int]:
    """Checks that `data` is a well-formed 8-bit PNG (signature, chunk CRCs, IHDR, the image data
    inflates to exactly its size) and returns (width, height, number of distinct pixel values)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    offset, chunks, idat = 8, [], b""
    header: tuple[int, ...] = ()
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in chunk {kind!r}"
        chunks.append(kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND" and b"IDAT" in chunks, chunks
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, f"unexpected PNG format {header}"
    channels = 3 if color == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    assert len(raw) == height * (stride + 1), "image data does not match the header's size"
    colors: set[bytes] = set()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the row filter (PNG specification, section 9)
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        if row % 4 == 0:  # every fourth row is plenty to see whether anything is drawn
            colors.update(bytes(line[i:i + channels]) for i in range(0, stride, channels))
        previous = line
    return width, height, len(colors)
