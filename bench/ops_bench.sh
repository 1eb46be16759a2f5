#!/usr/bin/env bash
# Times `partnerops tickler --format json` and `partnerops report --format
# json` on the 10,000-partner corpus, with `partnerops validate` on the same
# files side by side, and reports medians. Target: tickler and report under
# 2 s each.
#
# usage: [BEFORE=path/to/older/partnerops] bench/ops_bench.sh [RUNS]   (default 5)
#
# tickler and report read through the parse cache (.partnerops/cache of the
# corpus, see docs/ARCHITECTURE.md): the first run after the cache is
# removed parses everything ("cold") and the timed runs find every file
# there ("warm"); both are printed. With BEFORE set, that binary runs the
# same commands in the same loop, so before and after share the machine's
# load, and the ratios are printed. On a shared machine wall time follows
# the other load, so CPU time (user + system) is printed beside it.
#
# The corpus (bench/corpus) is generated on first use and reused after.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
corpus="$here/corpus"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"
before="${BEFORE:-}"
today=2026-11-23

[[ -x "$partnerops" ]] || { echo "build first: make build (or set PARTNEROPS)" >&2; exit 2; }
[[ -z "$before" || -x "$before" ]] || { echo "BEFORE=$before is not a program" >&2; exit 2; }
[[ -d "$corpus/partners" ]] || python3 "$here/generate_corpus.py" --partners 10000 --out "$corpus" >/dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command; prints its wall time and appends its CPU time (user +
# system, from /usr/bin/time) to the file named by $cpu_log.
cpu_log="$(mktemp)"
trap 'rm -f "$cpu_log"' EXIT
timed() {
  local t0 t1
  t0=$(now)
  /usr/bin/time -f "%U %S" -o "$cpu_log.one" "$@" >/dev/null 2>&1 || true
  t1=$(now)
  awk '{printf "%.2f\n", $1 + $2}' "$cpu_log.one" >> "$cpu_log"
  rm -f "$cpu_log.one"
  echo "$t1 - $t0" | bc
}
# The CPU time of the last timed command.
last_cpu() { tail -1 "$cpu_log"; }

echo "corpus: $(ls "$corpus/partners" | wc -l) partners; $(nproc) cores; $runs runs each; --today $today"

rm -rf "$corpus/.partnerops/cache"
cold_tickler=$(timed "$partnerops" tickler "$corpus" --today "$today" --format json)
cold_tickler_cpu=$(last_cpu)
cold_report=$(timed "$partnerops" report "$corpus" --today "$today" --format json)
printf 'cold cache (first run, fills it): tickler %.2f s (CPU %.2f s), then report %.2f s (CPU %.2f s)\n' \
  "$cold_tickler" "$cold_tickler_cpu" "$cold_report" "$(last_cpu)"

tickler=() report=() validate=() b_tickler=() b_report=()
c_tickler=() c_report=() c_validate=() cb_tickler=() cb_report=()
for ((i = 1; i <= runs; i++)); do
  tickler+=("$(timed "$partnerops" tickler "$corpus" --today "$today" --format json)"); c_tickler+=("$(last_cpu)")
  report+=("$(timed "$partnerops" report "$corpus" --today "$today" --format json)"); c_report+=("$(last_cpu)")
  validate+=("$(timed "$partnerops" validate "$corpus" --today "$today")"); c_validate+=("$(last_cpu)")
  line=$(printf 'run %d: tickler %.2f s, report %.2f s, validate %.2f s' "$i" "${tickler[-1]}" "${report[-1]}" "${validate[-1]}")
  if [[ -n "$before" ]]; then
    b_tickler+=("$(timed "$before" tickler "$corpus" --today "$today" --format json)"); cb_tickler+=("$(last_cpu)")
    b_report+=("$(timed "$before" report "$corpus" --today "$today" --format json)"); cb_report+=("$(last_cpu)")
    line+=$(printf '; before: tickler %.2f s, report %.2f s' "${b_tickler[-1]}" "${b_report[-1]}")
  fi
  echo "$line"
done
med() { printf '%s\n' "$@" | median; }
m_tickler=$(med "${tickler[@]}") m_report=$(med "${report[@]}") m_validate=$(med "${validate[@]}")
printf 'median wall: tickler %.2f s, report %.2f s, validate %.2f s\n' "$m_tickler" "$m_report" "$m_validate"
printf 'median CPU:  tickler %.2f s, report %.2f s, validate %.2f s\n' \
  "$(med "${c_tickler[@]}")" "$(med "${c_report[@]}")" "$(med "${c_validate[@]}")"
if [[ -n "$before" ]]; then
  row() {  # name, before, after
    printf '%-14s %8.2f s %8.2f s %7.2fx\n' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)"
  }
  printf '%-14s %10s %10s %8s\n' "median" "before" "after" "ratio"
  row "tickler wall" "$(med "${b_tickler[@]}")" "$m_tickler"
  row "report wall" "$(med "${b_report[@]}")" "$m_report"
  row "tickler CPU" "$(med "${cb_tickler[@]}")" "$(med "${c_tickler[@]}")"
  row "report CPU" "$(med "${cb_report[@]}")" "$(med "${c_report[@]}")"
fi
for pair in "tickler:$m_tickler" "report:$m_report"; do
  name="${pair%%:*}" value="${pair#*:}"
  if (( $(echo "$value < 2" | bc) )); then echo "$name: under the 2 s target"; else echo "$name: OVER the 2 s target"; fi
done
items=$("$partnerops" tickler "$corpus" --today "$today" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
echo "tickler items on the corpus: $items"
if [[ -n "$before" ]]; then
  same() { cmp -s <("$partnerops" "$@" 2>&1) <("$before" "$@" 2>&1) && echo same || echo DIFFERENT; }
  echo "output, before vs after: tickler $(same tickler "$corpus" --today "$today" --format json)," \
       "report $(same report "$corpus" --today "$today" --format json)"
fi
echo "where loading goes, with the cache warm (tickler --timings) and without it (validate --timings):"
"$partnerops" tickler "$corpus" --today "$today" --format json --timings 2>&1 >/dev/null | grep timings || true
"$partnerops" validate "$corpus" --today "$today" --timings 2>&1 >/dev/null | grep timings || true
