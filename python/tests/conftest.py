"""Shared helpers of the pytest suite of the kamsang Python package.

The suite compares the package with the `kamsang` command: KAMSANG_BIN names
the binary (default: target/release/kamsang of the checkout, built by
`cargo build --release`). A missing binary or pandas skips the tests that need
it, with the reason printed, unless KAMSANG_REQUIRE_PYTHON (every skip) or
KAMSANG_REQUIRE_PANDAS (pandas) is set: then it fails, as in CI.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def skip_without(available, variable, reason):
    """Skip with `reason` printed when not `available`; fail instead when
    `variable` or KAMSANG_REQUIRE_PYTHON is set (the tests/common/mod.rs rule)."""
    if available:
        return
    required = [v for v in (variable, "KAMSANG_REQUIRE_PYTHON") if v and os.environ.get(v)]
    if required:
        pytest.fail(f"{reason} ({required[0]} is set)")
    print(f"skipped: {reason} (set {variable or 'KAMSANG_REQUIRE_PYTHON'}=1 to fail instead)", file=sys.stderr)
    pytest.skip(reason)


def cli_path():
    return Path(os.environ.get("KAMSANG_BIN") or ROOT / "target" / "release" / "kamsang")


class Cli:
    """The `kamsang` binary, run in the checkout's root."""

    def __init__(self, path):
        self.path = path

    def run(self, *args, stdin=None, check=True):
        done = subprocess.run(
            [str(self.path), *map(str, args)],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        if check and done.returncode != 0:
            raise AssertionError(f"kamsang {' '.join(map(str, args))}: exit {done.returncode}: {done.stderr.decode()}")
        return done

    def stdout(self, *args, stdin=None):
        return self.run(*args, stdin=stdin).stdout.decode("utf-8")

    def error(self, *args, stdin=None):
        """The one stderr line of a command that fails with exit 1."""
        done = self.run(*args, stdin=stdin, check=False)
        assert done.returncode == 1, (done.returncode, done.stderr)
        lines = done.stderr.decode("utf-8").splitlines()
        assert len(lines) == 1, lines
        return lines[0]


@pytest.fixture(scope="session")
def cli():
    path = cli_path()
    skip_without(path.is_file(), "KAMSANG_REQUIRE_CLI", f"no kamsang binary at {path} (cargo build --release)")
    return Cli(path)


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    """Relative fixture paths, as the CLI is given them, name the same files."""
    monkeypatch.chdir(ROOT)


def pytest_report_header(config):
    import kamsang

    return f"kamsang {kamsang.__version__} from {Path(kamsang.__file__).parent}, CLI {cli_path()}"
