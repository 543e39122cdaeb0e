"""Typed replies to the direct question: are they heard as a counselor would hear them.

Scores the frozen reply splits (tests/frozen/check_in_replies_en_v2.yml and _es.yml, written by
helpers who saw nothing of the project, each reply labelled as a crisis counselor would take
it) through the whole assistant: the model loaded in this process with the SQL tracker store
as `make run` uses it, and the real action server, which chooses the answer to the reply
(tests/safety/check_in_scoring.py says how). Prints, per language, whom the question asked
about and label, how many were answered as a counselor would and what the others got, then
the failures that matter most. Counts only: no message is printed.

Usage: make bench-check-in [DEV=1]
   or: PYTHONPATH=. .venv/bin/python bench/check_in_replies.py --model models/X.tar.gz [--dev]
(--dev scores the development replies, tests/dev/check_in_replies_*.yml, tuned on.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, List

from rasa.core.agent import load_agent
from rasa.core.utils import AvailableEndpoints

from bench.latency import OUT_DIR, bench_environment, in_process_endpoints
from bench.message_profile import quiet_rasa_logs
from tests.harness.servers import action_server_command, free_port, running
from tests.safety.check_in_scoring import (
    BY_INTENT,
    BY_OPENER,
    DEV,
    EXPECTED,
    FROZEN,
    Key,
    Reply,
    read_replies,
    score,
    summary,
)


async def _scored(model: str, endpoints: Path, replies: List[Reply]) -> Dict[Key, Counter]:
    """Load the model with the action server's endpoints, and score the replies."""
    agent = await load_agent(
        model_path=model, endpoints=AvailableEndpoints.read_endpoints(str(endpoints))
    )
    return await score(agent, replies)


def _row(key: Key, counts: Counter) -> str:
    """One Markdown row: heard as a counselor would, and what else was answered."""
    _, asked, label = key
    expected = EXPECTED[(asked, label)]
    others = ", ".join(
        f"{answer} {n}"
        for answer, n in sorted(counts.items())
        if answer not in (expected, BY_OPENER, BY_INTENT)
    )
    total = counts[BY_OPENER] + counts[BY_INTENT]
    cells = [*key, total, counts[expected], others or "-", counts[BY_INTENT]]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main() -> None:
    """Score the reply splits, print a table, save the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--dev", action="store_true", help="the development replies instead")
    args = parser.parse_args()
    quiet_rasa_logs()
    replies = read_replies(DEV if args.dev else FROZEN)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        environment = bench_environment(folder)
        os.environ.update(environment)
        port = free_port()
        command, health = action_server_command(port)
        with running(command, health, folder / "actions.log", environment):
            endpoints = in_process_endpoints(folder, f"http://127.0.0.1:{port}/webhook")
            counts = asyncio.run(_scored(args.model, endpoints, replies))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / ("check_in_replies_dev.json" if args.dev else "check_in_replies.json")
    out.write_text(json.dumps({" | ".join(key): dict(c) for key, c in counts.items()}, indent=2))
    print(
        "| language, asked, label | replies | as a counselor would | otherwise | asked by intent |"
    )
    print("| --- | --- | --- | --- | --- |")
    for key in sorted(counts):
        print(_row(key, counts[key]))
    print()
    for figure, n in sorted(summary(counts).items()):
        print(f"- {figure}: {n}")


if __name__ == "__main__":
    main()
