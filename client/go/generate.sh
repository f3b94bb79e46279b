#!/usr/bin/env bash
# Regenerates ledev1/ from proto/lede/v1/lede.proto with pinned plugins.
# Usage: generate.sh [OUT_DIR]  (default: this module; the test writes to a
# temporary directory and compares).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$here}
gobin=${GOBIN_DIR:-$root/build/gobin}
mkdir -p "$gobin" "$out"
[[ -x $gobin/protoc-gen-go ]] ||
  GOBIN=$gobin go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.5
[[ -x $gobin/protoc-gen-go-grpc ]] ||
  GOBIN=$gobin go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.5.1
PATH=$gobin:$PATH protoc -I "$root/proto" \
  --go_out="$out" --go_opt=module=github.com/lede-project/lede/client/go \
  --go-grpc_out="$out" --go-grpc_opt=module=github.com/lede-project/lede/client/go \
  "$root/proto/lede/v1/lede.proto"
