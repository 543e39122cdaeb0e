"""Fit the stacked crisis reader's weights, and choose where it holds back the question.

The stack (`assistant/safety/crisis_stack.py`) weighs what the three risk readers said about a
message. It is fitted on the retired English splits the labelled reader learns since
2026-12-07 (reserve v18 and v20 to v32), so its inputs must be what the readers say of
messages they have not learned:
1. every message of those splits is parsed by the trained model, and the risk decision's
   inputs are recorded (no text is kept);
2. the labelled reader is cross-fitted: each split is read by a reader that learned the
   manifest's other files and the other 13 splits, never that split;
3. the stack's weights are fitted on all 14 splits, and each split's probabilities come from
   a stack fitted on the other 13; the decision is then rerun with the hold-back threshold
   swept, and counts are printed per threshold (crises reached, benign messages asked, ...).

Nothing here reads a split that still measures anything (reserve v33 onwards).

Usage: make bench-crisis-stack  (about an hour on 2 cores; MODEL=path to choose a model)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog
from sklearn.linear_model import LogisticRegression

import assistant.components.risk_assessor as risk_assessor
from assistant.components.labelled_risk_reader import (
    LabelledRiskReader,
    LevelsBySpellingAndMeaning,
    listed_files,
    reader_level,
)
from assistant.components.multilingual_risk_scorer import read_examples
from assistant.embeddings.minilm import shared_encoder
from assistant.paths import project_path
from assistant.safety.crisis_stack import FEATURES, best_is_a_reply, stack_features
from assistant.safety.risk_decision import decide
from tests.safety.risk_scoring import (
    ANSWER_OF_INTENT,
    CHECK_IN,
    CRISIS,
    EMERGENCY_AND_CRISIS,
    SUPPORT,
    TOPIC,
    answer_of_parse,
    read_split,
)

STACK_SPLITS = [f"tests/frozen/reserve/risk_en_v{n}.yml" for n in (18, *range(20, 33))]
# The stack's regression strength (C=1 gave counts within a few, with larger weights, for an
# earlier version of the rules).
STACK_C = 0.1
HOLD_BACK = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.08)
# Answers the decision gives (the others come before it: Spanish, a safety statement, ...).
DECIDED = {CRISIS, CHECK_IN, EMERGENCY_AND_CRISIS, TOPIC, SUPPORT, "fallback", "fallback_988"}
OUT = project_path("bench/out/crisis_stack.json")
CRISIS_OR_UNCLEAR = {"crisis", "ambiguous"}

Call = Tuple[Tuple[Any, ...], Dict[str, Any]]


def record_inputs(model: str) -> List[Dict[str, Any]]:
    """Each message's level, answer and decision inputs, split by split (no text)."""
    calls: List[Call] = []
    real = risk_assessor.decide

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    risk_assessor.decide = recording
    agent = Agent.load(model)
    rows = []
    try:
        for split in STACK_SPLITS:
            for message in read_split(project_path(split)):
                calls.clear()
                parsed = asyncio.run(agent.parse_message(message.text))
                rows.append(
                    {
                        "split": split,
                        "level": message.level,
                        "answer": answer_of_parse(parsed),
                        "call": calls[-1] if calls else None,
                    }
                )
    finally:
        risk_assessor.decide = real
    return rows


def cross_fitted_reader() -> Dict[str, List[Dict[str, float]]]:
    """Per split, the labelled reader's probabilities from a reader that did not learn it."""
    config = LabelledRiskReader.get_default_config()
    manifest = project_path(config["examples"])
    held = {project_path(split) for split in STACK_SPLITS}
    base = [
        (text, reader_level(level))
        for path in listed_files(manifest)
        if path not in held
        for text, level in read_examples(path)
    ]
    splits = {
        split: [(text, reader_level(level)) for text, level in read_examples(project_path(split))]
        for split in STACK_SPLITS
    }
    encoder = shared_encoder()
    base_vectors = encoder.encode_all([text for text, _ in base])
    vectors = {split: encoder.encode_all([t for t, _ in rows]) for split, rows in splits.items()}
    read: Dict[str, List[Dict[str, float]]] = {}
    for split in STACK_SPLITS:
        others = [s for s in STACK_SPLITS if s != split]
        examples = base + [example for other in others for example in splits[other]]
        reader = LevelsBySpellingAndMeaning.fit(
            [text for text, _ in examples],
            np.vstack([base_vectors, *(vectors[other] for other in others)]),
            [level for _, level in examples],
            config["c"],
            config["meaning_weight"],
        )
        read[split] = [
            reader.probabilities(text, vector)
            for (text, _), vector in zip(splits[split], vectors[split], strict=False)
        ]
    return read


def features_of(call: Call, labelled: Optional[Mapping[str, float]]) -> Optional[List[float]]:
    """The stack's features for one recorded decision, None where a reader did not read."""
    args, _ = call
    assessment, scores, ranking, _, second_opinion, words = args
    if second_opinion is None or not labelled:
        return None
    return list(
        stack_features(
            assessment, scores, second_opinion, labelled, words, best_is_a_reply(ranking)
        )
    )


def counts(rows: Sequence[Dict[str, Any]], hold_back: float) -> Counter[str]:
    """What each level got, with the decision rerun at one hold-back threshold."""
    counted: Counter[str] = Counter()
    for row in rows:
        answer = row["answer"]
        if answer in DECIDED and row["call"] is not None:
            args, kwargs = row["call"]
            args = (*args[:3], replace(args[3], stacked_hold_back=hold_back), *args[4:])
            # The labelled reader and the stack as cross-fitted, not as the model read them.
            decision = decide(
                *args, **{**kwargs, "labelled": row["labelled"], "stacked": row["stacked"]}
            )
            answer = ANSWER_OF_INTENT.get(decision.intent or "", TOPIC)
        level = row["level"]
        crisis_answer = answer in (CRISIS, EMERGENCY_AND_CRISIS)
        counted[f"{level} n"] += 1
        if level == "crisis":
            counted["crises answered or asked"] += crisis_answer or answer == CHECK_IN
            counted["crisis answer"] += crisis_answer
        elif level == "none":
            counted["benign crisis answer"] += crisis_answer
            counted["benign asked"] += answer == CHECK_IN
        elif level == "distress":
            counted["distress to people"] += answer == SUPPORT
            counted["distress asked"] += answer == CHECK_IN
        elif level == "ambiguous":
            counted["unclear asked"] += answer == CHECK_IN
        elif level == "emergency":
            counted["911"] += answer in ("emergency", EMERGENCY_AND_CRISIS)
    return counted


def main() -> None:
    """Record, cross-fit, fit, sweep; print the weights and the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the trained model (.tar.gz)")
    model = parser.parse_args().model
    configure_structlog(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    rows = record_inputs(model)
    read = cross_fitted_reader()
    for split, probabilities in read.items():
        recorded = sum(row["split"] == split for row in rows)
        if recorded != len(probabilities):
            raise SystemExit(f"{split}: {recorded} parsed, {len(probabilities)} read")
    position: Counter[str] = Counter()
    for row in rows:
        labelled = read[row["split"]][position[row["split"]]]
        position[row["split"]] += 1
        had_labelled = row["call"] is not None and row["call"][1].get("labelled") is not None
        row["labelled"] = labelled if had_labelled else None
        row["features"] = features_of(row["call"], row["labelled"]) if row["call"] else None
        row["stacked"] = None
    stacked = [row for row in rows if row["features"] is not None]
    x = np.array([row["features"] for row in stacked])
    # The unclear middle is what the question is for: a crisis, as the labelled reader reads it.
    y = np.array([row["level"] in CRISIS_OR_UNCLEAR for row in stacked])
    split_of = np.array([row["split"] for row in stacked])
    for split in STACK_SPLITS:
        learned = split_of != split
        stack = LogisticRegression(C=STACK_C, max_iter=5000).fit(x[learned], y[learned])
        for row, probability in zip(
            [row for row in stacked if row["split"] == split],
            stack.predict_proba(x[~learned])[:, 1],
            strict=True,
        ):
            row["stacked"] = float(probability)
    whole = LogisticRegression(C=STACK_C, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, whole.coef_[0], strict=True)}
    intercept = round(float(whole.intercept_[0]), 4)
    print(f"{len(stacked)} of {len(rows)} messages read by every reader")
    print("weights:", json.dumps(weights), "intercept:", intercept)
    table = {str(t): dict(counts(rows, t)) for t in HOLD_BACK}
    keys = [
        "crises answered or asked",
        "crisis answer",
        "benign crisis answer",
        "benign asked",
        "distress to people",
        "distress asked",
        "unclear asked",
        "911",
    ]
    print("| hold back under | " + " | ".join(keys) + " |")
    for t, row in table.items():
        print(f"| {t} | " + " | ".join(str(row.get(k, 0)) for k in keys) + " |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "model": Path(model).name,
                "weights": weights,
                "intercept": intercept,
                "counts": table,
            },
            indent=2,
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
