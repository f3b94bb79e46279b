#!/usr/bin/env bash
# Builds the image from the Dockerfile and proves it: the server answers
# through the container's published port, the image's HEALTHCHECK passes, it
# runs as a non-root user, and SIGTERM with calls in flight loses none and
# exits 0.
#
#   tests/container/run.sh [LEDE_CLI]      (`make test-container`)
#
# LEDE_CLI is the host's `lede` (default build/bin/lede): it makes the calls.
# docker is used where a daemon answers; else buildah (chroot isolation, vfs
# storage, no daemon) builds and podman runs, with containers.conf beside
# this script (runc, lowered ulimits) and their own storage under
# ~/.cache/lede/containers, kept between runs as the build cache. Those tools
# come from tests/container/packages.txt. Where no registry answers, the base
# image is made here with debootstrap (needs root) and passed as BASE.
# Environment: LEDE_CONTAINER_ENGINE=docker|podman, LEDE_BASE=IMAGE (skip the
# base logic), LEDE_DEBIAN_MIRROR (for debootstrap).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/container
cli=$(realpath "${1:-$root/build/bin/lede}")
seeds=$root/tests/fixtures/seeds
image=localhost/lede:test
base_remote=docker.io/library/debian:bookworm-slim
base_local=localhost/lede-base:bookworm
mirror=${LEDE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
name=lede-test-$$
work=$(mktemp -d)

log() { echo "test-container: $*"; }
fail() {
  echo "test-container: FAIL: $*" >&2
  exit 1
}
[[ -x $cli ]] || fail "no lede CLI at $cli (make build)"

engine=${LEDE_CONTAINER_ENGINE:-}
if [[ -z $engine ]]; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    engine=docker
  else
    engine=podman
  fi
fi

if [[ $engine == docker ]]; then
  ctr() { docker "$@"; }
  # BuildKit for the Dockerfile's cache mount; plain progress for the log.
  build_image() { DOCKER_BUILDKIT=1 docker build --progress=plain "$@"; }
  image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
  lock=${XDG_CACHE_HOME:-$HOME/.cache}/lede/docker.lock
else
  "$root"/scripts/bootstrap "$here"/packages.txt
  export CONTAINERS_CONF=$here/containers.conf
  graphroot=${XDG_CACHE_HOME:-$HOME/.cache}/lede/containers/storage
  storage=(--root "$graphroot" --runroot "/tmp/lede-containers-run-$(id -u)"
    --storage-driver vfs)
  ctr() { podman "${storage[@]}" "$@"; }
  build_image() {
    buildah "${storage[@]}" bud --isolation chroot --layers --format docker "$@"
  }
  image_exists() {
    local rc=0
    podman "${storage[@]}" image exists "$1" || rc=$?
    ((rc <= 1)) || fail "podman cannot use its storage $graphroot (exit $rc)"
    return "$rc"
  }
  lock=$graphroot.lock
fi

# One run at a time per storage: a second would see the first's containers.
mkdir -p "$(dirname "$lock")"
exec 9>"$lock"
flock 9

cleanup() {
  ctr rm -f "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [[ $engine == podman ]]; then
  # Working containers an interrupted build left behind (each a full copy
  # of its image under vfs).
  buildah "${storage[@]}" rm --all >/dev/null
fi

# A bookworm root filesystem from the Debian mirror, committed as an image.
make_base() {
  [[ $(id -u) -eq 0 ]] || fail "no registry answers and debootstrap needs root: set LEDE_BASE"
  log "no registry answers: making $base_local with debootstrap --variant=minbase bookworm $mirror"
  if ! debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log"
    fail "debootstrap failed"
  fi
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$work/rootfs.tar" .
  if [[ $engine == docker ]]; then
    docker import "$work/rootfs.tar" "$base_local" >/dev/null
  else
    local c
    c=$(buildah "${storage[@]}" from scratch)
    buildah "${storage[@]}" add "$c" "$work/rootfs.tar" / >/dev/null
    buildah "${storage[@]}" config --cmd /bin/bash "$c"
    buildah "${storage[@]}" commit --quiet "$c" "$base_local" >/dev/null
    buildah "${storage[@]}" rm "$c" >/dev/null
  fi
  rm -rf "$work/rootfs" "$work/rootfs.tar"
}

# The base: one already here (bookworm-slim, or a base made earlier), else
# bookworm-slim from the registry, else one made with debootstrap.
if [[ -n ${LEDE_BASE:-} ]]; then
  base=$LEDE_BASE
elif image_exists "$base_remote"; then
  base=$base_remote
elif image_exists "$base_local"; then
  base=$base_local
elif timeout 120 ctr pull "$base_remote" >"$work/pull.log" 2>&1; then
  base=$base_remote
else
  make_base
  base=$base_local
fi

build_log=$(dirname "$lock")/container-build.log
log "building $image on $base with $engine (log: $build_log)"
started=$SECONDS
if ! build_image --build-arg BASE="$base" -t "$image" -f "$root/Dockerfile" "$root" \
  >"$build_log" 2>&1; then
  tail -n 60 "$build_log"
  fail "image build failed"
fi
if [[ $engine == podman ]]; then
  # Tag the build stage's image too (buildah prints its id last before the
  # runtime stage's first step), then prune the images earlier builds left
  # untagged: this build's layers stay, the cache of the next one.
  stage=$(awk '/^\[2\/2\] STEP 1\//{print last; exit} /^--> [0-9a-f]+$/{last = $2}' "$build_log")
  if [[ -n $stage ]] && buildah "${storage[@]}" tag "$stage" localhost/lede-build:test; then
    buildah "${storage[@]}" rmi --prune >/dev/null 2>&1 || true
  fi
fi
size=$(ctr image inspect -f '{{.Size}}' "$image")
log "built in $((SECONDS - started)) s; the image is $((size / 1000000)) MB"

# One worker thread, so the calls of the drain check queue on the server.
# (podman complains on stderr when there is no systemd to time the
# HEALTHCHECK: shown only if the run fails; the check below runs it by hand.)
ctr run -d --name "$name" -p 127.0.0.1::50051 "$image" \
  --address=0.0.0.0:50051 --threads=1 --access_log >/dev/null 2>"$work/run.err" ||
  fail "$engine run failed: $(cat "$work/run.err")"
port=$(ctr port "$name" 50051/tcp | head -n 1 | sed 's/.*://')
[[ $port =~ ^[0-9]+$ ]] || fail "no published port for 50051: $(ctr port "$name")"
server=127.0.0.1:$port

for ((i = 0; ; i++)); do
  "$cli" health --server "$server" --timeout 1s >/dev/null 2>&1 && break
  if [[ $(ctr inspect -f '{{.State.Running}}' "$name") != true ]] || ((i >= 150)); then
    ctr logs "$name" 2>&1 | tail -n 20
    fail "the container did not become SERVING on $server"
  fi
  sleep 0.2
done
log "SERVING on $server (published port of the container)"

# The image's own HEALTHCHECK (lede health inside the container).
if [[ $engine == podman ]]; then
  ctr healthcheck run "$name" || fail "HEALTHCHECK failed"
else
  for ((i = 0; ; i++)); do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$name")
    [[ $status == healthy ]] && break
    ((i < 60)) || fail "HEALTHCHECK status $status after 30 s"
    sleep 0.5
  done
fi
uid=$(ctr exec "$name" id -u)
[[ $uid != 0 ]] || fail "the server runs as root"
log "HEALTHCHECK healthy; server runs as uid $uid"

# The seeds through the published port: every answer carries the expected
# title.
"$cli" parse --server "$server" "$seeds"/0*.txt >"$work/seeds.jsonl" ||
  fail "lede parse --server $server failed: $(head -c 500 "$work/seeds.jsonl")"
python3 - "$seeds/expected.json" "$work/seeds.jsonl" <<'EOF'
import json, os, sys
expected = json.load(open(sys.argv[1], encoding="utf-8"))
answers = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
if len(answers) != 3:
    sys.exit(f"{len(answers)} answers for 3 seeds")
for answer in answers:
    seed = os.path.basename(answer["id"])
    title = answer.get("article", {}).get("title")
    if title != expected[seed]["title"]:
        sys.exit(f"{seed}: title {title!r}, want {expected[seed]['title']!r}")
    print(f"test-container: {seed}: {title}")
EOF

# SIGTERM with calls in flight: several clients each send a large page (about
# half a second of parsing each, one at a time on the one worker); the signal
# comes once all are sent. The server drains: every call answers, exit 0.
python3 -c '
import sys
p = "<p>Paragraph {} of the article, with enough words to score, and a <a href=\"/x\">link</a> or two.</p>"
sys.stdout.write("<html><body><article>" + "".join(p.format(i) for i in range(20000)) + "</article></body></html>")
' >"$work/large.html"
clients=6
pids=()
for ((i = 0; i < clients; i++)); do
  "$cli" parse --server "$server" --format text "$work/large.html" \
    >"$work/drain-$i.out" 2>&1 &
  pids+=($!)
done
# The signal waits until the server holds every client's connection (seen in
# the container's own /proc/net/tcp: state 01, local port 50051 = C383): a
# call still connecting when the listener closes is refused, not lost, and a
# slow machine takes more than a fixed pause to start six clients.
connected() {
  ctr exec "$name" cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
    awk '$2 ~ /:C383$/ && $4 == "01"' | wc -l
}
for ((i = 0; ; i++)); do
  n=$(connected)
  ((n >= clients)) && break
  ((i < 300)) || fail "only $n of $clients clients connected after 60 s"
  sleep 0.2
done
sleep 0.5
log "SIGTERM to the container with $clients calls sent"
ctr kill --signal TERM "$name" >/dev/null
lost=0
for ((i = 0; i < clients; i++)); do
  if ! wait "${pids[$i]}"; then
    lost=$((lost + 1))
    echo "call $i: $(head -c 300 "$work/drain-$i.out")" >&2
  fi
done
code=$(ctr wait "$name")
ctr logs "$name" >"$work/server.log" 2>&1
# Calls answered after the signal: the ones that were in flight.
after=$(sed -n '/lede-server: signal/,$p' "$work/server.log" | grep -c 'call Parse .* status=OK' || true)
grep -q 'lede-server: drained, exiting' "$work/server.log" ||
  { cat "$work/server.log"; fail "the server did not drain"; }
((lost == 0)) || { tail -n 20 "$work/server.log"; fail "$lost of $clients calls failed across SIGTERM"; }
[[ $code == 0 ]] || { tail -n 20 "$work/server.log"; fail "exit code $code after SIGTERM, want 0"; }
((after > 0)) || fail "every call finished before SIGTERM: the drain was not exercised"
log "PASS: $clients of $clients calls answered ($after of them after SIGTERM), exit code 0"
