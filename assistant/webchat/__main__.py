"""`python -m assistant.webchat [--port 8000] [--rasa-url http://localhost:5005]`: the demo page."""

import argparse
import sys

from assistant.webchat.server import STATIC_DIR, demo_server

VENDORED_CLIENT = STATIC_DIR / "vendor" / "socket.io.min.js"


def main() -> int:
    """Serve the demo page until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m assistant.webchat", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--rasa-url", default="http://localhost:5005")
    options = parser.parse_args()
    if not VENDORED_CLIENT.is_file():
        print("The socket.io client is missing: run `make webchat` first.", file=sys.stderr)
        return 1
    server = demo_server(options.host, options.port, options.rasa_url)
    print(f"Demo page with the chat widget: http://localhost:{options.port}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
