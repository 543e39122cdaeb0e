"""How a message is cut into sentences and each sentence's n-grams are counted."""

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.components.message_features import (
    ngram_counts_within,
    sentence_spans,
    sparse_sentence_counts,
)

LONG_MESSAGE = (
    "Her scans were fine on Monday. The insurance forms are done!\n"
    "She told me she has been saving her pills; ok."
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_a_long_message_is_cut_into_its_sentences() -> None:
    assert sentences(LONG_MESSAGE) == [
        "Her scans were fine on Monday.",
        "The insurance forms are done!",
        "She told me she has been saving her pills;",
    ]


@pytest.mark.parametrize(
    "text", ["what is palliative care", "I can't sleep. ok", "Thanks. Bye.", "", "   "]
)
def test_a_message_of_one_sentence_is_read_whole(text: str) -> None:
    assert sentence_spans(text) == []


@pytest.fixture
def featurized(tmp_path: Path) -> Message:
    """A message through a real tokenizer and character n-gram featurizer, as in config.yml."""
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    config = {
        **CountVectorsFeaturizer.get_default_config(),
        "analyzer": "char_wb",
        "min_ngram": 2,
        "max_ngram": 5,
    }
    featurizer = CountVectorsFeaturizer.create(
        config,
        LocalModelStorage(tmp_path),
        Resource("ngrams"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    examples = ["her scans were fine", "she has been saving pills", "insurance forms"]
    training = TrainingData([Message(data={"text": t, "intent": "any"}) for t in examples])
    tokenizer.process_training_data(training)
    featurizer.train(training)
    message = Message(data={"text": LONG_MESSAGE})
    tokenizer.process([message])
    featurizer.process([message])
    return message


def test_the_whole_text_counts_what_the_featurizer_counted(featurized: Message) -> None:
    whole = ngram_counts_within(featurized, 0, len(LONG_MESSAGE))
    counted = sparse_sentence_counts(featurized)
    assert whole is not None and counted is not None
    assert (whole != counted).nnz == 0


def test_the_sentences_share_the_message_counts_out(featurized: Message) -> None:
    parts = []
    for start, end in sentence_spans(LONG_MESSAGE):
        part = ngram_counts_within(featurized, start, end)
        assert part is not None and part.sum() > 0
        parts.append(part.toarray())
    whole = sparse_sentence_counts(featurized)
    assert whole is not None
    assert (np.sum(parts, axis=0) == whole.toarray()).all()
