#!/usr/bin/env bash
# Runs each libFuzzer harness of build/fuzz for a while (`make fuzz`).
#   FUZZ_SECONDS  seconds per harness (default 180)
#   FUZZ_JOBS     harnesses run at once (default 1)
#   FUZZ_HARNESSES  which ones (default: all four)
#   FUZZ_ARGS     more libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" to
#                 go on after a finding and collect them all
# Each harness starts from the committed seeds (fuzz/corpus/<name>/) and
# keeps what it finds in build/fuzz/corpus/<name>/, so the next run goes on
# from there. A crash, leak, timeout or failed harness check is written to
# build/fuzz/artifacts/<name>/ and makes this script exit 1; replay it with
# `build/fuzz/fuzz/fuzz_<name> <file>`, fix the code, and copy the file into
# fuzz/corpus/<name>/ so `make test` keeps replaying it.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/fuzz
seconds=${FUZZ_SECONDS:-180}
jobs=${FUZZ_JOBS:-1}
harnesses=${FUZZ_HARNESSES:-yaml_schema yaml_edit template markdown}

run_one() {
  local name=$1
  local binary=$build/fuzz/fuzz_$name
  local corpus=$build/corpus/$name artifacts=$build/artifacts/$name
  mkdir -p "$corpus" "$artifacts"
  [ -x "$binary" ] || { echo "fuzz: $binary is missing; run make fuzz" >&2; return 1; }
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: a leak or
  # an input that blows up memory is a finding, not an OOM-killed machine.
  "$binary" "$corpus" "$root/fuzz/corpus/$name" \
    -dict="$root/fuzz/dict/$name.dict" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} >"$build/$name.log" 2>&1
  local status=$?
  echo "== $name (exit $status)"
  grep -aE '^(stat::|#[0-9]+(: cov|[[:space:]]+DONE)|INFO: exiting)|^==[0-9]+==ERROR|harness check failed|SUMMARY' "$build/$name.log" | tail -n 12
  return $status
}

failed=0
running=0
for name in $harnesses; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
