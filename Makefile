# numclaims — developer entry points.  `make demo` and `make test` work on a
# fresh machine with only Python 3.11 and make: each builds its own .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := examples/seed_article.txt

.PHONY: demo test lint typecheck pytest slow accuracy bench fuzz fuzz-ci mutate si-table units \
	currency-codes currencies same-output same-claims clean help \
	test-tables test-spark bench-tables test-spacy test-server typecheck-extras serve \
	browser test-browser screenshot docs

FUZZ_SECONDS ?= 60
# apt-get needs root: sudo for anyone else.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# One stamp per install flavour, remade whenever pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.demo-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.fuzz-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	touch $@ $(VENV)/.dev-stamp

# The arrow and spark extras (pyspark is ~0.5 GB; Spark needs Java 17+), and polars,
# which the integration tests read a table with.
$(VENV)/.tables-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,arrow,spark]' 'polars>=1'
	touch $@ $(VENV)/.dev-stamp

# The optional integrations, each in the same .venv as the dev tools.
$(VENV)/.spacy-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,spacy]'
	touch $@ $(VENV)/.dev-stamp

$(VENV)/.server-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,server]'
	touch $@ $(VENV)/.dev-stamp

$(VENV)/.docs-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	touch $@ $(VENV)/.dev-stamp

$(VENV)/.browser-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,browser]'
	touch $@ $(VENV)/.dev-stamp

$(VENV)/.mutate-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,mutate]'
	touch $@ $(VENV)/.dev-stamp

$(VENV)/.bench-stamp: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@ $(VENV)/.dev-stamp

demo: $(VENV)/.demo-stamp  ## install the package and run the CLI on the sample article
	$(BIN)/numclaims --format table $(SAMPLE)

lint: $(VENV)/.dev-stamp  ## ruff on the whole tree
	$(BIN)/ruff check src tests benchmarks tools fuzz

typecheck: $(VENV)/.dev-stamp  ## mypy --strict on src/
	$(BIN)/mypy --strict src

# tests/integrations/* and tests/test_fuzz.py need an extra; each has its own target
# (test-tables, test-spacy, test-server, fuzz-ci), where a skip fails the run.
ELSEWHERE := --ignore=tests/integrations --ignore=tests/test_fuzz.py

pytest: $(VENV)/.dev-stamp  ## the core tests but those marked slow
	$(BIN)/python -m pytest -q $(ELSEWHERE) -m "not slow"

slow: $(VENV)/.dev-stamp  ## the core tests marked slow (CI runs them after make test)
	$(BIN)/python -m pytest -q $(ELSEWHERE) -m slow

test: lint typecheck pytest  ## ruff, mypy and the fast core tests (CI then runs slow, integrations, fuzz)

# NUMCLAIMS_REQUIRE_EXTRAS=1: a missing extra, or any skipped test, fails the run.
test-tables: $(VENV)/.tables-stamp  ## to_arrow, pandas, polars and Spark tests, extras installed
	NUMCLAIMS_REQUIRE_EXTRAS=1 $(BIN)/python -m pytest -q -rs tests/integrations/tables

test-spark: $(VENV)/.tables-stamp  ## the Spark tests alone (one local[2] session)
	NUMCLAIMS_REQUIRE_EXTRAS=1 $(BIN)/python -m pytest -q -rs -m spark tests/integrations/tables

bench-tables: $(VENV)/.tables-stamp  ## rows/s of parse_many, to_arrow and Spark on 20k news sentences
	$(BIN)/python -m benchmarks.tables

# NUMCLAIMS_REQUIRE_EXTRAS=1: a missing extra, or any skipped test, fails the run.
test-spacy: $(VENV)/.spacy-stamp  ## the spaCy component's tests, spacy extra installed
	NUMCLAIMS_REQUIRE_EXTRAS=1 $(BIN)/python -m pytest -q -rs tests/integrations/spacy

test-server: $(VENV)/.server-stamp  ## the HTTP service's tests on 127.0.0.1, load test included
	NUMCLAIMS_REQUIRE_EXTRAS=1 $(BIN)/python -m pytest -q -rs tests/integrations/server

typecheck-extras: $(VENV)/.spacy-stamp $(VENV)/.server-stamp  ## mypy --strict on the two modules that need an extra
	$(BIN)/mypy --strict src/numclaims/spacy_component.py src/numclaims/server.py

browser:  ## install Debian's chromium and chromium-driver for the browser tests, when missing
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	$(SUDO) apt-get update -q && \
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; }

test-browser: $(VENV)/.browser-stamp browser  ## the HTML view in headless Chromium; saves build/artefacts/html-view.png
	NUMCLAIMS_REQUIRE_EXTRAS=1 $(BIN)/python -m pytest -q -rs tests/integrations/browser

screenshot: test-browser  ## refresh docs/images/html-view.png, the README's, from the browser test's
	mkdir -p docs/images
	cp build/artefacts/html-view.png docs/images/html-view.png

docs: $(VENV)/.docs-stamp  ## build the documentation site into site/ (mkdocs --strict: any warning fails)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

serve: $(VENV)/.server-stamp  ## run the HTTP service on 127.0.0.1:8000
	$(BIN)/python -m numclaims.server

accuracy: $(VENV)/.bench-stamp  ## precision/recall/F1 on the corpus, the blind set and the held-out set
	$(BIN)/python -m benchmarks.accuracy
	$(BIN)/python -m benchmarks.accuracy --corpus benchmarks/blind
	$(BIN)/python -m benchmarks.accuracy --corpus benchmarks/heldout --max-errors 0

bench: $(VENV)/.bench-stamp  ## throughput against quantulum3, side by side (BASELINE=REV: and against a commit)
	$(BIN)/python -m benchmarks $(if $(BASELINE),--baseline $(BASELINE))

si-table: $(VENV)/.dev-stamp  ## rewrite src/numclaims/_si_table.py from the pint registry
	$(BIN)/python -m numclaims._normalise > src/numclaims/_si_table.py

units: $(VENV)/.dev-stamp  ## rewrite data/generated/units.txt from the pint registry, then the SI table
	$(BIN)/python -m numclaims._unit_table > src/numclaims/data/generated/units.txt
	$(BIN)/python -m numclaims._normalise > src/numclaims/_si_table.py

currency-codes: $(VENV)/.dev-stamp  ## rewrite src/numclaims/data/generated/iso4217.txt from pycountry
	$(BIN)/python -m numclaims._currency_codes > src/numclaims/data/generated/iso4217.txt

currencies: $(VENV)/.dev-stamp  ## rewrite src/numclaims/data/generated/currencies.txt from CLDR (babel)
	$(BIN)/python -m numclaims._currency_table > src/numclaims/data/generated/currencies.txt

BASE ?= HEAD
same-output: $(VENV)/.bench-stamp  ## prove a refactor changes no result: this tree vs BASE (default HEAD)
	$(BIN)/python tools/same_output.py --base $(BASE)

same-claims: $(VENV)/.bench-stamp  ## the same for extract_claims (claim sets added): this tree vs BASE
	$(BIN)/python tools/same_output.py --claims --base $(BASE)

# The fuzz target adds its dictionary, fuzz/seeds and the corpus sentences itself;
# fuzz/corpus keeps what libFuzzer finds between runs.
fuzz: $(VENV)/.fuzz-stamp  ## thorough property profile, then atheris for FUZZ_SECONDS (try 600)
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q tests/properties
	$(BIN)/python fuzz/fuzz_parse.py -max_total_time=$(FUZZ_SECONDS) fuzz/corpus

fuzz-ci: $(VENV)/.fuzz-stamp  ## the fuzz target's own tests, then atheris for FUZZ_SECONDS: any failure fails
	$(BIN)/python -m pytest -q tests/test_fuzz.py
	$(BIN)/python fuzz/fuzz_parse.py -max_total_time=$(FUZZ_SECONDS) fuzz/corpus

# One stage module at a time, against the tests that exercise it (tools/mutate.py).
MUTATE ?= _numbers _units
mutate: $(VENV)/.mutate-stamp  ## mutation testing of the stages in MUTATE, one at a time
	$(BIN)/python tools/mutate.py $(MUTATE)

clean:  ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
