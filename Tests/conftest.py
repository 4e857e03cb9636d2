"""Shared fixtures for the black-box suites: the release binary under test."""
import os
import pathlib

import pytest

# The `serve` fixtures (server, start_server, serve_bin) for the server conformance suites.
pytest_plugins = ["server_support"]

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def switchboard_bin() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("SWITCHBOARD_BIN", ROOT / ".build" / "release" / "switchboard"))
    if not path.exists():
        pytest.fail(f"{path} does not exist: run `make release` first")
    return path
