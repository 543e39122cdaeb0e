"""A program run in a pseudo-terminal and driven by keystrokes, as a person at a terminal would.

For `rasa shell`, whose quick replies are a prompt_toolkit menu that needs a real terminal.
"""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path
from typing import Dict, List, Optional

ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][A-Z0-9]|[=>])")
DOWN = "\x1b[B"
CURSOR_POSITION_REQUEST = "\x1b[6n"
# `rasa shell` shows quick replies as "1: Title (/payload)", then a choice to type freely.
MENU_HINT = "(Use arrow keys)"
MENU_CHOICE = re.compile(r"^\W*\d+: (?P<title>.+) \(/[^)]*\)\s*$")
FREE_TEXT_CHOICE = "Type out your own message..."
ENTER = "\r"
# prompt_toolkit reads a lone escape sequence more reliably than a burst of them.
KEY_INTERVAL_SECONDS = 0.3


class Terminal:
    """A process on a 120x40 pseudo-terminal; everything it writes is kept, escapes removed."""

    def __init__(self, command: List[str], cwd: Path, environment: Dict[str, str]) -> None:
        """Start `command`."""
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**environment, "TERM": "xterm", "COLUMNS": "120", "LINES": "40"},
            start_new_session=True,
        )
        os.close(slave)
        self.raw = ""
        self.position = 0

    @property
    def screen(self) -> str:
        """All output so far, without terminal escape sequences."""
        return ANSI_ESCAPE.sub("", self.raw).replace("\r", "")

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.master, 65536).decode("utf-8", errors="replace")
            except OSError:  # the process has ended
                time.sleep(timeout)
                return
            # Answer cursor position requests as a real terminal does (prompt_toolkit asks).
            for _ in range(chunk.count(CURSOR_POSITION_REQUEST)):
                self.type("\x1b[1;1R")
            self.raw += chunk

    def expect(self, text: str, timeout: float = 60) -> str:
        """Wait until `text` appears after what was last expected; the output up to it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.screen.find(text, self.position)
            if found >= 0:
                seen = self.screen[self.position : found + len(text)]
                self.position = found + len(text)
                return seen
            self._read(0.2)
        raise TimeoutError(f"{text!r} did not appear; the terminal shows:\n{self.screen[-3000:]}")

    def settle(self, seconds: float = 1.0) -> str:
        """Read whatever arrives in the next `seconds`; the new output."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(0.1)
        return self.screen[self.position :]

    def type(self, keys: str) -> None:
        """Send keystrokes."""
        os.write(self.master, keys.encode())

    def menu(self) -> List[str]:
        """The quick replies of the last menu on screen, in order (`rasa shell`'s format)."""
        last = self.screen.rsplit(MENU_HINT, 1)[-1]
        titles: List[str] = []
        for line in last.splitlines():
            if FREE_TEXT_CHOICE in line:
                break
            choice = MENU_CHOICE.match(line)
            if choice:
                titles.append(choice["title"])
        return titles

    def choose(self, number: int) -> None:
        """Pick the `number`th choice (from 1) of the menu on screen, a key at a time."""
        for key in [DOWN] * (number - 1) + [ENTER]:
            self.type(key)
            self.settle(KEY_INTERVAL_SECONDS)

    def close(self, timeout: float = 20) -> Optional[int]:
        """Stop the process (SIGINT, then SIGKILL); its exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.settle(0.2)
        os.close(self.master)
        return self.process.returncode
