# One command to run Hindsight on its embedded defaults, one to test it.
# Needs only Python 3.11+ on the PATH (PYTHON=python3.12 make run to pick another).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint format clean

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
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_seed
	DEBUG=1 $(BIN)/python manage.py bootstrap_admin

# Web server, Celery worker and beat together (Procfile), on SQLite and a server-less broker
# unless DATABASE_URL / CELERY_BROKER_URL say otherwise.
run: setup
	@echo "Hindsight: http://$(HOST):$(PORT)/admin/  and  http://$(HOST):$(PORT)/scorecards/"
	PATH="$(abspath $(BIN)):$$PATH" DEBUG=1 HINDSIGHT_HOST=$(HOST) HINDSIGHT_PORT=$(PORT) $(BIN)/honcho start -f Procfile

test: $(VENV)/.installed-dev .env
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var staticfiles
