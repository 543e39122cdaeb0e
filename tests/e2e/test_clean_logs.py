"""Normal conversations leave no ERROR or WARNING in the servers' logs, so operators trust them.

A Rasa server and an action server of their own (the other end-to-end tests provoke failures
on purpose), normal conversations over REST, socket.io and SMS, a directory search and a crisis
answer among them; then every log line is read. The servers run as `make run` runs them; only
lines that Rasa 3.6 itself prints while starting are allowed, each for the reason given, and
only before the server says it is up.
"""

import re
from pathlib import Path
from typing import Iterator, List

import pytest

from tests.e2e.conversation import new_sender, say, texts
from tests.harness.servers import assistant
from tests.twilio_webhook import Texter, sms_environment
from tests.widget_connection import WidgetConnection, text_of

pytestmark = pytest.mark.model

# Python warnings that Rasa 3.6 and the libraries it pins print while they are imported, before
# a server is up; none of them comes from this project, and none can be fixed short of
# changing what Rasa 3.6 pins. Each with the reason it is harmless.
START_UP_WARNINGS = {
    # rasa/core/tracker_store.py declares its tables with SQLAlchemy 1.4's declarative_base,
    # which SQLAlchemy flags for 2.0; Rasa 3.6 pins SQLAlchemy below 2.0.
    "MovedIn20Warning: Deprecated API features detected": "SQLAlchemy 2.0 notice",
    # Rasa 3.6, setuptools' namespace packages (mpl_toolkits, ruamel) and sanic-cors still use
    # pkg_resources and distutils, which newer setuptools and Python deprecate.
    "DeprecationWarning: pkg_resources is deprecated": "Rasa's use of pkg_resources",
    "DeprecationWarning: Deprecated call to `pkg_resources.declare_namespace": "namespaces",
    "DeprecationWarning: distutils Version classes are deprecated": "sanic-cors",
    # matplotlib and packaging, imported by Rasa, call pyparsing's old method names.
    "PyparsingDeprecationWarning:": "matplotlib and packaging on pyparsing 3",
}
# What each server logs once it is ready; every line after it must be clean.
READY = ("Rasa server is up and running", "Action endpoint is up and running")
PROBLEM = re.compile(r"\b(ERROR|WARNING|CRITICAL)\b|Traceback|Warning:")


@pytest.fixture(scope="module")
def quiet_servers(
    model_path: str, demo_directory_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """A fresh action server and Rasa server; yields the Rasa URL and the logs' folder."""
    log_dir = tmp_path_factory.mktemp("quiet")
    environment = {
        "DIRECTORY_DATABASE_URL": demo_directory_url,
        "SAFETY_EVENTS_DATABASE_URL": f"sqlite:///{log_dir}/safety.sqlite3",
        "TRACKER_STORE_URL": f"sqlite:///{log_dir}/conversations.sqlite3",
        **sms_environment(log_dir),
    }
    with assistant(model_path, log_dir, environment=environment, with_stores=True) as url:
        yield url, log_dir


def problem_lines(log_dir: Path) -> List[str]:
    """Lines of the servers' logs that report a problem, less the known start-up warnings."""
    found = []
    for log in sorted(log_dir.glob("*.log")):
        started = False
        for line in log.read_text(errors="replace").splitlines():
            known = not started and any(warning in line for warning in START_UP_WARNINGS)
            if PROBLEM.search(line) and not known:
                found.append(f"{log.name}: {line}")
            started = started or any(marker in line for marker in READY)
    return found


async def test_normal_conversations_on_every_channel_log_no_problem(
    quiet_servers: tuple[str, Path],
) -> None:
    url, log_dir = quiet_servers
    assert problem_lines(log_dir) == []  # start-up

    person = new_sender()
    assert "What would you like to know?" in texts(say(url, person, "hello"))
    assert "extra layer" in texts(say(url, person, "/what_is_palliative_care"))
    assert "Where should I look?" in texts(
        say(url, person, '/find_provider{"provider_kind": "palliative_care"}')
    )
    assert "Example" in texts(say(url, person, "Chicago, IL"))
    assert "988" in texts(say(url, new_sender(), "i want to end my life"))
    assert "911" in texts(say(url, new_sender(), "my wife can't breathe"))
    # The direct question about someone else, its answer as its own action, and the steps.
    caregiver = new_sender()
    worried = "my husband keeps saying he doesn't see the point of going on anymore"
    assert "do you think they may be thinking" in texts(say(url, caregiver, worried))
    assert "Are they safe right now?" in texts(say(url, caregiver, "yes"))
    assert "Here is what you can do now" in texts(say(url, caregiver, "what should I do?"))

    phone = Texter(url)
    assert "Reply 1" in " ".join(phone.text("hi"))
    assert phone.text("1")
    assert "Example" in " ".join(phone.text("counseling near 60614"))

    tab = WidgetConnection()
    session_id = await tab.open(url)
    await tab.say({"message": "/greet", "session_id": session_id})
    assert "What would you like to know?" in text_of(await tab.answer())
    await tab.say({"message": "how does hospice differ", "session_id": session_id})
    assert "hospice" in text_of(await tab.answer()).lower()
    await tab.close()

    assert problem_lines(log_dir) == []
