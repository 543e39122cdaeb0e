"""The risk layer, part by part, on two labelled sets, and what it costs.

Patterns alone, the intent classifier alone, the scores alone, and the whole layer,
on the frozen English split (never tuned on) and on the older labelled set
(tests/safety/labelled_messages.yml, partly development).
Then the cost: the scorer's own time per message (embedding, n-grams and the
classifier) and the patterns' time.

Results: Markdown tables and bench/out/risk_layer.json.

Usage: make bench-safety  (add RESERVE=1 for the reserve splits, once per design change)
   or: PYTHONPATH=. .venv/bin/python bench/risk_layer.py --model models/assistant-X.tar.gz
"""

import argparse
import asyncio
import json
import logging
import time
from typing import Any, Callable, Dict, List

import spacy
import yaml
from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog

from assistant.components.embedding_intent_classifier import row_probabilities
from assistant.components.message_features import sentence_spans
from assistant.embeddings.minilm import MiniLMEncoder
from assistant.safety.detector import DistressDetector
from assistant.safety.risk_decision import Thresholds
from assistant.safety.spanish import spanish_level
from tests.harness.percentiles import percentile
from tests.harness.servers import PROJECT_DIR
from tests.safety.labelled import labelled_messages
from tests.safety.risk_scoring import (
    DEV_EN,
    FROZEN_EN,
    RESERVE_EN,
    SCORE_COLUMNS,
    RiskMessage,
    answer_of_classifier,
    answer_of_level,
    answer_of_parse,
    answer_of_scores,
    read_split,
    score,
)

OUT_DIR = PROJECT_DIR / "bench" / "out"


def model_thresholds() -> Thresholds:
    """The thresholds the risk layer uses (from config.yml)."""
    config = yaml.safe_load((PROJECT_DIR / "config.yml").read_text())
    for component in config["pipeline"]:
        if component["name"].endswith("RiskAssessor"):
            fields = Thresholds.__dataclass_fields__
            return Thresholds(**{k: float(v) for k, v in component.items() if k in fields})
    return Thresholds()


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument(
        "--reserve",
        action="store_true",
        help="also score the reserve splits (once per design change: docs/safety.md)",
    )
    options = parser.parse_args()
    # Rasa's debug log would print every message parsed, the split's text included.
    configure_structlog(logging.WARNING)
    splits: Dict[str, List[RiskMessage]] = {
        "frozen": read_split(FROZEN_EN),
        "labelled": [RiskMessage(m.text, m.level, m.about) for m in labelled_messages()],
        **{name: read_split(path) for name, path in DEV_EN.items()},
    }
    if options.reserve:
        splits.update({name: read_split(path) for name, path in RESERVE_EN.items()})
    nlp = spacy.load("en_core_web_md")
    detector = DistressDetector(nlp.vocab, nlp.get_pipe("parser"))

    def pattern_level(text: str) -> Any:
        level = detector.assess(nlp(text)).level
        spanish = spanish_level(text)
        return max(level, spanish[0]) if spanish else level

    agent = Agent.load(options.model)
    thresholds = model_thresholds()
    print(
        "Every split below is learned by the labelled risk reader (training/labelled_risk_en.yml):"
        " its figures guard against regressions; reserve v33 onwards measure new wordings."
    )
    results: Dict[str, Dict[str, Any]] = {}
    for split, messages in splits.items():
        parsed = {m.text: asyncio.run(agent.parse_message(m.text)) for m in messages}
        parts = _parts(parsed, thresholds, pattern_level)
        results[split] = {name: score(messages, answer) for name, answer in parts.items()}
        print(f"\n{split} ({len(messages)} messages)")
        print("| part | " + " | ".join(title for _, title in SCORE_COLUMNS) + " |")
        print("| --- |" + " --- |" * len(SCORE_COLUMNS))
        for name, row in results[split].items():
            cells = [f"{row[key][0]}/{row[key][1]}" for key, _ in SCORE_COLUMNS]
            print(f"| {name} | " + " | ".join(cells) + " |")

    texts = [m.text for messages in splits.values() for m in messages]
    results["latency_ms"] = _latency(agent, nlp, detector, texts)
    print(f"\nlatency over {len(texts)} messages (ms): {results['latency_ms']}")
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "risk_layer.json").write_text(json.dumps(results, indent=2))


def _parts(
    parsed: Dict[str, Any], thresholds: Thresholds, pattern_level: Callable[[str], Any]
) -> Dict[str, Callable[[RiskMessage], str]]:
    """How each part of the layer answers a message."""
    return {
        "patterns alone": lambda m: answer_of_level(pattern_level(m.text)),
        "intent classifier alone": lambda m: answer_of_classifier(parsed[m.text]),
        "scores alone": lambda m: answer_of_scores(parsed[m.text], thresholds),
        "whole layer": lambda m: answer_of_parse(parsed[m.text]),
    }


def _components(agent: Agent) -> Dict[str, Any]:
    """The trained components inside the loaded model, by class name."""
    runner: Any = agent.processor.graph_runner
    nodes = runner._instantiated_nodes.values()
    return {type(node._component).__name__: node._component for node in nodes}


def _latency(agent: Agent, nlp: Any, detector: DistressDetector, texts: List[str]) -> Dict:
    """The scorer's own time (embedding, n-gram weights, classifier) and the patterns'.

    Also the labelled risk reader's: its n-grams and regression (it reuses the embedding).
    A message of several sentences is scored whole and then sentence by sentence.

    The n-gram counts come from the trained CountVectorsFeaturizer's vectorizer over the
    whole text (in the pipeline it sums them over spaCy's tokens; the cost is alike).
    """
    components = _components(agent)
    classifier = components["EmbeddingIntentClassifier"]
    vectorizer = components["CountVectorsFeaturizer"].vectorizers["text"]
    reader = components["LabelledRiskReader"].model
    encoder = MiniLMEncoder()
    scorer_ms, pattern_ms, reader_ms = [], [], []
    for text in texts:
        started = time.perf_counter()
        embeddings = []
        for start, end in [(0, len(text)), *sentence_spans(text)]:
            piece = text[start:end]
            counts = vectorizer.transform([piece.lower()])
            embeddings.append(encoder.encode(piece))
            row = classifier.features.row_of(embeddings[-1], counts)
            row_probabilities(classifier.model, row)
        scorer_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        reader.probabilities(text, embeddings[0])  # the whole message's embedding
        reader_ms.append((time.perf_counter() - started) * 1000)
        doc = nlp(text)
        started = time.perf_counter()
        detector.assess(doc)
        pattern_ms.append((time.perf_counter() - started) * 1000)
    return {
        "messages": len(texts),
        "scorer_p50": round(percentile(scorer_ms, 0.5), 2),
        "scorer_p95": round(percentile(scorer_ms, 0.95), 2),
        "patterns_p50": round(percentile(pattern_ms, 0.5), 2),
        "patterns_p95": round(percentile(pattern_ms, 0.95), 2),
        "labelled_reader_p50": round(percentile(reader_ms, 0.5), 2),
        "labelled_reader_p95": round(percentile(reader_ms, 0.95), 2),
    }


if __name__ == "__main__":
    main()
