# The Kubernetes manifests (k8s/): every one decodes strictly into the API
# types, the kustomize base renders, and it agrees with the server's flags
# and the Dockerfile's user. Modules come through the Go module proxy.
.PHONY: test-k8s
test-k8s:
	cd k8s && go vet ./... && go test -count=1 ./...

TEST_TARGETS += test-k8s
