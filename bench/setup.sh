#!/usr/bin/env bash
# Installs the accuracy benchmark's peers, all inside bench/ and never into the
# service: a virtualenv (bench/.venv) from requirements.txt, Readability.js +
# jsdom (bench/node/node_modules, from package-lock.json), go-trafilatura
# built from bench/go into bench/go/bin, and rs-trafilatura built from bench/rs
# into bench/rs/target/release. Idempotent: each step is skipped when
# what it makes is already up to date. A peer that fails to install is reported
# and skipped; the benchmark then runs without it.
set -uo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
status=0

stamp_ok() {  # stamp file is newer than every input
  local stamp=$1; shift
  [[ -e $stamp ]] || return 1
  for f in "$@"; do [[ $f -nt $stamp ]] && return 1; done
  return 0
}

echo "bench: Python peers -> bench/.venv"
if stamp_ok .venv/.installed requirements.txt; then
  echo "  up to date"
else
  [[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
  # pip 23's resolver trips over lxml[html_clean]: a current pip first.
  if .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
     .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt; then
    touch .venv/.installed
  else
    echo "  FAILED: Python peers not installed" >&2; status=1
  fi
fi

echo "bench: Readability.js + jsdom -> bench/node/node_modules"
if stamp_ok node/node_modules/.installed node/package.json node/package-lock.json; then
  echo "  up to date"
elif command -v npm >/dev/null; then
  if (cd node && npm ci --no-audit --no-fund --loglevel=error); then
    touch node/node_modules/.installed
  else
    echo "  FAILED: npm ci" >&2; status=1
  fi
else
  echo "  skipped: npm not found" >&2
fi

echo "bench: go-trafilatura -> bench/go/bin"
if stamp_ok go/bin/go-trafilatura go/main.go go/go.mod go/go.sum; then
  echo "  up to date"
elif command -v go >/dev/null; then
  # Building pulls in a WebAssembly RE2 and takes a few minutes the first time.
  if ! (cd go && go build -o bin/go-trafilatura .); then
    echo "  skipped: go-trafilatura did not build; the benchmark runs without it" >&2
  fi
else
  echo "  skipped: go not found" >&2
fi
echo "bench: rs-trafilatura -> bench/rs/target/release"
if stamp_ok rs/target/release/rs-trafilatura-worker rs/src/main.rs rs/Cargo.toml rs/Cargo.lock; then
  echo "  up to date"
elif command -v cargo >/dev/null; then
  # The crate pulls in a crawler's dependency tree: a few minutes the first time.
  if ! (cd rs && cargo build --release --locked -q); then
    echo "  skipped: rs-trafilatura did not build; the benchmark runs without it" >&2
  fi
else
  echo "  skipped: cargo not found" >&2
fi
exit $status
