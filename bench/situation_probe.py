"""People telling their situation or a death: welcomed, not asked about suicide.

Scores the frozen situation probes (tests/frozen/situation_en.yml and situation_es.yml),
written before the `share_situation` intent was trained, with the whole risk layer, per
voice: situations and short remarks (no risk: no crisis answer, no direct question, and how
many are welcomed as a situation), the same situations with a crisis (the crisis answer or
the question) or with distress (people to talk to). Then the grief probes
(tests/frozen/grief_en.yml and grief_es.yml), written before the `grief_support` and
`after_a_death` intents: a death told or grief support asked for, what to do when someone
dies (no risk: how many get those answers), and bereaved people in a crisis or distress.
Then the crisis-lines probes (tests/frozen/crisis_lines_en.yml and crisis_lines_es.yml): every
message names a crisis line or 911, per level (people at risk, and questions only).
With --unopened it also scores, once per design change, the risk splits kept unopened
(docs/safety.md says when each was opened), and says whom each direct question asked about.
Counts only: no message is printed.

Usage: PYTHONPATH=. .venv/bin/python bench/situation_probe.py --model models/X.tar.gz [--unopened]
"""

import argparse
import asyncio
import logging
from collections import Counter
from functools import partial
from typing import Any, Callable, Dict

from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog

from tests.safety.risk_scoring import (
    AFTER_DEATH_ANSWERED,
    CHECK_IN,
    CRISIS,
    CRISIS_LINES,
    CRISIS_LINES_PROBES,
    EMERGENCY,
    EMERGENCY_AND_CRISIS,
    GRIEF_ANSWERED,
    PROBES,
    SCORE_COLUMNS,
    SUPPORT,
    UNOPENED_EN,
    UNOPENED_ES,
    WELCOMED,
    RiskMessage,
    answer_of_parse,
    probe_counts,
    questions_by_whom,
    read_split,
    score,
)

KNOWN = (
    CRISIS,
    EMERGENCY_AND_CRISIS,
    CHECK_IN,
    EMERGENCY,
    SUPPORT,
    WELCOMED,
    GRIEF_ANSWERED,
    AFTER_DEATH_ANSWERED,
)


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

    header = ["crisis answer", "question", "911", "people to talk to", "welcomed"]
    header += ["grief answer", "after-a-death answer", "other"]
    print("| probe | voice | messages | " + " | ".join(header) + " |")
    print("|" + " --- |" * (len(header) + 3))
    for (probe, language), path in PROBES.items():
        for voice, answers in probe_counts(parse, path).items():
            total = sum(answers.values())
            crisis = answers[CRISIS] + answers[EMERGENCY_AND_CRISIS]
            emergency = answers[EMERGENCY] + answers[EMERGENCY_AND_CRISIS]
            cells = [crisis, answers[CHECK_IN], emergency, answers[SUPPORT], answers[WELCOMED]]
            cells += [answers[GRIEF_ANSWERED], answers[AFTER_DEATH_ANSWERED]]
            cells.append(total - sum(answers[kind] for kind in KNOWN))
            print(
                f"| {probe} {language} | {voice} | {total} | " + " | ".join(map(str, cells)) + " |"
            )
    _print_crisis_lines_probes(parse)
    if options.unopened:
        for name, path in {**UNOPENED_EN, **UNOPENED_ES}.items():
            messages = read_split(path)
            parsed = {m.text: parse(m.text) for m in messages}
            answer_of = {text: answer_of_parse(p) for text, p in parsed.items()}
            row = score(messages, partial(_known_answer, answer_of))
            print(f"\n{name} ({len(messages)} messages), whole layer")
            print("| " + " | ".join(title for _, title in SCORE_COLUMNS) + " |")
            print("|" + " --- |" * len(SCORE_COLUMNS))
            print("| " + " | ".join(f"{row[k][0]}/{row[k][1]}" for k, _ in SCORE_COLUMNS) + " |")
            asked = questions_by_whom(messages, partial(_known_answer, parsed))
            print(f"\n{name}: the direct question, by whom it asked about")
            print("| level | the message is about | asked about the writer | about someone else |")
            print("| --- | --- | --- | --- |")
            for level, about in sorted({(level, about) for level, about, _ in asked}):
                own, other = asked[(level, about, "self")], asked[(level, about, "someone_else")]
                print(f"| {level} | {about} | {own} | {other} |")


def _print_crisis_lines_probes(parse: Callable[[str], Dict[str, Any]]) -> None:
    """Per language and level of the crisis-lines probes, how many got which answer."""
    kinds = (CRISIS, EMERGENCY_AND_CRISIS, CHECK_IN, EMERGENCY, CRISIS_LINES, SUPPORT)
    header = ["crisis answer", "911 then 988", "question", "911", "what the lines are for"]
    header += ["people", "other"]
    print("\n| crisis-lines probe | level | messages | " + " | ".join(header) + " |")
    print("|" + " --- |" * (len(header) + 3))
    for language, path in CRISIS_LINES_PROBES.items():
        messages = read_split(path)
        answer_of = {m.text: answer_of_parse(parse(m.text)) for m in messages}
        by_level = score(messages, partial(_known_answer, answer_of))["counts"]
        for level, counted in by_level.items():
            answers = Counter(counted)
            total = sum(answers.values())
            cells = [answers[kind] for kind in kinds]
            cells.append(total - sum(cells))
            print(f"| {language} | {level} | {total} | " + " | ".join(map(str, cells)) + " |")


def _known_answer(known: Dict[str, Any], message: RiskMessage) -> Any:
    return known[message.text]


if __name__ == "__main__":
    main()
