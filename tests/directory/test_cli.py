"""`python -m assistant.directory`, as an organization runs it to load its directory."""

import os
import subprocess
import sys
from pathlib import Path

from assistant.directory.store import DirectoryStore

PROJECT_DIR = Path(__file__).resolve().parents[2]


def run_cli(database_url: str, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DIRECTORY_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "assistant.directory", *arguments],
        cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_import_prints_a_summary_with_rejected_rows(database_url: str, tmp_path: Path) -> None:
    csv_file = tmp_path / "providers.csv"
    csv_file.write_text(
        "id,name,kinds,zip\n1,Example Clinic,palliative care,60614\n2,Example Two,yoga,60614\n"
    )
    result = run_cli(database_url, "import", str(csv_file))
    assert result.returncode == 0
    assert "Rows read: 2\nImported (new): 1\nUpdated: 0\nUnchanged: 0\nRejected: 1" in result.stdout
    assert "line 3: unknown kind 'yoga'" in result.stdout
    assert DirectoryStore(database_url).count() == 1


def test_a_missing_file_is_a_clear_error(database_url: str, tmp_path: Path) -> None:
    result = run_cli(database_url, "import", str(tmp_path / "nothing.csv"))
    assert result.returncode == 1
    assert result.stderr.startswith("Nothing was imported.")
    assert "Traceback" not in result.stderr


def test_demo_fills_an_empty_directory_once(database_url: str) -> None:
    first = run_cli(database_url, "demo")
    assert first.returncode == 0
    count = DirectoryStore(database_url).count()
    assert count >= 60
    second = run_cli(database_url, "demo")
    assert (second.returncode, second.stdout) == (0, "")
    assert DirectoryStore(database_url).count() == count
