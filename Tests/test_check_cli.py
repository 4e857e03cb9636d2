"""`switchboard check` as a command: schema errors, unreadable files, several documents, and
the default schema path. Expected errors come from graphql-core."""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest
from graphql import GraphQLError, build_ast_schema, parse, validate_schema
from graphql.validation.validate import validate_sdl

from oracle_support import CHAT_SCHEMA, CORPUS, ROOT, judge_file, relative


def check(binary: pathlib.Path, *args: str, cwd: pathlib.Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def first_schema_error(sdl: str) -> GraphQLError:
    """What graphql-core's `build_schema` finds first: a syntax error, an SDL validation
    error, or a schema validation error (the last kind may have no location)."""
    try:
        document = parse(sdl)
    except GraphQLError as error:
        return error
    errors = validate_sdl(document)
    if not errors:
        errors = validate_schema(build_ast_schema(document, assume_valid_sdl=True))
    assert errors, "the schema is valid"
    return errors[0]


def format_error(file: str, error: GraphQLError) -> str:
    if error.locations:
        return f"{file}:{error.locations[0].line}:{error.locations[0].column}: error: {error.message}"
    return f"{file}: error: {error.message}"


BAD_SCHEMAS = {
    "syntax": "type Query {\n  me: User\n",
    "unknown_type": "type Query {\n  me: Usr\n}\n",
    "duplicate_type": "type Query { a: String }\ntype Query { b: String }\n",
    "no_query_root": "type Mutation { a: String }\n",
    "duplicate_argument": "type Query { a(x: Int, x: Int): String }\n",
}


@pytest.mark.parametrize("name", sorted(BAD_SCHEMAS))
def test_schema_errors_match_graphql_core(name: str, switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    schema = tmp_path / f"{name}.graphql"
    schema.write_text(BAD_SCHEMAS[name])
    try:
        expected = format_error(str(schema), first_schema_error(BAD_SCHEMAS[name]))
    except TypeError as error:  # graphql-core refuses to even build it
        pytest.fail(f"graphql-core: {error}")
    proc = check(switchboard_bin, "--schema", str(schema))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[0] == expected


def test_valid_schema_alone_passes(switchboard_bin: pathlib.Path) -> None:
    proc = check(switchboard_bin, "--schema", relative(CHAT_SCHEMA))
    assert (proc.returncode, proc.stdout) == (0, "")


def test_default_schema_is_relative_to_working_directory(
    switchboard_bin: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    (tmp_path / "Schema").mkdir()
    shutil.copy(CHAT_SCHEMA, tmp_path / "Schema" / "chat.graphql")
    shutil.copy(CORPUS / "valid_subscription_with_fragment.graphql", tmp_path / "doc.graphql")
    assert check(switchboard_bin, "doc.graphql", cwd=tmp_path).returncode == 0
    (tmp_path / "Schema" / "chat.graphql").unlink()
    proc = check(switchboard_bin, "doc.graphql", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("Schema/chat.graphql: error: cannot read file: ")


def test_missing_document_is_reported_and_others_still_checked(
    switchboard_bin: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    missing = tmp_path / "absent.graphql"
    invalid = CORPUS / "invalid_known_fragment_names_missing.graphql"
    proc = check(switchboard_bin, "--schema", relative(CHAT_SCHEMA), str(missing), relative(invalid))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{missing}: error: cannot read file: ")
    assert lines[1] == judge_file(invalid).expected_line(relative(invalid))


def test_errors_are_reported_in_document_order(switchboard_bin: pathlib.Path) -> None:
    names = [
        "syntax_number_hex.graphql",
        "valid_query_me.graphql",
        "invalid_no_unused_fragments_single.graphql",
    ]
    paths = [CORPUS / n for n in names]
    proc = check(switchboard_bin, "--schema", relative(CHAT_SCHEMA), *map(relative, paths))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == judge_file(paths[0]).expected_line(relative(paths[0]))
    assert lines[1] == judge_file(paths[2]).expected_line(relative(paths[2]))


def test_help_describes_the_command(switchboard_bin: pathlib.Path) -> None:
    proc = check(switchboard_bin, "--help")
    assert proc.returncode == 0
    assert "--schema" in proc.stdout and "Schema/chat.graphql" in proc.stdout


def test_example_documents_are_valid(switchboard_bin: pathlib.Path) -> None:
    """The documents `make run` checks: valid for graphql-core, and for us."""
    examples = sorted((ROOT / "Examples" / "documents").glob("*.graphql"))
    assert len(examples) >= 4
    for path in examples:
        assert judge_file(path).valid, f"graphql-core rejects {path.name}"
    proc = check(switchboard_bin, "--schema", relative(CHAT_SCHEMA), *map(relative, examples))
    assert (proc.returncode, proc.stdout) == (0, "")
