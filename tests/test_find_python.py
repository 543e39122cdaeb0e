"""`make run` finds a Python 3.10 on its own, or says clearly what to do."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "find-python310.sh"
THIS_PYTHON = Path(sys.executable).resolve()  # the project's .venv runs on 3.10


def find(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean_env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "PYENV_ROOT": str(tmp_path / "no-pyenv"),
        **env,
    }
    return subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=clean_env)


def fake_pyenv(tmp_path: Path, version: str) -> Path:
    bin_dir = tmp_path / "pyenv" / "versions" / version / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python3.10").symlink_to(THIS_PYTHON)
    return tmp_path / "pyenv"


def test_finds_python_310_under_pyenv(tmp_path: Path) -> None:
    root = fake_pyenv(tmp_path, "3.10.13")
    result = find(tmp_path, PYENV_ROOT=str(root))
    assert result.returncode == 0
    assert result.stdout.strip() == str(root / "versions" / "3.10.13" / "bin" / "python3.10")


def test_finds_python_310_on_path(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3.10").symlink_to(THIS_PYTHON)
    result = find(tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin")
    assert result.returncode == 0
    assert result.stdout.strip() == str(bin_dir / "python3.10")


def test_python_variable_wins(tmp_path: Path) -> None:
    result = find(tmp_path, PYTHON=str(THIS_PYTHON))
    assert result.stdout.strip() == str(THIS_PYTHON)


def other_python() -> str:
    """Some installed interpreter that is not Python 3.10, or "" if none."""
    for candidate in (
        "/usr/bin/python3",
        shutil.which("python3.11") or "",
        shutil.which("python3") or "",
    ):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        version = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info[:2])"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if version and version != "(3, 10)":
            return candidate
    return ""


@pytest.mark.skipif(not other_python(), reason="needs an interpreter that is not 3.10")
def test_a_python310_name_on_another_version_is_not_taken(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3.10").symlink_to(other_python())
    result = find(tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin")
    assert result.returncode == 1
    assert "No Python 3.10 found" in result.stderr


def test_without_python_310_it_says_what_to_do_and_fails(tmp_path: Path) -> None:
    result = find(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No Python 3.10 found" in result.stderr
    assert "pyenv install 3.10" in result.stderr
    assert "PYTHON=/path/to/python3.10" in result.stderr
