"""Vendoring the runtime: what it says when Pyodide's snapshot cannot be built."""

import pytest

from scripts.vendor_runtime import main, snapshot


def test_snapshot_without_pyodide_says_why(tmp_path):
    """A folder without Pyodide gets a RuntimeError that names node and the snapshot."""
    with pytest.raises(RuntimeError, match="node could not build Pyodide's snapshot"):
        snapshot(tmp_path)


def test_vendoring_without_node_modules_says_to_run_npm_ci(tmp_path, capsys):
    """Vendoring from an empty folder exits 1 with one line that says what to run."""
    assert main(["--modules", str(tmp_path), "--target", str(tmp_path / "site")]) == 1
    assert "Run `npm ci` first." in capsys.readouterr().err
