"""The trained model understands paraphrases it has never seen."""

import asyncio
from typing import Dict, List, Tuple

import pytest
from rasa.core.agent import Agent
from sklearn.metrics import f1_score

from tests.training_data import heldout_examples

pytestmark = pytest.mark.model

MIN_MACRO_F1 = 0.90


@pytest.fixture(scope="module")
def predictions(model_path: str) -> List[Tuple[str, str, str]]:
    """(text, expected intent, predicted intent) for every held-out example."""

    async def predict() -> List[Tuple[str, str, str]]:
        agent = Agent.load(model_path)
        rows = []
        for intent, texts in heldout_examples().items():
            for text in texts:
                parsed: Dict = await agent.parse_message(text)
                rows.append((text, intent, parsed["intent"]["name"]))
        return rows

    return asyncio.run(predict())


def test_intent_macro_f1_on_heldout_set(predictions: List[Tuple[str, str, str]]) -> None:
    expected = [row[1] for row in predictions]
    predicted = [row[2] for row in predictions]
    labels = sorted(set(expected))
    score = f1_score(expected, predicted, labels=labels, average="macro", zero_division=0)
    misses = [row for row in predictions if row[1] != row[2]]
    print(f"\nintent macro F1 on {len(predictions)} held-out messages: {score:.3f}")
    for text, want, got in misses:
        print(f"  {want:28} -> {got:28} {text}")
    assert score >= MIN_MACRO_F1
