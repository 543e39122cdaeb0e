"""Where the project keeps its local state: `var/` beside the code (git-ignored)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"


def project_path(value: str) -> Path:
    """A path from a config; a relative one is read from the project's root."""
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path
