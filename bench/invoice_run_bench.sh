#!/usr/bin/env bash
# Times `partnerops invoice run` for one billing month on the 10,000-partner
# corpus, in a git repository made of it in a temporary folder.
#
# usage: [PARTNERS=N] [PERIOD=YYYY-MM] bench/invoice_run_bench.sh [RUNS]
#        (defaults 10000, 2026-12 and 5)
#
# The corpus (generate_corpus.py, seed 1) is invoiced up to November 2026, so
# December 2026 bills every monthly fee, a third of the quarterly ones and a
# twelfth of the annual ones. Three timings, medians of RUNS each:
#   --dry-run    loading, planning and the table; nothing written
#   --no-commit  the same plus writing the drafts (removed after each run)
#   commit       the default: drafts committed on invoice-run/<period>
#                through libgit2 (the branch is deleted after each run)
# and, for scale, `partnerops validate` of the same tree. Target: a run
# under 5 s.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
period="${PERIOD:-2026-12}"
partnerops="$root/build/release/partnerops"
[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }

python3 "$here/generate_corpus.py" --partners "${PARTNERS:-10000}" --seed 1 --out "$repo" >/dev/null
git -C "$repo" init -q -b main
git -C "$repo" config user.name "Bench Mark"
git -C "$repo" config user.email bench@example.org
git -C "$repo" add -A
git -C "$repo" commit -q -m "corpus"

run() {  # prints the wall seconds of one partnerops run in $repo
  local start end
  start="$(now)"
  (cd "$repo" && "$partnerops" invoice run "$period" --today 2026-11-23 "$@" > "$work/out")
  end="$(now)"
  secs "$start" "$end"
}

: > "$work/dry"; : > "$work/write"; : > "$work/commit"; : > "$work/validate"
for _ in $(seq "$runs"); do
  run --dry-run >> "$work/dry"
  run --no-commit >> "$work/write"
  git -C "$repo" clean -q -fd partners
  run >> "$work/commit"
  git -C "$repo" checkout -q main
  git -C "$repo" branch -q -D "invoice-run/$period"
  start="$(now)"
  "$partnerops" validate "$repo" --today 2026-11-23 > /dev/null 2>&1 || true
  end="$(now)"
  secs "$start" "$end" >> "$work/validate"
done
(cd "$repo" && "$partnerops" invoice run "$period" --today 2026-11-23 --dry-run) | tail -1 > "$work/summary"
files="$(git -C "$repo" ls-files | wc -l)"
echo "corpus: ${PARTNERS:-10000} partners, $files files; period $period; medians of $runs runs"
echo "created: $(cat "$work/summary")"
printf 'invoice run --dry-run    %s s\n' "$(median < "$work/dry")"
printf 'invoice run --no-commit  %s s\n' "$(median < "$work/write")"
printf 'invoice run (commit)     %s s\n' "$(median < "$work/commit")"
printf 'validate (for scale)     %s s\n' "$(median < "$work/validate")"
