#!/usr/bin/env bash
# Gathers the seed corpus of each harness into fuzz/corpus/<harness>/ from
# the demo organisation (partnerops.yaml, partners/, templates/) and the test
# fixtures (tests/fixtures/). Each seed is named by the SHA-1 of its bytes,
# as libFuzzer names what it adds, so a rerun adds only what is new and
# never duplicates. Run from anywhere; commit what it adds (the corpus stays
# small: a few hundred files, well under a megabyte).
#   fuzz/gather-seeds.sh            gather into fuzz/corpus/
#   fuzz/gather-seeds.sh OUT        gather into OUT/<harness>/ instead
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/fuzz/corpus}
cd "$root"

# seed HARNESS: stores standard input as one seed of HARNESS.
seed() {
  local dir="$out/$1" tmp
  mkdir -p "$dir"
  tmp=$(mktemp "$dir/.seed.XXXXXX")
  cat >"$tmp"
  mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -c1-40)"
}

# The schema a workspace path is validated against (model/file_kind.cpp).
schema_of() {
  case "$1" in
    */partnerops.yaml | partnerops.yaml) echo partnerops.schema.yaml ;;
    */schemas/lifecycle.yaml) echo lifecycle.schema.yaml ;;
    */partner.yaml) echo partner.schema.yaml ;;
    */agreement.yaml) echo agreement.schema.yaml ;;
    */sow/*.yaml) echo sow.schema.yaml ;;
    */quotes/*.yaml) echo quote.schema.yaml ;;
    */invoices/*.yaml) echo invoice.schema.yaml ;;
    */credit-notes/*.yaml) echo credit-note.schema.yaml ;;
    */kpis.yaml) echo kpis.schema.yaml ;;
    */issues.yaml) echo issues.schema.yaml ;;
    */usage/*.yaml) echo usage.schema.yaml ;;
    *) echo partner.schema.yaml ;;
  esac
}

# Files over 16 KiB would slow every run without teaching the fuzzer more.
small() { find "$@" -type f -size -16k 2>/dev/null | LC_ALL=C sort; }

# yaml_schema: every YAML file, behind the comment line naming its schema.
for file in partnerops.yaml $(small partners tests/fixtures -name '*.yaml'); do
  { echo "# $(schema_of "$file")"; cat "$file"; } | seed yaml_schema
done

# yaml_edit: the partner files under the edits the committing commands make
# (advance: stage and history; record: a checklist item), plus one of each
# kind on the other files.
for file in $(small partners tests/fixtures/base -name partner.yaml); do
  { printf 'set stage\nqualified\nslug\n'; cat "$file"; } | seed yaml_edit
  { printf 'append history\nAdvanced after the "kick-off": call\nstage\n'; cat "$file"; } | seed yaml_edit
  { printf 'map checklist/hail-the-lead\n=2026-11-23\nhistory\n'; cat "$file"; } | seed yaml_edit
  { printf 'set closed_reason\nNo budget # this year\nstage\n'; cat "$file"; } | seed yaml_edit
done
for file in $(small partners -name '*.yaml' ! -name partner.yaml); do
  { printf 'set status\npaid\n\n'; cat "$file"; } | seed yaml_edit
  { printf 'append payments\n=120\n\n'; cat "$file"; } | seed yaml_edit
done

# template: every template of the demo (partials included, as templates).
for file in $(small templates -name '*.mustache'); do
  seed template <"$file"
done

# markdown: the notes and Markdown of the demo and fixtures, and the
# Markdown templates (their tags are text to Markdown).
for file in $(small partners tests/fixtures templates -name '*.md' -o -name '*.md.mustache'); do
  seed markdown <"$file"
done

for harness in yaml_schema yaml_edit template markdown; do
  echo "$harness: $(find "$out/$harness" -type f | wc -l) seeds"
done
