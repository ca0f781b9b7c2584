# Two commands on a fresh machine with Python 3.11:
#   make run   – install, migrate, load demo content, serve on http://127.0.0.1:8000
#   make test  – install and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev run test lint typecheck browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# A stamp per lock file, so a changed lock file reinstalls.
$(VENV)/.installed-prod: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed-prod

install: $(VENV)/.installed-prod
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "  De site draait op http://$(HOST):$(PORT)/"
	@echo "  Redactie: http://$(HOST):$(PORT)/admin/ met redactie@ivho.example / demo-redactie-2026"
	@echo "  Lid:      lid@tue.example / demo-lid-2026"
	@echo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff, the layer contract in .importlinter (README, "Architecture"), then mypy.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(MAKE) typecheck

# mypy with django-stubs on the services, selectors and presenters ([tool.mypy] in pyproject.toml).
typecheck: install-dev
	$(BIN)/mypy

# Debian's Chromium, for the browser tests (needs root; .ci/run does this itself).
browser-deps:
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .test-media .test-private-media
