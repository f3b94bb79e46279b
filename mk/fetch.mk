# Fetch overhead (bench/fetch/run.py): Parse with a url, which the server
# fetches, against Parse with the page's bytes, on every bench page served by
# nginx on 127.0.0.2; writes the `fetch` section of bench/RESULTS.md. nginx
# comes from tests/scale/packages.txt, the client from the Python venv. About
# ten minutes. FETCH_ARGS="--sets seeds,cwced-dev --repeat 5" narrows it.
FETCH_ARGS ?=
.PHONY: bench-fetch
bench-fetch: build python-venv
	@scripts/bootstrap tests/scale/packages.txt
	$(PY_VENV)/bin/python bench/fetch/run.py --write $(FETCH_ARGS)
