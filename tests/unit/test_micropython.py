"""Runs site/wsclient under real MicroPython (PyScript's webassembly build) through node."""

import json
import shutil
import subprocess
from pathlib import Path

import mp_checks
import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PACKAGE = ROOT / "site" / "wsclient"
MICROPYTHON = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(
        not (MICROPYTHON / "micropython.mjs").exists(),
        reason="MicroPython for node is missing: run npm ci",
    ),
]


@pytest.fixture(scope="module")
def report():
    """Run every check in one node process; map each output line's first word to the rest."""
    result = subprocess.run(
        ["node", str(HERE / "mp_runner.mjs"), str(HERE / "mp_checks.py"), str(PACKAGE)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = {}
    for line in result.stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("ok", "fail"):
            name, _, detail = rest.partition(" ")
            lines[name] = (word, detail)
        else:
            lines[word] = rest
    return lines


@pytest.mark.parametrize("name", [name for name, _ in mp_checks.CHECKS])
def test_check_passes_under_micropython(report, name):
    """The module's self-check passes under MicroPython."""
    assert report.get(name) == ("ok", "")


def test_micropython_agrees_with_cpython(report):
    """MicroPython gives the same results as CPython, text for text."""
    assert json.loads(report["outputs"]) == mp_checks.outputs()


def test_log_is_fast_under_micropython(report):
    """The log takes well over the 20,000 messages per second a fast server sends."""
    assert int(report["speed"]) > 20000
