#!/usr/bin/env bash
# Renders N sample invoices (default 500) to PDF two ways, in the same run and
# from the same HTML files:
#   1. partnerops' engine: one process, one Qt WebKit application object,
#      each document printed and finished (footer, metadata) in turn;
#   2. the wkhtmltopdf program (Debian package), once per document, with
#      JavaScript off: --disable-javascript --javascript-delay 0.
# Prints per-document medians and their ratio (wall time, and CPU time,
# which other work on a shared machine disturbs less), then the same corpus split
# over two engine processes (how `partnerops build --jobs 2` would use two
# cores) with its wall-clock time.
#
# Usage: bench/render_bench.sh [N]
# Needs: cmake, a C++ compiler, the libraries of scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-500}
build=build/bench
work=bench/results/render
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

rm -rf "$work"
mkdir -p "$work"

# An optimised build of its own; its log is shown only when it fails.
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPARTNEROPS_TESTS=OFF \
         -DPARTNEROPS_BENCH=ON &&
       cmake --build "$build" --target render_bench -j 2; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 2
fi
driver=$build/render_bench

# The median of the numbers on standard input.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "key value" lines of the driver's output: value of key.
field() { awk -v k="$1" '$1 == k { print $2 }'; }

echo "render_bench: preparing $count invoice HTML files" >&2
prepared=$("$driver" prepare tests/render/fixtures/templates tests/render/fixtures/branding/logo.svg "$work/html" "$count")

echo "render_bench: partnerops engine, one process" >&2
ours=$("$driver" render "$work/html" "$work/ours")

echo "render_bench: wkhtmltopdf, one process per document" >&2
mkdir -p "$work/wkhtmltopdf"
: >"$work/wkhtmltopdf-times.txt"
# bash's `time` gives wall, user and system seconds of each run without
# starting another program to read the clock.
TIMEFORMAT='%R %U %S'
for html in "$work"/html/*.html; do
  out="$work/wkhtmltopdf/$(basename "$html" .html).pdf"
  { time wkhtmltopdf -q --disable-javascript --javascript-delay 0 --enable-local-file-access \
      -s A4 -T 18mm -R 18mm -B 20mm -L 18mm "$html" "$out" 2>/dev/null; } 2>>"$work/wkhtmltopdf-times.txt"
done
wk_median=$(awk '{ printf "%.3f\n", $1 * 1000 }' "$work/wkhtmltopdf-times.txt" | median)
wk_cpu_median=$(awk '{ printf "%.3f\n", ($2 + $3) * 1000 }' "$work/wkhtmltopdf-times.txt" | median)
wk_total=$(awk '{ t += $1 } END { printf "%.2f", t }' "$work/wkhtmltopdf-times.txt")

echo "render_bench: partnerops engine, two processes" >&2
start=$EPOCHREALTIME
"$driver" render "$work/html" "$work/ours-2" 0 2 >"$work/shard-0.txt" &
first=$!
"$driver" render "$work/html" "$work/ours-2" 1 2 >"$work/shard-1.txt"
wait "$first"
end=$EPOCHREALTIME
two_wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')

total_median=$(field total_median_ms <<<"$ours")
cpu_median=$(field cpu_median_ms <<<"$ours")
ratio=$(awk -v a="$wk_median" -v b="$total_median" 'BEGIN { printf "%.1f", a / b }')
cpu_ratio=$(awk -v a="$wk_cpu_median" -v b="$cpu_median" 'BEGIN { printf "%.1f", a / b }')
load=$(cut -d' ' -f1-3 /proc/loadavg)

cat <<REPORT
render benchmark: $count invoices (A4, one page each), $(nproc) cores, load average $load
  template rendering (mustache), median per document:  $(field template_median_ms <<<"$prepared") ms
  partnerops engine, one process:
    first document (starts Qt):                         $(field first_document_ms <<<"$ours") ms
    print (Qt WebKit), median per document:              $(field engine_median_ms <<<"$ours") ms
    finish (qpdf footer + metadata), median:             $(field finish_median_ms <<<"$ours") ms
    print + finish, median per document:                 $total_median ms
    print + finish, CPU time, median per document:       $cpu_median ms
    wall time for all documents:                         $(field wall_s <<<"$ours") s
  wkhtmltopdf program (JavaScript off), per document:
    median:                                              $wk_median ms
    CPU time (user + system), median:                    $wk_cpu_median ms
    total for all documents:                             $wk_total s
  ratio of medians (wkhtmltopdf / partnerops):           ${ratio}x
  ratio of CPU-time medians:                             ${cpu_ratio}x
  partnerops engine, two processes, wall time:           $two_wall s
REPORT
