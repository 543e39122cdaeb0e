"""A small static server for the demo page and the widget's files.

The page is `static/index.html` with the Rasa server's address filled in. Every
answer carries a Content-Security-Policy that allows scripts from this server
only and connections to the Rasa server only, so even markup that slipped into
the page could not run. Requests are not logged (paths carry no message text,
but there is nothing to learn from them either).
"""

import html
import mimetypes
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGE = "index.html"
SERVER_URL_PLACEHOLDER = "{{RASA_SERVER_URL}}"


def content_security_policy(rasa_server_url: str) -> str:
    """Scripts, styles and images from this server; connections to the Rasa server."""
    parts = urlsplit(rasa_server_url)
    websocket_scheme = "wss" if parts.scheme == "https" else "ws"
    rasa_origins = f"{parts.scheme}://{parts.netloc} {websocket_scheme}://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa_origins}; base-uri 'none'; form-action 'none'; "
        "object-src 'none'; frame-ancestors 'none'"
    )


def static_file(path: str) -> Optional[Path]:
    """The file under static/ that a URL path names, never one outside it."""
    relative = path.split("?", 1)[0].lstrip("/")
    if relative.startswith("static/"):
        relative = relative.removeprefix("static/")
    candidate = (STATIC_DIR / relative).resolve()
    if STATIC_DIR not in candidate.parents or not candidate.is_file():
        return None
    return candidate


class DemoPageHandler(BaseHTTPRequestHandler):
    """GET / (the demo page) and GET /static/... (the widget's files)."""

    server_version = "webchat"

    def __init__(self, *args: Any, rasa_server_url: str, **kwargs: Any) -> None:
        """A handler that fills in `rasa_server_url`."""
        self.rasa_server_url = rasa_server_url
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks for)
        """Serve the page or a static file."""
        path = urlsplit(self.path).path
        if path in ("/", f"/{PAGE}"):
            page = (STATIC_DIR / PAGE).read_text(encoding="utf-8")
            page = page.replace(SERVER_URL_PLACEHOLDER, html.escape(self.rasa_server_url))
            self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")
            return
        file = static_file(path) if path.startswith("/static/") else None
        if file is None:
            self._send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8")
            return
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        self._send(HTTPStatus.OK, file.read_bytes(), content_type)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", content_security_policy(self.rasa_server_url))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """No request log."""


def demo_server(host: str, port: int, rasa_server_url: str) -> ThreadingHTTPServer:
    """An HTTP server for the demo page, not yet serving."""
    handler = partial(DemoPageHandler, rasa_server_url=rasa_server_url)
    return ThreadingHTTPServer((host, port), handler)
