"""Shared fixtures: the trained model and the running assistant."""

import os
from pathlib import Path
from typing import Iterator

import pytest

from harness.servers import assistant


@pytest.fixture(scope="session")
def model_path() -> str:
    """The model `make test` trained (MODEL_PATH); model tests fail without one."""
    path = os.environ.get("MODEL_PATH", "")
    if not path or not Path(path).is_file():
        pytest.fail("MODEL_PATH must name a trained model: run `make test-model`")
    return path


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder with the servers' log files."""
    return tmp_path_factory.mktemp("servers")


@pytest.fixture(scope="session")
def rasa_url(model_path: str, server_logs: Path) -> Iterator[str]:
    """Base URL of a real Rasa server (with its action server) on loopback."""
    with assistant(model_path, server_logs) as url:
        yield url
