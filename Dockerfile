# syntax=docker/dockerfile:1
# Production image: front-end assets built in a Node stage, Python dependencies
# installed from the lock file, static files collected at build time, and the
# portal served by gunicorn as a non-root user.

FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts ./scripts
RUN npm run build

FROM python:3.12-slim-bookworm AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY requirements.lock ./
RUN /venv/bin/pip install --require-hashes -r requirements.lock

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/venv/bin:$PATH" \
    GUNICORN_BIND=0.0.0.0:8000 \
    VAR_DIR=/app/var
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 portal
WORKDIR /app
COPY --from=python-deps /venv /venv
COPY --chown=portal:portal . .
COPY --from=assets --chown=portal:portal /build/build ./build
# collectstatic needs settings but no database: a throwaway key and a dummy URL.
RUN DJANGO_SETTINGS_MODULE=coalition.settings SECRET_KEY=collectstatic-only \
    DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input --verbosity 0 \
    && DJANGO_SETTINGS_MODULE=coalition.settings SECRET_KEY=compilemessages-only \
    DATABASE_URL=postgres://build@localhost/build \
    python manage.py compilemessages --ignore=/venv \
    && mkdir -p /app/var && chown -R portal:portal /app/var /app/staticfiles /app/locale /app/locale-libraries
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["sh", "-c", "exec gunicorn --config gunicorn.conf.py"]
