#!/usr/bin/env bash
# Writes the man page partnerops.1 (gzipped) from the program's own help:
# help2man reads `partnerops --help` and `--version`, and a COMMANDS section
# gathers each command's --help, so the page never drifts from the options.
# Usage: man-page.sh PROGRAM OUTPUT.1.gz
set -euo pipefail
program=$1
output=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The command names, as `--help` lists them under "Subcommands:".
commands_of() {
  "$program" "$@" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}'
}

{
  echo "[COMMANDS]"
  for command in $(commands_of); do
    subcommands=$(commands_of "$command")
    if [ -n "$subcommands" ]; then
      for sub in $subcommands; do
        echo ".SS \"partnerops $command $sub\""
        echo ".nf"
        "$program" "$command" "$sub" --help | sed 's/\\/\\\\/g; s/^\./\\\&./'
        echo ".fi"
      done
    else
      echo ".SS \"partnerops $command\""
      echo ".nf"
      "$program" "$command" --help | sed 's/\\/\\\\/g; s/^\./\\\&./'
      echo ".fi"
    fi
  done
  echo "[SEE ALSO]"
  echo "The README and docs/ of the partnerops repository: the data model, every command and every diagnostic code."
} > "$work/commands.h2m"

# ASAN_OPTIONS: a sanitized build's leak check has nothing to say about
# printing help.
ASAN_OPTIONS=detect_leaks=0 help2man --no-info --section=1 \
  --name="partnerships business as code: partners as files in git" \
  --include="$work/commands.h2m" --output="$work/partnerops.1" "$program"
gzip -9 -n -c "$work/partnerops.1" > "$output.tmp"
mv "$output.tmp" "$output"
