"""Secrets for the servers tests and benchmarks start: fixed, public, never for a deployment."""

from typing import Dict

REST_TOKEN = "rest-token-for-tests-only"
TEST_SECRETS: Dict[str, str] = {
    "SMS_SENDER_ID_KEY": "sms-sender-key-for-tests-only",
    "WEBCHAT_SESSION_SECRET": "webchat-session-secret-for-tests-only",
    "SAFETY_EVENT_ID_KEY": "safety-event-key-for-tests-only",
    "REST_CHANNEL_TOKEN": REST_TOKEN,
}
REST_HEADERS = {"Authorization": f"Bearer {REST_TOKEN}"}
