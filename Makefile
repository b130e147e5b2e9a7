# The two commands of the README: `make booklet` and `make test`.
# Each creates .venv on first use; nothing needs to be installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: booklet test fuzz bench images clean

booklet: $(STAMP)
	$(BIN)/booklet build

test: $(STAMP)
	$(BIN)/ruff check booklet tests
	$(BIN)/mypy
	$(BIN)/pytest -q

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -m fuzz --hypothesis-show-statistics tests/fuzz

bench: $(STAMP)
	$(BIN)/python -m booklet.bench

images: $(STAMP)
	$(BIN)/python docs/make_images.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) output .booklet-cache
