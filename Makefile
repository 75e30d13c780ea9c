# Both entry points bootstrap .venv on a bare machine; a second run installs nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test properties bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefgen build

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Random property examples (CI runs a batch after the suite); SEED reproduces a printed run.
SEED ?= $(shell date +%s)
PROPERTY_TESTS := tests/test_properties.py tests/test_seed_locator.py tests/test_docx_writer.py
properties: $(STAMP)
	@echo "hypothesis seed: $(SEED)  (reproduce: make properties SEED=$(SEED))"
	HYPOTHESIS_PROFILE=random $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-seed=$(SEED) $(PROPERTY_TESTS)

bench: $(STAMP)
	$(BIN)/python -m compileall -q briefgen  # bytecode, as a regular (non-editable) install has it
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) output build *.egg-info
