"""`python -m assistant.stores purge [--days 30]`: delete conversations past retention.

The safety events recorded before the same cut-off go too (safety events keep no text, but
they are about people's conversations).
"""

import argparse
import sys
from typing import List, Optional

from sqlalchemy.exc import SQLAlchemyError

from assistant.safety.events import SafetyEventLog, safety_events_database_url
from assistant.stores.config import printable, tracker_store_url
from assistant.stores.retention import DEFAULT_RETENTION_DAYS, purge_conversations


def main(arguments: Optional[List[str]] = None) -> int:
    """Run the command; 0 when it worked, 1 with a message on stderr when not."""
    parser = argparse.ArgumentParser(prog="python -m assistant.stores", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    purge = commands.add_parser("purge", help="delete conversations older than --days days")
    purge.add_argument("--days", type=int, default=DEFAULT_RETENTION_DAYS)
    options = parser.parse_args(arguments)
    url = tracker_store_url()
    try:
        deleted = purge_conversations(url, options.days)
        url = safety_events_database_url()
        events = SafetyEventLog(url).purge_before(options.days)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(
            f"Nothing was deleted: {printable(url)} failed ({type(error).__name__}).",
            file=sys.stderr,
        )
        return 1
    print(
        f"Deleted {deleted} conversation(s) with nothing newer than {options.days} days, "
        f"and {events} safety event(s) older than that."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
