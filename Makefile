# The README's commands. `make run` serves the portal on http://127.0.0.1:8000;
# `make test` runs the whole suite, browser tests included.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12: from PATH, else from pyenv's versions.
PYTHON ?= $(shell for p in python3.12 $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -n 1); do \
	$$p -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null && { echo $$p; break; }; done)
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

# DEBUG is on for the local commands only; production gets its settings from the
# environment (see .env.example and the README).
export DEBUG ?= true

.PHONY: help install assets run serve migrate seed test lint format ci stop-db clean messages check-messages

help:
	@echo "make run    - install, migrate, load demo data and serve on http://127.0.0.1:8000"
	@echo "make test   - run the whole test suite (browser tests included)"
	@echo "make lint   - ruff check and format check"
	@echo "make check-messages - every string translated, .mo files compiled"
	@echo "make stop-db - stop the embedded PostgreSQL server"

$(VENV)/.installed: requirements-dev.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 is required (python3.12 on PATH, or pyenv install 3.12)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

build/.built: node_modules/.installed scripts/build-assets.mjs
	npm run --silent build
	touch $@

install: $(VENV)/.installed build/.built

assets: build/.built

migrate: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

seed: migrate
	$(PY) manage.py seed_demo

run: migrate
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py collectstatic --no-input --verbosity 0
	@# The background worker sends the emails that pages queue (invitations, decisions).
	$(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(VENV)/bin/gunicorn --config gunicorn.conf.py

test: install
	@test -n "$(CHROMIUM)" || { echo "Chromium is required for the browser tests (apt-get install chromium)"; exit 1; }
	CHROMIUM_PATH=$(CHROMIUM) $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=node_modules --ignore=build --ignore=staticfiles --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages --ignore=.venv

# Fails if a string lacks a translation or the .mo files are not compiled from
# the sources (runs makemessages on a copy; needs gettext's tools).
check-messages: install
	$(PY) scripts/check_messages.py

ci: lint check-messages test

stop-db: install
	$(PY) -c "from pathlib import Path; from coalition import embedded_db; embedded_db.stop(Path('var'))"

clean:
	rm -rf build staticfiles node_modules/.installed $(VENV)/.installed
