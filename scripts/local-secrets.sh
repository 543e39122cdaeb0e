# Sourced by run.sh and shell.sh: the secrets of a local demo. Creates var/secrets.env with
# random values on first start (readable by its owner only) and reuses it; a secret already
# set in the environment wins. Production sets its own (docs/operations.md).
secrets_file="${SECRETS_FILE:-var/secrets.env}"
.venv/bin/python -m assistant.secret_keys local "$secrets_file"
while IFS='=' read -r name value; do
    case "$name" in ''|'#'*) continue ;; esac
    if [ -z "${!name:-}" ]; then
        export "$name=$value"
    fi
done < "$secrets_file"
