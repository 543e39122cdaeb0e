#!/usr/bin/env bash
# pip-audit over the locks (runtime and dev), in its own virtualenv. Every advisory it reports
# fails the run unless requirements/audit-ignore.txt lists it with its reason. PyPI's
# vulnerability data must be reachable; where it is not, the audit says so and is skipped.
set -euo pipefail
probe="https://pypi.org/pypi/pip/24.0/json"
if ! .venv-audit/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=20)" "$probe" 2>/dev/null; then
    echo "make audit: SKIPPED. PyPI's vulnerability data ($probe) cannot be reached from this machine."
    exit 0
fi
ignored=()
while read -r advisory _; do
    case "$advisory" in ''|'#'*) continue ;; esac
    ignored+=(--ignore-vuln "$advisory")
done < requirements/audit-ignore.txt
.venv-audit/bin/pip-audit --requirement requirements/dev.lock --disable-pip --require-hashes \
    --vulnerability-service pypi --progress-spinner off "${ignored[@]+"${ignored[@]}"}"
