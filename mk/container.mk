# The container image (Dockerfile), built and run by tests/container/run.sh:
# docker where a daemon answers, else buildah + podman, which the script
# installs from tests/container/packages.txt. The first build takes minutes
# (base image, the -dev packages, the whole project); later ones reuse the
# layers. `make test` runs it only where buildah or a docker daemon is
# already there, and says so when it skips.
.PHONY: test-container test-container-if-present
test-container: build
	tests/container/run.sh $(abspath $(BUILD))/bin/lede

test-container-if-present: build
	@if command -v buildah >/dev/null || docker info >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory test-container; \
	else \
	  echo "test-container: SKIPPED: no buildah and no docker daemon here; 'make test-container' installs buildah and podman and runs it"; \
	fi

TEST_TARGETS += test-container-if-present
