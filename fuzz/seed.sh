#!/usr/bin/env bash
# Seed each target's corpus from the repository's fixtures (the corpus itself
# is not committed: it grows to thousands of files). Run from anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
fx=../fixtures
mkdir -p corpus/txt corpus/docx corpus/sheet corpus/docx_parts
cp "$fx"/parse/*.txt corpus/txt/
cp "$fx"/docx/*.docx corpus/docx/
[ -d "$fx"/hostile ] && cp "$fx"/hostile/* corpus/txt/ && cp "$fx"/hostile/* corpus/docx/
for f in "$fx"/sheet/*.xlsx; do { printf '\0'; cat "$f"; } >"corpus/sheet/$(basename "$f")"; done
for f in "$fx"/sheet/*.ods; do { printf '\1'; cat "$f"; } >"corpus/sheet/$(basename "$f")"; done
# docx_parts: document.xml NUL numbering.xml NUL styles.xml of each .docx fixture
for f in "$fx"/docx/*.docx; do
    {
        unzip -p "$f" word/document.xml
        printf '\0'
        unzip -p "$f" word/numbering.xml 2>/dev/null || true
        printf '\0'
        unzip -p "$f" word/styles.xml 2>/dev/null || true
    } >"corpus/docx_parts/$(basename "$f" .docx).parts"
done
# small seeds run 20× faster than whole orders: the first lines of each text
# fixture, and those rendered to .docx (typed and Word numbering) when a
# release binary is there (cargo build --release)
kamsang=../target/release/kamsang
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in "$fx"/parse/*.txt; do
    b="$(basename "$f" .txt)"
    for n in 15 40; do
        head -n "$n" "$f" >"corpus/txt/$b-$n.txt"
        if [ -x "$kamsang" ]; then
            for mode in typed auto; do
                out="$tmp/$b-$n-$mode.docx"
                if "$kamsang" render "corpus/txt/$b-$n.txt" --to docx --numbering "$mode" -o "$out" 2>/dev/null; then
                    cp "$out" corpus/docx/
                    {
                        unzip -p "$out" word/document.xml
                        printf '\0'
                        unzip -p "$out" word/numbering.xml 2>/dev/null || true
                        printf '\0'
                        unzip -p "$out" word/styles.xml 2>/dev/null || true
                    } >"corpus/docx_parts/$b-$n-$mode.parts"
                fi
            done
        fi
    done
done
echo "seeded: $(ls corpus/txt | wc -l) txt, $(ls corpus/docx | wc -l) docx, $(ls corpus/sheet | wc -l) sheet, $(ls corpus/docx_parts | wc -l) docx_parts"
