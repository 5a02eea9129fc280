# Missouri Child Support Guide: the commands.
#
#   make serve          set everything up, build the site, serve it at http://127.0.0.1:8000
#   make test           set everything up, lint (ruff, mypy, ESLint, tsc), run every test (CI)
#   make test-fast      lint, then the tests that need neither a browser, Pyodide nor a site build
#   make lint           ruff and mypy; ESLint and tsc (JSDoc types) for the JavaScript
#   make build          build the static site, English then Spanish (es/), into site/ (kept as it was if the build fails)
#   make check-content  list every page with its age and sources, oldest first
#   make urls           add new pages to data/published_urls.txt (never removes a URL)
#   make schema-docs    write each data file's declared fields into its YAML header and MAINTAINING.md
#   make bench          measure speed and size (prints figures; asserts nothing)
#   make lighthouse     Lighthouse scores and bytes of four templates (installs it in bench/)
#
# Setup is incremental: the virtual environment and npm packages are reinstalled only when
# requirements.txt or package-lock.json change.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Material for MkDocs prints a notice about MkDocs 2 on every run; it is not about this project.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup python node browser build serve test test-fast lint check-content urls schema-docs bench lighthouse clean

setup: python node browser

python: $(VENV)/.installed
node: node_modules/.installed

# The project itself is installed in editable mode, so that the MkDocs hooks, the bench and the
# tests import calculators/ and build_tools/ from this folder without touching sys.path.
$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --quiet -r requirements.txt
	$(PY) -m pip install --disable-pip-version-check --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 20 or newer) is needed: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

# Chromium for the browser tests and Java for the HTML validator: found, or installed with apt-get.
browser: python
	$(PY) -m build_tools.commands.ensure chromium java

build: python node
	$(PY) -m build_tools.commands.build --strict

serve: build
	$(PY) -m build_tools.commands.serve --root site --host $(HOST) --port $(PORT)

# Lint and types first (seconds), then every test with branch coverage: calculators/ must be
# covered whole (the gate); build_tools/ is reported beside it, measured in the build
# subprocesses too.
test: setup lint
	$(PY) -m pytest --cov --cov-branch --cov-report=
	$(PY) -m coverage report --include='calculators/*' --skip-covered --fail-under=100
	@echo "build_tools/ (reported, no gate):"
	$(PY) -m coverage report --include='build_tools/*' --skip-covered --sort=cover

# The quick loop while editing: calculators, scenarios, templates and data files. The
# calculators' coverage gate stays with `make test`, which runs everything.
test-fast: python lint
	$(PY) -m pytest -q -m "not browser and not pyodide and not build"

lint: python node
	$(PY) -m ruff check .
	$(PY) -m mypy
	node_modules/.bin/eslint --max-warnings 0 .
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p build_tools/runtime/tsconfig.worker.json
	node_modules/.bin/tsc -p build_tools/runtime/tsconfig.service-worker.json

check-content: python
	$(PY) -m build_tools.commands.check_content

urls: python
	$(PY) -m build_tools.commands.url_manifest --update

schema-docs: python
	$(PY) -m build_tools.commands.schema_docs

bench: setup build
	$(PY) bench/calculator_speed.py

lighthouse: browser build
	bench/lighthouse

clean:
	rm -rf site .pytest_cache .hypothesis .coverage htmlcov
