# The two commands: `make run` starts the bot, `make test` checks everything.
# Installs come from the lock files (`make lock` regenerates them from pyproject.toml):
# requirements.lock holds the runtime closure, requirements-dev.lock adds the dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
RUN_STAMP := $(VENV)/.run-stamp
DEV_STAMP := $(VENV)/.dev-stamp
PIP_COMPILE := $(BIN)/pip-compile --quiet --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

.PHONY: run test lint typecheck check-content dockerfile bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip >&2

# `make run` needs only the runtime lock and the package itself (no dev tools).
$(RUN_STAMP): requirements.lock pyproject.toml | $(BIN)/python
	@$(PIP) install --quiet -r requirements.lock >&2
	@$(PIP) install --quiet --no-deps -e . >&2
	@touch $@

$(DEV_STAMP): requirements-dev.lock requirements.lock pyproject.toml | $(BIN)/python
	@$(PIP) install --quiet -r requirements-dev.lock >&2
	@$(PIP) install --quiet --no-deps -e . >&2
	@touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	@$(BIN)/python -m bot run

test: $(DEV_STAMP) lint typecheck check-content dockerfile
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

check-content: $(DEV_STAMP)
	$(BIN)/python -m bot check

# The install steps are checked against pyproject.toml and the locks by tests/test_packaging.py.
dockerfile: $(DEV_STAMP)
	$(BIN)/hadolint Dockerfile

bench: $(DEV_STAMP)
	$(BIN)/python bench/bench_lookup.py
	$(BIN)/python bench/bench_cold_define.py
	$(BIN)/python bench/bench_discord.py
	$(BIN)/python bench/bench_slack.py
	$(BIN)/python bench/bench_quiz.py
	$(BIN)/python bench/bench_journal.py
	$(BIN)/python bench/bench_postgres.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_review.py

# Pin every dependency of pyproject.toml: the runtime closure first, then the dev tools
# constrained to the same runtime versions. Run it after adding or changing a dependency;
# existing pins are kept (add --upgrade to PIP_COMPILE to move them all to the newest).
lock: | $(BIN)/python
	@$(PIP) install --quiet 'pip-tools>=7.4' >&2
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
