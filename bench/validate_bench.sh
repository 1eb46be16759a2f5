#!/usr/bin/env bash
# Times `partnerops validate` against ajv-cli on the same YAML files and the
# same schemas, side by side in one run, and reports medians and the ratio.
#
# usage: bench/validate_bench.sh [RUNS]        (default 5)
#
# The corpus (bench/corpus, 10,000 partners, seed 1) is generated on first
# use. ajv-cli reads the YAML itself (js-yaml, YAML 1.2 core schema; the
# corpus quotes its dates so both tools see the same strings) and checks only
# the schemas; partnerops also runs the lifecycle and cross-file rules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
corpus="$here/corpus"
partnerops="$root/build/release/partnerops"
ajv="$here/node_modules/.bin/ajv"

[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }
[[ -x "$ajv" ]] || (cd "$here" && npm ci --silent --no-audit --no-fund)
[[ -d "$corpus/partners" ]] || python3 "$here/generate_corpus.py" --partners 10000 --seed 1 --out "$corpus" >/dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# ajv-cli over the corpus, one run per file kind (bench/ajv_corpus.sh).
source "$here/ajv_corpus.sh"
run_ajv() { ajv_corpus "$ajv" "$corpus"; }

files=$(find -L "$corpus" -name '*.yaml' -not -path '*/schemas/*' | wc -l)
echo "corpus: $files YAML files, $(ls "$corpus/partners" | wc -l) partners; $(nproc) cores; $runs runs each"

ours=() theirs=()
for ((i = 1; i <= runs; i++)); do
  t0=$(now); run_ajv; t1=$(now)
  "$partnerops" validate "$corpus" --today 2026-11-23 >/dev/null 2>&1 || { echo "partnerops found problems" >&2; exit 1; }
  t2=$(now)
  theirs+=("$(echo "$t1 - $t0" | bc)")
  ours+=("$(echo "$t2 - $t1" | bc)")
  printf 'run %d: ajv-cli %.2f s, partnerops %.2f s\n' "$i" "${theirs[-1]}" "${ours[-1]}"
done
m_theirs=$(printf '%s\n' "${theirs[@]}" | median)
m_ours=$(printf '%s\n' "${ours[@]}" | median)
printf 'median: ajv-cli %.2f s, partnerops %.2f s; partnerops takes %.2fx the time of ajv-cli (%.2fx faster)\n' \
  "$m_theirs" "$m_ours" "$(echo "$m_ours / $m_theirs" | bc -l)" "$(echo "$m_theirs / $m_ours" | bc -l)"
echo "where partnerops spends its time (one more run):"
"$partnerops" validate "$corpus" --today 2026-11-23 --timings 2>&1 >/dev/null | grep timings
