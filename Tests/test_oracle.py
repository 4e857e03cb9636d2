"""The graphql-core oracle: `switchboard check` must agree with graphql-core 3.3 on every
document of Tests/oracle/corpus.

For each document graphql-core (`parse`, then `validate` against the schema) decides whether
it is valid and, if not, which error comes first. `switchboard check` must then print nothing
for a valid document, and for an invalid one a first line
`FILE:LINE:COLUMN: error: MESSAGE` with graphql-core's location and message.

Corpus names say what a document tests: `valid_*`, `syntax_*` (lexing and parsing errors)
and `invalid_<rule>_*`, where `<rule>` is the snake-cased name of the graphql-core validation
rule the document breaks (for example `invalid_no_fragment_cycles_self.graphql` for
`NoFragmentCyclesRule`). The tests below hold the corpus to those names.
"""
from __future__ import annotations

import pathlib
import re
from collections import defaultdict

import pytest
from graphql import parse, validate
from graphql.validation import ASTValidationRule, specified_rules

from oracle_support import (
    CORPUS,
    CheckRun,
    judge_file,
    load_schema,
    relative,
    run_check,
    schema_path_for,
)

CORPUS_FILES: list[pathlib.Path] = sorted(CORPUS.glob("*.graphql"))
MIN_CORPUS_SIZE = 200


def rule_prefix(rule: type[ASTValidationRule]) -> str:
    """`NoFragmentCyclesRule` -> `invalid_no_fragment_cycles_`."""
    name = rule.__name__.removesuffix("Rule")
    return "invalid_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() + "_"


def document_text(path: pathlib.Path) -> str:
    return path.read_bytes().decode("utf-8")


# --- The corpus itself, checked against graphql-core alone -----------------------------


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS_FILES) >= MIN_CORPUS_SIZE, f"only {len(CORPUS_FILES)} documents in {CORPUS}"


def test_corpus_names_match_graphql_core() -> None:
    """A `valid_` document is valid, a `syntax_` one fails to parse, an `invalid_` one fails
    validation: so a document cannot silently stop testing what its name says."""
    wrong = []
    for path in CORPUS_FILES:
        kind = path.name.split("_", 1)[0]
        verdict = judge_file(path)
        if kind != verdict.kind:
            detail = verdict.first_error.message if verdict.first_error else ""
            wrong.append(f"{path.name}: graphql-core says {verdict.kind} {detail}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("rule", specified_rules, ids=lambda rule: rule.__name__)
def test_every_specified_rule_has_invalid_documents(rule: type[ASTValidationRule]) -> None:
    prefix = rule_prefix(rule)
    documents = [p for p in CORPUS_FILES if p.name.startswith(prefix)]
    assert len(documents) >= 3, f"fewer than 3 documents named {prefix}*.graphql"
    for path in documents:
        text = document_text(path)
        errors = validate(load_schema(schema_path_for(text)), parse(text), [rule])
        assert errors, f"{path.name}: {rule.__name__} reports nothing on it"


# --- switchboard check against the oracle ---------------------------------------------


@pytest.fixture(scope="session")
def check_runs(switchboard_bin: pathlib.Path) -> dict[str, CheckRun]:
    """Runs `switchboard check` on the whole corpus in a few processes: one per schema for
    the valid documents (which must exit 0 silently) and one per schema for the rest (which
    must exit 1). Returns the run each document took part in, by document path.

    If a batch dies of a signal, its documents are re-run one by one, so that the failure
    names the document that crashes the binary rather than the whole batch."""
    groups: dict[tuple[pathlib.Path, bool], list[pathlib.Path]] = defaultdict(list)
    for path in CORPUS_FILES:
        groups[(schema_path_for(document_text(path)), judge_file(path).valid)].append(path)
    runs: dict[str, CheckRun] = {}
    for (schema, _valid), documents in groups.items():
        run = run_check(switchboard_bin, schema, documents)
        if run.returncode in (0, 1):
            for path in documents:
                runs[relative(path)] = run
        else:
            for path in documents:
                runs[relative(path)] = run_check(switchboard_bin, schema, [path])
    return runs


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_check_agrees_with_graphql_core(path: pathlib.Path, check_runs: dict[str, CheckRun]) -> None:
    file = relative(path)
    run = check_runs[file]
    assert run.returncode in (0, 1), f"switchboard check crashed (status {run.returncode}): {run.stderr[-2000:]}"
    verdict = judge_file(path)
    entries = run.entries[file]
    if verdict.valid:
        assert entries == [], f"graphql-core finds {file} valid, switchboard reports:\n" + "\n".join(entries)
        assert run.returncode == 0, f"exit status {run.returncode} on valid documents; output:\n{run.stdout[-2000:]}"
        assert run.stdout == "", f"output on valid documents:\n{run.stdout[-2000:]}"
    else:
        expected = verdict.expected_line(file)
        assert entries, f"graphql-core reports `{expected}`, switchboard reports nothing"
        assert entries[0] == expected
        assert run.returncode == 1


def test_single_documents_set_the_exit_status(switchboard_bin: pathlib.Path) -> None:
    """The batch runs above share an exit status; here each kind runs alone."""
    for name, status in [
        ("valid_subscription_with_fragment.graphql", 0),
        ("invalid_overlapping_fields_can_be_merged_through_fragments.graphql", 1),
        ("syntax_string_unterminated.graphql", 1),
    ]:
        path = CORPUS / name
        run = run_check(switchboard_bin, schema_path_for(document_text(path)), [path], timeout=30)
        assert run.returncode == status, f"{name}: exit {run.returncode}, output {run.stdout!r} {run.stderr!r}"
        assert (run.stdout == "") == (status == 0), f"{name}: output {run.stdout!r}"
