# The Python client (client/python): a virtualenv under $(BUILD), the package
# installed from the tree with its test extra, and pytest against the real
# lede-server and lede CLI that `build` made.
PYTHON ?= python3
PY_VENV := $(abspath $(BUILD))/venv-python
PY_INSTALL_LOG := $(abspath $(BUILD))/python-install.log

.PHONY: test-python python-venv python-generate
TEST_TARGETS += test-python

$(PY_VENV)/bin/python:
	@$(PYTHON) -m venv $(PY_VENV)

# Installs the package itself (not editable: pip rebuilds a local folder
# every time), so the tests see what `pip install ./client/python` gives a
# user. pip's chatter goes to a log, printed only when the install fails.
python-venv: $(PY_VENV)/bin/python
	@$(PY_VENV)/bin/python -m pip install --disable-pip-version-check \
	    './client/python[test]' >$(PY_INSTALL_LOG) 2>&1 \
	  || { cat $(PY_INSTALL_LOG); exit 1; }

# pytest -q prints failures in full and one summary line on success; it exits
# non-zero (5) if no test ran, which fails the target.
test-python: build python-venv
	@cd client/python && \
	  LEDE_SERVER=$(abspath $(BUILD))/bin/lede-server \
	  LEDE_CLI=$(abspath $(BUILD))/bin/lede \
	  MYPY_CACHE_DIR=$(abspath $(BUILD))/mypy-cache-python \
	  PYTHONDONTWRITEBYTECODE=1 \
	  $(PY_VENV)/bin/python -m pytest -q --no-header -p no:cacheprovider

# Rewrites client/python/src/lede/v1 from proto/ after the API changes.
python-generate: python-venv
	@$(PY_VENV)/bin/python client/python/tools/generate_protos.py
