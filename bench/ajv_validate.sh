#!/usr/bin/env bash
# Validate every YAML file of a partnerops tree with ajv-cli against schemas/,
# as an independent check of the schemas and a baseline for benchmarks.
#
# usage: bench/ajv_validate.sh [ROOT]      (ROOT defaults to bench/corpus)
#
# ajv reads JSON, and its own YAML reader follows YAML 1.1 (an unquoted date
# becomes a timestamp), so the tree is first converted to JSON by
# bench/yaml2json.py with YAML 1.2 core-schema scalars. Prints per-schema
# counts, the conversion time, the ajv time and the total wall time.
# Exit status: 0 when every file is valid, 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${1:-$here/corpus}"
ajv="$here/node_modules/.bin/ajv"
if [[ ! -x "$ajv" ]]; then
  echo "ajv-cli missing: (cd bench && npm ci)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
t0=$(now)
python3 "$here/yaml2json.py" "$root" "$work/json" > "$work/counts"
# Schemas come from the tree being validated when it has them, else from the repository.
if [[ ! -f "$work/json/schemas/common.schema.json" ]]; then
  python3 "$here/yaml2json.py" "$here/.." "$work/repo" > /dev/null
  cp -r "$work/repo/schemas" "$work/json/schemas"
fi
t1=$(now)

status=0
files=0
invalid=0
while read -r kind count; do
  [[ "$kind" == schemas ]] && continue
  files=$((files + count))
  if "$ajv" validate --spec=draft7 --allow-union-types --all-errors --errors=text \
      -s "$work/json/schemas/$kind.schema.json" -r "$work/json/schemas/common.schema.json" \
      -d "$work/json/$kind/*.json" > "$work/$kind.out" 2>&1; then
    printf '%-11s %7d files  all valid\n' "$kind" "$count"
  else
    bad=$(grep -c ' invalid$' "$work/$kind.out" || true)
    invalid=$((invalid + bad))
    printf '%-11s %7d files  %d INVALID\n' "$kind" "$count" "$bad"
    grep -v ' valid$' "$work/$kind.out" | head -20
    status=1
  fi
done < "$work/counts"
t2=$(now)

printf 'files: %d, invalid: %d\n' "$files" "$invalid"
printf 'yaml->json: %.2f s, ajv: %.2f s, wall: %.2f s\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t2 - $t0" | bc)"
exit $status
