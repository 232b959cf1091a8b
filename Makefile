# The two commands: `make run` starts the bot, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck check-content dockerfile bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet -e '.[dev]' >&2
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m bot run

test: $(STAMP) lint typecheck check-content dockerfile
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

check-content: $(STAMP)
	$(BIN)/python -m bot check

# The install steps are checked against pyproject.toml by tests/test_packaging.py.
dockerfile: $(STAMP)
	$(BIN)/hadolint Dockerfile

bench: $(STAMP)
	$(BIN)/python bench/bench_lookup.py
	$(BIN)/python bench/bench_cold_define.py
	$(BIN)/python bench/bench_discord.py
	$(BIN)/python bench/bench_slack.py
	$(BIN)/python bench/bench_quiz.py
	$(BIN)/python bench/bench_journal.py
	$(BIN)/python bench/bench_postgres.py
	$(BIN)/python bench/bench_import.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
