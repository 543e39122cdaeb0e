"""A staff member tests a release in `rasa shell`: no traceback and no ERROR on their screen.

The shell runs in a pseudo-terminal with the real action server: quick replies are chosen by
their number in the menu, free text is typed, and a directory search runs, started by a quick
reply whose payload carries an entity.
"""

import re
from pathlib import Path
from typing import Iterator

import pytest

from tests.harness.servers import (
    PROJECT_DIR,
    RASA,
    action_server_command,
    free_port,
    running,
    server_environment,
)
from tests.harness.terminal import Terminal

pytestmark = pytest.mark.model

LOADING_SECONDS = 240
ANSWER_SECONDS = 60


def choose_quick_reply(shell: Terminal, title: str) -> None:
    """Choose a quick reply of the menu on screen by its number."""
    menu = shell.menu()
    assert title in menu, f"no quick reply {title!r} in {menu}"
    shell.choose(menu.index(title) + 1)


@pytest.fixture(scope="module")
def shell(
    model_path: str, demo_directory_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Terminal]:
    """`rasa shell` with the current model and a running action server, in a terminal."""
    log_dir = tmp_path_factory.mktemp("shell")
    environment = {"DIRECTORY_DATABASE_URL": demo_directory_url}
    actions_port = free_port()
    endpoints = log_dir / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n")
    command, health = action_server_command(actions_port)
    with running(command, health, log_dir / "actions.log", environment):
        terminal = Terminal(
            [
                RASA,
                "shell",
                "--model",
                model_path,
                "--endpoints",
                str(endpoints),
                "--port",
                str(free_port()),
            ],  # fmt: skip
            PROJECT_DIR,
            server_environment(environment),
        )
        try:
            terminal.expect("Type a message and press enter", LOADING_SECONDS)
            yield terminal
        finally:
            terminal.close()
            Path(log_dir / "terminal.txt").write_text(terminal.screen)


def test_a_session_with_quick_replies_free_text_and_a_search_shows_no_error(
    shell: Terminal,
) -> None:
    shell.type("hi there\r")
    greeting = shell.expect("See all topics", ANSWER_SECONDS)
    assert "automated assistant" in greeting
    choose_quick_reply(shell, "What is palliative care?")
    answer = shell.expect("When can I ask for it?", ANSWER_SECONDS)
    assert "extra layer of support" in answer

    # Free text from a menu: the choice after the quick replies lets the person type.
    shell.choose(len(shell.menu()) + 1)
    shell.expect("Your input ->", ANSWER_SECONDS)
    shell.settle(1)
    shell.type("where can you get palliative care\r")
    where = shell.expect("Find it near me", ANSWER_SECONDS)
    assert "home" in where
    choose_quick_reply(shell, "Find it near me")
    shell.expect("Where should I look?", ANSWER_SECONDS)
    shell.type("60614\r")
    results = shell.expect("That's all, thanks", ANSWER_SECONDS)
    assert "Example" in results and "call ahead" in results
    choose_quick_reply(shell, "That's all, thanks")
    shell.settle(3)

    assert "Traceback" not in shell.screen
    assert not re.search(r"\bERROR\b", shell.screen), shell.screen[-3000:]
