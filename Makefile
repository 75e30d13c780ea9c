# Both entry points bootstrap .venv on a bare machine; a second run installs nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefgen build

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m compileall -q briefgen  # bytecode, as a regular (non-editable) install has it
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) output build *.egg-info
