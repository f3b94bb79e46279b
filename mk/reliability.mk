# Reliability benchmarks (bench/reliability): not tests, not part of `make
# test`. They read ../shared/eval for the bench pages and write the
# `reliability` section of bench/RESULTS.md (with `make fuzz`'s summary).
.PHONY: bench-reliability soak
bench-reliability: build
	python3 bench/reliability/run.py adversarial --build $(BUILD)
	python3 bench/reliability/run.py overload --build $(BUILD)
	python3 bench/reliability/run.py write --build $(BUILD)

# 100 000 calls of mixed bench pages through Parse and ParseStream; RSS is
# sampled at rest every 1 000 calls (the clients pause until every call sent
# is answered), and the soak fails when it grows more than 10 % after the
# warm-up (10 000 calls). SOAK_ARGS adds run.py's flags, e.g. "--seconds
# 1200 --warmup 5000" for what fits in 20 minutes.
SOAK_ARGS ?=
soak: build python-venv
	$(PY_VENV)/bin/python bench/reliability/run.py soak --build $(BUILD) $(SOAK_ARGS)
	python3 bench/reliability/run.py write --build $(BUILD)
