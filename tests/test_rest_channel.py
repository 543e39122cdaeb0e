"""The REST channel's request checks."""

from typing import Any

import pytest

from assistant.channels.rest import MAX_SENDER_LENGTH, parse_payload


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ([1, 2, 3], "JSON object"),
        ("text", "JSON object"),
        (None, "JSON object"),
        ({"message": "hi"}, "'sender'"),
        ({"sender": "   ", "message": "hi"}, "'sender'"),
        ({"sender": 7, "message": "hi"}, "'sender'"),
        ({"sender": "x" * (MAX_SENDER_LENGTH + 1), "message": "hi"}, "at most"),
        ({"sender": "a", "message": 12}, "'message'"),
        ({"sender": "a", "message": "hi", "metadata": [1]}, "'metadata'"),
    ],
)
def test_malformed_payloads_are_explained(payload: Any, problem: str) -> None:
    found, *_ = parse_payload(payload)
    assert found is not None and problem in found


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"sender": "a", "message": "hi"}, ("a", "hi", None)),
        ({"sender": "a", "message": ""}, ("a", "", None)),
        ({"sender": "a"}, ("a", "", None)),
        ({"sender": "a", "message": None}, ("a", "", None)),
        ({"sender": "a", "message": "hi", "metadata": {"k": 1}}, ("a", "hi", {"k": 1})),
    ],
)
def test_valid_payloads_pass(payload: Any, expected: tuple) -> None:
    problem, *values = parse_payload(payload)
    assert problem is None
    assert tuple(values) == expected
