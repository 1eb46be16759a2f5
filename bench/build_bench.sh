#!/usr/bin/env bash
# Times `partnerops build` on about 500 invoices of a synthetic organisation:
# a full build (worker processes on every core) and a no-op rebuild, where
# every document is unchanged and skipped by its input hash. Medians of RUNS.
#
# usage: bench/build_bench.sh [RUNS]     (default 5)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
partnerops="$root/build/release/partnerops"
[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# 400 partners give about 500 invoices with the generator's mix.
python3 "$here/generate_corpus.py" --partners 400 --seed 1 --out "$work/org" >/dev/null
cp -r "$root/templates" "$work/org/"
count=$(find "$work/org/partners" -path '*/invoices/*.yaml' | wc -l)

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
full=() noop=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$work/out"
  t0=$(now)
  "$partnerops" build "$work/org" --kind invoice --today 2026-11-23 --out "$work/out" 2>/dev/null
  t1=$(now)
  "$partnerops" build "$work/org" --kind invoice --today 2026-11-23 --out "$work/out" 2>/dev/null
  t2=$(now)
  full+=("$(echo "$t1 - $t0" | bc)")
  noop+=("$(echo "$t2 - $t1" | bc)")
done
m_full=$(printf '%s\n' "${full[@]}" | median)
m_noop=$(printf '%s\n' "${noop[@]}" | median)
printf '%d invoices, %d cores: full build median %.2f s (%.1f ms per document), no-op rebuild median %.2f s\n' \
  "$count" "$(nproc)" "$m_full" "$(echo "$m_full * 1000 / $count" | bc -l)" "$m_noop"
