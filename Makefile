# The two commands a presenter needs: `make deck` builds the shipped deck, `make test` runs the tests.
# Both create the virtual environment in .venv on first use (Python 3.11 or newer).

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python

.PHONY: deck test lint clean

deck: $(VENV)/.installed
	$(PY) -m deck build

test: $(VENV)/.installed
	$(PY) -m pytest

# Style and types: ruff (pyflakes, pycodestyle, import order, bugbear, pyupgrade) and mypy.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "deck needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV) .pytest_cache
	find out -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
