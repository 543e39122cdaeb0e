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
  planning, asked about), and from where they ask the direct question instead;
- from how sure a crisis read in one sentence of a long message counts for the whole
  message (`riskiest_sentence`), for risk said in one sentence among many;
- from what score "I didn't understand" names 988 (`some_risk`).

Results: printed, and bench/out/risk_cross_validation.json.

Usage: make bench-safety-cv  (about 20 minutes on 2 cores; CACHED=1 reuses the last folds)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
from collections import Counter
from typing import Dict, List, Mapping, Sequence

import numpy as np
import scipy.sparse
import spacy
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from assistant.components.embedding_intent_classifier import (
    RANKING_LENGTH,
    EmbeddingIntentClassifier,
)
from assistant.components.message_features import FeatureAssembler, sentence_spans
from assistant.embeddings.minilm import MiniLMEncoder
from assistant.safety.detector import Assessment, DistressDetector
from assistant.safety.risk_decision import (
    LEVEL_NAME_OF_INTENT,
    NO_RISK,
    RiskScores,
    Thresholds,
    decide,
    with_riskiest_sentence,
)
from tests.harness.servers import PROJECT_DIR
from tests.safety.risk_scoring import (
    ANSWER_OF_INTENT,
    CHECK_IN,
    CRISIS,
    EMERGENCY,
    EMERGENCY_AND_CRISIS,
    FALLBACK_988,
    SUPPORT,
)

NLU_DIR = PROJECT_DIR / "data" / "nlu"
OUT_FILE = PROJECT_DIR / "bench" / "out" / "risk_cross_validation.json"
# The out-of-fold probabilities, for looking at the training examples the layer misses.
CACHE_FILE = PROJECT_DIR / "bench" / "out" / "risk_out_of_fold.pickle"
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
# The intent classifier's regularisation, as it is trained.
INTENT_C = float(EmbeddingIntentClassifier.get_default_config()["c"])


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
            level = LEVEL_NAME_OF_INTENT.get(intent, NO_RISK)
            hard = path.parent.name == "risk" and level == "none"
            examples.append(Example(message.get("text"), intent, level, hard))
    return examples


def sentences(text: str) -> List[str]:
    """The sentences of a message of two or more, as the classifier cuts them, else none."""
    return [text[start:end] for start, end in sentence_spans(text)]


@dataclasses.dataclass
class OutOfFold:
    """One example's probabilities from models fitted without it."""

    intents: Dict[str, float] = dataclasses.field(default_factory=dict)
    levels: Dict[str, float] = dataclasses.field(default_factory=dict)
    # The intent model's probabilities for each sentence of a message of several.
    sentences: List[Dict[str, float]] = dataclasses.field(default_factory=list)


def rows_of(
    texts: Sequence[str], embeddings: np.ndarray, counts: CountVectorizer, joiner: FeatureAssembler
) -> scipy.sparse.csr_matrix:
    """The classifier's rows for texts: embeddings beside weighted character n-grams."""
    return joiner.join(embeddings, counts.transform(texts))


def fit(rows: scipy.sparse.csr_matrix, labels: np.ndarray, c: float) -> LogisticRegression:
    """A balanced multinomial logistic regression, as the classifier fits it."""
    return LogisticRegression(
        C=c, class_weight="balanced", max_iter=5000, multi_class="multinomial"
    ).fit(rows, labels)


def probabilities_of(model: LogisticRegression, rows: scipy.sparse.csr_matrix) -> List[Dict]:
    """Each row's probabilities by class name."""
    names = [str(name) for name in model.classes_]
    return [dict(zip(names, map(float, row), strict=True)) for row in model.predict_proba(rows)]


def out_of_fold(
    examples: List[Example], encoder: MiniLMEncoder, folds: int, level_c: float
) -> List[OutOfFold]:
    """Each example's intent, level and sentence probabilities from models fitted without it."""
    texts = [e.text for e in examples]
    embeddings = encoder.encode_all(texts)
    owners, pieces = zip(
        *[(index, piece) for index, text in enumerate(texts) for piece in sentences(text)],
        strict=True,
    )
    piece_embeddings = encoder.encode_all(pieces)
    intents = np.array([e.intent for e in examples])
    levels = np.array([LEVEL_CLASS_OF_INTENT.get(e.intent, NONE_CLASS) for e in examples])
    results = [OutOfFold() for _ in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=2718)
    for number, (train, test) in enumerate(splitter.split(texts, intents), start=1):
        counts = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True)
        joiner = FeatureAssembler(
            TfidfTransformer(sublinear_tf=True).fit(counts.fit_transform(texts[i] for i in train))
        )
        train_rows = rows_of([texts[i] for i in train], embeddings[train], counts, joiner)
        test_rows = rows_of([texts[i] for i in test], embeddings[test], counts, joiner)
        held_out = set(test.tolist())
        test_pieces = [k for k, owner in enumerate(owners) if owner in held_out]
        piece_rows = rows_of(
            [pieces[k] for k in test_pieces], piece_embeddings[test_pieces], counts, joiner
        )
        intent_model = fit(train_rows, intents[train], INTENT_C)
        level_model = fit(train_rows, levels[train], level_c)
        for index, by_intent, by_level in zip(
            test,
            probabilities_of(intent_model, test_rows),
            probabilities_of(level_model, test_rows),
            strict=True,
        ):
            results[index].intents, results[index].levels = by_intent, by_level
        for k, by_intent in zip(
            test_pieces, probabilities_of(intent_model, piece_rows), strict=True
        ):
            results[owners[k]].sentences.append(by_intent)
        print(f"fold {number}/{folds} done", flush=True)
    return results


def ranking_of(probabilities: Mapping[str, float]) -> List[Dict[str, object]]:
    """The classifier's ranking after Rasa's FallbackClassifier, as the layer sees it."""
    ranked = sorted(probabilities.items(), key=lambda item: -item[1])
    ranking: List[Dict[str, object]] = [
        {"name": name, "confidence": value} for name, value in ranked[:RANKING_LENGTH]
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
    if decision.intent == "nlu_fallback" and decision.some_risk:
        return FALLBACK_988
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

    return {
        "crisis_recall": rate("crisis", {CRISIS, CHECK_IN, EMERGENCY_AND_CRISIS}),
        "crisis_answer": rate("crisis", {CRISIS, EMERGENCY_AND_CRISIS}),
        "unsure_asked": rate("unsure", {CRISIS, CHECK_IN}),
        "emergency_recall": rate("emergency", {EMERGENCY, EMERGENCY_AND_CRISIS}),
        "distress_support": rate("distress", {SUPPORT}),
        "benign_crisis": rate("none", {CRISIS, EMERGENCY_AND_CRISIS}),
        "benign_check_in": rate("none", {CHECK_IN}),
        "hard_benign_crisis": rate("none", {CRISIS, EMERGENCY_AND_CRISIS}, hard=True),
        "hard_benign_check_in": rate("none", {CHECK_IN}, hard=True),
        "benign_fallback_988": rate("none", {FALLBACK_988}),
    }


@dataclasses.dataclass(frozen=True)
class Design:
    """Where the scores come from and the thresholds."""

    name: str
    source: str  # "intents" or "levels"
    thresholds: Thresholds


def scores_of(design: Design, result: OutOfFold) -> RiskScores:
    """The layer's scores for one example under a design (its riskiest sentence included)."""
    by_class = result.intents if design.source == "intents" else result.levels
    return with_riskiest_sentence(
        RiskScores.from_probabilities(by_class),
        [RiskScores.from_probabilities(p) for p in result.sentences],
        design.thresholds.riskiest_sentence,
    )


def evaluate(
    design: Design,
    examples: Sequence[Example],
    assessments: Sequence[Assessment],
    results: Sequence[OutOfFold],
) -> Dict[str, float]:
    """The figures of one design."""
    answers = [
        answer(assessment, scores_of(design, result), result.intents, design.thresholds)
        for assessment, result in zip(assessments, results, strict=True)
    ]
    return figures(answers, examples)


def designs() -> List[Design]:
    """The design before this one, today's, and each threshold moved on its own."""
    never = 1.01  # a score never reaches it
    before = replace(set_aside_check_in=never, riskiest_sentence=never, some_risk=0.05)
    compared = [Design("before: message read whole, set-aside silent below 0.8", "intents", before)]
    compared += [
        Design(f"{source} check_in={check_in}", source, replace(check_in=check_in))
        for source in ("intents", "levels")
        for check_in in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
    ]
    moved = {
        "set_aside_crisis": (0.9, 0.8, 0.7, 0.6),
        "set_aside_check_in": (never, 0.7, 0.6, 0.5, 0.4, 0.3),
        "riskiest_sentence": (never, 0.9, 0.8, 0.7, 0.6, 0.5),
        "some_risk": (0.05, 0.1, 0.15, 0.2),
    }
    compared += [
        Design(f"intents {name}={value}", "intents", replace(**{name: value}))
        for name, values in moved.items()
        for value in values
    ]
    return compared


def replace(**changes: float) -> Thresholds:
    """Today's thresholds with some changed."""
    return dataclasses.replace(Thresholds(), **changes)


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
            examples, assessments, results = pickle.load(cache)
    else:
        examples = training_examples()
        nlp = spacy.load("en_core_web_md")
        detector = DistressDetector(nlp.vocab, nlp.get_pipe("parser"))
        assessments = [detector.assess(doc) for doc in nlp.pipe([e.text for e in examples])]
        results = out_of_fold(examples, MiniLMEncoder(), arguments.folds, arguments.level_c)
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        with CACHE_FILE.open("wb") as cache:
            pickle.dump((examples, assessments, results), cache)
    print(f"{len(examples)} examples: {dict(Counter(e.level for e in examples))}")
    figures_by_design = {}
    for design in designs():
        figures_by_design[design.name] = evaluate(design, examples, assessments, results)
        rounded = {key: round(value, 3) for key, value in figures_by_design[design.name].items()}
        print(design.name, rounded)
    OUT_FILE.write_text(json.dumps(figures_by_design, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
