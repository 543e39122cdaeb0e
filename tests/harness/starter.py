"""The `rasa init` starter bot, the yardstick the benchmarks compare the assistant with."""

import shutil
import subprocess
from typing import List

from tests.harness.servers import PROJECT_DIR, RASA, server_environment

STARTER_DIR = PROJECT_DIR / "bench" / "starter"


def starter_model() -> str:
    """Train (once) the `rasa init` starter bot with the same Rasa version; its model."""
    models = sorted((STARTER_DIR / "models").glob("*.tar.gz"))
    if not models:
        shutil.rmtree(STARTER_DIR, ignore_errors=True)
        STARTER_DIR.mkdir(parents=True)
        subprocess.run(
            [RASA, "init", "--no-prompt", "--init-dir", str(STARTER_DIR)],
            check=True,
            env=server_environment(),
        )
        models = sorted((STARTER_DIR / "models").glob("*.tar.gz"))
    return str(models[-1])


def starter_server_command(port: int) -> List[str]:
    """`rasa run` for the starter bot with its own credentials and endpoints, as `rasa init` made.

    Run from this project's folder, Rasa would otherwise read this project's files, whose
    channels and stores need secrets the starter does not have.
    """
    return [
        RASA, "run", "--model", starter_model(), "--port", str(port),
        "--credentials", str(STARTER_DIR / "credentials.yml"),
        "--endpoints", str(STARTER_DIR / "endpoints.yml"),
    ]  # fmt: skip
