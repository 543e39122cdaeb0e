#!/bin/sh
# The image's entry point: one of the three servers `make run` starts (scripts/run.sh), with the
# same command line. Settings and secrets come from the environment (docs/deploy.md).
# Usage: entrypoint.sh rasa|actions|webchat [more arguments for that server]
#   rasa     the Rasa server (REST, socket.io, SMS) on $RASA_PORT (5005), the model in $MODEL_PATH
#   actions  the action server on $ACTIONS_PORT (5055)
#   webchat  the demo page with the chat widget on $WEBCHAT_PORT (8000); the browser reaches the
#            Rasa server at $RASA_PUBLIC_URL
set -eu
# No telemetry or crash reports leave the server (conversations are health data).
export RASA_TELEMETRY_ENABLED=false
export PYTHONWARNINGS=ignore::DeprecationWarning

# Whether $1 is a model file or a folder that holds one.
has_model() {
    for file in "$1" "$1"/*.tar.gz; do
        case "$file" in *.tar.gz) [ -f "$file" ] && return 0 ;; esac
    done
    return 1
}

role="${1:-}"
[ "$#" -gt 0 ] && shift

case "$role" in
    rasa)
        # A directory holds the model (Rasa loads the newest .tar.gz in it) or names the file.
        model="${MODEL_PATH:-/app/models}"
        # Without one the server would start and answer nothing: refuse instead.
        if ! has_model "$model"; then
            echo "No model in $model (MODEL_PATH): bake one into the image" \
                 "(--build-arg MODEL=...) or mount one there (docs/deploy.md)." >&2
            exit 1
        fi
        exec rasa run --model "$model" --port "${RASA_PORT:-5005}" \
            --credentials credentials.yml --endpoints endpoints.yml "$@"
        ;;
    actions)
        exec rasa run actions --actions actions --port "${ACTIONS_PORT:-5055}" "$@"
        ;;
    webchat)
        # 0.0.0.0: inside a container, 127.0.0.1 would be unreachable from outside it.
        exec python -m assistant.webchat --host 0.0.0.0 --port "${WEBCHAT_PORT:-8000}" \
            --rasa-url "${RASA_PUBLIC_URL:-http://localhost:5005}" "$@"
        ;;
    *)
        echo "Usage: entrypoint.sh rasa|actions|webchat [arguments] (got '$role')." >&2
        exit 64
        ;;
esac
