#!/usr/bin/env bash
# Runs each libFuzzer target of BUILD for SECONDS, from the committed corpus
# (tests/fuzz/corpus/TARGET, read only) and its own in BUILD/corpus/TARGET
# (grown). A crash is copied to tests/fuzz/regressions/TARGET, where `make
# test` replays it from then on, and fails the run. One JSON line per target
# (seconds asked and run, executions, corpus, crashes) goes to BUILD/fuzz-summary.jsonl for the
# reliability report.
#   tests/fuzz/run.sh BUILD SECONDS TARGET...
set -uo pipefail
build=$1 seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
summary=$build/fuzz-summary.jsonl
: >"$summary"
failed=0
for target in "$@"; do
  corpus=$build/corpus/$target artifacts=$build/artifacts/$target
  mkdir -p "$corpus" "$artifacts" "$here/regressions/$target"
  log=$build/$target.log
  echo "fuzz: $target for ${seconds}s"
  started=$SECONDS
  dict=()  # markup's tokens for the targets that read markup
  case $target in
    nesting_fuzzer | hiding_fuzzer | inert_text_fuzzer | parse_fuzzer) dict=(-dict="$here/markup.dict") ;;
  esac
  "$build/bin/$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
    "$corpus" "$here/corpus/$target" >"$log" 2>&1
  status=$?
  ran=$((SECONDS - started))  # less than asked when a crash stops it
  executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=0
  for crash in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [[ -e $crash ]] || continue
    crashes=$((crashes + 1))
    cp "$crash" "$here/regressions/$target/"
    echo "fuzz: $target: $(basename "$crash") -> tests/fuzz/regressions/$target/ (commit it; make test replays it)"
  done
  rm -f "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*
  size=$(find "$corpus" -type f | wc -l)
  printf '{"target": "%s", "seconds": %s, "seconds_run": %s, "executions": %s, "corpus": %s, "crashes": %s, "exit": %s}\n' \
    "$target" "$seconds" "$ran" "${executions:-0}" "$size" "$crashes" "$status" >>"$summary"
  echo "fuzz: $target: ${executions:-0} executions, corpus $size, crashes $crashes (exit $status)"
  if [[ $status -ne 0 || $crashes -gt 0 ]]; then
    failed=1
    tail -30 "$log"
  fi
done
exit $failed
