"""The secrets the assistant needs, read from the environment; none has a default in the source.

| variable | what it keys |
| --- | --- |
| SMS_SENDER_ID_KEY | the conversation id made from a phone number (SMS) |
| WEBCHAT_SESSION_SECRET | the widget's session ids, which the server issues and signs |
| SAFETY_EVENT_ID_KEY | the conversation id kept with each safety event |

For a local demo, `make run` and `make shell` create random ones on first start in
`var/secrets.env` (readable by its owner only) and reuse them, with `python -m
assistant.secret_keys local var/secrets.env`. The scaled profile refuses to start without
them. How to rotate each, and what a rotation breaks: docs/operations.md.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import os
import secrets as random_source
import sys
from pathlib import Path
from typing import Dict, List, Mapping, Optional

SMS_SENDER_ID_KEY = "SMS_SENDER_ID_KEY"
WEBCHAT_SESSION_SECRET = "WEBCHAT_SESSION_SECRET"
SAFETY_EVENT_ID_KEY = "SAFETY_EVENT_ID_KEY"
REQUIRED_SECRETS: Dict[str, str] = {
    SMS_SENDER_ID_KEY: "keys the conversation id made from a texter's phone number",
    WEBCHAT_SESSION_SECRET: "signs the session ids the server issues to the chat widget",
    SAFETY_EVENT_ID_KEY: "keys the conversation id kept with each safety event",
}
# Shorter values are refused: a key must not be guessable by trying words.
MIN_SECRET_LENGTH = 16


class MissingSecret(RuntimeError):
    """A secret the assistant needs is not set, or too short to be one."""


def missing_secrets(environment: Mapping[str, str]) -> List[str]:
    """The required secrets that `environment` lacks or sets too short, by name."""
    return [
        name
        for name in REQUIRED_SECRETS
        if len(environment.get(name, "").strip()) < MIN_SECRET_LENGTH
    ]


def required_secret(name: str) -> bytes:
    """The value of the secret `name`; MissingSecret, saying what to do, when it is not set."""
    value = os.environ.get(name, "").strip()
    if len(value) < MIN_SECRET_LENGTH:
        raise MissingSecret(
            f"{name} is not set (or shorter than {MIN_SECRET_LENGTH} characters): it "
            f"{REQUIRED_SECRETS.get(name, 'is a secret the assistant needs')}. Set it in the "
            "server's environment (docs/operations.md); `make run` creates local ones in "
            "var/secrets.env."
        )
    return value.encode()


def keyed_id(key_name: str, value: str, length: int = 40, key: Optional[bytes] = None) -> str:
    """A stable id for `value` that does not reveal it: HMAC-SHA256 keyed by the secret.

    `key` overrides the secret named `key_name` (for tools that hold the key themselves).
    """
    secret = key if key is not None else required_secret(key_name)
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:length]


def write_local_secrets(path: Path) -> List[str]:
    """Add a random value to `path` for every required secret it lacks; the names added.

    The file holds `NAME=value` lines, is readable by its owner only, and is reused as it is:
    values already there are never changed.
    """
    existing = read_secrets_file(path)
    added = missing_secrets(existing)
    if not added and path.exists():
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {**existing, **{name: random_source.token_urlsafe(32) for name in added}}
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write("# Local secrets for `make run` (python -m assistant.secret_keys local).\n")
        file.writelines(f"{name}={value}\n" for name, value in values.items())
    path.chmod(0o600)
    return added


def read_secrets_file(path: Path) -> Dict[str, str]:
    """The `NAME=value` lines of `path` (none when it does not exist)."""
    if not path.exists():
        return {}
    values: Dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, separator, value = line.partition("=")
        if separator and not name.startswith("#"):
            values[name.strip()] = value.strip()
    return values


def main(arguments: Optional[List[str]] = None) -> int:
    """`python -m assistant.secret_keys local FILE`: create or complete the local secrets file."""
    parser = argparse.ArgumentParser(prog="python -m assistant.secret_keys", description=__doc__)
    parser.add_argument("command", choices=["local"])
    parser.add_argument("file", type=Path)
    options = parser.parse_args(arguments)
    added = write_local_secrets(options.file)
    if added:
        print(f"Created local secrets in {options.file}: {', '.join(added)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
