# Parallax: `make run` sets everything up and serves the app; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint format unit browser bench demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[postgres]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: create the venv, install, migrate, load the demo event when the database is empty, serve
run: install
	$(BIN)/parallax db upgrade
	$(BIN)/parallax demo --if-empty
	$(BIN)/parallax serve --host $(HOST) --port $(PORT)

## test: lint, unit/API tests, then the browser tests in their own pytest run
test: install-dev lint unit browser

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: install-dev
	$(BIN)/pytest -m "not browser" -q

# Browser tests get their own pytest process: Playwright's sync API leaves an event loop behind.
browser: install-dev
	$(BIN)/pytest -m browser -q -p no:randomly

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-dev
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/alignment.py
	$(BIN)/python bench/scale.py
	$(BIN)/python -m bench.engine_scale
	$(BIN)/python -m bench.views

demo: install
	$(BIN)/parallax demo

clean:
	rm -rf $(VENV) parallax.db parallax.db-* .pytest_cache .ruff_cache
