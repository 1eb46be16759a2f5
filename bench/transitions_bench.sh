#!/usr/bin/env bash
# Times `partnerops advance`, `partnerops check-range` and `partnerops log` on the
# 10,000-partner corpus with 10,000+ commits of history, and, in the same run,
# the equivalent `git add` + `git commit` of the same change for comparison.
#
# usage: [PARTNERS=N] [SEED=S] [BEFORE=path/to/older/partnerops] [LOG_TIMEOUT=seconds]
#        bench/transitions_bench.sh [RUNS]
#        (defaults 10000 partners, seed 1 and 5 runs)
#
# The repository is built once in a temporary folder: the corpus
# (generate_corpus.py, 10,000 partners, seed 1) as the first commit, then
# 10,000 small commits (a line appended to a partner's notes.md each) written
# with `git fast-import`, then one commit giving RUNS qualified leads a verbal
# close "yes", so each timed `advance` moves a fresh partner. Medians of RUNS.
# Targets: advance < 100 ms wall; check-range over 100 commits < 1 s.
#
# The checkout writes every file and then the index within the same second
# or two, so right after it most index entries are "racily clean" (their
# mtime is not older than the index's) and the first program to write the
# index must compare them by content. `git status` does that once and
# rewrites the index, as it would in any working copy that has been used;
# advance is timed both on the fresh checkout and after that. With BEFORE
# set, that binary advances other fresh leads in the same loops.
#
# check-range is timed twice over 100 commits: commits to partners only
# (the partners touched are loaded), and a range where one commit also
# changes partnerops.yaml (the whole organisation is loaded, both sides).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
partnerops="$root/build/release/partnerops"
before="${BEFORE:-}"
[[ -x "$partnerops" ]] || { echo "build first: make build" >&2; exit 2; }
[[ -z "$before" || -x "$before" ]] || { echo "BEFORE=$before is not a program" >&2; exit 2; }
# Leads made ready: RUNS on the fresh checkout, RUNS after git status, RUNS
# more of each for BEFORE, and one for --no-commit and git itself.
ready_count=$((runs * 4 + 1))

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b - a) * 1000}'; }

started="$(now)"
python3 "$here/generate_corpus.py" --partners "${PARTNERS:-10000}" --seed "${SEED:-1}" --out "$repo" >/dev/null
git -C "$repo" init -q -b main
git -C "$repo" config user.name "Bench Mark"
git -C "$repo" config user.email bench@example.org
git -C "$repo" add -A
git -C "$repo" commit -q -m "corpus"

# 10,000 commits through fast-import, then the verbal closes; prints the
# slugs of the leads made ready to advance.
python3 - "$repo" "$ready_count" > "$work/ready" <<'PY'
import os, random, subprocess, sys
repo, wanted = sys.argv[1], int(sys.argv[2])
partners = sorted(os.listdir(os.path.join(repo, "partners")))
rng = random.Random(7)
notes = {}
def read(path):
    if path not in notes:
        with open(os.path.join(repo, path), "rb") as f:
            notes[path] = f.read()
    return notes[path]
out = []
def blob(data):
    out.append(b"data %d\n" % len(data)); out.append(data); out.append(b"\n")
stamp = 1767225600  # 2026-01-01
parent = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True,
                        text=True, check=True).stdout.strip()
first = True
def commit(message, changes):
    global stamp, first
    stamp += 60
    out.append(b"commit refs/heads/main\n")
    out.append(b"committer Bench Mark <bench@example.org> %d +0000\n" % stamp)
    blob(message.encode())
    if first:
        out.append(b"from %s\n" % parent.encode()); first = False
    for path, data in changes:
        out.append(b"M 100644 inline %s\n" % path.encode()); blob(data)
for n in range(10000):
    slug = partners[rng.randrange(len(partners))]
    path = "partners/%s/notes.md" % slug
    data = read(path) + b"\n- follow-up %d\n" % n
    notes[path] = data
    commit("%s: notes, follow-up %d\n" % (slug, n), [(path, data)])
ready, changes = [], []
for slug in partners:
    path = "partners/%s/partner.yaml" % slug
    with open(os.path.join(repo, path), "rb") as f:
        text = f.read()
    if b'stage: "lead"' in text and b"qualified: true" in text and b"verbal_close" not in text:
        changes.append((path, text + b'verbal_close:\n  date: "2026-11-20"\n  outcome: "yes"\n'))
        ready.append(slug)
    if len(ready) == wanted:
        break
commit("verbal closes\n", changes)
out.append(b"done\n")
subprocess.run(["git", "-C", repo, "fast-import", "--quiet", "--done"], input=b"".join(out),
               check=True)
print("\n".join(ready))
PY
git -C "$repo" reset -q --hard main
commits="$(git -C "$repo" rev-list --count HEAD)"
echo "repository: $(find "$repo/partners" -maxdepth 1 -mindepth 1 | wc -l) partners, $commits commits, made in $(ms "$started" "$(now)") ms"

mapfile -t ready < "$work/ready"
(( ${#ready[@]} == ready_count )) || { echo "only ${#ready[@]} leads could be made ready" >&2; exit 2; }
racy_entries() {
  python3 - "$repo/.git/index" <<'PY'
import os, struct, sys
path = sys.argv[1]
data = open(path, "rb").read()
stamp = os.stat(path).st_mtime_ns
count = struct.unpack(">I", data[8:12])[0]
at, racy = 12, 0
for _ in range(count):
    mtime = struct.unpack(">II", data[at + 8:at + 16])
    if mtime[0] * 10**9 + mtime[1] >= stamp - stamp % 10**9:
        racy += 1
    flags = struct.unpack(">H", data[at + 60:at + 62])[0]
    name_end = data.index(b"\0", at + 62)
    at += (name_end - at + 8) // 8 * 8
print(racy, count)
PY
}

# advance, each on a fresh partner (the last ready lead is kept for git).
# $1: first lead, $2: binary; prints the times.
advance_runs() {
  local first="$1" binary="$2" i t0
  for ((i = 0; i < runs; i++)); do
    t0="$(now)"
    (cd "$repo" && "$binary" advance "${ready[$((first + i))]}" prospect \
         --reason "verbal close: yes" --date 2026-11-23 --no-branch >/dev/null)
    ms "$t0" "$(now)"
  done
}
read -r racy total < <(racy_entries)
echo "index after the checkout: $racy of $total entries racily clean (mtime in the index's second)"
advance_fresh=() before_fresh=()
# One advance each, alternating, so neither binary alone meets the racy index.
for ((i = 0; i < runs; i++)); do
  t0="$(now)"
  (cd "$repo" && "$partnerops" advance "${ready[$i]}" prospect --reason "verbal close: yes" \
       --date 2026-11-23 --no-branch >/dev/null)
  advance_fresh+=("$(ms "$t0" "$(now)")")
  if [[ -n "$before" ]]; then
    t0="$(now)"
    (cd "$repo" && "$before" advance "${ready[$((2 * runs + i))]}" prospect \
         --reason "verbal close: yes" --date 2026-11-23 --no-branch >/dev/null)
    before_fresh+=("$(ms "$t0" "$(now)")")
  fi
done
sleep 1
git -C "$repo" status --porcelain >/dev/null
read -r racy total < <(racy_entries)
echo "index after git status: $racy of $total entries racily clean"
advance_times=() before_times=()
for ((i = 0; i < runs; i++)); do
  t0="$(now)"
  (cd "$repo" && "$partnerops" advance "${ready[$((runs + i))]}" prospect \
       --reason "verbal close: yes" --date 2026-11-23 --no-branch >/dev/null)
  advance_times+=("$(ms "$t0" "$(now)")")
  if [[ -n "$before" ]]; then
    t0="$(now)"
    (cd "$repo" && "$before" advance "${ready[$((3 * runs + i))]}" prospect \
         --reason "verbal close: yes" --date 2026-11-23 --no-branch >/dev/null)
    before_times+=("$(ms "$t0" "$(now)")")
  fi
done
last=$((ready_count - 1))

# Where advance's time goes: the process start alone (no Qt: the PDF engine
# is a module loaded by the first render), and the same plan with --no-commit.
start_times=()
nocommit_times=()
for ((i = 0; i < runs; i++)); do
  t0="$(now)"
  "$partnerops" --help >/dev/null
  start_times+=("$(ms "$t0" "$(now)")")
  t0="$(now)"
  (cd "$repo" && "$partnerops" advance "${ready[$last]}" prospect --reason "x" --date 2026-11-23 \
       --no-commit >/dev/null)
  nocommit_times+=("$(ms "$t0" "$(now)")")
  git -C "$repo" checkout -q -- "partners/${ready[$last]}"
done

# The same change by hand, with git's programs: edit, git add, git commit.
git_times=()
slug="${ready[$last]}"
for ((i = 0; i < runs; i++)); do
  cp "$repo/partners/$slug/notes.md" "$work/notes.md"
  echo "- bench $i" >> "$work/notes.md"
  t0="$(now)"
  cp "$work/notes.md" "$repo/partners/$slug/notes.md"
  git -C "$repo" add "partners/$slug/partner.yaml" "partners/$slug/notes.md"
  git -C "$repo" commit -q -m "$slug: lead → prospect" -m "Partner: $slug"
  git_times+=("$(ms "$t0" "$(now)")")
done

range_times=()
for ((i = 0; i < runs; i++)); do
  t0="$(now)"
  (cd "$repo" && "$partnerops" check-range HEAD~100..HEAD --today 2026-11-23 >/dev/null 2>&1) || true
  range_times+=("$(ms "$t0" "$(now)")")
done
(cd "$repo" && "$partnerops" check-range HEAD~100..HEAD --today 2026-11-23 >/dev/null) 2>&1 | tail -1

# 100 more commits on a side branch: 99 to partners' notes, one that also
# changes partnerops.yaml, so check-range must load the whole organisation.
python3 - "$repo" <<'PY'
import subprocess, sys
repo = sys.argv[1]
def show(path):
    return subprocess.run(["git", "-C", repo, "show", "HEAD:" + path], capture_output=True,
                          check=True).stdout
partners = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", "HEAD", "partners/"],
                          capture_output=True, text=True, check=True).stdout.split()
out, stamp = [], 1790000000
def blob(data):
    out.append(b"data %d\n" % len(data)); out.append(data); out.append(b"\n")
head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True,
                      check=True).stdout.strip()
for n in range(100):
    stamp += 60
    out.append(b"commit refs/heads/shared-change\n")
    out.append(b"committer Bench Mark <bench@example.org> %d +0000\n" % stamp)
    blob(b"range commit %d\n" % n)
    if n == 0:
        out.append(b"from %s\n" % head.encode())
    path = partners[(n * 97) % len(partners)] + "/notes.md"
    out.append(b"M 100644 inline %s\n" % path.encode()); blob(show(path) + b"\n- range %d\n" % n)
    if n == 50:
        out.append(b"M 100644 inline partnerops.yaml\n")
        blob(show("partnerops.yaml") + b"# reviewed in the range\n")
out.append(b"done\n")
subprocess.run(["git", "-C", repo, "fast-import", "--quiet", "--done"], input=b"".join(out),
               check=True)
PY
shared_times=()
for ((i = 0; i < runs; i++)); do
  t0="$(now)"
  (cd "$repo" && "$partnerops" check-range shared-change~100..shared-change --today 2026-11-23 \
       >/dev/null 2>&1) || true
  shared_times+=("$(ms "$t0" "$(now)")")
done
(cd "$repo" && "$partnerops" check-range shared-change~100..shared-change --today 2026-11-23 \
     >/dev/null) 2>&1 | tail -1

# `log` of the whole organisation, with --all, and of one partner (the
# first lead advanced above), medians of RUNS; with BEFORE set, that binary
# runs alternately and its output is compared. A run is stopped after
# LOG_TIMEOUT seconds (default 60), and a row stopped once is not run again.
log_slug="${ready[0]}"
log_rows=("log" "log --all" "log $log_slug")
declare -A log_ms log_before_ms
# $1: binary, $2: the arguments; prints the time, or "stopped".
log_run() {
  local t0
  t0="$(now)"
  # shellcheck disable=SC2086
  if (cd "$repo" && timeout "${LOG_TIMEOUT:-60}" "$1" $2 >"$work/log.out"); then
    ms "$t0" "$(now)"
  else
    echo stopped
  fi
}
log_outputs_differ=()
for row in "${log_rows[@]}"; do
  times=() before_row=() stopped="" before_stopped=""
  for ((i = 0; i < runs; i++)); do
    if [[ -z "$stopped" ]]; then
      t="$(log_run "$partnerops" "$row")"
      if [[ "$t" == stopped ]]; then stopped=1; else times+=("$t"); fi
      cp "$work/log.out" "$work/log.after"
    fi
    if [[ -n "$before" && -z "$before_stopped" ]]; then
      t="$(log_run "$before" "$row")"
      if [[ "$t" == stopped ]]; then
        before_stopped=1
      else
        before_row+=("$t")
        [[ -n "$stopped" ]] || cmp -s "$work/log.out" "$work/log.after" ||
          log_outputs_differ+=("$row")
      fi
    fi
  done
  stopped_text="over $((${LOG_TIMEOUT:-60} * 1000)) ms (stopped)"
  if [[ -n "$stopped" ]]; then log_ms[$row]="$stopped_text"
  else log_ms[$row]="$(printf '%s\n' "${times[@]}" | median) ms"; fi
  if [[ -n "$before_stopped" ]]; then log_before_ms[$row]="$stopped_text"
  elif [[ -n "$before" ]]; then
    log_before_ms[$row]="$(printf '%s\n' "${before_row[@]}" | median) ms"
  fi
done

a="$(printf '%s\n' "${advance_times[@]}" | median)"
af="$(printf '%s\n' "${advance_fresh[@]}" | median)"
g="$(printf '%s\n' "${git_times[@]}" | median)"
r="$(printf '%s\n' "${range_times[@]}" | median)"
rs="$(printf '%s\n' "${shared_times[@]}" | median)"
echo "advance right after the checkout (racy index): $af ms"
echo "advance (median of $runs, fresh partner each): $a ms   [target < 100 ms]"
if [[ -n "$before" ]]; then
  bf="$(printf '%s\n' "${before_fresh[@]}" | median)"
  b="$(printf '%s\n' "${before_times[@]}" | median)"
  echo "  BEFORE, after the checkout / after git status: $bf ms / $b ms" \
       "(before / after = $(awk -v b="$bf" -v a="$af" 'BEGIN {printf "%.2f", b / a}')" \
       "/ $(awk -v b="$b" -v a="$a" 'BEGIN {printf "%.2f", b / a}'))"
fi
echo "  of which process start (--help):             $(printf '%s\n' "${start_times[@]}" | median) ms"
echo "  advance --no-commit (load, plan, write):     $(printf '%s\n' "${nocommit_times[@]}" | median) ms"
echo "git add + git commit of the same files:        $g ms   (advance / git = $(awk -v a="$a" -v g="$g" 'BEGIN {printf "%.2f", a / g}'))"
echo "check-range HEAD~100..HEAD (median of $runs):   $r ms   [target < 1000 ms]"
echo "check-range over 100 commits changing partnerops.yaml: $rs ms   [target < 1000 ms]"
commits="$(git -C "$repo" rev-list --count HEAD)"
for row in "${log_rows[@]}"; do
  echo "$row over $commits commits (median of $runs): ${log_ms[$row]}" \
       "${before:+  BEFORE: ${log_before_ms[$row]}}"
done
if [[ -n "$before" ]]; then
  if ((${#log_outputs_differ[@]} == 0)); then echo "log: the outputs of both binaries are identical"
  else echo "log: the outputs differ: ${log_outputs_differ[*]}"; fi
fi
