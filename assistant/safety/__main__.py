"""Command line: `python -m assistant.safety report` prints safety events per level and day."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from typing import Dict, List, Optional

from assistant.safety.events import SafetyEventLog, safety_events_database_url

LEVELS = ("crisis", "check_in", "emergency", "distress")


def main(arguments: Optional[List[str]] = None) -> int:
    """Print a table of counts: one row per day, one column per level."""
    parser = argparse.ArgumentParser(prog="python -m assistant.safety", description=__doc__)
    parser.add_argument("command", choices=["report"])
    parser.parse_args(arguments)
    counts: Dict[str, Dict[str, int]] = defaultdict(dict)
    for day, level, count in SafetyEventLog(safety_events_database_url()).counts_per_day():
        counts[day][level] = count
    print("| day | " + " | ".join(LEVELS) + " |")
    print("| --- |" + " --- |" * len(LEVELS))
    for day in sorted(counts):
        print(f"| {day} | " + " | ".join(str(counts[day].get(lvl, 0)) for lvl in LEVELS) + " |")
    totals = [sum(c.get(level, 0) for c in counts.values()) for level in LEVELS]
    print("| total | " + " | ".join(map(str, totals)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
