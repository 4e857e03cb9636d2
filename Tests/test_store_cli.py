"""`switchboard publish` and `switchboard notify` as black boxes: the rows they write (read
back with Python's sqlite3), their output and errors, crash safety under SIGKILL, and
several processes writing one store at once."""
from __future__ import annotations

import datetime
import json
import pathlib
import random
import re
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def run(binary: pathlib.Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=timeout)


def publish(binary: pathlib.Path, db: pathlib.Path, *extra: str, chat: str = "general",
            content: str = "hello", sender: str = "ada") -> subprocess.CompletedProcess[str]:
    return run(binary, "publish", "--db", str(db), "--chat", chat, "--content", content, "--sender", sender, *extra)


def notify(binary: pathlib.Path, db: pathlib.Path, *extra: str, user: str = "u1",
           message: str = "hi") -> subprocess.CompletedProcess[str]:
    return run(binary, "notify", "--db", str(db), "--user", user, "--message", message, *extra)


def output_lines(stdout: str) -> list[dict]:
    """Every stdout line as the event it announces; each must be exactly
    {"id":"…","topic":"…","createdAt":"…"} with a decimal id."""
    events = []
    for line in stdout.splitlines():
        event = json.loads(line)
        assert list(event) == ["id", "topic", "createdAt"], line
        assert re.fullmatch(r"[1-9][0-9]*", event["id"]), line
        assert TIMESTAMP.match(event["createdAt"]), line
        events.append(event)
    return events


def rows(db: pathlib.Path) -> list[tuple[int, str, dict, str]]:
    with sqlite3.connect(db) as connection:
        found = connection.execute("SELECT id, topic, payload, created_at FROM events ORDER BY id").fetchall()
    connection.close()
    return [(id_, topic, json.loads(payload), created_at) for id_, topic, payload, created_at in found]


def event_count(db: pathlib.Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        connection.close()


def assert_one_error_line(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for word in words:
        assert word.lower() in lines[0].lower(), (word, lines[0])
    return lines[0]


# ---------------------------------------------------------------------------------------------
# What the commands write


def test_publish_writes_one_chat_message(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "store.sqlite"
    content = 'Hi "all" — café ☕️\nsecond line\t\\ 🇫🇷'
    before = datetime.datetime.now(datetime.timezone.utc)
    proc = publish(switchboard_bin, db, chat="general", content=content, sender="Ada L.")
    after = datetime.datetime.now(datetime.timezone.utc)
    assert proc.returncode == 0, proc.stderr
    [line] = output_lines(proc.stdout)
    assert line["topic"] == "chat:general"

    [(id_, topic, payload, created_at)] = rows(db)
    assert str(id_) == line["id"]
    assert topic == "chat:general"
    assert list(payload) == ["chatId", "content", "senderName"]
    assert payload == {"chatId": "general", "content": content, "senderName": "Ada L."}
    assert created_at == line["createdAt"]
    stamp = datetime.datetime.strptime(created_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    assert before - datetime.timedelta(seconds=1) <= stamp <= after + datetime.timedelta(seconds=1)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # A CLI process owns no live records: it registers no instance for a server to reap.
        assert connection.execute("SELECT count(*) FROM instances").fetchone()[0] == 0
    connection.close()


def test_notify_kind_follows_callback(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "store.sqlite"
    actionable = notify(switchboard_bin, db, "--callback", "https://example.test/approve?id=7",
                        user="ada", message="Approve the deploy?")
    feedback = notify(switchboard_bin, db, user="ada", message="Deployed ✅")
    assert actionable.returncode == 0 and feedback.returncode == 0, actionable.stderr + feedback.stderr
    [first] = output_lines(actionable.stdout)
    [second] = output_lines(feedback.stdout)
    assert first["topic"] == second["topic"] == "user:ada"

    stored = rows(db)
    assert [str(r[0]) for r in stored] == [first["id"], second["id"]]
    assert list(stored[0][2]) == ["userId", "message", "callback", "kind"]
    assert stored[0][2] == {"userId": "ada", "message": "Approve the deploy?",
                            "callback": "https://example.test/approve?id=7", "kind": "ACTIONABLE"}
    assert stored[1][2] == {"userId": "ada", "message": "Deployed ✅", "callback": None, "kind": "FEEDBACK"}
    assert [r[3] for r in stored] == [first["createdAt"], second["createdAt"]]


def test_ids_increase_across_commands_and_count(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "store.sqlite"
    outputs = [
        publish(switchboard_bin, db, chat="a"),
        notify(switchboard_bin, db, user="u"),
        publish(switchboard_bin, db, "--count", "5", chat="b", content="batch"),
        publish(switchboard_bin, db, chat="a"),
    ]
    printed = []
    for proc in outputs:
        assert proc.returncode == 0, proc.stderr
        printed += output_lines(proc.stdout)
    ids = [int(e["id"]) for e in printed]
    assert len(ids) == 8
    assert ids == sorted(set(ids)), ids

    stored = rows(db)
    assert [r[0] for r in stored] == ids
    assert [r[1] for r in stored] == ["chat:a", "user:u"] + ["chat:b"] * 5 + ["chat:a"]
    assert [r[2]["content"] for r in stored[2:7]] == [f"batch #{i}" for i in range(1, 6)]
    assert stored[0][2]["content"] == "hello"  # no suffix without --count


def test_content_limit_counts_code_points(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "store.sqlite"
    longest = "😀" * 4000  # 4,000 code points, 16,000 UTF-8 bytes
    proc = publish(switchboard_bin, db, content=longest)
    assert proc.returncode == 0, proc.stderr
    assert rows(db)[0][2]["content"] == longest

    too_long = "🇫🇷" * 2000 + "x"  # 2,001 graphemes but 4,001 code points
    line = assert_one_error_line(publish(switchboard_bin, db, content=too_long), "--content", "4,001", "4,000")
    assert "code points" in line
    assert event_count(db) == 1


BAD_INPUT = {
    "empty chat": (["publish", "--chat", "", "--content", "x", "--sender", "s"], "--chat"),
    "empty content": (["publish", "--chat", "c", "--content", "", "--sender", "s"], "--content"),
    "empty sender": (["publish", "--chat", "c", "--content", "x", "--sender", ""], "--sender"),
    "zero count": (["publish", "--chat", "c", "--content", "x", "--sender", "s", "--count", "0"], "--count"),
    "suffix too long": (["publish", "--chat", "c", "--content", "x" * 3997, "--sender", "s", "--count", "10"], "--count"),
    "empty user": (["notify", "--user", "", "--message", "m"], "--user"),
    "empty message": (["notify", "--user", "u", "--message", ""], "--message"),
    "long message": (["notify", "--user", "u", "--message", "m" * 4001], "--message"),
    "empty callback": (["notify", "--user", "u", "--message", "m", "--callback", ""], "--callback"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_exits_1_and_writes_nothing(name: str, switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    args, flag = BAD_INPUT[name]
    fresh = tmp_path / "fresh.sqlite"
    assert_one_error_line(run(switchboard_bin, *args, "--db", str(fresh)), flag)
    assert not fresh.exists(), "a rejected value must not even create the store"

    existing = tmp_path / "existing.sqlite"
    assert publish(switchboard_bin, existing).returncode == 0
    assert_one_error_line(run(switchboard_bin, *args, "--db", str(existing)), flag)
    assert event_count(existing) == 1


def test_usage_errors_keep_argument_parsers_exit_code(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "store.sqlite"
    missing = run(switchboard_bin, "publish", "--db", str(db), "--chat", "c", "--content", "x")
    assert missing.returncode == 64 and "--sender" in missing.stderr
    not_a_number = publish(switchboard_bin, db, "--count", "many")
    assert not_a_number.returncode == 64 and "--count" in not_a_number.stderr
    assert not db.exists()


def test_help_documents_the_flags(switchboard_bin: pathlib.Path) -> None:
    proc = run(switchboard_bin, "publish", "--help")
    assert proc.returncode == 0
    for text in ["--db", "./switchboard.sqlite", "--chat", "--content", "--sender", "--count", "4,000", "error:"]:
        assert text in proc.stdout, text
    proc = run(switchboard_bin, "notify", "--help")
    assert proc.returncode == 0
    for text in ["--db", "--user", "--message", "--callback", "ACTIONABLE", "FEEDBACK"]:
        assert text in proc.stdout, text
    top = run(switchboard_bin, "--help")
    assert "publish" in top.stdout and "notify" in top.stdout


def test_db_defaults_to_switchboard_sqlite_in_the_working_directory(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    proc = subprocess.run([str(switchboard_bin), "notify", "--user", "u", "--message", "m"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert event_count(tmp_path / "switchboard.sqlite") == 1


# ---------------------------------------------------------------------------------------------
# Crash safety: SIGKILL while appending as fast as the store commits


def read_lines(pipe, into: list[str]) -> None:
    """Collects complete lines until EOF (a line cut by the kill has no newline)."""
    for line in pipe:
        if line.endswith("\n"):
            into.append(line)


def kill_moments(count: int = 5, low: float = 0.05, high: float = 1.5, seed: int = 20261125) -> list[float]:
    """Seeded random moments, one in each of `count` equal slices of [low, high], so the
    kill lands both while the store is being created and deep into the run."""
    rng = random.Random(seed)
    width = (high - low) / count
    return [rng.uniform(low + k * width, low + (k + 1) * width) for k in range(count)]


KILL_MOMENTS = kill_moments()


@pytest.mark.parametrize("moment", KILL_MOMENTS, ids=[f"{m:.3f}s" for m in KILL_MOMENTS])
def test_sigkill_loses_nothing_reported_committed(moment: float, switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "crash.sqlite"
    child = subprocess.Popen(
        [str(switchboard_bin), "publish", "--db", str(db), "--chat", "load", "--content", "m",
         "--sender", "crash", "--count", "1000000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed: list[str] = []
    reader = threading.Thread(target=read_lines, args=(child.stdout, printed))
    reader.start()
    time.sleep(moment)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read()
    child.stderr.close()

    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = connection.execute("SELECT id, payload FROM events ORDER BY id").fetchall()
    finally:
        connection.close()
    ids = [row[0] for row in stored]
    assert len(ids) == len(set(ids))

    events = output_lines("".join(printed))
    printed_ids = [int(e["id"]) for e in events]
    assert printed_ids == sorted(set(printed_ids)), "printed ids must strictly increase"
    missing = set(printed_ids) - set(ids)
    assert not missing, f"{len(missing)} ids reported committed are missing, e.g. {sorted(missing)[:5]}"
    # Messages were submitted #1, #2, … : the log holds exactly a prefix of them, in id
    # order, none twice (no retried append, no reordering).
    numbers = [int(json.loads(payload)["content"].rsplit("#", 1)[1]) for _, payload in stored]
    assert numbers == list(range(1, len(numbers) + 1))
    if moment > 0.5:
        assert printed_ids, f"nothing committed within {moment:.3f}s"

    # The store opens again and carries on after the last id.
    proc = publish(switchboard_bin, db, chat="load")
    assert proc.returncode == 0, proc.stderr
    [after] = output_lines(proc.stdout)
    assert int(after["id"]) > max(ids, default=0)


# ---------------------------------------------------------------------------------------------
# Several processes on one store


def test_concurrent_publishers_share_one_store(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "shared.sqlite"
    assert publish(switchboard_bin, db, chat="setup").returncode == 0  # the store exists already
    commands = [
        ["publish", "--chat", "one", "--content", "a", "--sender", "p1", "--count", "2000"],
        ["publish", "--chat", "two", "--content", "b", "--sender", "p2", "--count", "2000"],
        ["notify", "--user", "u", "--message", "while they write"],
    ]
    children = [subprocess.Popen([str(switchboard_bin), *c, "--db", str(db)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for c in commands]
    results = [child.communicate(timeout=120) for child in children]
    for child, (_, err) in zip(children, results):
        assert child.returncode == 0, err

    per_process = [[int(e["id"]) for e in output_lines(out)] for out, _ in results]
    assert [len(ids) for ids in per_process] == [2000, 2000, 1]
    for ids in per_process:
        assert ids == sorted(set(ids))
    everything = [i for ids in per_process for i in ids]
    assert len(set(everything)) == len(everything)

    stored = rows(db)
    assert len(stored) == 1 + 2000 + 2000 + 1
    assert {r[0] for r in stored[1:]} == set(everything)
    for chat in ("one", "two"):
        contents = [r[2]["content"] for r in stored if r[1] == f"chat:{chat}"]
        prefix = "a" if chat == "one" else "b"
        assert contents == [f"{prefix} #{i}" for i in range(1, 2001)], "each writer's messages in its own order"


def test_concurrent_publishers_create_a_fresh_store(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Two processes that both find no file: one creates the schema, neither fails."""
    db = tmp_path / "fresh.sqlite"
    children = [subprocess.Popen([str(switchboard_bin), "publish", "--db", str(db), "--chat", f"c{i}",
                                  "--content", "x", "--sender", "s", "--count", "200"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    results = [child.communicate(timeout=120) for child in children]
    for child, (_, err) in zip(children, results):
        assert child.returncode == 0, err
    assert event_count(db) == 600


# ---------------------------------------------------------------------------------------------
# Stores that cannot be written


def test_file_that_is_not_sqlite(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "notes.sqlite"
    original = b"these are my notes, not a database\n" * 200
    db.write_bytes(original)
    assert_one_error_line(publish(switchboard_bin, db), str(db), "not a database")
    assert_one_error_line(notify(switchboard_bin, db), str(db), "not a database")
    assert db.read_bytes() == original


def test_missing_directory(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "store.sqlite"
    assert_one_error_line(publish(switchboard_bin, db), str(db), "does not exist")
    assert not (tmp_path / "no").exists()


def test_database_locked_by_another_connection(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    db = tmp_path / "locked.sqlite"
    assert publish(switchboard_bin, db).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        proc = publish(switchboard_bin, db, "--busy-timeout", "0.5")
        elapsed = time.monotonic() - started
        assert_one_error_line(proc, str(db), "locked")
        assert 0.4 <= elapsed < 5, f"gave up after {elapsed:.2f}s with --busy-timeout 0.5"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert event_count(db) == 1
    # Once the lock is gone the same command succeeds.
    assert publish(switchboard_bin, db).returncode == 0
    assert event_count(db) == 2
