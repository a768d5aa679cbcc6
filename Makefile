# Everything a fresh machine needs: `make demo` serves the demo, `make test` runs the whole suite.

# Django 6 needs Python 3.12+: take the first interpreter that runs and is new enough, on PATH
# or under pyenv (whose shims exist for versions that are not selected, so each is tried).
PYTHON ?= $(shell for p in python3.12 python3.13 python3 $$HOME/.pyenv/versions/3.12*/bin/python3.12 \
	$$HOME/.pyenv/versions/3.13*/bin/python3.13; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/accord/web/static/vendor
PORT ?= 8000

.PHONY: install demo test lint typecheck format clean

install: $(VENV)/.installed $(VENDOR)/.installed

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (Django 6); set PYTHON=/path/to/python3.12"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,semantic]"
	@touch $@

# Front-end packages come from the npm registry and are served by Django from static/vendor.
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	@touch $@

demo: install
	$(BIN)/accord demo --port $(PORT)

test: install lint typecheck
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# Types are checked where the logic lives: the engines and the domain layer.
typecheck: $(VENV)/.installed
	ACCORD_DATA_DIR=$${ACCORD_DATA_DIR:-var} $(BIN)/mypy src/accord/engines src/accord/*/domain \
		src/accord/rules.py src/accord/core src/accord/audit/domain.py

format: $(VENV)/.installed
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
