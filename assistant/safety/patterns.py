"""The words that signal crisis, a medical emergency, or distress, as spaCy Matcher patterns.

Patterns match lemmas or lower-case words, so "killing myself", "kill myself" and
"kil myself" are one pattern. Each group has a level, and says whether a negation
governing it cancels it ("I'm not suicidal" does; "I don't want to live" is itself
a negation and always counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List

from assistant.safety.levels import Level

Pattern = List[Dict[str, Any]]

NOT = {"LOWER": {"IN": ["not", "n't", "nt", "never", "no"]}}
SELF_OR_OTHER = {"LOWER": {"IN": ["myself", "herself", "himself", "themselves", "themself"]}}
LIFE_OWNER = {"LOWER": {"IN": ["my", "his", "her", "their", "own"]}, "OP": "+"}
MEDICINES = {
    "LEMMA": {
        "IN": [
            "pill",
            "med",
            "meds",
            "medication",
            "medicine",
            "tablet",
            "opioid",
            "oxy",
            "oxycodone",
            "oxycontin",
            "morphine",
            "percocet",
            "fentanyl",
            "painkiller",
        ]
    }
}
# Hoping or praying, in every form ("hoping" has the lemma "hop" in spaCy's model).
WISH_WORDS = {
    *("hope", "hopes", "hoping", "hoped"),
    *("pray", "prays", "praying", "prayed"),
    *("wish", "wishes", "wishing", "wished"),
}
WISH_WORD = {"LOWER": {"IN": sorted(WISH_WORDS)}}
# An overdose's words: taking or swallowing all of them, the whole bottle, too many.
TAKE = {"LEMMA": {"IN": ["take", "swallow", "overdose", "od"]}}
TAKEN_AMOUNTS: List[Pattern] = [
    [TAKE, {"LOWER": {"IN": ["all", "everything", "them"]}}, {"OP": "?"}, {"OP": "?"}],
    [TAKE, {"OP": "?"}, {"LOWER": {"IN": ["whole", "entire"]}}, {"OP": "?"}],
    [TAKE, {"OP": "?"}, {"LOWER": "too"}, {"LOWER": {"IN": ["many", "much"]}}, {"OP": "?"}],
]
PURPOSELY = ["intentionally", "deliberately", "purposely", "purposefully"]
FAMILY_WORDS = {
    "mom",
    "mother",
    "mum",
    "dad",
    "father",
    "husband",
    "wife",
    "partner",
    "sister",
    "brother",
    "son",
    "daughter",
    "friend",
    "aunt",
    "uncle",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "niece",
    "nephew",
    "cousin",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancee",
}


DISTRESS_WORDS = [
    "scared",
    "terrified",
    "frightened",
    "petrified",
    "afraid",
    "overwhelmed",
    "hopeless",
    "lonely",
    "alone",
    "isolated",
    "invisible",
    "panic",
    "anxious",
    "anxiety",
    "depressed",
    "grieve",
    "grieving",
    "burden",
    "stressed",
    "desperate",
    "helpless",
    "worthless",
    "empty",
    "devastated",
    "heartbroken",
    "miserable",
    "worried",
    "worry",
    "terror",
    "dread",
    "despair",
    "guilty",
    "crying",
    "exhausted",
    "broken",
    "sad",
]


@dataclass(frozen=True)
class CueGroup:
    """Patterns for one kind of cue."""

    level: Level
    negatable: bool
    patterns: List[Pattern]


CUE_GROUPS: Dict[str, CueGroup] = {
    # Crisis: suicide, self-harm, plans, goodbyes, wanting it to be over.
    "suicide": CueGroup(
        Level.CRISIS, True, [[{"LOWER": {"REGEX": r"^(suicid|sucid|suicd|suisid|sucicid)"}}]]
    ),
    "kill_self": CueGroup(
        Level.CRISIS,
        True,
        [
            [{"LEMMA": {"IN": ["kill", "kil", "unalive", "off"]}}, SELF_OR_OTHER],
            [{"LOWER": {"IN": ["kms", "kmsl", "unalive"]}}],
        ],
    ),
    "end_life": CueGroup(
        Level.CRISIS,
        True,
        [
            [{"LEMMA": {"IN": ["end", "take"]}}, LIFE_OWNER, {"LEMMA": "life"}],
            [{"LEMMA": "end"}, {"LOWER": {"IN": ["it", "things", "everything"]}}],
        ],
    ),
    "want_to_die": CueGroup(
        Level.CRISIS,
        True,
        [
            [
                {"LEMMA": {"IN": ["want", "wanna", "wish", "ready", "going", "deserve"]}},
                {"LOWER": "to", "OP": "?"},
                {"LOWER": "just", "OP": "?"},
                {"LEMMA": {"IN": ["die", "be"]}},
                {"LOWER": "dead", "OP": "?"},
            ],
            [{"LEMMA": "wish"}, {"OP": "?"}, {"LEMMA": "be", "OP": "?"}, {"LOWER": "dead"}],
            [{"LOWER": "better"}, {"LOWER": "off"}, {"LOWER": {"IN": ["dead", "without"]}}],
        ],
    ),
    "no_will_to_live": CueGroup(
        Level.CRISIS,
        False,
        [
            [
                {"LEMMA": {"IN": ["do", "does", "did"]}},
                NOT,
                {"LEMMA": {"IN": ["want", "wanna"]}},
                {"LOWER": "to", "OP": "?"},
                {"LEMMA": {"IN": ["live", "exist", "wake", "survive"]}},
            ],
            [
                {"LEMMA": {"IN": ["do", "does", "did"]}},
                NOT,
                {"LEMMA": {"IN": ["want", "wanna"]}},
                {"LOWER": "to", "OP": "?"},
                {"LEMMA": "be"},
                {"LOWER": {"IN": ["here", "alive", "around"]}},
                {"LOWER": {"IN": ["anymore", "any"]}},
            ],
            [
                {"LEMMA": {"IN": ["reason", "point"]}},
                {"LOWER": {"IN": ["to", "of", "in"]}},
                {"LOWER": {"IN": ["keep", "go", "carry", "stay"]}, "OP": "?"},
                {"LEMMA": {"IN": ["live", "living", "alive", "on"]}},
            ],
            [{"LOWER": "worth"}, {"LOWER": "living"}],
            [{"LEMMA": "tired"}, {"LOWER": "of"}, {"LOWER": {"IN": ["living", "life"]}}],
            [{"LOWER": {"IN": ["ca", "can", "cannot"]}}, NOT, {"LOWER": "go"}, {"LOWER": "on"}],
            [{"LOWER": "cannot"}, {"LOWER": "go"}, {"LOWER": "on"}],
        ],
    ),
    "wants_it_over": CueGroup(
        Level.CRISIS,
        True,
        [
            # "want it all to end"; "want it to be over", never "want it to be joyful".
            [
                {"LEMMA": {"IN": ["want", "wish", "need"]}},
                {"LOWER": {"IN": ["it", "this", "everything", "all"]}},
                {"LOWER": "all", "OP": "?"},
                {"LOWER": "to"},
                {"LEMMA": {"IN": ["end", "stop"]}},
            ],
            [
                {"LEMMA": {"IN": ["want", "wish", "need"]}},
                {"LOWER": {"IN": ["it", "this", "everything", "all"]}},
                {"LOWER": "all", "OP": "?"},
                {"LOWER": "to"},
                {"LEMMA": "be"},
                {"LOWER": "over"},
            ],
        ],
    ),
    # Medicines taken on purpose, all of them or too many ("she swallowed all her pills on
    # purpose", "he deliberately took the whole bottle"): with an emergency cue, 911 comes
    # first, then 988. Not "she didn't take them on purpose" (negated), nor two pills taken
    # on purpose to sleep.
    "taken_on_purpose": CueGroup(
        Level.CRISIS,
        True,
        [
            *([*amount, {"LOWER": "on"}, {"LOWER": "purpose"}] for amount in TAKEN_AMOUNTS),
            *([{"LOWER": {"IN": PURPOSELY}}, *amount] for amount in TAKEN_AMOUNTS),
        ],
    ),
    "pills_plan": CueGroup(
        Level.CRISIS,
        False,
        [
            [
                {"LEMMA": {"IN": ["save", "hoard", "stockpile", "stash", "collect"]}},
                {"OP": "?"},
                {"OP": "?"},
                {"OP": "?"},
                MEDICINES,
            ],
            [{"LEMMA": "take"}, {"LOWER": "all"}, {"OP": "?"}, {"OP": "?"}, MEDICINES],
            [{"LEMMA": "overdose"}, {"LOWER": "on"}, {"LOWER": "purpose"}],
            [
                {"LEMMA": {"IN": ["go", "gonna", "want", "plan"]}},
                {"LOWER": "to", "OP": "?"},
                {"LEMMA": "overdose"},
            ],
            [
                {"LOWER": "how"},
                {"LOWER": "many"},
                MEDICINES,
                {"OP": "?"},
                {"LOWER": {"IN": ["would", "will"]}},
                {"OP": "?"},
                {"LEMMA": "take"},
            ],
            [
                {"LEMMA": "have"},
                {"LOWER": "a"},
                {"LEMMA": "plan"},
                {"LOWER": "to"},
                {"LEMMA": {"IN": ["end", "kill", "die"]}},
            ],
        ],
    ),
    "self_harm": CueGroup(
        Level.CRISIS,
        True,
        [
            [{"LEMMA": {"IN": ["hurt", "harm", "cut", "burn"]}}, SELF_OR_OTHER],
            [{"LOWER": "self"}, {"LOWER": "-", "OP": "?"}, {"LEMMA": {"IN": ["harm", "harming"]}}],
            [{"LEMMA": "hurt"}, {"OP": "?"}, {"LOWER": "on"}, {"LOWER": "purpose"}],
        ],
    ),
    "never_wake": CueGroup(
        Level.CRISIS,
        True,
        [
            [{"LEMMA": "sleep"}, {"LOWER": "forever"}],
            [{"LOWER": "never"}, {"LEMMA": "wake"}],
            # "I've thought about just not waking up": a wish, not someone unresponsive.
            [
                {"LEMMA": {"IN": ["think", "wish", "hope", "pray", "dream", "fantasize"]}},
                {"LOWER": {"IN": ["about", "of", "for"]}, "OP": "?"},
                {"LOWER": {"IN": ["just", "simply", "maybe", "sometimes"]}, "OP": "?"},
                {"LOWER": "not"},
                {"LOWER": "waking"},
            ],
            # "I keep hoping I won't wake up", "I pray not to wake up", "she hopes she won't wake
            # up": the wish, which holds "won't wake up" (someone unresponsive), one cue and no
            # emergency beside it.
            [
                WISH_WORD,
                {"LOWER": "that", "OP": "?"},
                {"LOWER": {"IN": ["i", "she", "he", "they"]}},
                {"LOWER": {"IN": ["wo", "do", "does", "would", "will", "could", "did"]}},
                {"LEMMA": "not"},
                {"LOWER": {"IN": ["ever", "just"]}, "OP": "?"},
                {"LEMMA": "wake"},
                {"LOWER": "up", "OP": "?"},
            ],
            [
                WISH_WORD,
                {"LOWER": "to", "OP": "?"},
                {"LEMMA": "not"},
                {"LOWER": "to", "OP": "?"},
                {"LEMMA": "wake"},
                {"LOWER": "up", "OP": "?"},
            ],
            [{"LOWER": {"REGEX": r"^dis+ap+ea?r"}}, {"LOWER": "forever"}],
            [
                {"LOWER": {"IN": ["nobody", "noone"]}},
                {"LOWER": "would"},
                {"LEMMA": "miss"},
                {"LOWER": "me"},
            ],
            [
                {"LOWER": "no"},
                {"LOWER": "one"},
                {"LOWER": "would"},
                {"LEMMA": "miss"},
                {"LOWER": "me"},
            ],
        ],
    ),
    "method": CueGroup(
        Level.CRISIS,
        False,
        [
            [
                {"LEMMA": {"IN": ["drive", "crash", "steer"]}},
                {"OP": "?"},
                {"LOWER": {"IN": ["into", "off"]}},
                {"LOWER": {"IN": ["a", "the"]}},
                {"LOWER": {"IN": ["tree", "wall", "bridge", "cliff", "river", "truck", "traffic"]}},
            ],
            [
                {"LEMMA": "jump"},
                {"LOWER": {"IN": ["off", "from"]}},
                {"LOWER": {"IN": ["a", "the"]}},
                {"LOWER": {"IN": ["bridge", "building", "roof", "balcony", "cliff"]}},
            ],
            [{"LEMMA": "swallow"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "at"}, {"LOWER": "once"}],
            [
                {"LEMMA": "write"},
                {"OP": "?"},
                {"LOWER": {"IN": ["goodbye", "suicide"]}},
                {"LEMMA": {"IN": ["letter", "note"]}},
            ],
            [
                {"LOWER": "by"},
                {"LOWER": "my"},
                {"LOWER": "own"},
                {"LOWER": {"IN": ["hand", "choice"]}},
            ],
            [
                {"LEMMA": "sleep"},
                {"OP": "?"},
                {"LOWER": "and"},
                {"LOWER": {"IN": ["not", "never"]}},
                {"LEMMA": "wake"},
            ],
        ],
    ),
    # "Not safe" said outright: the answer must never be "glad you're safe".
    "unsafe": CueGroup(
        Level.CRISIS,
        False,
        [
            [NOT, {"LOWER": "safe"}],
            [{"LOWER": "unsafe"}],
            [{"LOWER": {"IN": ["ca", "can", "cannot"]}}, NOT, {"LEMMA": "promise"}],
            [
                {"LOWER": {"IN": ["ca", "can", "cannot"]}},
                NOT,
                {"LEMMA": {"IN": ["stay", "keep"]}},
                {"OP": "?"},
                {"LOWER": "safe"},
            ],
        ],
    ),
    "in_danger": CueGroup(
        Level.CRISIS, True, [[{"LEMMA": "be"}, {"LOWER": "in"}, {"LOWER": "danger"}]]
    ),
    "goodbye": CueGroup(
        Level.CRISIS,
        False,
        [
            [{"LOWER": "this"}, {"LEMMA": "be"}, {"LOWER": "my"}, {"LOWER": "goodbye"}],
            [{"LOWER": "my"}, {"LOWER": "last"}, {"LOWER": "message"}],
            [
                {"LEMMA": "give"},
                {"OP": "?"},
                {"OP": "?"},
                {"LEMMA": {"IN": ["thing", "belonging"]}},
                {"LOWER": "away"},
            ],
            [{"LEMMA": "give"}, {"LOWER": "away"}, {"LOWER": {"IN": ["my", "all"]}}],
            [{"LEMMA": "text"}, {"OP": "?"}, {"LOWER": "goodbye"}],
            [
                {"LEMMA": "say"},
                {"LOWER": "goodbye"},
                {"LOWER": {"IN": ["forever", "to", "for"]}},
                {"LOWER": {"IN": ["everyone", "good", "everybody", "you", "all"]}},
            ],
        ],
    ),
    # "I'm done." at the end of a sentence (not "I'm done with chemo").
    "done": CueGroup(Level.CRISIS, False, [[{"LOWER": "i"}, {"LEMMA": "be"}, {"LOWER": "done"}]]),
    # Medical emergencies: 911 now.
    "breathing": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [{"LOWER": {"IN": ["ca", "can", "cannot"]}}, NOT, {"LEMMA": "breathe"}],
            [{"LOWER": "cannot"}, {"LEMMA": "breathe"}],
            [
                {"LOWER": {"IN": ["trouble", "difficulty", "struggling", "struggle", "hard"]}},
                {"LOWER": {"IN": ["to", "time"]}, "OP": "?"},
                {"LEMMA": {"IN": ["breathe", "breathing"]}},
            ],
            [{"LOWER": {"IN": ["not", "n't", "stopped"]}}, {"LOWER": "breathing"}],
            [{"LEMMA": "gasp"}],
            [
                {"LOWER": {"IN": ["ca", "can", "cannot"]}},
                NOT,
                {"LEMMA": "catch"},
                {"OP": "?"},
                {"LOWER": "breath"},
            ],
            [{"LOWER": {"IN": ["lips", "lip", "face"]}}, {"OP": "?"}, {"LOWER": "blue"}],
        ],
    ),
    "chest_pain": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [{"LOWER": "chest"}, {"LEMMA": {"IN": ["pain", "pressure", "tightness"]}}],
            [
                {"LEMMA": {"IN": ["pain", "pressure"]}},
                {"LOWER": "in"},
                {"OP": "?"},
                {"LOWER": "chest"},
            ],
            [{"LOWER": "crushing"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "chest"}],
        ],
    ),
    "bleeding": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [
                {"LEMMA": "bleed"},
                {"LOWER": {"IN": ["heavily", "badly", "a", "lots", "everywhere"]}},
            ],
            [{"LOWER": {"IN": ["heavy", "severe", "bad"]}}, {"LEMMA": "bleeding"}],
            [
                {"LEMMA": {"IN": ["bleeding", "blood"]}},
                {"OP": "?"},
                {"OP": "?"},
                {"LOWER": {"IN": ["wo", "won't", "will", "does", "doesn't", "can't", "ca"]}},
                {"LOWER": {"IN": ["n't", "not"]}, "OP": "?"},
                {"LEMMA": "stop"},
            ],
            [
                {"LEMMA": {"IN": ["cough", "vomit", "throw"]}},
                {"LOWER": "up", "OP": "?"},
                {"LOWER": "blood"},
            ],
            [{"LOWER": "lot"}, {"LOWER": "of"}, {"LOWER": "blood"}],
        ],
    ),
    "unresponsive": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [{"LOWER": {"IN": ["unresponsive", "unconscious", "collapsed", "fainted"]}}],
            [{"LEMMA": "pass"}, {"LOWER": "out"}],
            [
                {"LOWER": {"IN": ["wo", "won't", "can't", "ca"]}},
                {"LOWER": {"IN": ["n't", "not"]}, "OP": "?"},
                {"LEMMA": "wake"},
                {"LOWER": "up", "OP": "?"},
                {"LOWER": {"NOT_IN": ["in", "at", "early", "before"]}, "OP": "?"},
            ],
            [NOT, {"LEMMA": {"IN": ["respond", "responding", "responsive", "answer"]}}],
            [{"LEMMA": "have"}, {"LOWER": "a"}, {"LEMMA": "seizure"}],
            [{"LOWER": {"IN": ["not", "n't"]}}, {"LOWER": "waking"}],
            [
                {"LEMMA": "breathing"},
                {"LEMMA": "be"},
                {
                    "LOWER": {
                        "IN": ["strange", "weird", "shallow", "irregular", "rattling", "noisy"]
                    }
                },
            ],
            [{"LOWER": "seizing"}],
        ],
    ),
    "accidental_overdose": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [
                {"LOWER": {"IN": ["accidental", "accidentally"]}},
                {"OP": "?"},
                {"LEMMA": {"IN": ["overdose", "take", "double"]}},
            ],
            [{"LEMMA": "take"}, {"LOWER": "too"}, {"LOWER": "many"}],
            [{"LOWER": {"IN": ["double", "extra"]}}, {"LEMMA": "dose"}],
            [
                {
                    "LEMMA": {
                        "IN": ["dose", "pill", "med", "meds", "medication", "morphine", "twice"]
                    }
                },
                {"OP": "?"},
                {"LOWER": "by"},
                {"LOWER": "mistake"},
            ],
            [{"LEMMA": "overdose"}, {"LOWER": {"NOT_IN": ["on"]}, "OP": "?"}],
        ],
    ),
    "legs": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [
                {"LOWER": {"IN": ["ca", "can", "cannot"]}},
                NOT,
                {"LEMMA": {"IN": ["feel", "move"]}},
                {"LOWER": {"IN": ["my", "her", "his", "their"]}},
                {"LEMMA": "leg"},
            ],
            [
                {"LEMMA": "leg"},
                {"OP": "?"},
                {"OP": "?"},
                {"LOWER": {"IN": ["weak", "numb", "giving"]}},
            ],
            [
                {"LEMMA": {"IN": ["weakness", "numbness"]}},
                {"LOWER": "in"},
                {"OP": "?"},
                {"OP": "?"},
                {"LEMMA": "leg"},
            ],
        ],
    ),
    "fever": CueGroup(Level.EMERGENCY, True, [[{"LEMMA": "fever"}], [{"LOWER": "temperature"}]]),
    # Emergencies named as such (issue 11, item 4): "she's having a heart attack", "I think
    # it's a stroke", "a seizure", and confusion after a fall.
    "named_emergency": CueGroup(
        Level.EMERGENCY,
        True,
        [
            [{"LOWER": "heart"}, {"LEMMA": "attack"}],
            [{"LEMMA": "have"}, {"LOWER": "a"}, {"LEMMA": {"IN": ["stroke", "seizure", "fit"]}}],
            [{"LOWER": {"IN": ["stroke", "seizure"]}}, {"LOWER": {"IN": ["right", "now", "just"]}}],
            [{"LOWER": {"IN": ["face", "mouth", "smile"]}}, {"LEMMA": "droop"}],
            [{"LEMMA": "droop"}, {"OP": "?"}, {"LOWER": {"IN": ["face", "mouth", "smile"]}}],
            [{"LOWER": "slurring"}],
            [{"LOWER": {"IN": ["convulsing", "convulsion", "convulsions"]}}],
            [
                {"LEMMA": {"IN": ["fall", "fell"]}},
                *[{"OP": "?"}] * 5,
                {"LOWER": {"IN": ["confused", "confusion", "disoriented", "incoherent"]}},
            ],
            [
                {"LOWER": {"IN": ["confused", "confusion", "disoriented"]}},
                *[{"OP": "?"}] * 3,
                {"LOWER": "after"},
                {"OP": "?"},
                {"LEMMA": {"IN": ["fall", "fell"]}},
            ],
        ],
    ),
    # Distress: fear, overwhelm, hopelessness, isolation, panic, grief, feeling a burden.
    "distress": CueGroup(
        Level.DISTRESS,
        True,
        [
            [{"LEMMA": {"IN": DISTRESS_WORDS}}],
            [{"LOWER": {"IN": DISTRESS_WORDS}}],
            [
                {"LOWER": {"IN": ["nobody", "noone"]}},
                {"LEMMA": {"IN": ["understand", "get", "care", "listen", "see", "notice"]}},
            ],
            [
                {"LOWER": "no"},
                {"LOWER": "one"},
                {"LEMMA": {"IN": ["understand", "get", "care", "listen", "see", "notice"]}},
            ],
            [{"LOWER": {"IN": ["freaking", "freak"]}}, {"LOWER": "out"}],
            [{"LEMMA": "fall"}, {"LOWER": "apart"}],
            [{"LEMMA": "break"}, {"LOWER": "me"}],
            [{"LEMMA": "drown"}],
            [{"LEMMA": "cry"}],
            [{"LEMMA": "lose"}, {"LOWER": "hope"}],
            [
                {"LOWER": {"IN": ["ca", "can", "cannot"]}},
                NOT,
                {"LEMMA": {"IN": ["cope", "handle", "take"]}},
            ],
            [{"LOWER": "too"}, {"LOWER": "much"}],
            [
                {"LEMMA": {"IN": ["pain", "hurt", "it"]}},
                {"LEMMA": "be"},
                {"LOWER": "killing"},
                {"LOWER": "me"},
            ],
        ],
    ),
}

# What a wish to die is followed by when it is end-of-life planning, not a crisis:
# "I want to die at home", "in my own bed", "with dignity", "when the time comes".
PLANNING_AFTER_DIE = {
    "at",
    "in",
    "with",
    "surrounded",
    "peacefully",
    "comfortably",
    "naturally",
    "when",
    "on",
    "without",
    "there",
    "here",
}
# "Where I would want to die": a wish to die this few words after "where" is planning too.
PLANNING_WHERE_WINDOW = 4
# "Took all my pills with breakfast", "as prescribed", "took all her morphine back to the
# pharmacy": the day's medicines, or medicines carried, not swallowed. Read in the few words
# right after the cue (`AS_USUAL_WINDOW`); "I took all my pills this morning" may be either,
# and stays a crisis.
MEALS = {"breakfast", "lunch", "dinner", "supper"}
AS_USUAL_AFTER = [
    ("as", "prescribed"),
    ("on", "time"),
    ("on", "schedule"),
    ("this", "cycle"),
    ("to", "the"),
]
NOT_SWALLOWED = {"away", "back", "out", "off"}
AS_USUAL_WINDOW = 4
# "Took all my evening meds": the medicines of one time of day, inside the cue's words.
DOSE_TIMES = {"morning", "evening", "night", "nighttime", "bedtime", "daily"}
# ... unless the words say all at once, or with drink: "took all my bedtime pills at once",
# "with dinner and a bottle of wine".
ALL_AT_ONCE = [
    ("at", "once"),
    ("one", "go"),
    ("whole",),
    ("entire",),
    ("bottle",),
    ("every", "single"),
    ("every", "last"),
    ("every", "one"),
]
# "Did mom take all her pills today?": a question about the day, not "did she take all her
# morphine?? the bottle is empty".
DAY_WORDS = {"today", "yet"}
# "Not breathing well at night" is a symptom to ask about, not an emergency.
BREATHING_QUALIFIERS = {"well", "right", "properly", "great", "easily", "normally", "good"}
# Fever counts as an emergency only with chemotherapy or a high temperature near the word
# "fever" or "temperature": from 100.4 to 106 °F, or 38.0 to 41.9 °C written with its decimal
# ("a fever of 39.5"), not any number elsewhere in the message (a tumour marker, an age).
FEVER_CONTEXT = {"chemo", "chemotherapy", "infusion", "high", "treatment", "neutropenic"}
HIGH_TEMPERATURE = r"^(100\.[4-9]|10[1-6](\.\d)?|3[89][.,]\d|4[01][.,]\d)([°º]?[cf]?)$"
TEMPERATURE_WORDS = {"fever", "fevers", "temperature", "temp", "temps"}
TEMPERATURE_WINDOW = 6
# "I wanted to die of embarrassment": a figure of speech when the word right after "of" or
# "from" is one of these. Not "shame": "I want to die of shame" is said in earnest too.
DIE_OF_FIGURES = {
    "embarrassment",
    "embarassment",
    "boredom",
    "laughter",
    "laughing",
    "curiosity",
    "cringe",
    "envy",
    "jealousy",
    "happiness",
    "excitement",
    "fright",
}
# "I don't want to wake anyone up", "... wake my husband": someone else's sleep, when the word
# after "wake" is one of these, a family word, or "my"/"the"... before one of those.
WAKE_OBJECTS = {
    "him",
    "her",
    "them",
    "you",
    "us",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "people",
}
WAKE_OBJECT_DETERMINERS = {"my", "the", "our", "his", "her", "their", "your"}
WAKE_HOUSEHOLD = {"kids", "children", "baby", "house", "household", "neighbors", "neighbours"}
WAKE_OTHERS = WAKE_OBJECTS | FAMILY_WORDS | WAKE_HOUSEHOLD
# "I hope I don't wake up in pain", "... at 3am again", "... too early": after "(wake) (up)
# (again)", a word that tells how or when one wakes, hoped against, not the waking itself.
# "In" only before anything but "the morning" or "this" ("I hope I don't wake up in the
# morning", "... in this body again").
WOKEN_HOW = {
    "at",
    "early",
    "too",
    "so",
    "several",
    "every",
    "with",
    "feeling",
    "during",
    "sick",
    "sore",
    "nauseous",
    "nauseated",
    "hungry",
    "screaming",
    "crying",
    "sweating",
    "drenched",
    "soaked",
    "before",
    "till",
    "until",
    "in",
}
# "I hope I don't wake up and find out it spread": what one would wake to, feared.
WOKEN_TO_FIND = {"find", "finding", "discover", "learn"}
# Questions asked for information ("how do they treat chest pain?") are not emergencies.
INFORMATION_QUESTION_STARTS = {
    "how",
    "what",
    "can",
    "could",
    "does",
    "do",
    "is",
    "are",
    "why",
    "will",
}
INFORMATION_VERBS = {"treat", "help", "manage", "mean", "cause", "relieve", "handle", "explain"}
