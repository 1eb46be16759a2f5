#!/usr/bin/env bash
# Times `partnerops statement --all --format json` on the 10,000-partner
# corpus: the whole command (process start to last byte) and, from the
# command's own --timings, its split between loading the workspace and
# computing and printing the statements. Medians of RUNS.
#
# usage: bench/statement_bench.sh [RUNS]        (default 5)
#
# The corpus (bench/corpus, generate_corpus.py, 10,000 partners, seed 1) is
# generated on first use; about 15% of its past-due invoices are partly paid
# or unpaid, so the statements have open amounts in every ageing bucket.
# Target: under 2 s for the whole command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
corpus="$here/corpus"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"

[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }
[[ -d "$corpus/partners" ]] || python3 "$here/generate_corpus.py" --partners 10000 --seed 1 --out "$corpus" >/dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

out="$(mktemp)"
err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT
echo "corpus: $(ls "$corpus/partners" | wc -l) partners; $(nproc) cores; $runs runs"

total=() load=() compute=()
for ((i = 1; i <= runs; i++)); do
  t0=$(now)
  "$partnerops" statement --all "$corpus" --format json --today 2026-11-23 --timings >"$out" 2>"$err" || {
    echo "partnerops statement failed:" >&2; cat "$err" >&2; exit 1; }
  t1=$(now)
  total+=("$(echo "$t1 - $t0" | bc)")
  load+=("$(sed -n 's/^timings: load \([0-9.]*\) s.*/\1/p' "$err")")
  compute+=("$(sed -n 's/^timings: .*, statements \([0-9.]*\) s.*/\1/p' "$err")")
done

statements=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["statements"]))' "$out")
open_total=$(python3 -c '
import json, sys
from decimal import Decimal
totals = {}
for s in json.load(open(sys.argv[1]))["statements"]:
    for b in s["balances"]:
        totals[b["currency"]] = totals.get(b["currency"], Decimal(0)) + Decimal(b["balance"])
print(", ".join(f"{c} {v}" for c, v in sorted(totals.items())))' "$out")
echo "output: $statements statements, $(wc -c <"$out") bytes; open balances $open_total"
printf 'statement --all --format json: median %.3f s (runs: %s)\n' \
  "$(printf '%s\n' "${total[@]}" | median)" "${total[*]}"
printf '  of which loading the workspace: median %.3f s; statements and JSON: median %.3f s\n' \
  "$(printf '%s\n' "${load[@]}" | median)" "$(printf '%s\n' "${compute[@]}" | median)"
