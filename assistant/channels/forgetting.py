"""Deleting the conversation right after the assistant says it has.

The dialogue decides (utter_conversation_deleted, after the person confirms);
the channel notices that answer go out and deletes the stored conversation, and
its safety events, once the turn is saved, so nothing of it is written back
afterwards.
"""

import asyncio
import logging
from typing import Any, Dict

from rasa.core.channels.channel import CollectingOutputChannel

from assistant.safety.event_broker import SafetyEventBroker
from assistant.stores.forget import delete_conversation

logger = logging.getLogger(__name__)

DELETED_RESPONSE = "utter_conversation_deleted"


def announces_deletion(message: Dict[str, Any]) -> bool:
    """Whether a bot message is the answer that promises the deletion."""
    return message.get("utter_action") == DELETED_RESPONSE


class ForgetfulCollectingOutputChannel(CollectingOutputChannel):
    """Collects the answer like Rasa's, noticing when it promises a deletion."""

    def __init__(self) -> None:
        """Nothing collected, nothing promised."""
        super().__init__()
        self.deletion_promised = False

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Collect `message`."""
        self.deletion_promised = self.deletion_promised or announces_deletion(message)
        await super().send_response(recipient_id, message)


async def forget(agent: Any, sender_id: str) -> bool:
    """Delete the conversation of `sender_id` and its safety events; False when it failed.

    A failure is logged without any text, and the person is told.
    """
    try:
        deleted = await delete_conversation(agent.tracker_store, agent.lock_store, sender_id)
        broker = getattr(agent.tracker_store, "event_broker", None)
        if deleted and isinstance(broker, SafetyEventBroker):
            await asyncio.to_thread(broker.log.delete_conversation, sender_id)
    except Exception as error:  # the person is told; the details stay out of the log
        logger.error("Deleting a conversation failed: %s", type(error).__name__)
        return False
    if not deleted:
        logger.error("The tracker store cannot delete conversations.")
    return deleted
