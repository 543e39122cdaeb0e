"""No secret has a default in the source: without them nothing that needs them starts.

For a local demo, `make run` keeps random ones in var/secrets.env (its owner's only); the
production profile refuses to start without them and names what is missing.
"""

import ast
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

import pytest
from rasa.utils.endpoints import EndpointConfig

from assistant.channels.sms import TwilioSmsInput
from assistant.channels.socketio import CheckedSocketIOInput
from assistant.safety.event_broker import SafetyEventBroker
from assistant.secret_keys import REQUIRED_SECRETS, MissingSecret, write_local_secrets

PROJECT_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("assistant", "actions")
SECRET_NAMES = {*REQUIRED_SECRETS, "REST_CHANNEL_TOKEN", "TWILIO_AUTH_TOKEN"}


@pytest.fixture
def no_secrets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in SECRET_NAMES:
        monkeypatch.delenv(name, raising=False)
    yield


def test_the_sms_channel_does_not_start_without_its_key(no_secrets: None) -> None:
    with pytest.raises(MissingSecret, match="SMS_SENDER_ID_KEY"):
        TwilioSmsInput.from_credentials({})


def test_the_widget_channel_does_not_start_without_its_session_secret(no_secrets: None) -> None:
    with pytest.raises(MissingSecret, match="WEBCHAT_SESSION_SECRET"):
        CheckedSocketIOInput.from_credentials({})


async def test_safety_events_are_not_recorded_without_their_key(no_secrets: None) -> None:
    with pytest.raises(MissingSecret, match="SAFETY_EVENT_ID_KEY"):
        await SafetyEventBroker.from_endpoint_config(EndpointConfig())


def test_a_short_secret_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBCHAT_SESSION_SECRET", "password")
    with pytest.raises(MissingSecret, match="shorter than 16"):
        CheckedSocketIOInput.from_credentials({})


def environment_reads_with_a_default(tree: ast.AST) -> List[str]:
    """`os.environ.get("X", default)`, `os.getenv("X", default)` or `... or "literal"` for X."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            reads = [value for value in node.values if _reads_secret(value)]
            literals = [v for v in node.values if isinstance(v, ast.Constant) and v.value]
            if reads and literals:
                found.append(ast.unparse(node))
        if _reads_secret(node) and isinstance(node, ast.Call) and len(node.args) > 1:
            default = node.args[1]
            if not (isinstance(default, ast.Constant) and default.value in ("", None)):
                found.append(ast.unparse(node))
    return found


def _reads_secret(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    name = node.args[0]
    called = ast.unparse(node.func)
    return (
        called in ("os.environ.get", "os.getenv", "environ.get")
        and isinstance(name, ast.Constant)
        and name.value in SECRET_NAMES
    )


def test_no_source_file_gives_a_secret_a_default() -> None:
    offenders = {}
    for folder in SOURCE_DIRS:
        for path in sorted((PROJECT_DIR / folder).rglob("*.py")):
            found = environment_reads_with_a_default(ast.parse(path.read_text(encoding="utf-8")))
            if found:
                offenders[str(path.relative_to(PROJECT_DIR))] = found
    assert offenders == {}


def test_the_scan_finds_a_default_when_there_is_one() -> None:
    tree = ast.parse(
        'import os\nkey = os.environ.get("SMS_SENDER_ID_KEY") or "fallback"\n'
        'other = os.getenv("SAFETY_EVENT_ID_KEY", "salt")\n'
        'fine = os.environ.get("SMS_SENDER_ID_KEY", "")\n'
    )
    assert len(environment_reads_with_a_default(tree)) == 2


def test_local_secrets_are_random_private_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secrets.env"
    assert sorted(write_local_secrets(path)) == sorted(REQUIRED_SECRETS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_text()
    assert write_local_secrets(path) == []
    assert path.read_text() == first
    other = tmp_path / "elsewhere" / "secrets.env"
    write_local_secrets(other)
    assert other.read_text() != first
    values = [line.split("=", 1)[1] for line in first.splitlines() if "=" in line]
    assert len(values) == len(REQUIRED_SECRETS) and all(len(value) >= 32 for value in values)


def test_a_secret_already_in_the_environment_wins_over_the_local_file(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "SECRETS_FILE": str(tmp_path / "secrets.env"),
        "SMS_SENDER_ID_KEY": "the operator's own key, kept",
    }
    environment.pop("SAFETY_EVENT_ID_KEY", None)
    command = 'source scripts/local-secrets.sh; echo "$SMS_SENDER_ID_KEY|$SAFETY_EVENT_ID_KEY"'
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    operator_key, generated = result.stdout.strip().splitlines()[-1].split("|")
    assert operator_key == "the operator's own key, kept"
    assert len(generated) >= 32 and generated in (tmp_path / "secrets.env").read_text()


def test_the_production_profile_refuses_to_start_without_them(no_secrets: None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.harness.scaled", "--model", "models/none.tar.gz"],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    for name in (*REQUIRED_SECRETS, "REST_CHANNEL_TOKEN"):
        assert name in result.stderr
    assert "Traceback" not in result.stderr
