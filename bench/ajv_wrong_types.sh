#!/usr/bin/env bash
# Check that ajv-cli rejects every file in tests/fixtures/wrong-types/ against
# the schema named on its `# yaml-language-server: $schema=` line, and print
# ajv's error for each. Exit status: 0 when every fixture is rejected.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/.."
ajv="$here/node_modules/.bin/ajv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/yaml2json.py" "$repo" "$work/repo" > /dev/null
status=0
for fixture in "$repo"/tests/fixtures/wrong-types/*.yaml; do
  name="$(basename "$fixture" .yaml)"
  schema="$(sed -n '1s|^# yaml-language-server: \$schema=.*/\([a-z]*\)\.schema\.yaml$|\1|p' "$fixture")"
  python3 "$here/yaml2json.py" --file "$fixture" "$work/$name.json"
  if out="$("$ajv" validate --spec=draft7 --allow-union-types --all-errors --errors=text \
        -s "$work/repo/schemas/$schema.schema.json" -r "$work/repo/schemas/common.schema.json" \
        -d "$work/$name.json" 2>&1)"; then
    echo "NOT REJECTED  $name ($schema)"
    status=1
  else
    echo "rejected      $name ($schema): $(echo "$out" | grep -v ' invalid$' | tail -1)"
  fi
done
exit $status
