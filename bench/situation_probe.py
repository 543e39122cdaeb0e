"""People telling their situation: welcomed, not asked about suicide; and what the same words hide.

Scores the frozen situation probes (tests/frozen/situation_en.yml and situation_es.yml),
written before the `share_situation` intent was trained, with the whole risk layer, per
voice: situations and short remarks (no risk: no crisis answer, no direct question, and how
many are welcomed as a situation), the same situations with a crisis (the crisis answer or
the question) or with distress (people to talk to). With --unopened it also scores, once
per design change, the risk splits kept unopened (docs/safety.md says when each was
opened). Counts only: no message is printed.

Usage: PYTHONPATH=. .venv/bin/python bench/situation_probe.py --model models/X.tar.gz [--unopened]
"""

import argparse
import asyncio
import logging
from collections import Counter
from functools import partial
from typing import Any, Dict

from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog

from tests.safety.risk_scoring import (
    CHECK_IN,
    CRISIS,
    EMERGENCY,
    EMERGENCY_AND_CRISIS,
    SCORE_COLUMNS,
    SITUATION_PROBES,
    SUPPORT,
    UNOPENED_EN,
    UNOPENED_ES_V3,
    WELCOMED,
    RiskMessage,
    answer_of_parse,
    read_probe,
    read_split,
    score,
    situation_answer,
)

KNOWN = (CRISIS, EMERGENCY_AND_CRISIS, CHECK_IN, EMERGENCY, SUPPORT, WELCOMED)


def main() -> None:
    """Parse, count and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--unopened", action="store_true", help="also the unopened risk splits")
    options = parser.parse_args()
    # Rasa's debug log would print every message parsed.
    configure_structlog(logging.WARNING)
    agent = Agent.load(options.model)

    def parse(text: str) -> Dict[str, Any]:
        return asyncio.run(agent.parse_message(text))

    header = ["crisis answer", "question", "911", "people to talk to", "welcomed", "other"]
    print("| probe | voice | messages | " + " | ".join(header) + " |")
    print("|" + " --- |" * (len(header) + 3))
    for language, path in SITUATION_PROBES.items():
        for voice, texts in read_probe(path).items():
            answers = Counter(situation_answer(parse(text)) for text in texts)
            crisis = answers[CRISIS] + answers[EMERGENCY_AND_CRISIS]
            emergency = answers[EMERGENCY] + answers[EMERGENCY_AND_CRISIS]
            cells = [crisis, answers[CHECK_IN], emergency, answers[SUPPORT], answers[WELCOMED]]
            cells.append(len(texts) - sum(answers[kind] for kind in KNOWN))
            print(f"| {language} | {voice} | {len(texts)} | " + " | ".join(map(str, cells)) + " |")
    if options.unopened:
        for name, path in {**UNOPENED_EN, "Spanish v3": UNOPENED_ES_V3}.items():
            messages = read_split(path)
            answer_of = {m.text: answer_of_parse(parse(m.text)) for m in messages}
            row = score(messages, partial(_known_answer, answer_of))
            print(f"\n{name} ({len(messages)} messages), whole layer")
            print("| " + " | ".join(title for _, title in SCORE_COLUMNS) + " |")
            print("|" + " --- |" * len(SCORE_COLUMNS))
            print("| " + " | ".join(f"{row[k][0]}/{row[k][1]}" for k, _ in SCORE_COLUMNS) + " |")


def _known_answer(known: Dict[str, str], message: RiskMessage) -> str:
    return known[message.text]


if __name__ == "__main__":
    main()
