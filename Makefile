# One command to run Hindsight on its embedded defaults, one to test it.
# Needs only Python 3.11+ on the PATH (PYTHON=python3.12 make run to pick another).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint format clean browser train-rescue

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hindsight needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --quiet -r requirements-dev.txt
	@touch $@

# A local secret, made once; production sets SECRET_KEY in the environment instead.
.env:
	@$(PYTHON) -c 'import secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50))' > .env
	@echo "Wrote .env with a new SECRET_KEY"

setup: $(VENV)/.installed .env
	DEBUG=1 $(BIN)/python manage.py create_database
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_seed
	DEBUG=1 $(BIN)/python manage.py bootstrap_admin

# Web server, Celery worker and beat together (Procfile), on SQLite and a server-less broker
# unless DATABASE_URL / CELERY_BROKER_URL say otherwise.
run: setup
	@echo "Hindsight: http://$(HOST):$(PORT)/admin/  and  http://$(HOST):$(PORT)/scorecards/"
	PATH="$(abspath $(BIN)):$$PATH" DEBUG=1 HINDSIGHT_HOST=$(HOST) HINDSIGHT_PORT=$(PORT) $(BIN)/honcho start -f Procfile

# The end-to-end tests drive Debian's Chromium (Playwright never downloads a browser). Installed
# when missing and we may (root with apt-get); otherwise those tests skip with a reason, unless
# HINDSIGHT_E2E_REQUIRED=1 (CI) makes a missing browser a failure.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null \
	    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; } \
	    || echo "Could not install chromium: the browser tests will be skipped (or fail in CI)"; \
	fi

# The suite runs on every core (pytest-xdist; TEST_WORKERS=0 runs it in one process). Each worker
# has a test database of its own; the tests that share a server (Redis, the broker) keep to keys
# and queues of their own. A worker that runs out of tests takes the rest of another's queue, so
# a few long browser and worker tests at the end do not leave a core idle.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev .env browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal --durations=10 $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The sentence model the import's optional rescue applies, retrained on every annotated set (needs
# scikit-learn, from requirements-dev.txt); retrain when the rules' markers change its features.
train-rescue: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks.sentence_classifier --train sources/extraction/rescue_weights.json

clean:
	rm -rf $(VENV) var staticfiles
