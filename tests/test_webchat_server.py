"""The demo page server: the Rasa address filled in, a strict policy, nothing outside static/."""

import threading
from typing import Iterator

import pytest
import requests

from assistant.webchat.server import demo_server
from tests.harness.servers import free_port

RASA_URL = "http://localhost:5005"


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    port = free_port()
    server = demo_server("127.0.0.1", port, RASA_URL)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def test_the_page_loads_the_widget_for_the_rasa_server(page_url: str) -> None:
    page = requests.get(f"{page_url}/", timeout=5)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'data-server-url="{RASA_URL}"' in page.text
    assert "{{" not in page.text
    assert 'src="/static/chat.js"' in page.text


def test_only_this_server_may_run_scripts(page_url: str) -> None:
    policy = requests.get(f"{page_url}/", timeout=5).headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "connect-src 'self' http://localhost:5005 ws://localhost:5005;" in policy
    assert "unsafe-inline" not in policy


def test_static_files_have_their_types(page_url: str) -> None:
    script = requests.get(f"{page_url}/static/chat.js", timeout=5)
    assert script.status_code == 200
    assert "javascript" in script.headers["Content-Type"]
    assert (
        requests.get(f"{page_url}/static/chat.css", timeout=5)
        .headers["Content-Type"]
        .startswith("text/css")
    )


@pytest.mark.parametrize(
    "path",
    ["/static/../server.py", "/static/%2e%2e/server.py", "/static/", "/server.py", "/nothing"],
)
def test_nothing_outside_static_is_served(page_url: str, path: str) -> None:
    assert requests.get(f"{page_url}{path}", timeout=5).status_code == 404
