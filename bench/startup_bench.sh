#!/usr/bin/env bash
# Times how long partnerops takes to start: `partnerops --version` (start-up
# and exit only) and `partnerops log` on the demo organisation (this
# repository; a small real command that never prints a PDF). Reports the
# median of RUNS runs of each, in milliseconds.
#
# usage: [BEFORE=path/to/older/partnerops] bench/startup_bench.sh [RUNS]   (default 51)
#
# With BEFORE set, that binary runs the same commands in the same loop,
# alternating with the new one, so both share the machine's load; the
# medians are printed side by side with their ratio. Times come from bash's
# $EPOCHREALTIME around each run, so no helper process is timed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-51}"
partnerops="${PARTNEROPS:-$root/build/release/partnerops}"
before="${BEFORE:-}"

[[ -x "$partnerops" ]] || { echo "build first: make build (or set PARTNEROPS)" >&2; exit 2; }
[[ -z "$before" || -x "$before" ]] || { echo "BEFORE=$before is not a program" >&2; exit 2; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command in the demo organisation; prints its wall time in ms.
timed_ms() {
  local t0 t1
  t0=$EPOCHREALTIME
  (cd "$root" && "$@") >/dev/null 2>&1 || true
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", (b - a) * 1000}'
}

echo "$(nproc) cores; $runs runs each; after: $partnerops${before:+; before: $before}"
declare -a version log b_version b_log
for ((i = 1; i <= runs; i++)); do
  version+=("$(timed_ms "$partnerops" --version)")
  log+=("$(timed_ms "$partnerops" log)")
  if [[ -n "$before" ]]; then
    b_version+=("$(timed_ms "$before" --version)")
    b_log+=("$(timed_ms "$before" log)")
  fi
done
med() { printf '%s\n' "$@" | median; }
m_version=$(med "${version[@]}") m_log=$(med "${log[@]}")
if [[ -z "$before" ]]; then
  printf 'median: --version %.1f ms, log %.1f ms\n' "$m_version" "$m_log"
  exit 0
fi
row() {  # name, before, after
  printf '%-10s %9.1f ms %9.1f ms %7.2fx\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN {print a / b}')"
}
printf '%-10s %12s %12s %8s\n' median before after ratio
row --version "$(med "${b_version[@]}")" "$m_version"
row log "$(med "${b_log[@]}")" "$m_log"
