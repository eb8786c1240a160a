# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint chromium eval-polnear eval-tempeval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# the shared example article (read in place) when it is beside the project, else our own
EXAMPLE := $(firstword $(wildcard ../shared/examples/teigen-2020-10-28.txt) examples/okafor-2021-03-02.txt)

demo: $(STAMP)
	$(BIN)/saidwhen extract $(EXAMPLE) --format table
	$(BIN)/saidwhen extract $(EXAMPLE) --format json

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

# The browser tests (tests/test_web_browser.py) drive Debian's chromium, never a downloaded
# one: installed here when missing and root; otherwise a note, and those tests skip.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "note: chromium missing and not root: browser tests skip (sudo apt-get install chromium)"; \
	  fi; }

test: $(STAMP) lint chromium
	# the Ray engine test starts a real local Ray (about 15 s here)
	OMP_NUM_THREADS=1 SAIDWHEN_RAY_TESTS=1 $(BIN)/pytest -q

eval-polnear: $(STAMP)
	$(BIN)/saidwhen eval polnear --split dev

eval-tempeval: $(STAMP)
	$(BIN)/saidwhen eval tempeval

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
