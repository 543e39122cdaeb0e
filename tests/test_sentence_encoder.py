"""The MiniLM encoder and the classifier that reads it.

The vendored tokenizer is the one we checked, meaning is kept, and the fast
probabilities are sklearn's.
"""

import hashlib

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from sklearn.linear_model import LogisticRegression

from assistant.components.embedding_intent_classifier import (
    row_probabilities,
)
from assistant.components.message_features import FeatureAssembler
from assistant.embeddings.minilm import DIMENSIONS, TOKENIZER_FILE, shared_encoder

TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


def test_the_tokenizer_file_is_the_one_in_the_notice() -> None:
    assert hashlib.sha256(TOKENIZER_FILE.read_bytes()).hexdigest() == TOKENIZER_SHA256


def test_embeddings_are_unit_vectors_that_keep_meaning() -> None:
    encoder = shared_encoder()
    tired, exhausted, hospice = encoder.encode_all(
        ["I'm so tired all the time", "I feel exhausted every day", "what does hospice cost"]
    )
    assert tired.shape == (DIMENSIONS,)
    assert np.isclose(np.linalg.norm(tired), 1.0, atol=1e-4)
    assert float(tired @ exhausted) > float(tired @ hospice) + 0.2


def test_a_very_long_message_is_cut_not_refused() -> None:
    vector = shared_encoder().encode("word " * 5000)
    assert np.isfinite(vector).all()


def _featurized(embedding: np.ndarray, counts: np.ndarray) -> Message:
    message = Message(data={TEXT: "a message"})
    message.add_features(Features(embedding[None, :], FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    sparse = scipy.sparse.coo_matrix(counts[None, :])
    message.add_features(Features(sparse, FEATURE_TYPE_SENTENCE, TEXT, "sparse"))
    return message


def test_one_message_read_column_by_column_gets_the_batch_probabilities() -> None:
    rng = np.random.default_rng(11)
    embeddings = rng.normal(size=(60, 8))
    counts = rng.poisson(0.4, size=(60, 30)).astype(float)
    counts[5] = 0.0  # a message with no known n-gram
    messages = [_featurized(e, c) for e, c in zip(embeddings, counts, strict=True)]
    assembler = FeatureAssembler()
    rows = assembler.fit(messages)
    labels = np.array(["crisis", "topic", "distress"] * 20)
    model = LogisticRegression(multi_class="multinomial", max_iter=500).fit(rows, labels)
    for message in messages[:10]:
        expected = model.predict_proba(assembler.transform([message]))[0]
        assert np.allclose(row_probabilities(model, assembler.row(message)), expected)
