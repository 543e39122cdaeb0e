"""Out-of-fold figures for the risk layer on the training data, to choose a design and thresholds.

Every training example is scored by a model fitted on the other folds (5-fold,
stratified by intent), and the whole layer's rules (patterns, then scores) are applied
to it, as `make bench-safety` does for the frozen splits. Nothing here reads a test split:
this is where designs and thresholds are compared before a split is opened.

What is compared:
- where the scores come from: `intents`, the intent classifier's probabilities summed per
  level (the design in use), or `levels`, a second logistic regression on the same
  features whose classes are the levels themselves (crisis for self, for someone else,
  unsure, emergency, distress, none), over a range of check-in thresholds;
- how sure the scores must be to count when a crisis cue was set aside (negated,
  planning, asked about): `never` was the design before `set_aside_crisis`.

Results: printed, and bench/out/risk_cross_validation.json.

Usage: make bench-safety-cv  (about 15 minutes on 2 cores; --cached reuses the last folds)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
from collections import Counter
from typing import Dict, List, Mapping, Sequence, Tuple

import numpy as np
import scipy.sparse
import spacy
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant.embeddings.minilm import MiniLMEncoder
from assistant.safety.detector import Assessment, DistressDetector
from assistant.safety.risk_decision import RiskScores, Thresholds, decide
from tests.harness.servers import PROJECT_DIR
from tests.safety.risk_scoring import ANSWER_OF_INTENT, CHECK_IN, CRISIS, EMERGENCY, SUPPORT

NLU_DIR = PROJECT_DIR / "data" / "nlu"
OUT_FILE = PROJECT_DIR / "bench" / "out" / "risk_cross_validation.json"
# The out-of-fold probabilities, for looking at the training examples the layer misses.
CACHE_FILE = PROJECT_DIR / "bench" / "out" / "risk_out_of_fold.pickle"
LEVEL_OF_INTENT = {
    "crisis_self": "crisis",
    "not_safe": "crisis",
    "crisis_someone_else": "crisis",
    "medical_emergency": "emergency",
    "distress": "distress",
    "possible_crisis": "unsure",
}
# The classes of the level scorer, named as the intents whose probabilities they stand for.
LEVEL_CLASS_OF_INTENT = {
    "crisis_self": "crisis_self",
    "not_safe": "crisis_self",
    "crisis_someone_else": "crisis_someone_else",
    "medical_emergency": "medical_emergency",
    "distress": "distress",
    "possible_crisis": "possible_crisis",
}
NONE_CLASS = "none"
FALLBACK_THRESHOLD = 0.3


@dataclasses.dataclass(frozen=True)
class Example:
    """A training example: text, intent, level, and whether it came from the risk data."""

    text: str
    intent: str
    level: str
    hard: bool


def training_examples() -> List[Example]:
    """Every NLU example with an intent, its level, and whether it is a hard benign one."""
    examples = []
    for path in sorted(NLU_DIR.rglob("*.yml")):
        data = load_data(str(path))
        for message in data.intent_examples:
            intent = message.get("intent")
            level = LEVEL_OF_INTENT.get(intent, "none")
            hard = path.parent.name == "risk" and level == "none"
            examples.append(Example(message.get("text"), intent, level, hard))
    return examples


def ngram_counts(train: Sequence[str], test: Sequence[str]) -> Tuple[scipy.sparse.csr_matrix, ...]:
    """Character n-gram rows (2 to 5, within words), tf-idf weighted as the classifier does."""
    counts = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True)
    weights = TfidfTransformer(sublinear_tf=True)
    train_rows = weights.fit_transform(counts.fit_transform(train))
    return train_rows, weights.transform(counts.transform(test))


def fit_probabilities(
    rows: scipy.sparse.csr_matrix, labels: np.ndarray, test: scipy.sparse.csr_matrix, c: float
) -> Tuple[np.ndarray, List[str]]:
    """Balanced multinomial logistic regression's probabilities for the test rows."""
    model = LogisticRegression(
        C=c, class_weight="balanced", max_iter=5000, multi_class="multinomial"
    ).fit(rows, labels)
    return model.predict_proba(test), [str(name) for name in model.classes_]


def out_of_fold(
    examples: List[Example], embeddings: np.ndarray, folds: int, level_c: float
) -> Tuple[List[Dict[str, float]], List[Dict[str, float]]]:
    """Each example's intent and level probabilities from models fitted without it."""
    intents = np.array([e.intent for e in examples])
    levels = np.array([LEVEL_CLASS_OF_INTENT.get(e.intent, NONE_CLASS) for e in examples])
    texts = [e.text for e in examples]
    intent_probabilities: List[Dict[str, float]] = [{} for _ in examples]
    level_probabilities: List[Dict[str, float]] = [{} for _ in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=2718)
    for number, (train, test) in enumerate(splitter.split(texts, intents), start=1):
        train_ngrams, test_ngrams = ngram_counts(
            [texts[i] for i in train], [texts[i] for i in test]
        )
        train_rows = scipy.sparse.hstack([embeddings[train], train_ngrams]).tocsr()
        test_rows = scipy.sparse.hstack([embeddings[test], test_ngrams]).tocsr()
        for target, labels, c in (
            (intent_probabilities, intents, 16.0),
            (level_probabilities, levels, level_c),
        ):
            probabilities, classes = fit_probabilities(train_rows, labels[train], test_rows, c)
            for index, row in zip(test, probabilities, strict=True):
                target[index] = dict(zip(classes, map(float, row), strict=True))
        print(f"fold {number}/{folds} done", flush=True)
    return intent_probabilities, level_probabilities


def ranking_of(probabilities: Mapping[str, float]) -> List[Dict[str, object]]:
    """The classifier's ranking after Rasa's FallbackClassifier, as the layer sees it."""
    ranked = sorted(probabilities.items(), key=lambda item: -item[1])
    ranking: List[Dict[str, object]] = [
        {"name": name, "confidence": value} for name, value in ranked[:10]
    ]
    if ranked[0][1] < FALLBACK_THRESHOLD:
        ranking.insert(0, {"name": "nlu_fallback", "confidence": FALLBACK_THRESHOLD})
    return ranking


def answer(
    assessment: Assessment,
    scores: RiskScores,
    intent_probabilities: Mapping[str, float],
    thresholds: Thresholds,
) -> str:
    """The kind of answer the layer gives (crisis, check-in, emergency, support, other)."""
    decision = decide(assessment, scores, ranking_of(intent_probabilities), thresholds)
    return ANSWER_OF_INTENT.get(decision.intent or "", "other")


def figures(answers: Sequence[str], examples: Sequence[Example]) -> Dict[str, float]:
    """Recall per level and the benign messages given a crisis answer or the question."""

    def rate(level: str, kinds: set[str], hard: bool = False) -> float:
        chosen = [
            a
            for a, e in zip(answers, examples, strict=True)
            if e.level == level and (e.hard or not hard)
        ]
        return sum(a in kinds for a in chosen) / max(len(chosen), 1)

    emergency_and_crisis = "emergency_and_crisis"
    return {
        "crisis_recall": rate("crisis", {CRISIS, CHECK_IN, emergency_and_crisis}),
        "crisis_answer": rate("crisis", {CRISIS, emergency_and_crisis}),
        "unsure_asked": rate("unsure", {CRISIS, CHECK_IN}),
        "emergency_recall": rate("emergency", {EMERGENCY, emergency_and_crisis}),
        "distress_support": rate("distress", {SUPPORT}),
        "benign_crisis": rate("none", {CRISIS, emergency_and_crisis}),
        "benign_check_in": rate("none", {CHECK_IN}),
        "hard_benign_crisis": rate("none", {CRISIS, emergency_and_crisis}, hard=True),
        "hard_benign_check_in": rate("none", {CHECK_IN}, hard=True),
    }


def evaluate(
    outcomes: Sequence[Tuple[Assessment, Mapping[str, float], Mapping[str, float]]],
    examples: Sequence[Example],
    source: str,
    thresholds: Thresholds,
) -> Dict[str, float]:
    """The figures of one design: where the scores come from, and the thresholds."""
    answers = []
    for assessment, by_intent, by_level in outcomes:
        scores = RiskScores.from_probabilities(by_intent if source == "intents" else by_level)
        answers.append(answer(assessment, scores, by_intent, thresholds))
    return figures(answers, examples)


def designs() -> List[Tuple[str, str, Thresholds]]:
    """What is compared: each source over check-in thresholds, then the set-aside bar."""
    today = Thresholds()
    never = 1.01  # scores never count after a set-aside cue (the design before)
    compared = [
        (
            f"{source} check_in={check_in} set_aside_crisis=never",
            source,
            dataclasses.replace(today, check_in=check_in, set_aside_crisis=never),
        )
        for source in ("intents", "levels")
        for check_in in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
    ]
    compared += [
        (
            f"intents check_in={today.check_in} set_aside_crisis={bar}",
            "intents",
            dataclasses.replace(today, set_aside_crisis=bar),
        )
        for bar in (0.9, 0.85, 0.8, 0.75, 0.7, 0.6)
    ]
    return compared


def main() -> None:
    """Score every design out of fold and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--level-c", type=float, default=4.0)
    parser.add_argument(
        "--cached", action="store_true", help="reuse the last run's out-of-fold probabilities"
    )
    arguments = parser.parse_args()
    if arguments.cached:
        with CACHE_FILE.open("rb") as cache:
            examples, assessments, intent_probabilities, level_probabilities = pickle.load(cache)
    else:
        examples = training_examples()
        nlp = spacy.load("en_core_web_md")
        detector = DistressDetector(nlp.vocab, nlp.get_pipe("parser"))
        assessments = [detector.assess(doc) for doc in nlp.pipe([e.text for e in examples])]
        embeddings = MiniLMEncoder().encode_all(e.text for e in examples)
        intent_probabilities, level_probabilities = out_of_fold(
            examples, embeddings, arguments.folds, arguments.level_c
        )
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        with CACHE_FILE.open("wb") as cache:
            pickle.dump((examples, assessments, intent_probabilities, level_probabilities), cache)
    print(f"{len(examples)} examples: {dict(Counter(e.level for e in examples))}")
    outcomes = list(zip(assessments, intent_probabilities, level_probabilities, strict=True))
    results = {}
    for name, source, thresholds in designs():
        results[name] = evaluate(outcomes, examples, source, thresholds)
        print(name, {key: round(value, 3) for key, value in results[name].items()})
    OUT_FILE.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
