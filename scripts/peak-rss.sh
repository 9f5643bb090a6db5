#!/usr/bin/env bash
# Peak RSS of kamsang on the reference order repeated 1×, 100× and 3000× (issue
# 17: "memory ≤ 2 bytes of peak RSS per input byte, plus a constant"), each
# stage on its own so the table shows where the peak is: `normalize` (read +
# decode + normalise), `check` (the whole parse, no JSON), `parse --compact`
# (JSON to /dev/null) and `parse --compact --outline none`. The inputs are
# generated into a temp dir at run time: the file repeated whole (every copy
# with its header, as the issue measured), and for the largest size also
# scripts/big-order.py's well-formed order of the same size (one header, the
# people numbered on). Needs GNU time (/usr/bin/time, Debian package `time`).
#
#   scripts/peak-rss.sh [TIMES...]        (default: 1 100 3000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -x /usr/bin/time ] || { echo "peak-rss.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --locked -q
bin="$root/target/release/kamsang"
ref="$root/fixtures/parse/phetchaburi1-policy-plan.txt"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
times=("$@")
[ ${#times[@]} -gt 0 ] || times=(1 100 3000)

# peak RSS in KiB, user seconds and exit status of one run of kamsang ARGS
# (its output dropped)
measure() {
    /usr/bin/time -f '%M %U %x' -o "$dir/time" "$bin" "$@" >/dev/null 2>&1 || true
    tail -1 "$dir/time"
}

row() {
    local name="$1" file="$2"
    local bytes
    bytes=$(stat -c %s "$file")
    printf '| %s | %s |' "$name" "$bytes"
    for stage in "normalize $file" "check $file" "parse --compact $file" "parse --compact --outline none $file"; do
        # shellcheck disable=SC2086
        read -r kib user status < <(measure $stage)
        awk -v k="$kib" -v b="$bytes" -v u="$user" -v x="$status" \
            'BEGIN { printf " %.1f MiB (%.2f B/B), %ss%s |", k / 1024, k * 1024 / b, u, (x == 0 ? "" : ", exit " x) }'
    done
    echo
}

echo "load: $(uptime | sed 's/.*load average: //')"
echo "| input | bytes | normalize | check | parse --compact | parse --compact --outline none |"
echo "|---|---|---|---|---|---|"
for n in "${times[@]}"; do
    python3 - "$ref" "$dir/ref$n.txt" "$n" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    for _ in range(int(sys.argv[3])):
        out.write(data)
PY
    row "reference × $n" "$dir/ref$n.txt"
    last="$n"
done
if [ "${last:-1}" -ge 100 ]; then
    mib=$(( $(stat -c %s "$dir/ref$last.txt") / 1048576 ))
    python3 scripts/big-order.py "$dir/big.txt" "$mib" >/dev/null
    row "big-order.py, $mib MiB" "$dir/big.txt"
    rm -f "$dir/big.txt"
fi
echo "load: $(uptime | sed 's/.*load average: //')"
