#!/usr/bin/env bash
# Benchmark `kamsang batch`: files/s, MB/s and peak RSS with -j 1 and -j 2 on a
# generated archive (scripts/make-batch-tree.sh), medians of RUNS runs, plus a
# --resume re-run and the peak RSS on a tree a quarter the size (memory must
# not grow with the number of files), and a .docx-only tree (the SPEC's
# per-core target is for .docx). Prints a Markdown table.
#
#   scripts/bench-batch.sh [N] [RUNS]        (defaults: 2400 orders, 3 runs)
#
# Needs /usr/bin/time (Debian package `time`) for the peak RSS; without it the
# RSS column says n/a. The numbers are wall-clock: on a shared machine, run it
# when nothing else builds, and read them as indicative. The outputs are about
# 9× the inputs (pretty JSON), so with OUTDIR on a slow disk the writes, not
# the parsing, set the pace: the tmpfs and /dev/null rows show the CPU side.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-2400}"
runs="${2:-3}"
cd "$root"
cargo build --release --locked -q
bin="$root/target/release/kamsang"

work="$(mktemp -d)"
shm=/dev/shm/kamsang-bench-$$
trap 'rm -rf "$work" "$shm"' EXIT
scripts/make-batch-tree.sh "$work/tree" "$n" >&2
scripts/make-batch-tree.sh "$work/small" $((n / 4)) >&2
scripts/make-batch-tree.sh "$work/docx" $((n / 2)) docx >&2
scripts/make-batch-tree.sh "$work/big" $((n * 2)) >&2
bytes=$(find "$work/tree" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

# One run: prints "wall_seconds files_per_second mb_per_second peak_rss_kb parsed resumed".
# Rates are the tree's files and bytes over the wall time of the whole command.
# $3: "" (a fresh OUTDIR), "--resume" (re-run over the last OUTDIR) or
# "null" (JSON lines to /dev/null: the CPU cost without writing outputs) or
# "shm" (a fresh OUTDIR on tmpfs: outputs written, but no disk under them).
one() {
    local tree="$1" jobs="$2" mode="${3:-}"
    local files bytes_in start end rss=n/a
    files=$(find "$tree" -type f | wc -l)
    bytes_in=$(find "$tree" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
    local args=(batch "$tree" -j "$jobs" --progress none)
    case "$mode" in
        null) args+=(--jsonl /dev/null) ;;
        shm) rm -rf "$shm"; args+=(-o "$shm") ;;
        --resume) args+=(-o "$work/out" --resume) ;;
        *) rm -rf "$work/out"; args+=(-o "$work/out") ;;
    esac
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v "$bin" "${args[@]}" 2>"$work/log" || true
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/log")
    else
        "$bin" "${args[@]}" 2>"$work/log" || true
    fi
    end=$(date +%s.%N)
    local out="$work/out"
    [ "$mode" != shm ] || out="$shm"
    python3 - "$out/summary.json" "$start" "$end" "$rss" "$files" "$bytes_in" "$mode" <<'PY'
import json, sys
_, summary, start, end, rss, files, size, mode = sys.argv
wall = float(end) - float(start)
counts = "- -"
if mode != "null":
    s = json.load(open(summary))
    counts = f"{s['parsed']} {s['resumed']}"
print(f"{wall:.3f} {int(files) / wall:.0f} {int(size) / 1e6 / wall:.1f} {rss} {counts}")
PY
}

# Median of each column over RUNS runs.
median() {
    python3 -c '
import statistics, sys
rows = [l.split() for l in sys.stdin if l.strip()]
cols = list(zip(*rows))
def med(c):
    try: return f"{statistics.median(float(x) for x in c):g}"
    except ValueError: return c[0]
print(" ".join(med(c) for c in cols))'
}

row() {
    local label="$1" tree="$2" jobs="$3" mode="${4:-}"
    local results=""
    [ "$mode" != --resume ] || one "$tree" "$jobs" >/dev/null # a full run to resume from
    for ((r = 0; r < runs; r++)); do
        results+="$(one "$tree" "$jobs" "$mode")"$'\n'
    done
    read -r wall fps mbps rss parsed resumed <<<"$(printf '%s' "$results" | median)"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$wall" "$fps" "$mbps" "$rss" "$parsed / $resumed"
}

echo
echo "tree: $n orders ($(find "$work/tree" -name '*.txt' | wc -l) .txt, $(find "$work/tree" -name '*.docx' | wc -l) .docx, $(find "$work/tree" -name '*.xlsx' | wc -l) .xlsx), $bytes bytes; medians of $runs runs; $(nproc) cores"
echo
echo "| run | wall s | files/s | MB/s in | peak RSS KiB | parsed / resumed |"
echo "|---|---|---|---|---|---|"
row "-j 1, $n files" "$work/tree" 1
row "-j 2, $n files" "$work/tree" 2
if [ -d /dev/shm ]; then
    row "-j 1, $n files, OUTDIR on tmpfs" "$work/tree" 1 shm
    row "-j 2, $n files, OUTDIR on tmpfs" "$work/tree" 2 shm
fi
row "-j 1, $n files, --jsonl /dev/null" "$work/tree" 1 null
row "-j 2, $n files, --jsonl /dev/null" "$work/tree" 2 null
row "-j 2 --resume, $n files (all current)" "$work/tree" 2 --resume
row "-j 2, $((n / 4)) files (RSS check)" "$work/small" 2
row "-j 2, $((n * 2)) files (RSS check)" "$work/big" 2
row "-j 1, $((n / 2)) .docx only, OUTDIR on tmpfs" "$work/docx" 1 shm
row "-j 1, $((n / 2)) .docx only, --jsonl /dev/null" "$work/docx" 1 null
row "-j 2, $((n / 2)) .docx only, OUTDIR on tmpfs" "$work/docx" 2 shm
row "-j 2, $((n / 2)) .docx only, --jsonl /dev/null" "$work/docx" 2 null
