#!/usr/bin/env bash
# Start the action server, the Rasa server (REST, socket.io and SMS channels)
# and the demo page with the chat widget. Ctrl-C stops them all.
# Usage: scripts/run.sh MODEL [RASA_PORT] [ACTIONS_PORT] [WEBCHAT_PORT]
set -euo pipefail
# No telemetry or crash reports leave this machine (conversations are health data).
export RASA_TELEMETRY_ENABLED=false
# The deprecation warnings of the libraries Rasa 3.6 pins are for their developers, not for
# the people reading these logs (docs/operations.md).
export PYTHONWARNINGS=ignore::DeprecationWarning

model="$1"
rasa_port="${2:-5005}"
actions_port="${3:-5055}"
webchat_port="${4:-8000}"
rasa=".venv/bin/rasa"

source scripts/local-secrets.sh
# Only the demo page may open the widget's connection (a site that embeds it lists its own).
export WEBCHAT_ALLOWED_ORIGINS="${WEBCHAT_ALLOWED_ORIGINS:-http://localhost:$webchat_port,http://127.0.0.1:$webchat_port}"
if [ -z "${REST_CHANNEL_TOKEN:-}" ]; then
    echo "Note: REST_CHANNEL_TOKEN is not set, so the REST channel answers any caller that can" \
         "reach port $rasa_port. Fine for a local demo; in production set it, or remove REST" \
         "from credentials.yml (docs/operations.md)."
fi

cleanup() {
    trap - INT TERM EXIT
    kill $(jobs -p) 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

"$rasa" run actions --actions actions --port "$actions_port" &
"$rasa" run --model "$model" --port "$rasa_port" \
    --credentials credentials.yml --endpoints endpoints.yml &
.venv/bin/python -m assistant.webchat --port "$webchat_port" --rasa-url "http://localhost:$rasa_port" &

echo "Starting: Rasa server on http://localhost:$rasa_port (REST: /webhooks/rest/webhook," \
     "socket.io, SMS: /webhooks/sms/webhook), action server on http://localhost:$actions_port," \
     "demo page with the chat widget on http://localhost:$webchat_port/. Ctrl-C stops them all."
# Exit (and stop the others) as soon as any of them stops.
wait -n
