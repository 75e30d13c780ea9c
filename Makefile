# Both entry points bootstrap .venv on a bare machine; a second run installs nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: brief test properties bench lint precompiled mutation mutation-sample clean

# briefgen's bytecode, as a regular (non-editable) install has it: where PYTHONDONTWRITEBYTECODE is set (CI
# images often set it) Python would otherwise compile ~90 modules from source in every command (~0.1 s a command).
BYTECODE := $(BIN)/python -m compileall -q briefgen

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

brief: $(STAMP)
	$(BYTECODE)
	$(BIN)/briefgen build

# The suite on every core (pytest-xdist): each worker builds its own copy of the shipped workspace, LibreOffice
# runs with a profile per test, so no two tests share a file; TEST_WORKERS=0 runs it in this one process.
# The slowest tests are listed after the run: CI must stay under 15 minutes.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(BYTECODE)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --durations=25

# Random property examples (CI runs a batch after the suite); SEED reproduces a printed run.
SEED ?= $(shell date +%s)
PROPERTY_TESTS := tests/test_properties.py tests/test_seed_locator.py tests/test_docx_writer.py
properties: $(STAMP)
	@echo "hypothesis seed: $(SEED)  (reproduce: make properties SEED=$(SEED))"
	HYPOTHESIS_PROFILE=random $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-seed=$(SEED) $(PROPERTY_TESTS)

bench: $(STAMP)
	$(BYTECODE)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/compare.py  # the same six briefs by pandoc + typst, LibreOffice, docxtpl + WeasyPrint

# Mutation testing of the verification and selection code (mutmut; results in mutants/, `mutmut show NAME` prints
# one mutant). One worker: the machine is shared. Whole files for verification and selection; for status and
# context only the functions behind affected items and the source summary. A full run takes hours on 2 shared
# cores; `make mutation-sample` runs the seeded sample in tests/mutation_sample.txt (14 mutants a file, drawn by
# `tests/mutation_report.py --sample 14 --seed 12` after a full run generated them) in about 15 minutes.
MUTANTS := 'briefgen.verify.passages.*' 'briefgen.verify.closest.*' 'briefgen.render.selection.*' \
	'briefgen.regen.status.x__affected*' 'briefgen.regen.status.x__audience_state*' \
	'briefgen.render.context.x_source_summary*' 'briefgen.render.context.x__cited_sources*'
mutation: $(STAMP)
	$(BIN)/mutmut run --max-children 1 $(MUTANTS)
	$(BIN)/python tests/mutation_report.py $(MUTANTS)

mutation-sample: $(STAMP)
	$(BIN)/mutmut run --max-children 1 $$(cat tests/mutation_sample.txt)
	$(BIN)/python tests/mutation_report.py --names tests/mutation_sample.txt $(MUTANTS)

# The table of compiled dataclass methods (briefgen/precompiled.py), the bundled fonts' coverage
# (briefgen/document/typefaces.py) and parsed tables (briefgen/writers/pdf/fontcache.py); tests/test_precompiled.py,
# tests/test_scripts.py and tests/test_fontcache.py say when they are due.
precompiled: $(STAMP)
	$(BIN)/python -c "from briefgen import precompiled; print('%d dataclass methods, %d patterns' % precompiled.write())"
	$(BIN)/python -c "from briefgen.document import coverage; print(coverage.write_coverage(), 'font coverages')"
	$(BIN)/python -c "from briefgen.writers.pdf import fontcache; print(len(fontcache.write_tables()), 'font tables')"
	$(BIN)/python -c "from briefgen.render import templating; print(templating.write_table(), 'templates')"

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) output build mutants *.egg-info
