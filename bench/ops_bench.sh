#!/usr/bin/env bash
# Times `partnerops tickler --format json` and `partnerops report --format
# json` on the 10,000-partner corpus, with `partnerops validate` on the same
# files side by side (all three load the same workspace, so the ratios show
# what the tickler and the report add to loading), and reports medians.
# Target: tickler and report under 2 s each.
#
# usage: bench/ops_bench.sh [RUNS]        (default 5)
#
# The corpus (bench/corpus) is generated on first use and reused after.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
corpus="$here/corpus"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"
today=2026-11-23

[[ -x "$partnerops" ]] || { echo "build first: make build (or set PARTNEROPS)" >&2; exit 2; }
[[ -d "$corpus/partners" ]] || python3 "$here/generate_corpus.py" --partners 10000 --out "$corpus" >/dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "corpus: $(ls "$corpus/partners" | wc -l) partners; $(nproc) cores; $runs runs each; --today $today"

tickler=() report=() validate=()
for ((i = 1; i <= runs; i++)); do
  t0=$(now)
  "$partnerops" tickler "$corpus" --today "$today" --format json >/dev/null
  t1=$(now)
  "$partnerops" report "$corpus" --today "$today" --format json >/dev/null
  t2=$(now)
  "$partnerops" validate "$corpus" --today "$today" >/dev/null 2>&1 || true
  t3=$(now)
  tickler+=("$(echo "$t1 - $t0" | bc)")
  report+=("$(echo "$t2 - $t1" | bc)")
  validate+=("$(echo "$t3 - $t2" | bc)")
  printf 'run %d: tickler %.2f s, report %.2f s, validate %.2f s\n' "$i" "${tickler[-1]}" "${report[-1]}" "${validate[-1]}"
done
m_tickler=$(printf '%s\n' "${tickler[@]}" | median)
m_report=$(printf '%s\n' "${report[@]}" | median)
m_validate=$(printf '%s\n' "${validate[@]}" | median)
printf 'median: tickler %.2f s, report %.2f s, validate %.2f s\n' "$m_tickler" "$m_report" "$m_validate"
printf 'ratio to validate: tickler %.2fx, report %.2fx\n' \
  "$(echo "$m_tickler / $m_validate" | bc -l)" "$(echo "$m_report / $m_validate" | bc -l)"
for pair in "tickler:$m_tickler" "report:$m_report"; do
  name="${pair%%:*}" value="${pair#*:}"
  if (( $(echo "$value < 2" | bc) )); then echo "$name: under the 2 s target"; else echo "$name: OVER the 2 s target"; fi
done
items=$("$partnerops" tickler "$corpus" --today "$today" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
echo "tickler items on the corpus: $items"
# The three commands share the loading; this is where it goes.
echo "loading, as validate --timings reports it (one more run):"
"$partnerops" validate "$corpus" --today "$today" --timings 2>&1 >/dev/null | grep timings || true
