# lede-server and the lede CLI on Debian bookworm.
#   docker build -t lede .
#   docker run --rm -p 50051:50051 -p 8080:8080 lede
# BASE is a build argument so the image also builds where no registry is
# reachable: tests/container makes a bookworm base with debootstrap. (No
# `# syntax=` line: BuildKit would fetch that frontend from a registry.)
# Fully qualified, so buildah and podman need no short-name search list.
ARG BASE=docker.io/library/debian:bookworm-slim

# --- build: the project's Debian -dev packages, then only the two binaries.
FROM ${BASE} AS build
ARG DEBIAN_FRONTEND=noninteractive
# The same package list scripts/bootstrap installs, so a library added there
# reaches the image too; clang-format only checks style.
COPY scripts/packages/cpp.txt /tmp/cpp.txt
RUN apt-get update \
 && sed 's/#.*//' /tmp/cpp.txt | tr -s ' ' '\n' | grep -vx -e '' -e clang-format \
    | xargs apt-get install -y --no-install-recommends \
 && rm -rf /var/lib/apt/lists/*
COPY . /src
# The commit lede_build_info reports (the context has no .git):
#   docker build --build-arg COMMIT=$(git rev-parse --short=12 HEAD) ...
ARG COMMIT=unknown
# One step from sources to /out, so the image keeps one layer for it (each
# layer is a full copy under buildah's vfs storage). The ccache cache mount
# keeps rebuilds after a source change quick. Then the Debian packages that
# hold the shared libraries the binaries load: the runtime stage installs
# these and nothing else. ldd may print /lib or /usr/lib (merged /usr) where
# dpkg knows the other; a library no package holds fails the build.
RUN --mount=type=cache,target=/root/.cache/ccache \
    set -e; \
    cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLEDE_BUILD_TESTS=OFF \
      -DLEDE_COMMIT="$COMMIT"; \
    cmake --build /build --target lede-server lede; \
    ccache --show-stats | grep -i -e 'hits' -e 'misses' || true; \
    mkdir -p /out/bin; \
    strip -o /out/bin/lede-server /build/bin/lede-server; \
    strip -o /out/bin/lede /build/bin/lede; \
    ldd /out/bin/lede-server /out/bin/lede \
      | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u > /tmp/libs; \
    for lib in $(cat /tmp/libs); do \
      pkg=$(dpkg-query -S "$lib" "/usr$lib" "${lib#/usr}" 2>/dev/null \
            | head -n1 | cut -d: -f1); \
      [ -n "$pkg" ] || { echo "no Debian package holds $lib" >&2; exit 1; }; \
      echo "$pkg" >> /tmp/packages; \
    done; \
    sort -u /tmp/packages > /out/runtime-packages.txt; \
    rm -rf /build /tmp/libs /tmp/packages; \
    cat /out/runtime-packages.txt

# --- runtime: the shared libraries and the two binaries, and the CA
# certificates libcurl verifies https pages with when lede fetches a URL.
FROM ${BASE}
ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /out/runtime-packages.txt /tmp/runtime-packages.txt
RUN apt-get update \
 && xargs -a /tmp/runtime-packages.txt apt-get install -y --no-install-recommends \
      ca-certificates \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /tmp/runtime-packages.txt
COPY --from=build /out/bin/lede-server /out/bin/lede /usr/local/bin/
# Numeric, so Kubernetes' runAsNonRoot can check it (k8s/deployment.yaml
# runs as the same uid and gid).
USER 10001:10001
EXPOSE 50051 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["lede", "health", "--server", "127.0.0.1:50051", "--timeout", "2s"]
# Exec form: lede-server is PID 1 and gets SIGTERM itself, then drains.
STOPSIGNAL SIGTERM
ENTRYPOINT ["lede-server"]
CMD ["--address=0.0.0.0:50051"]
