"""Distress detection: how well it finds each level, and what it costs per message.

Detection, on tests/safety/labelled_messages.yml, per split (development: used
to write the patterns and DIET's examples; heldout: never used): the spaCy
detector alone, and the whole trained model (DIET with the detector). Latency:
the detector's own time per message (matcher, plus the dependency parse when a
cue is found), over the held-out NLU messages and the labelled set together.
Results: Markdown tables and bench/out/distress.json.

Usage: make bench-safety
   or: PYTHONPATH=. .venv/bin/python bench/distress_detection.py --model models/assistant-X.tar.gz
"""

import argparse
import asyncio
import json
import statistics
import time
from typing import Callable, Dict, List

import spacy
from rasa.core.agent import Agent

from assistant.safety.detector import DistressDetector
from assistant.safety.levels import Level
from tests.harness.percentiles import percentile
from tests.harness.servers import PROJECT_DIR
from tests.safety.labelled import LabelledMessage, labelled_messages
from tests.training_data import heldout_examples

OUT_DIR = PROJECT_DIR / "bench" / "out"
LEVELS = {
    "crisis": Level.CRISIS,
    "emergency": Level.EMERGENCY,
    "distress": Level.DISTRESS,
    "none": Level.NONE,
}
MODEL_LEVELS = {
    "not_safe": Level.CRISIS,
    "crisis_self": Level.CRISIS,
    "crisis_someone_else": Level.CRISIS,
    "medical_emergency": Level.EMERGENCY,
    "distress": Level.DISTRESS,
    "emotional_support": Level.DISTRESS,
    "caregiver_support": Level.DISTRESS,
    "counseling": Level.DISTRESS,
    "support_groups": Level.DISTRESS,
    "talk_to_person": Level.DISTRESS,
    "symptom_mood": Level.DISTRESS,
}


def scores(messages: List[LabelledMessage], level_of: Callable[[str], Level]) -> Dict[str, Dict]:
    """Per split: recall of each level, and benign messages raised to crisis or emergency."""
    result: Dict[str, Dict] = {}
    for split in ("development", "heldout", "all"):
        chosen = [m for m in messages if split in ("all", m.split)]
        row: Dict[str, object] = {}
        for name in ("crisis", "emergency", "distress"):
            items = [m for m in chosen if m.level == name]
            hits = sum(level_of(m.text) >= LEVELS[name] for m in items)
            row[name] = f"{hits}/{len(items)}"
        benign = [m for m in chosen if m.level == "none"]
        row["benign_as_crisis"] = sum(level_of(m.text) == Level.CRISIS for m in benign)
        row["benign_as_emergency"] = sum(level_of(m.text) == Level.EMERGENCY for m in benign)
        row["benign"] = len(benign)
        result[split] = row
    return result


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    options = parser.parse_args()
    messages = labelled_messages()

    nlp = spacy.load("en_core_web_md", disable=["parser"])
    detector = DistressDetector(nlp.vocab, nlp.get_pipe("parser"))
    detector_only = scores(messages, lambda text: detector.assess(nlp(text.lower())).level)

    agent = Agent.load(options.model)
    parsed = {m.text: asyncio.run(agent.parse_message(m.text)) for m in messages}
    combined = scores(
        messages, lambda text: MODEL_LEVELS.get(parsed[text]["intent"]["name"], Level.NONE)
    )

    texts = [m.text for m in messages] + [t for ts in heldout_examples().values() for t in ts]
    docs = [nlp(text.lower()) for text in texts]
    timings = []
    for doc in docs:
        fresh = nlp(doc.text)  # an unparsed doc, as the pipeline hands it over
        started = time.perf_counter()
        detector.assess(fresh)
        timings.append((time.perf_counter() - started) * 1000)
    latency = {
        "messages": len(timings),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(percentile(timings, 0.95), 3),
        "max_ms": round(max(timings), 3),
    }

    results: Dict[str, Dict] = {
        "detector_only": detector_only,
        "model_with_detector": combined,
        "latency": latency,
    }
    for name in ("detector_only", "model_with_detector"):
        print(
            f"\n{name}\n| split | crisis | emergency | distress | benign as crisis | as emergency |"
        )
        print("| --- | --- | --- | --- | --- | --- |")
        for split, row in results[name].items():
            print(
                f"| {split} | {row['crisis']} | {row['emergency']} | {row['distress']} "
                f"| {row['benign_as_crisis']}/{row['benign']} "
                f"| {row['benign_as_emergency']}/{row['benign']} |"
            )
    print(
        f"\ndetector latency over {latency['messages']} messages: p50 {latency['p50_ms']} ms, "
        f"p95 {latency['p95_ms']} ms, max {latency['max_ms']} ms"
    )
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "distress.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
