#!/usr/bin/env bash
# What adopting partnerops costs a team: the Debian package's size, how long
# installing takes, and how long `partnerops init` and the README's first
# commands take.
#   - builds the package in BUILD (default build/release; `make package` does
#     the same) and prints its size and the installed size it declares;
#   - install time: `dpkg-deb -x` of the package into a temporary folder and
#     `cmake --install` into a temporary prefix (the files only: apt's
#     download and install of the libraries depends on the mirror and on what
#     the machine has); with BENCH_SYSTEM_INSTALL=1, as root, also
#     `apt-get install ./<deb>` on this machine, then `apt-get remove`;
#   - init time: `partnerops init` from the installed copy into a new folder,
#     RUNS times (default 9), median; and the README's sequence (init, new
#     lead, build of its first PDF) once.
# Usage: bash bench/adoption_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
build=${BUILD:-build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

cmake --build "$build" --target package >/dev/null
deb=$(ls -t "$build"/partnerops_*_amd64.deb | head -1)
echo "package: $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB;" \
  "installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"

start=$(now)
dpkg-deb -x "$deb" "$work/extracted"
echo "install (dpkg-deb -x, files only): $(elapsed "$start" "$(now)") s"
start=$(now)
cmake --install "$build" --prefix "$work/prefix" >/dev/null
echo "install (cmake --install into a prefix): $(elapsed "$start" "$(now)") s"
if [ "${BENCH_SYSTEM_INSTALL:-0}" = 1 ]; then
  start=$(now)
  apt-get install -y -qq "./$deb" >/dev/null
  echo "install (apt-get install ./$(basename "$deb"), libraries already present): $(elapsed "$start" "$(now)") s"
  apt-get remove -y -qq partnerops >/dev/null
fi

mkdir -p "$work/home"
printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' > "$work/home/.gitconfig"
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 PATH="$work/prefix/bin:$PATH"
cd "$work"
for i in $(seq "$runs"); do
  start=$(now)
  partnerops init "org-$i" --name "Acme Research" >/dev/null
  elapsed "$start" "$(now)"
  echo
done | median | awk -v n="$runs" '{print "init: median of " n " runs " $1 " s"}'

start=$(now)
partnerops init acme-partners --name "Acme Research" --currency EUR >/dev/null
partnerops new lead "Lakeshore College" --contact "Dana Reyes <dana@lakeshore.example.org>" \
  acme-partners >/dev/null
partnerops build acme-partners >/dev/null 2>&1
echo "README sequence (init, new lead, build of the first PDF): $(elapsed "$start" "$(now)") s"
