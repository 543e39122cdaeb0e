#!/usr/bin/env bash
# Start the action server and the Rasa server (REST and socket.io channels).
# Ctrl-C stops both. Usage: scripts/run.sh MODEL [RASA_PORT] [ACTIONS_PORT]
set -euo pipefail
# No telemetry or crash reports leave this machine (conversations are health data).
export RASA_TELEMETRY_ENABLED=false

model="$1"
rasa_port="${2:-5005}"
actions_port="${3:-5055}"
rasa=".venv/bin/rasa"

cleanup() {
    trap - INT TERM EXIT
    kill $(jobs -p) 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

"$rasa" run actions --actions actions --port "$actions_port" &
"$rasa" run --model "$model" --port "$rasa_port" \
    --credentials credentials.yml --endpoints endpoints.yml --cors "*" &

echo "Starting: Rasa server on http://localhost:$rasa_port (REST: /webhooks/rest/webhook," \
     "socket.io), action server on http://localhost:$actions_port. Ctrl-C stops both."
# Exit (and stop the other) as soon as either server stops.
wait -n
