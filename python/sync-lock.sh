#!/usr/bin/env bash
# python/Cargo.lock from the top-level Cargo.lock: the same version of every
# crate both use (so the Python build shares target/ with the library's), plus
# pyo3's own. Run after a dependency change at the top level.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp Cargo.lock python/Cargo.lock
# cargo keeps the locked versions it can, adds pyo3 and drops what the
# library alone does not use
cargo metadata --format-version 1 --manifest-path python/Cargo.toml >/dev/null
git diff --stat -- python/Cargo.lock
