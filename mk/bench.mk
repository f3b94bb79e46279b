# Accuracy and speed benchmarks (bench/): lede and the peers over ../shared/eval
# (or $LEDE_EVAL_DIR) and the seeds, scored per DESIGN.md. Each writes its own
# sections of bench/RESULTS.md. Peers live in bench/ only (bench/setup.sh).
# Benchmarks are not tests: only the scorers' unit tests join `make test`.
#
# lede is built in its own tree, $(BENCH_BUILD) (default build-bench/), so a
# benchmark never races a build in build/.
BENCH_BUILD ?= build-bench
BENCH_LEDE := $(CURDIR)/$(BENCH_BUILD)/bin/lede
BENCH_ARGS ?=
SPEED_ARGS ?=
LOAD_ARGS ?=
.PHONY: bench-build bench-accuracy bench-speed bench-load bench-peers-setup \
        bench-score-test test-bench-score test-bench-load

bench-peers-setup:
	@bench/setup.sh

bench-build: bootstrap
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@ninja -C $(BENCH_BUILD) -j $(JOBS) lede lede_speed_bench

# Cached results are reused (lede's cache key is its binary's hash, so a
# rebuilt engine is always re-run): BENCH_ARGS=--fresh recomputes everything.
bench-accuracy: bench-peers-setup bench-build
	LEDE_BIN=$(BENCH_LEDE) python3 bench/run.py --write $(BENCH_ARGS)

# Engine vs gumbo per page, in process; peers' times from the accuracy run's
# results in bench/out (run bench-accuracy first for those rows).
bench-speed: bench-build
	LEDE_BIN=$(BENCH_LEDE) python3 bench/speed/run.py \
	  --bench $(BENCH_BUILD)/bin/lede_speed_bench --write $(SPEED_ARGS)

# lede-server under gRPC load (bench/load/driver, grpc-go through the Go
# module proxy) against the engine in-process, and the heap and RSS a page
# costs a worker: the `load` section. Several minutes; LOAD_ARGS="--every 6
# --rounds 1 --duration 10s" shortens it.
bench-load: bench-build
	@ninja -C $(BENCH_BUILD) -j $(JOBS) lede-server lede_inprocess_bench
	cd bench/load/driver && go build -o $(CURDIR)/$(BENCH_BUILD)/gobin/lede-load .
	python3 bench/load/run.py --build $(BENCH_BUILD) --write $(LOAD_ARGS)

# Smoke tests of the load generator and the in-process bench (a few seconds,
# the fixture seeds, the server and the bench of $(BUILD)), inside `make test`.
test-bench-load: build
	cd bench/load/driver && go vet ./... && \
	  LEDE_SERVER=$(CURDIR)/$(BUILD)/bin/lede-server \
	  LEDE_INPROCESS_BENCH=$(CURDIR)/$(BUILD)/bin/lede_inprocess_bench go test -count=1 ./...

TEST_TARGETS += test-bench-load

# Unit tests of the bench's own scorers (stdlib only, under a second).
bench-score-test:
	@python3 -m pytest -q --no-header -p no:cacheprovider -p no:asyncio bench/score

# The same, inside `make test`, with the pytest of the Python client's venv
# (mk/python.mk), so a fresh machine needs nothing more.
test-bench-score: python-venv
	@PYTHONDONTWRITEBYTECODE=1 \
	  $(PY_VENV)/bin/python -m pytest -q --no-header -p no:cacheprovider -p no:asyncio bench/score

TEST_TARGETS += test-bench-score
