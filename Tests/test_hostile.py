"""Hostile documents: `switchboard check` must answer every one of them quickly with a
single `FILE:LINE:COLUMN: error: MESSAGE` line and exit status 1, never crash (a signal) or
hang.

Each document is invalid whatever limits the parser applies (each also holds a plain error),
so exit status 1 is right both for an engine that rejects it at a limit and for one that
reads it all. The message itself is not compared with graphql-core here: graphql-core has
no default limits and overflows its own recursion on deep nesting; the corpus suite
(test_oracle.py) is where messages are compared.
"""
from __future__ import annotations

import pathlib
import re
import subprocess
import time
from collections.abc import Callable

import pytest

from oracle_support import CHAT_SCHEMA

# "Within a few seconds" on a shared, loaded machine.
TIMEOUT_SECONDS = 10.0


def deep_nesting() -> bytes:
    depth = 100_000
    return ("{ " + "me { " * depth + "id" + " }" * depth + " }\n").encode()


def five_megabytes() -> bytes:
    # A block string of many lines, so the error after it sits on a high line number.
    line = "A line of a very long message, repeated to fill five megabytes of text.\n"
    body = line * (5 * 1024 * 1024 // len(line) + 1)
    return ('mutation {\n  postMessage(chatId: "1", content: """\n' + body + '""") {\n    id\n    nope\n  }\n}\n').encode()


def ten_thousand_digits() -> bytes:
    digits = "9" + "1234567890" * 999 + "123456789"
    assert len(digits) == 10_000
    return ('{ messages(chatId: "1", last: ' + digits + ") { id } }\n").encode()


def tokens_repeated_field() -> bytes:
    # 50,000 selections of one response name (four tokens each): the shape that makes a
    # pairwise field-merging check quadratic.
    return ("{ " + "me { id } " * 50_000 + "nope }\n").encode()


def tokens_distinct_aliases() -> bytes:
    # 66,667 aliased fields of three tokens each, then an unknown field.
    return ("{\n" + "".join(f"a{i}: __typename\n" for i in range(66_667)) + "nope\n}\n").encode()


def many_arguments() -> bytes:
    # 200,000 tokens in one argument list: a list value of 199,990 integers.
    return ('{ messages(chatId: "1", last: [' + ", ".join("1" for _ in range(199_990)) + "]) { id } }\n").encode()


INVALID_UTF8: dict[str, bytes] = {
    "utf8_lone_continuation_byte": b"{ me { id } } \x80\n",
    "utf8_invalid_byte_in_string": b'{ messages(chatId: "ab\xffcd") { id } }\n',
    "utf8_invalid_byte_in_comment": b"# comment \xfe\xff\n{ me { id } }\n",
    "utf8_truncated_sequence_at_eof": b"{ me { id } }\n# \xe2\x82",
    "utf8_overlong_encoding": b'{ messages(chatId: "\xc0\xaf") { id } }\n',
    "utf8_encoded_surrogate": b'{ messages(chatId: "\xed\xa0\x80") { id } }\n',
    "utf8_beyond_unicode_range": b'{ messages(chatId: "\xf4\x90\x80\x80") { id } }\n',
    "utf8_invalid_in_block_string": b'mutation { postMessage(chatId: "1", content: """\n\xc3\x28\n""") { id } }\n',
}

GENERATED: dict[str, Callable[[], bytes]] = {
    "deep_nesting_100000": deep_nesting,
    "five_megabytes": five_megabytes,
    "ten_thousand_digit_number": ten_thousand_digits,
    "tokens_200000_repeated_field": tokens_repeated_field,
    "tokens_200000_distinct_aliases": tokens_distinct_aliases,
    "tokens_200000_list_value": many_arguments,
    **{name: (lambda data=data: data) for name, data in INVALID_UTF8.items()},
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_hostile_document(name: str, tmp_path: pathlib.Path, switchboard_bin: pathlib.Path) -> None:
    data = GENERATED[name]()
    document = tmp_path / f"{name}.graphql"
    document.write_bytes(data)
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [str(switchboard_bin), "check", "--schema", str(CHAT_SCHEMA), str(document)],
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"switchboard check did not finish within {TIMEOUT_SECONDS} s")
    elapsed = time.monotonic() - started
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    status = f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exit status {proc.returncode}"
    assert proc.returncode == 1, (
        f"{status} after {elapsed:.1f} s; stdout {stdout[:500]!r}, stderr {stderr[-2000:]!r}"
    )
    lines = stdout.splitlines()
    assert len(lines) == 1, f"{len(lines)} lines of output, expected one: {stdout[:1000]!r}"
    pattern = re.escape(str(document)) + r":(\d+):(\d+): error: \S"
    match = re.match(pattern, lines[0])
    assert match, f"not a FILE:LINE:COLUMN: error: MESSAGE line: {lines[0][:500]!r}"
    line_number = int(match.group(1))
    assert 1 <= line_number <= data.count(b"\n") + 1, f"line {line_number} is outside the document"
