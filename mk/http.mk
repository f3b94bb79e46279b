# The HTTP door (tests/http): the real lede-server's /v1/parse and
# /v1/detect-language against the CLI's output, /metrics through Prometheus's
# own parser (prometheus_client), /readyz through a drain, the JSON log, and
# the playground in headless Chromium (Playwright's Python package driving
# Debian's chromium). Python packages go into the Python client's test venv;
# curl and chromium come from tests/http/packages.txt. The playground test
# leaves a screenshot in $(BUILD)/playground.png.
HTTP_INSTALL_LOG := $(abspath $(BUILD))/http-install.log

.PHONY: test-http
test-http: build python-venv
	@scripts/bootstrap tests/http/packages.txt
	@$(PY_VENV)/bin/python -m pip install --disable-pip-version-check \
	    -r tests/http/requirements.txt >$(HTTP_INSTALL_LOG) 2>&1 \
	  || { cat $(HTTP_INSTALL_LOG); exit 1; }
	@cd tests/http && \
	  LEDE_SERVER=$(abspath $(BUILD))/bin/lede-server \
	  LEDE_CLI=$(abspath $(BUILD))/bin/lede \
	  PYTHONDONTWRITEBYTECODE=1 \
	  $(PY_VENV)/bin/python -m pytest -q --no-header

TEST_TARGETS += test-http
