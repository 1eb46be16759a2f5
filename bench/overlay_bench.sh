#!/usr/bin/env bash
# What the page overlay costs: the footer ("Invoice · INV-… · Page i of N")
# and the status mark of a document that is not final are printed as a sheet
# of their own by the engine and laid over the pages by qpdf (render/
# pdf_finish), one more small render per PDF. Prints N sample invoices
# (default 200) once each and finishes the same printed bytes three ways in
# turn, in one run: without the overlay (metadata only), with the footer, and
# with the footer and a mark. Prints per-document medians of print + finish
# for each, side by side, and what the overlay adds.
#
# Usage: bench/overlay_bench.sh [N]
# Needs: cmake, a C++ compiler, the libraries of scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-200}
# BENCH_BUILD=build/test measures in an existing build folder (its own build
# type and flags, which the report names) instead of making an optimised one.
build=${BENCH_BUILD:-build/bench}
work=bench/results/overlay
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# A sanitized build: no exit-time leak check over Qt WebKit's threads.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

rm -rf "$work"
mkdir -p "$work"

# An optimised build of its own (the release preset's flags, so a compiler
# cache shares its objects); its log is shown only when it fails.
if [ -n "${BENCH_BUILD:-}" ]; then
  configure=(cmake -S . -B "$build" -DPARTNEROPS_BENCH=ON)
else
  configure=(cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARTNEROPS_TESTS=OFF
             -DPARTNEROPS_BENCH=ON)
fi
if ! { "${configure[@]}" && cmake --build "$build" --target render_bench -j 2; } \
     >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 2
fi
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$build/CMakeCache.txt")
sanitize=$(awk -F= '/^PARTNEROPS_SANITIZE:/ { print $2 }' "$build/CMakeCache.txt")
driver=$build/render_bench

field() { awk -v k="$1" '$1 == k { print $2 }'; }

echo "overlay_bench: preparing $count invoice HTML files" >&2
"$driver" prepare tests/render/fixtures/templates tests/render/fixtures/branding/logo.svg \
  "$work/html" "$count" >/dev/null
echo "overlay_bench: printing and finishing each three ways" >&2
result=$("$driver" overlay "$work/html" "$work/pdf")

bare=$(field bare_median_ms <<<"$result")
footer=$(field footer_median_ms <<<"$result")
marked=$(field marked_median_ms <<<"$result")
load=$(cut -d' ' -f1-3 /proc/loadavg)
added() { awk -v a="$1" -v b="$bare" 'BEGIN { printf "%+.1f ms (%+.0f%%)", a - b, (a - b) / b * 100 }'; }

cat <<REPORT
overlay benchmark: $count invoices (one page each), $(nproc) cores, load average $load
  build: $build ($build_type, sanitizers ${sanitize:-OFF})
  print (Qt WebKit), median per document:             $(field print_median_ms <<<"$result") ms
  print + finish, median per document:
    without the overlay (metadata only):              $bare ms
    with the footer:                                  $footer ms   $(added "$footer")
    with the footer and a status mark:                $marked ms   $(added "$marked")
REPORT
