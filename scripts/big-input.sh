#!/usr/bin/env bash
# Time and peak memory of `kamsang parse` on a generated ~200 MB order (issue 8:
# "a 200 MB text file must succeed in seconds, memory under 1 GiB"). Builds the
# release binary, writes the order with scripts/big-order.py into a temp dir,
# and reports wall time and peak RSS (from /proc via GNU time when present).
# Usage: scripts/big-input.sh [MiB]   (default 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mib="${1:-200}"
cargo build --release --locked -q
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 scripts/big-order.py "$dir/big.txt" "$mib"
ls -l "$dir/big.txt"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f 'wall %e s, user %U s, sys %S s, peak RSS %M KiB' \
        target/release/kamsang parse "$dir/big.txt" -o "$dir/big.json"
else
    start=$SECONDS
    target/release/kamsang parse "$dir/big.txt" -o "$dir/big.json"
    echo "wall $((SECONDS - start)) s (install GNU time for peak RSS)"
fi
ls -l "$dir/big.json"
