"""One classifier for both languages, or a Spanish one beside it (issue 16).

Each writer of the Spanish examples (data/nlu/es/) is held out in turn: the classifiers
are fitted on the English examples and the other writers' Spanish ones, and read the held-out
writer's messages. Compared, on those messages:

- the main classifier alone (character n-grams and MiniLM, as the pipeline fits it): one
  model for both languages;
- a logistic regression on multilingual-e5-small fitted on the Spanish examples alone;
- the two averaged (weight of the Spanish one: 0.5, 0.7), as `SpanishIntentClassifier`;
- for the chosen average, how often Rasa's fallback (0.3) would catch a right intent, with
  the confidence sharpened or not.

No test set is read. Prints a Markdown table and saves bench/out/spanish_classifiers.json.
About 15 minutes on 2 cores (e5 embeds every example once).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.metrics import f1_score

from assistant.components.message_features import FeatureAssembler
from assistant.components.spanish_intent_classifier import sharpened
from assistant.components.stored_models import balanced_regression
from assistant.embeddings.e5 import shared_e5
from assistant.embeddings.minilm import MiniLMEncoder
from assistant.paths import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
OUT = PROJECT_ROOT / "bench" / "out" / "spanish_classifiers.json"
Example = Tuple[str, str]
FALLBACK = 0.3


def examples(paths: Sequence[Path]) -> List[Example]:
    """(text, intent) of every example in the files."""
    return [
        (str(m.get("text")), str(m.get("intent")))
        for path in paths
        for m in load_data(str(path)).intent_examples
    ]


def main_classifier(
    train: List[Example], test: List[Example], minilm: Dict[str, np.ndarray]
) -> Tuple[List[str], np.ndarray]:
    """The pipeline's classifier: weighted character n-grams beside MiniLM."""
    texts = [t for t, _ in train]
    counts = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True)
    joiner = FeatureAssembler(TfidfTransformer(sublinear_tf=True).fit(counts.fit_transform(texts)))

    def rows(part: List[Example]) -> np.ndarray:
        part_texts = [t for t, _ in part]
        return joiner.join(np.vstack([minilm[t] for t in part_texts]), counts.transform(part_texts))

    model = balanced_regression(rows(train), [i for _, i in train], 16.0)
    return [str(c) for c in model.classes_], model.predict_proba(rows(test))


def e5_classifier(
    train: List[Example], test: List[Example], e5: Dict[str, np.ndarray], names: List[str]
) -> np.ndarray:
    """The Spanish classifier's probabilities, in the order of `names` (0 for the absent)."""
    model = balanced_regression(np.vstack([e5[t] for t, _ in train]), [i for _, i in train], 16.0)
    probabilities = model.predict_proba(np.vstack([e5[t] for t, _ in test]))
    index = {str(c): k for k, c in enumerate(model.classes_)}
    return np.stack(
        [probabilities[:, index[n]] if n in index else np.zeros(len(test)) for n in names], 1
    )


def figures(gold: List[str], names: List[str], probabilities: np.ndarray) -> Dict[str, float]:
    """Accuracy and macro F1 of the best intent."""
    predicted = [names[k] for k in probabilities.argmax(1)]
    return {
        "accuracy": round(
            float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)])), 4
        ),
        "macro_f1": round(float(f1_score(gold, predicted, average="macro")), 4),
    }


def fallback_figures(
    gold: List[str], names: List[str], probabilities: np.ndarray, power: float
) -> Dict[str, float]:
    """With Rasa's fallback: right, caught by the fallback though right, and wrong."""
    right = caught = wrong = 0
    for want, row in zip(gold, probabilities, strict=True):
        sharp = sharpened(dict(zip(names, map(float, row), strict=True)), power)
        best = max(sharp, key=sharp.__getitem__)
        if sharp[best] < FALLBACK:
            caught += best == want
        else:
            right += best == want
            wrong += best != want
    return {
        k: round(v / len(gold), 4)
        for k, v in (("right", right), ("caught", caught), ("wrong", wrong))
    }


def run() -> Dict[str, Dict[str, float]]:
    """Every design's figures over all held-out writers."""
    english = examples([p for p in sorted(NLU_DIR.rglob("*.yml")) if p.parent.name != "es"])
    writers = {p.stem: examples([p]) for p in sorted((NLU_DIR / "es").glob("*.yml"))}
    texts = list(
        dict.fromkeys([t for t, _ in english] + [t for w in writers.values() for t, _ in w])
    )
    minilm = dict(zip(texts, MiniLMEncoder().encode_all(texts), strict=True))
    e5 = dict(zip(texts, shared_e5().encode_all(texts), strict=True))
    gold: List[str] = []
    parts: Dict[str, List[np.ndarray]] = {"main": [], "e5": []}
    names: List[str] = []
    for held, test in writers.items():
        spanish = [e for name, w in writers.items() if name != held for e in w]
        names, main = main_classifier(english + spanish, test, minilm)
        parts["main"].append(main)
        parts["e5"].append(e5_classifier(spanish, test, e5, names))
        gold += [i for _, i in test]
        print(f"held out: {held} ({len(test)} messages)", flush=True)
    main_p, e5_p = np.vstack(parts["main"]), np.vstack(parts["e5"])
    results = {
        "one classifier for both languages": figures(gold, names, main_p),
        "Spanish e5 classifier alone": figures(gold, names, e5_p),
    }
    for weight in (0.5, 0.7):
        results[f"averaged, Spanish weight {weight}"] = figures(
            gold, names, (1 - weight) * main_p + weight * e5_p
        )
    chosen = 0.3 * main_p + 0.7 * e5_p
    for power in (1.0, 1.5, 2.0):
        results[f"chosen, fallback 0.3, sharpening {power}"] = fallback_figures(
            gold, names, chosen, power
        )
    return results


def main() -> None:
    """Print the table and save the figures."""
    results = run()
    print("\n| design | figures |\n| --- | --- |")
    for design, values in results.items():
        print(f"| {design} | {', '.join(f'{k} {v}' for k, v in values.items())} |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
