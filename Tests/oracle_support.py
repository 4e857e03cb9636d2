"""What graphql-core 3.3 says about a document, and how to run `switchboard check`.

graphql-core is the reference (see docs/contract.md, "GraphQL"): every expectation in the
oracle suites is computed here from graphql-core, never from our own binary's output.
"""
from __future__ import annotations

import functools
import pathlib
import subprocess
from dataclasses import dataclass

from graphql import GraphQLError, GraphQLSchema, build_schema, parse, validate

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAT_SCHEMA = ROOT / "Schema" / "chat.graphql"
ORACLE = ROOT / "Tests" / "oracle"
CORPUS = ORACLE / "corpus"
SCHEMAS = ORACLE / "schemas"

# A corpus document whose first line is `# oracle-schema: NAME` is checked against
# Tests/oracle/schemas/NAME instead of the chat schema (for what the chat schema
# cannot express: input objects, interfaces, a schema without a mutation type, ...).
SCHEMA_MARKER = "# oracle-schema:"


def relative(path: pathlib.Path) -> str:
    """The path as `switchboard check` prints it when run from the repository root."""
    return str(path.relative_to(ROOT))


def schema_path_for(text: str) -> pathlib.Path:
    first_line = text.split("\n", 1)[0]
    if first_line.startswith(SCHEMA_MARKER):
        return SCHEMAS / first_line[len(SCHEMA_MARKER):].strip()
    return CHAT_SCHEMA


@functools.cache
def load_schema(path: pathlib.Path) -> GraphQLSchema:
    return build_schema(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Verdict:
    """graphql-core's judgement of one document."""

    kind: str  # "valid", "invalid" (validation) or "syntax" (lexing or parsing)
    first_error: GraphQLError | None

    @property
    def valid(self) -> bool:
        return self.kind == "valid"

    def expected_line(self, file: str) -> str:
        """The first line `switchboard check` must print for this document."""
        assert self.first_error is not None
        error = self.first_error
        if error.locations:
            location = error.locations[0]
            return f"{file}:{location.line}:{location.column}: error: {error.message}"
        return f"{file}: error: {error.message}"


def judge(text: str, schema: GraphQLSchema) -> Verdict:
    try:
        document = parse(text)
    except GraphQLError as error:
        return Verdict("syntax", error)
    errors = validate(schema, document)
    return Verdict("invalid", errors[0]) if errors else Verdict("valid", None)


@functools.cache
def judge_file(path: pathlib.Path) -> Verdict:
    # Decoded from bytes, not read in text mode: CR and CRLF line ends must stay as
    # they are on disk, since they decide the line numbers.
    text = path.read_bytes().decode("utf-8")
    return judge(text, load_schema(schema_path_for(text)))


@dataclass
class CheckRun:
    """One `switchboard check` process: its exit status and its output, per document."""

    returncode: int
    stdout: str
    stderr: str
    entries: dict[str, list[str]]  # document path -> its error entries, in order


def run_check(
    binary: pathlib.Path, schema: pathlib.Path, documents: list[pathlib.Path], timeout: float = 120
) -> CheckRun:
    files = [relative(d) for d in documents]
    proc = subprocess.run(
        [str(binary), "check", "--schema", relative(schema), *files],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
    )
    stdout = proc.stdout.decode("utf-8", errors="replace")
    entries: dict[str, list[str]] = {f: [] for f in files}
    current: list[str] | None = None
    for line in stdout.splitlines():
        owner = line.split(":", 1)[0]
        if owner in entries:
            current = entries[owner]
            current.append(line)
        elif current is not None and current:
            # A message that spans lines continues the previous entry.
            current[-1] += "\n" + line
    return CheckRun(proc.returncode, stdout, proc.stderr.decode("utf-8", errors="replace"), entries)
