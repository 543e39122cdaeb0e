"""`make run` finds a Python 3.10 on its own, or says clearly what to do.

The script runs with a PATH of its own: stand-in interpreters that report a version, and the
few commands it uses, so what the host has installed changes nothing.
"""

import shutil
import subprocess
from pathlib import Path
from typing import Dict

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "find-python310.sh"
BASH = shutil.which("bash") or "/bin/bash"
COMMANDS_THE_SCRIPT_USES = ("ls", "sort", "cat")


def fake_python(folder: Path, name: str, version: str) -> Path:
    """An executable called `name` that reports Python `version` as the script asks it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!{BASH}\necho {version}\n")
    path.chmod(0o755)
    return path


def find(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    for command in COMMANDS_THE_SCRIPT_USES:
        if not (tools / command).exists():
            (tools / command).symlink_to(shutil.which(command) or f"/bin/{command}")
    clean_env: Dict[str, str] = {
        "HOME": str(tmp_path / "home"),
        "PYENV_ROOT": str(tmp_path / "no-pyenv"),
        **env,
    }
    clean_env["PATH"] = ":".join(filter(None, [env.get("PATH"), str(tools)]))
    return subprocess.run([BASH, str(SCRIPT)], capture_output=True, text=True, env=clean_env)


def test_finds_python_310_under_pyenv(tmp_path: Path) -> None:
    root = tmp_path / "pyenv"
    fake_python(root / "versions" / "3.10.4" / "bin", "python3.10", "3.10")
    newest = fake_python(root / "versions" / "3.10.13" / "bin", "python3.10", "3.10")
    result = find(tmp_path, PYENV_ROOT=str(root))
    assert result.returncode == 0
    assert result.stdout.strip() == str(newest)


def test_finds_python_310_on_path(tmp_path: Path) -> None:
    python = fake_python(tmp_path / "bin", "python3.10", "3.10")
    result = find(tmp_path, PATH=str(tmp_path / "bin"))
    assert result.returncode == 0
    assert result.stdout.strip() == str(python)


def test_the_python_variable_wins(tmp_path: Path) -> None:
    fake_python(tmp_path / "bin", "python3.10", "3.10")
    chosen = fake_python(tmp_path / "elsewhere", "python", "3.10")
    result = find(tmp_path, PATH=str(tmp_path / "bin"), PYTHON=str(chosen))
    assert result.returncode == 0
    assert result.stdout.strip() == str(chosen)


def test_a_python_variable_on_another_version_is_passed_over(tmp_path: Path) -> None:
    on_path = fake_python(tmp_path / "bin", "python3.10", "3.10")
    result = find(
        tmp_path, PATH=str(tmp_path / "bin"), PYTHON=str(fake_python(tmp_path, "py", "3.11"))
    )
    assert result.returncode == 0
    assert result.stdout.strip() == str(on_path)


def test_a_python310_name_on_another_version_is_not_taken(tmp_path: Path) -> None:
    fake_python(tmp_path / "bin", "python3.10", "3.11")
    result = find(tmp_path, PATH=str(tmp_path / "bin"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No Python 3.10 found" in result.stderr


def test_without_python_310_it_says_what_to_do_and_fails(tmp_path: Path) -> None:
    result = find(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No Python 3.10 found" in result.stderr
    assert "pyenv install 3.10" in result.stderr
    assert "PYTHON=/path/to/python3.10" in result.stderr
