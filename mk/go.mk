# The Go client (client/go): go vet and its tests against the real server.
# Modules come through the Go module proxy into the module cache.
.PHONY: test-go go-generate
test-go: build
	cd client/go && go vet ./... && LEDE_SERVER=$(CURDIR)/$(BUILD)/bin/lede-server \
	  LEDE_CLI=$(CURDIR)/$(BUILD)/bin/lede GOBIN_DIR=$(CURDIR)/$(BUILD)/gobin go test -count=1 ./...

go-generate:
	GOBIN_DIR=$(CURDIR)/$(BUILD)/gobin client/go/generate.sh

TEST_TARGETS += test-go
