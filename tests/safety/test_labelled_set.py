"""The labelled safety set itself: large enough, and its held-out part never trained on."""

from collections import Counter

from tests.safety.labelled import labelled_messages
from tests.training_data import training_examples, words


def test_every_level_has_messages_in_both_splits() -> None:
    levels = Counter((m.level, m.split) for m in labelled_messages())
    for level in ("crisis", "emergency", "distress", "none"):
        assert levels[(level, "development")] >= 25, level
        assert levels[(level, "heldout")] >= 10, level


def test_heldout_messages_are_not_in_the_training_data() -> None:
    training = {" ".join(words(text)) for texts in training_examples().values() for text in texts}
    leaked = [
        m.text
        for m in labelled_messages()
        if m.split == "heldout" and " ".join(words(m.text)) in training
    ]
    assert leaked == []
