"""`switchboard introspect` against graphql-core: the JSON it prints must be exactly what
graphql-core returns for its standard introspection query (`get_introspection_query()`) on
the same SDL, and a client rebuilding the schema from it must get the schema back."""
from __future__ import annotations

import json
import pathlib
import subprocess
from typing import Any

import pytest
from graphql import build_client_schema, get_introspection_query, graphql_sync, print_schema

from oracle_support import CHAT_SCHEMA, SCHEMAS, load_schema

RICH_SCHEMA = SCHEMAS / "rich.graphql"


def introspect(binary: pathlib.Path, schema: pathlib.Path) -> dict[str, Any]:
    proc = subprocess.run(
        [str(binary), "introspect", "--schema", str(schema)],
        capture_output=True,
        timeout=30,
    )
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}"
    return json.loads(proc.stdout)


def graphql_core_introspection(schema: pathlib.Path) -> dict[str, Any]:
    result = graphql_sync(load_schema(schema), get_introspection_query())
    assert result.errors is None, result.errors
    return {"data": result.data}


@pytest.mark.parametrize("schema", [CHAT_SCHEMA, RICH_SCHEMA], ids=lambda p: p.name)
def test_introspection_json_equals_graphql_core(switchboard_bin: pathlib.Path, schema: pathlib.Path) -> None:
    ours = introspect(switchboard_bin, schema)
    assert ours == graphql_core_introspection(schema)


def test_chat_schema_round_trips_through_introspection(switchboard_bin: pathlib.Path) -> None:
    ours = introspect(switchboard_bin, CHAT_SCHEMA)
    rebuilt = build_client_schema(ours["data"])
    assert print_schema(rebuilt) == print_schema(load_schema(CHAT_SCHEMA))


def test_rich_schema_rebuilds_like_graphql_core(switchboard_bin: pathlib.Path) -> None:
    """The standard query does not ask for everything rich.graphql holds (`@specifiedBy`,
    `repeatable`, the schema description, deprecated arguments and input fields, `@oneOf`),
    so the rebuilt schema is compared with the one graphql-core's own answer rebuilds to;
    the ordering and every detail the query does ask for must survive."""
    ours = introspect(switchboard_bin, RICH_SCHEMA)
    rebuilt = build_client_schema(ours["data"])
    reference = build_client_schema(graphql_core_introspection(RICH_SCHEMA)["data"])
    assert print_schema(rebuilt) == print_schema(reference)


def test_introspect_reports_a_missing_schema(switchboard_bin: pathlib.Path, tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "absent.graphql"
    proc = subprocess.run(
        [str(switchboard_bin), "introspect", "--schema", str(missing)], capture_output=True, timeout=30
    )
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith(f"{missing}: error: cannot read file: ")
