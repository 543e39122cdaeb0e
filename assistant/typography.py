"""Typographic quotes made plain: phones type "I’m" and "can’t", the assistant reads "I'm".

No Rasa imports, so the action server and the channels can use it as the pipeline does.
"""

# Curly, modifier-letter and accent-key apostrophes, and curly double quotes.
STRAIGHT_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)


def straighten_quotes(text: str) -> str:
    """`text` with its typographic apostrophes and double quotes made plain."""
    return text.translate(STRAIGHT_QUOTES)
