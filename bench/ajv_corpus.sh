# Sourced by the benches: checks every YAML file of a partnerops corpus
# with ajv-cli, one run per file kind (its command line takes one schema).
# usage: ajv_corpus AJV CORPUS    (fails when ajv-cli finds a problem)
ajv_corpus() {
  local ajv="$1" corpus="$2" s="$2/schemas" kind pattern
  for kind in partnerops:partnerops.yaml partner:'partners/*/partner.yaml' \
      agreement:'partners/*/agreement.yaml' sow:'partners/*/sow/*.yaml' \
      quote:'partners/*/quotes/*.yaml' invoice:'partners/*/invoices/*.yaml' \
      kpis:'partners/*/kpis.yaml' issues:'partners/*/issues.yaml'; do
    pattern="${kind#*:}"
    kind="${kind%%:*}"
    (cd "$corpus" && "$ajv" validate --spec=draft7 --allow-union-types --all-errors \
      -s "$s/$kind.schema.yaml" -r "$s/common.schema.yaml" -d "$pattern" >/dev/null 2>&1) || {
      echo "ajv-cli found problems in $kind files" >&2; return 1; }
  done
}
