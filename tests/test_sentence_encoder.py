"""The MiniLM encoder: the vendored tokenizer is the one we checked, and meaning is kept."""

import hashlib

import numpy as np

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
