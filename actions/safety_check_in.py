"""Actions around the risk layer: the direct check-in, a topic that waits, the fallback.

The crisis, emergency and distress answers themselves are responses (they reach
the person even when this server is down); these actions only choose among them.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from assistant.safety.check_in_replies import (
    CHECK_IN_FORM,
    admits_thoughts,
    declines,
    leading_answer,
    only_unsure,
    opens_with_yes,
    speaks_of_own_thoughts,
)

SUICIDAL_THOUGHTS = "suicidal_thoughts"
# Whether the question was about someone the person is worried about (set by the risk layer).
ABOUT_SOMEONE_ELSE = "check_in_about_someone_else"
CRISIS_OTHER = "utter_crisis_someone_else"
CRISIS_SELF = "utter_crisis_self"
# The crisis intent for someone else, as the risk layer names the one it doubted.
CRISIS_SOMEONE_ELSE = "crisis_someone_else"
CRISIS_IN_CONVERSATION = "crisis_in_conversation"
POSSIBLE_CRISIS = "possible_crisis"
DISTRESS = "distress"
TOPIC_ENTITY = "topic"
# Intents whose answer is not named utter_<intent>.
RESPONSE_FOR_INTENT = {"ask_menu": "utter_menu", "ask_medical_advice": "utter_medical_advice"}
# Intents that start something other than an answer: they are not answered later.
NOT_ANSWERED_LATER = {"find_provider", "inform", "forget_conversation", "privacy"}
# Answers with a variant that names 988, given when the risk layer saw some risk.
SUPPORTIVE_VARIANTS = {
    "utter_please_rephrase": "utter_please_rephrase_with_support",
    "utter_other_language": "utter_other_language_with_support",
}


def response_for(intent: Optional[str], domain: DomainDict) -> Optional[str]:
    """The response that answers `intent`, if the domain has one."""
    if not intent or intent in NOT_ANSWERED_LATER:
        return None
    name = RESPONSE_FOR_INTENT.get(intent, f"utter_{intent}")
    return name if name in (domain.get("responses") or {}) else None


def entity_value(message: Dict[str, Any], name: str) -> Any:
    """The value of the entity `name` the risk layer set on a message, if any."""
    for entity in message.get("entities") or []:
        if entity.get("entity") == name:
            return entity.get("value")
    return None


def topic_of(message: Dict[str, Any]) -> Optional[str]:
    """The topic the risk layer kept from a message, if any."""
    topic = entity_value(message, TOPIC_ENTITY)
    return None if topic is None else str(topic)


def asked_about_someone_else(message: Dict[str, Any]) -> bool:
    """Whether the risk layer asked the question about someone else for this message."""
    return bool(entity_value(message, ABOUT_SOMEONE_ELSE))


def crisis_doubted(message: Dict[str, Any]) -> Optional[str]:
    """The crisis answer the risk layer's question stands in for, if it stands in for one.

    The classifiers' scores or the patterns chose the crisis answer and the second opinion
    or the labelled risk reader doubted it, so the question was asked. Where the question is
    not asked (it was asked already, or a crisis came earlier) and as a reply to the
    question, the crisis answer is given.
    """
    doubted = (message.get("safety") or {}).get("crisis_doubted")
    return str(doubted) if doubted else None


def heard_without_stack(message: Dict[str, Any], domain: DomainDict) -> Optional[str]:
    """The answer a reply would have filled in, had the stacked reader not held the question back.

    The risk layer reads each message alone, so its stacked reader may turn a reply to the
    question into a topic or the distress answer; it records the intent the reply would have
    had (`without_stack`: `possible_crisis`, or a statement of safety). The value is the one
    the slot's own mappings give that intent ("rather not say" for `possible_crisis`).
    """
    intent = (message.get("safety") or {}).get("without_stack")
    if not intent:
        return None
    slot = (domain.get("slots") or {}).get(SUICIDAL_THOUGHTS) or {}
    for mapping in slot.get("mappings") or []:
        intents = mapping.get("intent") or []
        if mapping.get("type") == "from_intent" and intent in (
            intents if isinstance(intents, list) else [intents]
        ):
            return str(mapping.get("value"))
    return None


def _asks_the_question(event: Dict[str, Any]) -> bool:
    """Whether the form asked the question here (it logs its activation even when it skips)."""
    return (
        event.get("event") == "slot"
        and event.get("name") == REQUESTED_SLOT
        and event.get("value") == SUICIDAL_THOUGHTS
    )


def _before_the_question(tracker: Tracker) -> List[Dict[str, Any]]:
    """The conversation's events before the question was last asked, latest first."""
    events = tracker.events
    asked_at = max((i for i, event in enumerate(events) if _asks_the_question(event)), default=None)
    return list(reversed(events[:asked_at]))


def check_in_message(tracker: Tracker) -> Dict[str, Any]:
    """The message the question was last asked for (its parse data), not a reply to it."""
    for event in _before_the_question(tracker):
        if event.get("event") == "user":
            data = event.get("parse_data") or {}
            if (data.get("intent") or {}).get("name") == POSSIBLE_CRISIS:
                return data
    return {}


def question_was_about_someone_else(tracker: Tracker, asked_for: Dict[str, Any]) -> bool:
    """Whether the question was about someone else.

    Read from the message it was asked for; when that message is in an earlier session (a
    question kept open past an idle hour), from the slot it set, carried into this one.
    """
    if asked_for:
        return asked_about_someone_else(asked_for)
    for event in _before_the_question(tracker):
        if event.get("event") == "slot" and event.get("name") == ABOUT_SOMEONE_ELSE:
            return bool(event.get("value"))
    return False


def answered_now(tracker: Tracker) -> bool:
    """Whether the latest message answered the question (the form set the slot after it)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == SUICIDAL_THOUGHTS:
            return True
    return False


class ActionAfterCheckIn(Action):
    """Answers the reply to "are you having thoughts of ending your life?".

    Asked about someone else ("do you think they may be thinking about ending their
    life?"), a yes gets the answer for someone in a crisis, a no support for the person
    who cares for them, and "I'm not sure" what helps without knowing.
    """

    def name(self) -> str:
        """Name of the action."""
        return "action_after_check_in"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Crisis answer, support, resources without pressure, or the person's own question."""
        answer = tracker.get_slot(SUICIDAL_THOUGHTS)
        asked_for = check_in_message(tracker)
        someone_else = question_was_about_someone_else(tracker, asked_for)
        latest = tracker.latest_message or {}
        latest_intent = (latest.get("intent") or {}).get("name")
        events: List[EventType] = []
        doubted = crisis_doubted(latest)
        if latest_intent == POSSIBLE_CRISIS and not answered_now(tracker):
            if someone_else and not asked_about_someone_else(latest):
                # Asked about someone else before: the writer has not been asked about
                # themselves, and is now.
                return [SlotSet(SUICIDAL_THOUGHTS, None), FollowupAction(CHECK_IN_FORM)]
            if doubted:
                # Asked before, and now a crisis the scores were sure of: not asked twice,
                # answered.
                return _crisis_answer(dispatcher, doubted == CRISIS_SOMEONE_ELSE)
            # Asked before in this conversation: stay with the person, do not ask again.
            # (An unclear reply to the question itself is "rather not say", below.)
            dispatcher.utter_message(response="utter_check_in_again")
            return events
        text = str(latest.get("text") or "")
        heard = answer
        if answered_now(tracker):
            answer = heard_without_stack(latest, domain) or answer
        lead = leading_answer(text)
        own_question = False
        if someone_else and answer != "moved_on" and speaks_of_own_thoughts(text):
            # Asked about someone else, "sometimes I think about it too", "so am I": the
            # writer's own.
            someone_else, answer = False, "yes"
        elif answer in ("no", "rather_not_say") and admits_thoughts(
            text, heard_as_no=answer == "no"
        ):
            # "Sometimes I think about it", "maybe": yes in other words.
            answer = "yes"
        elif answer == "no" and (only_unsure(text) or lead == "unsure"):
            # "No sé", "no sé, no me cuenta nada": not a no; "no sé, a veces sí": a yes.
            answer = "yes" if admits_thoughts(text, heard_as_no=False) else "rather_not_say"
        elif answer in ("rather_not_say", "moved_on") and (
            lead == "yes" or opens_with_yes(text) or admits_thoughts(text, heard_as_no=False)
        ):
            # "Yes. Can I text 988 instead?", "yes, she said goodbye to her sister", "maybe,
            # what is 988?": a yes, whatever follows it; the crisis answer comes first. Asked
            # about someone else, "sometimes I think about it too" is the writer's own.
            someone_else = someone_else and not speaks_of_own_thoughts(text)
            answer = "yes"
        elif answer in ("rather_not_say", "moved_on") and lead == "no" and not doubted:
            # "No, she's just worn out", "nope, just tired of the side effects": a no, with
            # more said after it. (A crisis the scores were sure of keeps its answer.)
            own_question = answer == "moved_on"
            answer = "no"
        elif answer == "moved_on" and declines(text):
            # "Pass", "skip": not an answer, and not a question of their own.
            answer = "rather_not_say"
        if answer == "rather_not_say" and doubted:
            # A reply the scores were sure is a crisis: its crisis answer, for whom it is
            # about, and a yes when that is whom the question asked about.
            about_someone_else = doubted == CRISIS_SOMEONE_ELSE
            if about_someone_else == someone_else:
                events.append(SlotSet(SUICIDAL_THOUGHTS, "yes"))
            return events + _crisis_answer(dispatcher, about_someone_else)
        if answer != heard:
            events.append(SlotSet(SUICIDAL_THOUGHTS, answer))
        if answer == "yes":
            return events + _crisis_answer(dispatcher, someone_else)
        if answer == "no":
            no = "utter_check_in_no_someone_else" if someone_else else "utter_check_in_no"
            dispatcher.utter_message(response=no)
            if not someone_else and crisis_doubted(asked_for) == CRISIS_SOMEONE_ELSE:
                # Asked about the writer for a crisis the scores put on someone else: what
                # helps when one cannot know if they are safe (988, 911 if in danger).
                dispatcher.utter_message(response="utter_check_in_someone_else_unsure")
            # Then what they asked with the no ("no. what does hospice cost?"), or else
            # the topic the question was asked for. The distress answer would say again
            # what the no's answer has just said.
            asked_with = latest_intent if own_question and latest_intent != DISTRESS else None
            topic = response_for(asked_with, domain) or response_for(topic_of(asked_for), domain)
            if topic:
                dispatcher.utter_message(response=topic)
            if own_question and latest_intent in NOT_ANSWERED_LATER:
                # "No. Can you find me a counselor near Austin?": the way to go on.
                dispatcher.utter_message(response="utter_check_in_moved_on")
        elif answer == "moved_on":
            # A question of their own is answered; a place or a search request, which
            # has no answer to give here, gets a plain "okay" with the way to go on.
            own = response_for(latest_intent, domain)
            dispatcher.utter_message(
                response=with_support(own, tracker) if own else "utter_check_in_moved_on"
            )
        elif someone_else:
            dispatcher.utter_message(response="utter_check_in_someone_else_unsure")
        else:
            dispatcher.utter_message(response="utter_check_in_rather_not_say")
        return events


def _crisis_answer(dispatcher: CollectingDispatcher, someone_else: bool) -> List[EventType]:
    """The crisis answer, for someone the person worries about or for the person."""
    if someone_else:
        # Said as its own action, so that the rules for what follows it ("what should I
        # do?" gets the steps again) apply as after any answer for someone else.
        return [SlotSet(CRISIS_IN_CONVERSATION, True), FollowupAction(CRISIS_OTHER)]
    dispatcher.utter_message(response=CRISIS_SELF)
    return [SlotSet(CRISIS_IN_CONVERSATION, True)]


class ActionCrisisAnswerAfterStillHere(Action):
    """After a crisis and "I'm still here", the crisis answer the question stood in for.

    A crisis answer the risk layer turned into the question (another reader doubted it)
    is not asked after a crisis; it is given, as its own response so that the rules for the
    reply to "are you safe right now?" apply. "I'm still here" (988, 911) comes first from
    the rules, so it reaches the person even when this server is down.
    """

    def name(self) -> str:
        """Name of the action."""
        return "action_crisis_answer_after_still_here"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The doubted crisis answer, or nothing more."""
        doubted = crisis_doubted(tracker.latest_message or {})
        if not doubted:
            return []
        return [FollowupAction(CRISIS_OTHER if doubted == CRISIS_SOMEONE_ELSE else CRISIS_SELF)]


class ActionAnswerTopic(Action):
    """After a distress answer, answers the topic the same message asked about."""

    def name(self) -> str:
        """Name of the action."""
        return "action_answer_topic"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Utter the topic's answer when the risk layer kept one."""
        response = response_for(topic_of(tracker.latest_message or {}), domain)
        if response:
            dispatcher.utter_message(response=response)
        return []


class ActionOtherLanguage(Action):
    """Says the assistant reads English only; names 988's Spanish line when there is risk."""

    def name(self) -> str:
        """Name of the action."""
        return "action_other_language"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Choose the plain or the supportive variant."""
        dispatcher.utter_message(response=with_support("utter_other_language", tracker))
        return []


class ActionPleaseRephrase(Action):
    """Asks to rephrase; names 988 only when the risk layer saw some risk."""

    def name(self) -> str:
        """Name of the action."""
        return "action_please_rephrase"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Choose the plain or the supportive variant."""
        dispatcher.utter_message(response=with_support("utter_please_rephrase", tracker))
        return []


def with_support(response: str, tracker: Tracker) -> str:
    """The response's variant that names 988, if it has one and there is reason to.

    The reason: the risk layer saw some risk in the last message, or a crisis came before.
    """
    safety = (tracker.latest_message or {}).get("safety") or {}
    some_risk = bool(safety.get("some_risk")) or bool(tracker.get_slot(CRISIS_IN_CONVERSATION))
    return SUPPORTIVE_VARIANTS.get(response, response) if some_risk else response
