#!/usr/bin/env bash
# Regenerate fixtures/docx/writers/*.docx: the reference order and two corpus
# orders as pandoc, LibreOffice (from HTML, and from pandoc's .odt) and
# python-docx write them, with real lists (tests/tools/docx_writers.py makes
# the Markdown, HTML and python-docx documents from kamsang's outline of the
# .txt). Each is checked against its .txt on the way (tests/it/docx_writers.rs).
# Needs: apt-get install pandoc libreoffice-writer-nogui; pip install python-docx
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KAMSANG_UPDATE_WRITERS=1 KAMSANG_REQUIRE_PANDOC=1 KAMSANG_REQUIRE_LIBREOFFICE=1 \
    KAMSANG_REQUIRE_PYTHON_DOCX=1 cargo test --test it docx_writers::regenerate -- --test-threads 1
