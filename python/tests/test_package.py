"""The package itself: no network at import, type hints shipped, and a
python/Cargo.lock that builds the library's dependencies as the top level does."""

import re
import subprocess
import sys
from pathlib import Path

import kamsang
from conftest import ROOT

NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise AssertionError("kamsang used the network at import")
socket.socket = socket.create_connection = socket.getaddrinfo = refuse
import kamsang
print(kamsang.__version__)
"""


def test_import_uses_no_network():
    done = subprocess.run([sys.executable, "-c", NO_NETWORK], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == kamsang.__version__


def test_type_hints_are_installed():
    package = Path(kamsang.__file__).parent
    assert (package / "py.typed").is_file()
    hints = (package / "_kamsang.pyi").read_text("utf-8")
    for name in kamsang.__all__:
        assert re.search(rf"^(def |class ){name}\b|^{name}: ", hints, re.M), name


def locked_versions(path):
    text = Path(path).read_text("utf-8")
    return {
        (m.group(1), m.group(2))
        for m in re.finditer(r'^\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', text, re.M)
    }


def test_the_python_lock_has_the_top_level_versions():
    # the same versions are the condition for sharing target/ with the
    # library's own build (and for testing the code the CLI ships)
    top = locked_versions(ROOT / "Cargo.lock")
    python = locked_versions(ROOT / "python" / "Cargo.lock")
    names = {n for n, _ in top}
    stale = sorted((n, v) for n, v in python if n in names and (n, v) not in top)
    assert not stale, f"python/Cargo.lock differs from Cargo.lock: {stale}; run python/sync-lock.sh"
    assert len(python) > 50
