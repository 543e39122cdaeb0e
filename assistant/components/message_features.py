"""The features the embedding classifiers read: a sentence embedding and character n-grams.

The sentence embedding carries meaning ("worn out from being alive"); the character
n-grams from Rasa's CountVectorsFeaturizer (char_wb) carry spelling and typos
("pallative"). Counts are damped and weighted by how rare each n-gram is (tf-idf),
then scaled to length 1 so that neither part drowns the other.
"""

from __future__ import annotations

from typing import List, Optional

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from sklearn.feature_extraction.text import TfidfTransformer


def dense_sentence_vector(message: Message) -> Optional[np.ndarray]:
    """The message's dense sentence features (the embedding), or None."""
    _, sentence = message.get_dense_features(TEXT)
    return None if sentence is None else np.asarray(sentence.features).reshape(-1)


def sparse_sentence_counts(message: Message) -> Optional[scipy.sparse.csr_matrix]:
    """The message's sparse sentence features (n-gram counts), or None."""
    _, sentence = message.get_sparse_features(TEXT)
    return None if sentence is None else scipy.sparse.csr_matrix(sentence.features)


class FeatureAssembler:
    """Joins the embedding and weighted n-gram counts into one row per message."""

    def __init__(self, ngram_weights: Optional[TfidfTransformer] = None) -> None:
        """`ngram_weights` is fitted by `fit` (training) or given (a loaded model)."""
        self.ngram_weights = ngram_weights

    def fit(self, messages: List[Message]) -> scipy.sparse.csr_matrix:
        """Learn n-gram weights from the training messages and return their rows."""
        counts = scipy.sparse.vstack([self._counts(m) for m in messages]).tocsr()
        self.ngram_weights = TfidfTransformer(sublinear_tf=True).fit(counts)
        return self._rows(messages, counts)

    def transform(self, messages: List[Message]) -> scipy.sparse.csr_matrix:
        """The rows of messages seen after training."""
        counts = scipy.sparse.vstack([self._counts(m) for m in messages]).tocsr()
        return self._rows(messages, counts)

    def _rows(
        self, messages: List[Message], counts: scipy.sparse.csr_matrix
    ) -> scipy.sparse.csr_matrix:
        return self.join(np.vstack([self._dense(m) for m in messages]), counts)

    def join(
        self, embeddings: np.ndarray, counts: scipy.sparse.csr_matrix
    ) -> scipy.sparse.csr_matrix:
        """Rows of the embeddings beside their weighted n-gram counts."""
        assert self.ngram_weights is not None, "fit() or a fitted transformer comes first"
        ngrams = self.ngram_weights.transform(counts)
        return scipy.sparse.hstack([scipy.sparse.csr_matrix(embeddings), ngrams]).tocsr()

    @staticmethod
    def _dense(message: Message) -> np.ndarray:
        vector = dense_sentence_vector(message)
        if vector is None:
            raise ValueError("no sentence embedding: put SentenceEmbedder before the classifier")
        return vector

    @staticmethod
    def _counts(message: Message) -> scipy.sparse.csr_matrix:
        counts = sparse_sentence_counts(message)
        if counts is None:
            raise ValueError("no n-gram counts: put CountVectorsFeaturizer before the classifier")
        return counts
