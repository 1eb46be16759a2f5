#!/usr/bin/env bash
# Times `partnerops site` on the 10,000-partner corpus: a cold build (empty
# site folder, no parse cache), a no-op rebuild (nothing changed: every page
# rendered and compared, none written) and a rebuild after one edit (one
# partner's notes.md gains a line: its page is rewritten, nothing else).
# Medians of RUNS each; the pages written and their size are printed too.
#
# usage: bench/site_bench.sh [RUNS]        (default 5)
#
# The corpus (bench/corpus, generate_corpus.py, 10,000 partners, seed 1) is
# generated on first use and copied to a temporary folder, which the edits
# change. It is not a git repository, so the pages carry no timeline.
# PARTNEROPS=path/to/partnerops times another binary (default: the release
# build). Target: seconds, not minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
corpus="${CORPUS:-$here/corpus}"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"

[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }
[[ -d "$corpus/partners" ]] || python3 "$here/generate_corpus.py" --partners 10000 --seed 1 --out "$corpus" >/dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/org"
# The site's templates, as `init` gives an organisation.
mkdir -p "$work/org/templates" && cp -r "$root/templates/site" "$work/org/templates/"
site="$work/org/out/site"
echo "corpus: $(ls "$work/org/partners" | wc -l) partners; $(nproc) cores; $runs runs"

run_site() {
  local t0 t1
  t0=$(now)
  (cd "$work/org" && "$partnerops" site . --today 2026-11-23 2>"$work/err") || {
    [[ $? -eq 1 ]] || { echo "partnerops site failed:" >&2; cat "$work/err" >&2; exit 1; }
  }
  t1=$(now)
  echo "$t1 - $t0" | bc
}

cold=() noop=() edit=()
count=$(ls "$work/org/partners" | wc -l)
slug=$(ls "$work/org/partners" | sed -n "$((count / 2 + 1))p")
for ((i = 1; i <= runs; i++)); do
  rm -rf "$site" "$work/org/.partnerops/cache"
  cold+=("$(run_site)")
  cold_line=$(tail -1 "$work/err")
  noop+=("$(run_site)")
  noop_line=$(tail -1 "$work/err")
  printf '\n## %s bench edit %d\n\nA line added by the bench.\n' 2026-11-23 "$i" >>"$work/org/partners/$slug/notes.md"
  edit+=("$(run_site)")
  edit_line=$(tail -1 "$work/err")
done

echo "site: $(find "$site" -type f -name '*.html' | wc -l) pages, $(du -sh "$site" | cut -f1)"
echo "cold:  $cold_line"
echo "no-op: $noop_line"
echo "edit:  $edit_line"
printf 'cold (no parse cache, empty folder): median %.2f s (runs: %s)\n' \
  "$(printf '%s\n' "${cold[@]}" | median)" "${cold[*]}"
printf 'no-op rebuild:                       median %.2f s (runs: %s)\n' \
  "$(printf '%s\n' "${noop[@]}" | median)" "${noop[*]}"
printf 'after one edit (%s/notes.md):    median %.2f s (runs: %s)\n' "$slug" \
  "$(printf '%s\n' "${edit[@]}" | median)" "${edit[*]}"
