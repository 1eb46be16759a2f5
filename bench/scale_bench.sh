#!/usr/bin/env bash
# What a team's day costs on 10,000 partners: each run edits one partner's
# file (a comment line, so the bytes and the stamp change), then times the
# reading commands through the parse cache ("warm": only the edited file is
# parsed), with ajv-cli checking the same files side by side in the same
# loop; one cold run (no cache) of each of validate and ajv-cli comes first.
# Medians of wall and CPU time and the largest resident memory, and the
# ratio of validate to ajv-cli, cold and warm.
#
# usage: [SEED=7] [CORPUS=dir] bench/scale_bench.sh [RUNS]   (default 5)
#
# The corpus is generated with SEED (default 7, not the generator's default
# 1) into CORPUS (default bench/corpus-seed$SEED) on first use; its files
# are aged an hour so their stamps count as settled (see
# model/parse_cache.hpp). Targets: each reading command under 1 s warm,
# validate at least 3 times faster than ajv-cli, validate under 250 MB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
seed="${SEED:-7}"
corpus="${CORPUS:-$here/corpus-seed$seed}"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"
ajv="$here/node_modules/.bin/ajv"
today=2026-11-23

[[ -x "$partnerops" ]] || { echo "build first: make build (or set PARTNEROPS)" >&2; exit 2; }
[[ -x "$ajv" ]] || (cd "$here" && npm ci --silent --no-audit --no-fund)
if [[ ! -d "$corpus/partners" ]]; then
  python3 "$here/generate_corpus.py" --partners 10000 --seed "$seed" --out "$corpus" >/dev/null
  find "$corpus" -exec touch -d '1 hour ago' {} +
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure="$(mktemp)"
trap 'rm -f "$measure"' EXIT
# Runs a command; prints "wall cpu rss_mb".
timed() {
  /usr/bin/time -f "%e %U %S %M" -o "$measure" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.3f %.3f %.0f\n", $1, $2 + $3, $4 / 1024}' "$measure"
}

# ajv-cli over the corpus, one run per file kind (bench/ajv_corpus.sh).
source "$here/ajv_corpus.sh"
run_ajv() { ajv_corpus "$ajv" "$corpus"; }
export -f run_ajv ajv_corpus
export corpus ajv

files=$(find "$corpus" -name '*.yaml' -not -path '*/schemas/*' | wc -l)
echo "corpus: $corpus (seed $seed): $files YAML files, $(ls "$corpus/partners" | wc -l) partners; $(nproc) cores; $runs runs"

rm -rf "$corpus/.partnerops/cache"
read -r cold_wall cold_cpu cold_rss < <(timed "$partnerops" validate "$corpus" --today "$today")
read -r ajv_cold_wall ajv_cold_cpu _ < <(timed bash -c run_ajv)
printf 'cold: validate %.2f s (CPU %.2f s, %d MB), ajv-cli %.2f s (CPU %.2f s): validate %.2fx faster\n' \
  "$cold_wall" "$cold_cpu" "$cold_rss" "$ajv_cold_wall" "$ajv_cold_cpu" "$(echo "$ajv_cold_wall / $cold_wall" | bc -l)"

declare -A wall cpu rss
commands=(validate tickler report statement ajv)
edited=$(ls "$corpus/partners" | sed -n '5000p')
for ((i = 1; i <= runs; i++)); do
  printf '# run %d\n' "$i" >> "$corpus/partners/$edited/partner.yaml"
  line="run $i:"
  for name in "${commands[@]}"; do
    case "$name" in
      validate) read -r w c r < <(timed "$partnerops" validate "$corpus" --today "$today") ;;
      tickler) read -r w c r < <(timed "$partnerops" tickler "$corpus" --today "$today" --format json) ;;
      report) read -r w c r < <(timed "$partnerops" report "$corpus" --today "$today" --format json) ;;
      statement) read -r w c r < <(timed "$partnerops" statement --all "$corpus" --today "$today" --format json) ;;
      ajv) read -r w c r < <(timed bash -c run_ajv) ;;
    esac
    wall[$name]+="$w "; cpu[$name]+="$c "; rss[$name]+="$r "
    line+=$(printf ' %s %.2f s' "$name" "$w")
  done
  echo "$line"
done
med() { printf '%s\n' $1 | median; }
printf '%-10s %9s %9s %9s\n' "median" "wall s" "CPU s" "max MB"
for name in "${commands[@]}"; do
  printf '%-10s %9.2f %9.2f %9.0f\n' "$name" "$(med "${wall[$name]}")" "$(med "${cpu[$name]}")" "$(med "${rss[$name]}")"
done
printf 'warm: validate %.2fx faster than ajv-cli\n' "$(echo "$(med "${wall[ajv]}") / $(med "${wall[validate]}")" | bc -l)"
echo "where a warm validate spends its time (one more run):"
"$partnerops" validate "$corpus" --today "$today" --timings 2>&1 >/dev/null | grep timings
