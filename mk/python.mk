# The Python client (client/python): a virtualenv under $(BUILD), the package
# installed into it with its test extras, and its pytest suite against the
# real server.
PY_VENV := $(BUILD)/venv-python
PY_SOURCES := $(shell find client/python -name '*.py' -o -name 'pyproject.toml' 2>/dev/null)

$(PY_VENV)/.installed: $(PY_SOURCES)
	python3 -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install -q --upgrade pip
	$(PY_VENV)/bin/pip install -q "./client/python[test]"
	touch $@

.PHONY: test-python python-generate
test-python: build $(PY_VENV)/.installed
	cd client/python && LEDE_SERVER=$(CURDIR)/$(BUILD)/bin/lede-server \
	  LEDE_CLI=$(CURDIR)/$(BUILD)/bin/lede $(CURDIR)/$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider

python-generate: $(PY_VENV)/.installed
	$(PY_VENV)/bin/python client/python/tools/generate.py

TEST_TARGETS += test-python
