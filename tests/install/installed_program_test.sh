#!/usr/bin/env bash
# The installed program on its own: `cmake --install` into a temporary
# prefix, the prefix moved elsewhere (the tree is relocatable), and then,
# with the build folder and the source tree hidden from the process (a
# private mount namespace binds an empty folder over each), the README's
# "Start your own organisation" commands run from the installed copy: init,
# a lead, its first PDF. Also checks the man page and the bash completion.
# Usage: installed_program_test.sh BUILD_FOLDER SOURCE_TREE
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
mv "$work/prefix" "$work/moved"
prefix=$work/moved

for file in bin/partnerops lib/partnerops/partnerops-pdf-engine.so \
  share/partnerops/schemas/partnerops.schema.yaml share/partnerops/schemas/lifecycle.yaml \
  share/partnerops/templates/layout.mustache share/partnerops/skeleton/.gitignore \
  share/partnerops/skeleton/README.md share/partnerops/skeleton/.github/workflows/partners.yml \
  share/partnerops/skeleton/.github/workflows/tickler.yml share/man/man1/partnerops.1.gz \
  share/bash-completion/completions/partnerops share/doc/partnerops/copyright; do
  [ -f "$prefix/$file" ] || fail "$file is not installed"
done
# Every template and schema of the sources is installed, whatever they are.
diff -r "$source/schemas" "$prefix/share/partnerops/schemas" >/dev/null || fail "schemas/ differs"
diff -r "$source/templates" "$prefix/share/partnerops/templates" >/dev/null || fail "templates/ differs"
# Nothing points back into the build folder: no RUNPATH or RPATH there.
if readelf -d "$prefix/bin/partnerops" | grep -E 'R(UN)?PATH' | grep -qF "$build"; then
  fail "the installed program's RUNPATH names the build folder"
fi

# The man page documents every command, from the program's own help.
man_page=$(zcat "$prefix/share/man/man1/partnerops.1.gz")
for command in init validate build "new lead" "invoice run" advance; do
  grep -qF "partnerops $command" <<<"$man_page" || fail "the man page lacks 'partnerops $command'"
done

# The README's commands after the package install, as the user types them.
readme_commands=$(awk '/^## Start your own organisation/ {on = 1} on && /^```sh$/ {code = 1; next}
  code && /^```$/ {exit} code' "$source/README.md" | grep -v '^sudo apt install')
[ "$(wc -l <<<"$readme_commands")" -eq 3 ] || fail "the README's sequence is not init, new lead, build"

mkdir -p "$work/home" "$work/empty" "$work/user"
printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' > "$work/home/.gitconfig"
cat > "$work/as-user.sh" <<SCRIPT
set -euo pipefail
cd "$work/user"
source "$prefix/share/bash-completion/completions/partnerops"
COMP_WORDS=(partnerops va); COMP_CWORD=1; _partnerops
[ "\${COMPREPLY[*]}" = validate ] || { echo "completion of 'va': \${COMPREPLY[*]}"; exit 1; }
COMP_WORDS=(partnerops new l); COMP_CWORD=2; _partnerops
[ "\${COMPREPLY[*]}" = lead ] || { echo "completion of 'new l': \${COMPREPLY[*]}"; exit 1; }
COMP_WORDS=(partnerops init --fi); COMP_CWORD=2; _partnerops
[ "\${COMPREPLY[*]}" = --fiscal-sponsor ] || { echo "completion of 'init --fi': \${COMPREPLY[*]}"; exit 1; }
$readme_commands
partnerops validate acme-partners --today 2026-12-01 >/dev/null
pdftotext -layout out/lakeshore-college/notes.pdf - | grep -q "Lakeshore College"
# Nothing else stands in for the installed parts: without its module the
# installed program cannot print, without its defaults it cannot init.
mv "$prefix/lib/partnerops" "$prefix/lib/away"
if partnerops build acme-partners --force >build.out 2>&1; then echo "built without its module"; exit 1; fi
grep -q "cannot load the PDF engine module partnerops-pdf-engine.so" build.out
mv "$prefix/lib/away" "$prefix/lib/partnerops"
mv "$prefix/share/partnerops" "$prefix/share/away"
if partnerops init other --name Other 2>init.err; then echo "init without its defaults"; exit 1; fi
grep -qF "the default schemas and templates are missing: $prefix/share/partnerops/schemas" init.err
mv "$prefix/share/away" "$prefix/share/partnerops"
SCRIPT

# Only the installed copy: PATH has its bin/ first, no variable names a
# module or defaults folder, and the build folder and sources are hidden.
run_env=(env -u PARTNEROPS_PDF_ENGINE -u PARTNEROPS_DEFAULTS "HOME=$work/home"
  "PATH=$prefix/bin:/usr/bin:/bin" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 ASAN_OPTIONS=detect_leaks=0)
if unshare --mount true 2>/dev/null; then
  "${run_env[@]}" unshare --mount bash -c \
    "mount --bind '$work/empty' '$build' && mount --bind '$work/empty' '$source' && bash '$work/as-user.sh'" \
    || fail "the README's commands failed with the build folder hidden"
else
  # Without the right to make a mount namespace (not root), the build folder
  # stays visible; the installed program still has no path into it.
  echo "note: unshare --mount is not permitted here; the build folder stays visible" >&2
  "${run_env[@]}" bash "$work/as-user.sh" || fail "the README's commands failed"
fi
echo "installed program: ok"
