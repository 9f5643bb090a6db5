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
# when nothing else builds, and read them as indicative.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-2400}"
runs="${2:-3}"
cd "$root"
cargo build --release --locked -q
bin="$root/target/release/kamsang"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scripts/make-batch-tree.sh "$work/tree" "$n" >&2
scripts/make-batch-tree.sh "$work/small" $((n / 4)) >&2
scripts/make-batch-tree.sh "$work/docx" $((n / 2)) docx >&2
bytes=$(find "$work/tree" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

# One run: prints "wall_seconds files_per_second mb_per_second peak_rss_kb parsed resumed".
one() {
    local tree="$1" jobs="$2" extra="${3:-}"
    [ -n "$extra" ] || rm -rf "$work/out"
    local start end rss=n/a
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v "$bin" batch "$tree" -o "$work/out" -j "$jobs" --progress none $extra \
            2>"$work/log" || true
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/log")
    else
        "$bin" batch "$tree" -o "$work/out" -j "$jobs" --progress none $extra 2>"$work/log" || true
    fi
    end=$(date +%s.%N)
    python3 - "$work/out/summary.json" "$start" "$end" "$rss" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"{wall:.3f} {s['files_per_second']} {s['mb_per_second']} {sys.argv[4]} {s['parsed']} {s['resumed']}")
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
    local label="$1" tree="$2" jobs="$3" extra="${4:-}"
    local results=""
    [ -z "$extra" ] || one "$tree" "$jobs" >/dev/null # a full run to resume from
    for ((r = 0; r < runs; r++)); do
        results+="$(one "$tree" "$jobs" "$extra")"$'\n'
    done
    read -r wall fps mbps rss parsed resumed <<<"$(printf '%s' "$results" | median)"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$wall" "$fps" "$mbps" "$rss" "$parsed / $resumed"
}

echo
echo "tree: $n orders ($(find "$work/tree" -name '*.txt' | wc -l) .txt, $(find "$work/tree" -name '*.docx' | wc -l) .docx, $(find "$work/tree" -name '*.xlsx' | wc -l) .xlsx), $bytes bytes; medians of $runs runs; $(nproc) cores"
echo
echo "| run | wall s | files/s | MB/s | peak RSS KiB | parsed / resumed |"
echo "|---|---|---|---|---|---|"
row "-j 1, $n files" "$work/tree" 1
row "-j 2, $n files" "$work/tree" 2
row "-j 2 --resume, $n files (all current)" "$work/tree" 2 --resume
row "-j 2, $((n / 4)) files (RSS check)" "$work/small" 2
row "-j 1, $((n / 2)) .docx only" "$work/docx" 1
row "-j 2, $((n / 2)) .docx only" "$work/docx" 2
