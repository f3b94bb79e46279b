# Scaling (tests/scale): three lede-server replicas on loopback behind nginx
# grpc_pass and behind the Go client's round-robin; one is SIGKILLed after
# 3 000 calls and restarted, and the calls go on until it has served again
# (30 s deadline); no call may fail and each replica serves its share.
# About 40 s. nginx comes from tests/scale/packages.txt.
.PHONY: test-scale bench-scale
test-scale: build
	@scripts/bootstrap tests/scale/packages.txt
	cd tests/scale && go vet ./... && \
	  LEDE_SERVER=$(abspath $(BUILD))/bin/lede-server go test -count=1 -v ./...

# calls/s through 1, 2 and 3 replicas, into the `scale` section of
# bench/RESULTS.md (the rest of the file belongs to other generators).
bench-scale: build
	@scripts/bootstrap tests/scale/packages.txt
	cd tests/scale && LEDE_SERVER=$(abspath $(BUILD))/bin/lede-server \
	  LEDE_SCALE_REPORT=$(abspath $(BUILD))/scale-report.md \
	  go test -count=1 -v -run '^TestThroughput$$' ./...
	python3 bench/report/sections.py bench/RESULTS.md scale < $(abspath $(BUILD))/scale-report.md

TEST_TARGETS += test-scale
