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
echo "seeded: $(ls corpus/txt | wc -l) txt, $(ls corpus/docx | wc -l) docx, $(ls corpus/sheet | wc -l) sheet, $(ls corpus/docx_parts | wc -l) docx_parts"
