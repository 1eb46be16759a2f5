#!/usr/bin/env bash
# The Debian package's contents and dependencies. Given a .deb, checks it;
# given a build folder, builds the package there first with CPack (slow: the
# `package` ctest label runs it, and CI's package job checks the release
# build's package). Usage: package_test.sh FILE.deb | BUILD_FOLDER
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }
target=$1
if [ -d "$target" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$target" && cpack -G DEB -B "$work" >/dev/null)
  deb=$(ls "$work"/partnerops_*.deb)
else
  deb=$target
fi
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for file in ./usr/bin/partnerops ./usr/lib/partnerops/partnerops-pdf-engine.so \
  ./usr/share/partnerops/schemas/partnerops.schema.yaml ./usr/share/partnerops/schemas/lifecycle.yaml \
  ./usr/share/partnerops/templates/layout.mustache \
  ./usr/share/partnerops/skeleton/.github/workflows/partners.yml \
  ./usr/share/partnerops/skeleton/.gitignore ./usr/share/man/man1/partnerops.1.gz \
  ./usr/share/bash-completion/completions/partnerops ./usr/share/doc/partnerops/copyright; do
  grep -qxF "$file" <<<"$contents" || fail "the package lacks $file"
done
depends=$(dpkg-deb -f "$deb" Depends)
# Declared from the linked libraries (dpkg-shlibdeps), Qt WebKit's among them.
for library in libgit2 libqt5webkit5 libqpdf libyaml-cpp libgmime-3.0 libical libcmark-gfm fonts-inter icc-profiles-free; do
  grep -qF "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; contents and dependencies ok"
