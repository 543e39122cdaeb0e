"""Where the project keeps its local state: `var/` beside the code (git-ignored)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
