# Set-up and entry points. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test lint system-deps bench docs baseline clean

# The demo needs editlint alone; the tests, benchmarks and docs need the dev, lsp and dask extras.
$(DEMO_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(DEMO_STAMP)

$(STAMP): $(DEMO_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,lsp,dask]'
	touch $(STAMP)

# Debian's Chromium for the HTML report tests (installed only when missing).
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium (Debian package)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

# The main job: check the demo content repository. Findings are expected (exit 1 is not an error here).
demo: $(DEMO_STAMP)
	$(BIN)/editlint check content/ ; status=$$?; [ $$status -le 1 ]

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# Regenerate the config JSON Schema and the configuration and rule references in docs/,
# and the shipped packs' precomputed pattern analysis (rules/analysis.json).
docs: $(STAMP)
	$(BIN)/python scripts/gen_docs.py
	$(BIN)/python scripts/gen_pack_analysis.py

# Record the demo content's current findings as known (used by .pre-commit-config.yaml).
baseline: $(STAMP)
	$(BIN)/editlint check content/ --write-baseline .editlint-baseline.json

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .editlint_cache build *.egg-info
