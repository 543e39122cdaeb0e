"""Does a message cost more as a conversation grows? Turn 1, 50 and 200 of one conversation.

The assistant is loaded in this process with the SQL tracker store as `make run` uses it
(`TRACKER_STORE_URL`), once on SQLite and once on a throwaway PostgreSQL server, with the
real action server. One conversation of 200 topic questions (held-out paraphrases, no risk
and no directory search) is sent, and each turn's time is taken, with the tracker store's
load and save. Each figure is the median of ten turns around the turn named.

Usage: make bench-turns
   or: PYTHONPATH=. .venv/bin/python bench/conversation_length.py --model models/assistant-X.tar.gz
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import uuid
from pathlib import Path
from typing import Dict, List

from rasa.core.agent import load_agent
from rasa.core.utils import AvailableEndpoints

from bench.latency import OUT_DIR, bench_environment, in_process_endpoints
from bench.message_profile import (
    TOTAL,
    TRACKER_LOAD,
    TRACKER_SAVE,
    PartTimer,
    handle,
    quiet_rasa_logs,
    timing_parts,
)
from tests.harness.postgres import temporary_postgres
from tests.harness.servers import action_server_command, free_port, running
from tests.training_data import heldout_examples

TURNS = 200
WINDOWS = {1: range(1, 11), 50: range(45, 55), 200: range(191, 201)}
# Questions that are answered in one turn: no risk answer, no search, no check-in.
TOPIC_AREAS = ("palliative", "symptom", "support", "counseling", "care_", "cost", "advance")


def topic_questions() -> List[str]:
    """Held-out topic questions, interleaved across topics."""
    by_intent = [
        texts
        for intent, texts in sorted(heldout_examples().items())
        if any(area in intent for area in TOPIC_AREAS)
    ]
    return [texts[i] for i in range(50) for texts in by_intent if i < len(texts)]


async def one_long_conversation(endpoints: Path, model: str) -> Dict[str, Dict[str, float]]:
    """Median turn time, tracker load and save around turns 1, 50 and 200 (ms)."""
    agent = await load_agent(
        model_path=model, endpoints=AvailableEndpoints.read_endpoints(str(endpoints))
    )
    questions = topic_questions()
    timer = PartTimer()
    sender = f"bench-turns-{uuid.uuid4()}"
    turns: List[Dict[str, float]] = []
    with timing_parts(timer):
        for warm_up in questions[:3]:
            await handle(agent, f"warm-up-{uuid.uuid4()}", warm_up, timer)
        for turn in range(TURNS):
            turns.append(await handle(agent, sender, questions[turn % len(questions)], timer))
    parts = sorted({part for turn in turns for part in turn})
    return {
        f"turn {turn}": {
            part: round(statistics.median(turns[i - 1].get(part, 0.0) for i in window), 1)
            for part in parts
        }
        for turn, window in WINDOWS.items()
    }


def measure(
    model: str, database_url: str, folder: Path, base: Dict[str, str]
) -> Dict[str, Dict[str, float]]:
    """The long conversation with its tracker store at `database_url`."""
    environment = {**base, "TRACKER_STORE_URL": database_url}
    port = free_port()
    command, health = action_server_command(port)
    os.environ.update(environment)
    with running(command, health, folder / "actions.log", environment):
        endpoints = in_process_endpoints(folder, f"http://127.0.0.1:{port}/webhook")
        return asyncio.run(one_long_conversation(endpoints, model))


def main() -> None:
    """Measure on SQLite and PostgreSQL, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    quiet_rasa_logs()
    results = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = bench_environment(folder)  # the secrets and the example directory, made once
        results["SQLite"] = measure(args.model, base["TRACKER_STORE_URL"], folder, base)
        with temporary_postgres() as url:
            results["PostgreSQL"] = measure(args.model, url, folder, base)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "conversation_length.json").write_text(json.dumps(results, indent=2))
    print("| store | turn | whole message (ms) | tracker load (ms) | tracker save (ms) |")
    print("| --- | --- | --- | --- | --- |")
    for store, rows in results.items():
        for turn, row in rows.items():
            print(
                f"| {store} | {turn} | {row[TOTAL]} | {row[TRACKER_LOAD]} | {row[TRACKER_SAVE]} |"
            )
        ratio = rows[f"turn {TURNS}"][TOTAL] / rows["turn 1"][TOTAL]
        print(f"| {store} | turn {TURNS} / turn 1 | {ratio:.2f}x | | |")
    print(f"\nWhat grows from turn 1 to turn {TURNS} (median ms; all parts in {OUT_DIR.name}/):")
    for store, rows in results.items():
        first, last = rows["turn 1"], rows[f"turn {TURNS}"]
        growth = sorted(last, key=lambda part: first.get(part, 0.0) - last[part])
        print(
            f"- {store}: "
            + ", ".join(
                f"{part} {first.get(part, 0.0)} -> {last[part]}"
                for part in growth[:6]
                if part != TOTAL
            )
        )


if __name__ == "__main__":
    main()
