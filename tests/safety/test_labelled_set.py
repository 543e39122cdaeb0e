"""The labelled safety set itself: large enough, and its held-out part never trained on."""

from collections import Counter

from tests.safety.labelled import labelled_messages
from tests.training_data import training_examples, words


def test_the_set_has_at_least_200_messages_of_every_level() -> None:
    messages = labelled_messages()
    assert len(messages) >= 200
    levels = Counter((m.level, m.split) for m in messages)
    assert all(
        levels[(level, split)] >= 5
        for level in ("crisis", "emergency", "distress", "none")
        for split in ("development", "heldout")
    )


def test_heldout_messages_are_not_in_the_training_data() -> None:
    training = {" ".join(words(text)) for texts in training_examples().values() for text in texts}
    leaked = [
        m.text
        for m in labelled_messages()
        if m.split == "heldout" and " ".join(words(m.text)) in training
    ]
    assert leaked == []
