# newscheck: `make run` sets everything up and runs the report on a sample;
# `make test` runs the test suite. Both create .venv on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLE ?= samples/nokia-ai.txt
SOURCES := pyproject.toml $(shell find cli nlp src -name '*.py' -o -name '*.json' 2>/dev/null)

.PHONY: install run test fuzz lint format bench docs clean

# A regular (non-editable) install: what users get from `pip install .`.
$(BIN)/.installed: $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '.[dev,bench]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/newscheck summarize $(SAMPLE)

test: install
	$(BIN)/pytest

# The property tests at length, random seeds, a failure printed with its reproducer:
# 5,000 inputs per reading property and 1,000 per whole-report property (12,000 in all;
# NEWSCHECK_FUZZ_EXAMPLES / NEWSCHECK_FUZZ_REPORT_EXAMPLES change them).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/test_properties.py -x --hypothesis-show-statistics

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

docs: install
	$(BIN)/newscheck rules --markdown > docs/checks.md
	$(BIN)/newscheck schema > docs/schema.json
	rm -f docs/rules/NC*.md
	$(BIN)/newscheck rules --pages docs/rules

bench: install
	$(BIN)/python bench/recognition.py --out bench/results/recognition.md
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/checks.py
	$(BIN)/python bench/frames.py --out bench/results/frames.md
	$(BIN)/python bench/jobs.py
	$(BIN)/python bench/scaling.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
