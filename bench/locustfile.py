"""Locust users for `bench/load.py`: people having realistic conversations over REST.

Each simulated person sends one message a second (so N users offer N messages a second),
follows one conversation (questions, a directory search, distress) as a new sender, and
starts another with a new sender when it ends. Messages go to one of the Rasa servers in
LOAD_TARGETS (comma-separated base URLs) at random, as a load balancer would send them,
with the REST channel's token from LOAD_REST_TOKEN.
A request counts as failed unless it returns 200 with at least one answer (or, with
LOAD_EMPTY_ANSWER_OK=1, for the starter bot, which has nothing to say to some of these
messages and then answers with an empty list, as Rasa's REST channel does).
"""

import os
import random
import uuid
from typing import List

from locust import HttpUser, constant_throughput, task

TARGETS = os.environ.get("LOAD_TARGETS", "").split(",")
EMPTY_ANSWER_OK = os.environ.get("LOAD_EMPTY_ANSWER_OK") == "1"
AUTHORIZATION = {"Authorization": f"Bearer {os.environ.get('LOAD_REST_TOKEN', '')}"}
CONVERSATIONS: List[List[str]] = [
    [
        "hi",
        "what does palliative care actually mean",
        "is that the same thing as hospice?",
        "can i keep getting chemo while having it",
        "who would be on that team",
        "thanks so much",
    ],
    [
        "hello, my mom has metastatic breast cancer",
        "I need to find hospice near me",
        "60614",
        "show more",
        "what about a counselor instead",
        "thank you",
    ],
    [
        "I'm so tired all the time and nothing helps",
        "can palliative care help with fatigue",
        "I feel so alone with all of this",
        "is there a support group for people like me",
        "Chicago, IL",
        "ok thanks",
    ],
    [
        "hey",
        "how do I ask my oncologist about palliative care",
        "does insurance pay for it",
        "can they come to my house",
        "i'm scared about what comes next",
        "bye",
    ],
]


class Person(HttpUser):
    """One person at a time, one message a second."""

    wait_time = constant_throughput(1)
    host = TARGETS[0] if TARGETS and TARGETS[0] else "http://127.0.0.1:5005"

    def on_start(self) -> None:
        """Begin a conversation."""
        self._new_conversation()

    def _new_conversation(self) -> None:
        self.sender = f"load-{uuid.uuid4().hex}"
        self.messages = list(random.choice(CONVERSATIONS))

    @task
    def say(self) -> None:
        """Send the conversation's next message to one of the servers."""
        if not self.messages:
            self._new_conversation()
        message = self.messages.pop(0)
        target = random.choice(TARGETS) if TARGETS and TARGETS[0] else self.host
        with self.client.post(
            f"{target}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            headers=AUTHORIZATION,
            name="message",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif not response.json() and not EMPTY_ANSWER_OK:
                response.failure("no answer")
