#!/usr/bin/env bash
# Build a benchmark archive for `kamsang batch` from the fixtures: N orders
# (default 2400) in folders by year and office, a mix of .txt, .docx and .xlsx
# (3 : 4 : 1 by default — 900 .txt, 1200 .docx, 300 .xlsx for N=2400), each a
# copy of a fixture (distinct files, so nothing is deduplicated). With KIND
# docx, txt or xlsx, every order is of that kind.
#
#   scripts/make-batch-tree.sh DIR [N] [mix|docx|txt|xlsx]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?usage: make-batch-tree.sh DIR [N]}"
n="${2:-2400}"
kind="${3:-mix}"

txt=("$root"/fixtures/parse/*.txt)
docx=("$root"/fixtures/docx/*.docx)
xlsx=("$root"/fixtures/sheet/*.xlsx)

mkdir -p "$dir"
for ((i = 0; i < n; i++)); do
    year=$((2560 + i % 8))
    office=$(printf 'office-%02d' $((i / 8 % 25)))
    folder="$dir/$year/$office"
    [ -d "$folder" ] || mkdir -p "$folder"
    pick=$((i % 8))
    case "$kind" in
        txt) pick=0 ;;
        xlsx) pick=7 ;;
        docx) pick=1 ;;
    esac
    case $pick in
        0 | 3 | 6) src="${txt[$((i / 8 % ${#txt[@]}))]}" ext=txt ;;
        7) src="${xlsx[$((i / 8 % ${#xlsx[@]}))]}" ext=xlsx ;;
        *) src="${docx[$((i / 8 % ${#docx[@]}))]}" ext=docx ;;
    esac
    cp "$src" "$folder/order-$(printf '%05d' "$i").$ext"
done
echo "$dir: $n orders, $(du -sb "$dir" | cut -f1) bytes"
