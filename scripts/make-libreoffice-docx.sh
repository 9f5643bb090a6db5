#!/usr/bin/env bash
# Regenerate fixtures/docx/phetchaburi1-libreoffice.docx: the reference order as
# LibreOffice Writer saves it (an Office writer independent of kamsang: typed
# numbers, typed indentation). Needs `apt-get install libreoffice-writer-nogui`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp fixtures/parse/phetchaburi1-policy-plan.txt "$tmp/"
soffice --headless --infilter="Text (encoded):UTF8,LF,Liberation Mono,th" \
    --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$tmp/phetchaburi1-policy-plan.txt" >/dev/null
cp "$tmp/phetchaburi1-policy-plan.docx" fixtures/docx/phetchaburi1-libreoffice.docx
