"""Whether an English message asks how much of one's own medicine would kill: a reason to ask.

"How many of my ativan would it take to not wake up", "what's the lethal dose of my
oxycodone", "how many lorazepam does it take to stop breathing": asked by a person about
the pills at hand, these are among the commonest ways a crisis is told without a word of
suicide, and the scores read several of them as a medical question. Such a question is not a
crisis on its own, so it asks the direct question (`risk_decision.decide`), never the crisis
answer; and it is no cue of the detector's, so an emergency told with it keeps its own cue.

Only the person's own medicine or death counts: "my" pills, "kill me", "stop my breathing",
"for a woman my weight", or a question in no one's name ("how much ... to stop breathing",
"the lethal dose of X, I have 90") in a message that names no one else. A relative's or a
patient's dose ("how much morphine would stop her breathing?", "the lethal dose so I know
what to stay under with mom") is the caregivers' everyday worry, and a question about
someone else's crisis is the scores' to read. Nor does a question count whose purpose is
safety in the same sentence ("so I stay under it", "by mistake", naloxone), nor a pet's or
a young child's poisoning, nor a dose said not to be lethal.
"""

from __future__ import annotations

import re

_MEDICINE = (
    r"(pills?|meds?|medications?|medicines?|tablets?|tabs|capsules?|doses?|patch(es)?"
    r"|morphine|oxys?|oxycodone|oxycontin|hydromorphone|dilaudid|fentanyl|lorazepam|ativan"
    r"|xanax|valium|diazepam|tramadol|tylenol|acetaminophen|paracetamol|insulin"
    r"|amitriptyline|opioids?|painkillers?|pain ?killers?|benzos?|ambien|percocet|vicodin"
    r"|methadone|gabapentin)s?"
)
# What the amount would do to the person, or to no one in particular. Not waking up in the
# night ("never wake up at 3am to pee") is sleep.
_NOT_WAKE = r"(to |so i )?(not|never) wake up\b(?! (at|in the|during|to|until|till|before|early))"
_KILLS_ME = (
    rf"(kills? (me|u)\b|stop my (breathing|heart)|(for )?me {_NOT_WAKE}"
    r"|for (a woman|a man|someone|a person|somebody) (of |at )?my (size|weight)"
    r"|put me to sleep for good|make sure i (don[’']?t|do not|never) wake"
    r"|(till|until) i[’']?m gone|to die in my sleep)"
)
_KILLS_ANYONE = (
    rf"(fatal|lethal|deadly|ld ?50|kills? (you|u|a person|someone|somebody)\b"
    rf"|kill an? \d+ ?(lbs?|pounds?|kg|kilos?)? ?(woman|man|person)"
    rf"|stop (breathing|your breathing|your heart)|{_NOT_WAKE}"
    rf"|(it take |)to (die|end it|make it (all )?stop|od|overdose)\b)"
)
_ASKS_THE_AMOUNT = r"(what[’']?s|what is|what are|tell me|know|find out|look up|google)"
_OWN_QUESTION = re.compile(
    "|".join(
        (
            # "how many of my morphine pills would it take to not wake up"
            rf"\bhow (much|many)\b[^.?!]{{0,40}}\bmy\b[^.?!]{{0,30}}\b{_MEDICINE}\b"
            rf"[^.?!]{{0,50}}\b({_KILLS_ANYONE}|{_KILLS_ME})",
            # "how much dilaudid would it take to kill me"
            rf"\bhow (much|many)\b[^.?!]{{0,70}}\b{_MEDICINE}\b[^.?!]{{0,50}}\b{_KILLS_ME}",
            # "the lethal dose of my oxycodone", "a fatal amount for my weight"
            r"\b(fatal|lethal|deadly) (dose|amount|quantity) (of|for) my\b",
            # "which of my meds would be deadly", "what quantity of my morphine would be fatal"
            rf"\bmy\b[^.?!]{{0,30}}\b{_MEDICINE}\b[^.?!]{{0,40}}"
            r"\b(would|will|could|to) (be (fatal|lethal|deadly)|kill me)",
            # "would 30 of my ativan be lethal"
            r"\b(would|will|could|is|are) (\d+|all|the rest) (of )?my\b[^.?!]{0,30}"
            rf"\b{_MEDICINE}\b[^.?!]{{0,20}}\b(fatal|lethal|deadly|enough to)",
            # "if i took all my pain pills would i die", "what happens if i take the whole bottle"
            r"\b(if|could) i (took|take|swallowed|swallow|overdose)\b[^.?!]{0,40}"
            r"\b(all (of )?(my|the|them|it)|the (whole|entire) bottle|every (one|pill)|the rest)\b",
        )
    ),
    re.IGNORECASE,
)
# "I have a whole bottle of dilaudid. would it be enough to just go" (over two sentences)
_ENOUGH_TO_GO = re.compile(
    rf"\bi( have|[’']ve got| got|[’']ve saved| saved)\b.{{0,40}}\b{_MEDICINE}\b.{{0,60}}"
    r"\benough to (just )?(go|die|end it|do it|not wake|never wake|kill)\b",
    re.IGNORECASE | re.DOTALL,
)
_NO_ONES_QUESTION = re.compile(
    "|".join(
        (
            # "how many lorazepam does it take to stop breathing", "how many ativan is lethal"
            rf"\bhow (much|many)\b[^.?!]{{0,70}}\b{_MEDICINE}\b[^.?!]{{0,50}}\b{_KILLS_ANYONE}",
            # "what is a lethal dose of amitriptyline"
            rf"\b{_ASKS_THE_AMOUNT}\b[^.?!]{{0,12}}"
            r"\b((fatal|lethal|deadly) (dose|amount|quantity)|ld ?50)\b",
            # "which pills mixed together are fatal"
            rf"\b(which|what) {_MEDICINE}\b[^.?!]{{0,40}}\b(fatal|lethal|deadly|kill)",
            # "is it painful to die from an overdose of sleeping pills"
            rf"\bto die (from|of|by) (an? )?(overdose|{_MEDICINE})\b",
        )
    ),
    re.IGNORECASE,
)
# Someone else in the message: a no one's question is then about them.
_SOMEONE_ELSE = re.compile(
    r"\b(she|her|hers|he|him|his|they|them|their|mom|mum|mother|mama|dad|father|papa"
    r"|husband|wife|partner|patients?|daughter|son|grandma|grandpa|nana|friend|sister"
    r"|brother|aunt|uncle|teen(ager)?s?|child(ren)?|kids?|anyone)\b",
    re.IGNORECASE,
)
# The purpose is safety, said in the same sentence as the question.
_FOR_SAFETY = re.compile(
    r"\b(stay (under|below|safe)|so (that )?(i|we) (don[’']?t|do not) (give|take|overdo|hurt)"
    r"|by mistake|accident(al|ally)?|twice|double dose|doubled"
    r"|avoid|naloxone|narcan|dispos(e|al)|get rid of|toxic to the liver)\b",
    re.IGNORECASE,
)
_NOT_A_PERSON = re.compile(
    r"\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|toddlers?|bab(y|ies)|infants?"
    r"|grandbab(y|ies)|[1-9]|1[0-2])[- ]?(year|yr)s?[- ]?olds?\b|\b(dogs?|cats?|pupp(y|ies)"
    r"|kittens?|pets?|horses?|toddlers?|bab(y|ies)|infants?|grandbab(y|ies))\b",
    re.IGNORECASE,
)
# "nowhere near a lethal dose", "that isn't a fatal amount"
_SAID_NOT_TO_BE = re.compile(
    r"(\bnot|n[’']t|\bnowhere near|\bfar from|\bbelow|\bunder|\bless than) (an? |the )?"
    r"(fatal|lethal|deadly)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*")


def asks_a_lethal_amount(text: str) -> bool:
    """Whether `text` asks how much of one's own medicine would kill (module docstring)."""
    if _NOT_A_PERSON.search(text) or _SAID_NOT_TO_BE.search(text):
        return False
    no_one_else = _SOMEONE_ELSE.search(text) is None
    if _ENOUGH_TO_GO.search(text) and not _FOR_SAFETY.search(text):
        return True
    for sentence in _SENTENCE.findall(text):
        asked = _OWN_QUESTION.search(sentence) or (
            no_one_else and _NO_ONES_QUESTION.search(sentence)
        )
        if asked and not _FOR_SAFETY.search(sentence):
            return True
    return False
