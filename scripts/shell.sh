#!/usr/bin/env bash
# Talk to the assistant in `rasa shell`, with the action server running.
# Usage: scripts/shell.sh MODEL [ACTIONS_PORT]
set -euo pipefail
# No telemetry or crash reports leave this machine (conversations are health data).
export RASA_TELEMETRY_ENABLED=false
# The deprecation warnings of the libraries Rasa 3.6 pins are for their developers, not for
# the people reading these logs (docs/operations.md).
export PYTHONWARNINGS=ignore::DeprecationWarning

model="$1"
actions_port="${2:-5055}"

source scripts/local-secrets.sh

.venv/bin/rasa run actions --actions actions --port "$actions_port" > /dev/null 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT

.venv/bin/rasa shell --model "$model" --endpoints endpoints.yml
