#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter for the project's virtualenv.
# Rasa Open Source 3.6 runs on Python 3.8 to 3.10 only; we pin 3.10.
# Looks at $PYTHON, then python3.10 on PATH, then pyenv's versions.
set -u

wanted="3.10"

is_wanted() {
    [ -n "$1" ] && [ -x "$1" ] || command -v "$1" >/dev/null 2>&1 || return 1
    version=$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || return 1
    [ "$version" = "$wanted" ]
}

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
if path_python=$(command -v python3.10 2>/dev/null); then
    candidates+=("$path_python")
fi
pyenv_root="${PYENV_ROOT:-}"
if [ -z "$pyenv_root" ] && command -v pyenv >/dev/null 2>&1; then
    pyenv_root=$(pyenv root 2>/dev/null || true)
fi
[ -z "$pyenv_root" ] && [ -d "$HOME/.pyenv" ] && pyenv_root="$HOME/.pyenv"
if [ -n "$pyenv_root" ] && [ -d "$pyenv_root/versions" ]; then
    for dir in $(ls -d "$pyenv_root"/versions/3.10* 2>/dev/null | sort -rV); do
        candidates+=("$dir/bin/python3.10")
    done
fi

for candidate in "${candidates[@]+"${candidates[@]}"}"; do
    if is_wanted "$candidate"; then
        command -v "$candidate"
        exit 0
    fi
done

cat >&2 <<MSG
No Python 3.10 found. Rasa Open Source 3.6 needs Python 3.8 to 3.10, and this
project is tested on 3.10. Looked at: \$PYTHON, python3.10 on PATH, and pyenv
(${pyenv_root:-not installed}).

To fix it, do one of these, then run the command again:
  - pyenv install 3.10        (if you use pyenv)
  - apt-get install python3.10 python3.10-venv   (Debian/Ubuntu, where available)
  - PYTHON=/path/to/python3.10 make run
MSG
exit 1
