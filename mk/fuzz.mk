# Fuzzing (tests/fuzz): each libFuzzer target, built by Debian's clang with
# ASan and UBSan in $(FUZZ_BUILD), runs for FUZZ_SECONDS from the committed
# corpus; a crash lands in tests/fuzz/regressions/TARGET, which `make test`
# replays (as it does the corpus) in every build. `make fuzz FUZZ_SECONDS=600`.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse_fuzzer decode_fuzzer front_matter_fuzzer dates_fuzzer \
                jsonld_fuzzer nesting_fuzzer hiding_fuzzer inert_text_fuzzer
.PHONY: fuzz fuzz-build

fuzz-build: bootstrap
	@scripts/bootstrap tests/fuzz/packages.txt
	@CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEDE_FUZZ=ON \
	  -DLEDE_SANITIZE=address,undefined >/dev/null
	@ninja -C $(FUZZ_BUILD) -j $(JOBS) $(FUZZ_TARGETS)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
