"""Command line: `python -m assistant.directory import FILE [--format auto|generic|cms]`.

`python -m assistant.directory demo` creates the directory with the shipped example entries
when it is empty (what `make run` does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from sqlalchemy.exc import SQLAlchemyError

from assistant.directory.config import DEMO_DIRECTORY_CSV, directory_database_url
from assistant.directory.importer import ImportFailed, import_csv
from assistant.directory.places import gazetteer
from assistant.directory.store import DirectoryStore


def main(arguments: Optional[List[str]] = None) -> int:
    """Run the command; 0 when it worked, 1 with a message on stderr when not."""
    parser = argparse.ArgumentParser(prog="python -m assistant.directory", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import or update providers from a CSV file")
    importing.add_argument("file", type=Path)
    importing.add_argument("--format", choices=("auto", "generic", "cms"), default="auto")
    commands.add_parser("demo", help="load the example entries into an empty directory")
    options = parser.parse_args(arguments)

    store = DirectoryStore(directory_database_url())
    try:
        if options.command == "demo":
            store.create_schema()
            if store.count():
                return 0
            path, file_format = DEMO_DIRECTORY_CSV, "generic"
        else:
            path, file_format = options.file, options.format
        data = path.read_bytes()
        summary = import_csv(data, store, gazetteer(), file_format)
    except (OSError, ImportFailed) as error:
        print(f"Nothing was imported. {error}", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(f"Nothing was imported: the database failed ({error.__class__.__name__}).")
        return 1
    print(summary.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
