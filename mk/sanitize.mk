# Sanitizers (not part of `make test`: each is a whole build of its own).
# `make test-sanitize` runs the C++ suite (engine, service, adversarial,
# golden, fuzz replays and the integration tests, whose lede-server and lede
# are built the same way) under ASan+UBSan in $(ASAN_BUILD), then the
# server's integration tests (concurrent Parse and ParseStream, drain, TLS,
# fetch) under TSan in $(TSAN_BUILD). The overload test is left out there:
# what it checks are latencies (the refused answered at once, the accepted
# within their deadline), which TSan's slowdown makes a measure of the
# machine's load. Debian's gRPC, protobuf and Abseil
# are not instrumented: see tests/sanitize/README.md for what that means and
# how their synchronisation is told to TSan. The lede-server children of the
# integration tests inherit TSAN_OPTIONS: a race they report kills them.
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
SANITIZE_DIR := $(CURDIR)/tests/sanitize
.PHONY: test-sanitize test-asan test-tsan

test-sanitize: test-asan test-tsan

test-asan: bootstrap
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLEDE_SANITIZE=address,undefined >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
	  LSAN_OPTIONS=suppressions=$(SANITIZE_DIR)/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) -E '^clang_format$$'

test-tsan: bootstrap
	@cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLEDE_SANITIZE=thread >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS) --target integration_test lede-server lede service_test
	cd $(TSAN_BUILD) && \
	  TSAN_OPTIONS=suppressions=$(SANITIZE_DIR)/tsan.supp:ignore_noninstrumented_modules=1:halt_on_error=1:exitcode=66:second_deadlock_stack=1 \
	  ctest --output-on-failure -j 1 -R 'WorkQueue|Server|Tls' -E '^ServerOverloadTest'
