# lede: the two commands are `make run` and `make test`.
# Each mk/*.mk fragment adds its own targets and appends to TEST_TARGETS.
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
ADDRESS ?= 0.0.0.0:50051
TEST_TARGETS := test-cpp

.PHONY: all bootstrap configure build run test test-cpp format clean
all: build

bootstrap:
	@scripts/bootstrap

configure: bootstrap
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/bin/lede-server --address $(ADDRESS)

test-cpp: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	clang-format -i --style=file $$(git ls-files --cached --others --exclude-standard '*.cc' '*.h' 'proto/lede/*.proto')

clean:
	rm -rf $(BUILD)

-include mk/*.mk

test: build
	@$(MAKE) --no-print-directory $(TEST_TARGETS)
