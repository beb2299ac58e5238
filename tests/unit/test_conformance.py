"""Runs the conformance cases of site/wsclient on CPython and on real MicroPython.

Each tests/unit/conformance/<module>_cases.py defines one table:

    CASES = [
        (name, function, expected),
        ...
    ]

- name: a str, unique in the file; the test id is "<module>/<name>".
- function: takes no arguments and returns the value to check; usually a lambda
  or a small def in the same file. It must return JSON data (None, bool, int,
  float, str, list, dict with str keys): show bytes as hex, say, and turn an
  expected InputError into [key, params]. A case that raises fails, with what
  it raised as its result.
- expected: what function returns, written out; tuples compare as lists.

Case files are plain Python that MicroPython runs: they import only wsclient
modules, json, random and time, and use no dataclasses, typing or pytest. A new
file is picked up by its name; nothing needs registering.

Every case runs here on CPython (test_case_on_cpython), and all of them run once
more under the MicroPython build the page uses, in one node process
(mp_runner.mjs); test_case_on_micropython then checks each of its results.
"""

import importlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conformance.runner import outcome

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CASE_DIR = HERE / "conformance"
MODULES = sorted(path.stem for path in CASE_DIR.glob("*_cases.py"))
MICROPYTHON = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"


def _load():
    """Every case as (module, index, name, function, expected)."""
    cases = []
    for module in MODULES:
        table = importlib.import_module("conformance." + module).CASES
        for index, (name, function, expected) in enumerate(table):
            cases.append((module, index, name, function, expected))
    return cases


CASES = _load()
IDS = ["%s/%s" % (module[: -len("_cases")], name) for module, _, name, _, _ in CASES]


def _json(value):
    """value as JSON gives it back: tuples become lists, as the MicroPython results do."""
    return json.loads(json.dumps(value))


def test_case_names_are_unique():
    """Each case has its own name, so each result is found by it."""
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case_on_cpython(case):
    """The case gives its expected value on CPython."""
    _, _, _, function, expected = case
    assert _json(outcome(function)) == ["value", _json(expected)]


@pytest.fixture(scope="module")
def micropython(tmp_path_factory):
    """Run every case under MicroPython in one node process; map (module, index) to its result."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    if not (MICROPYTHON / "micropython.mjs").exists():
        pytest.skip("MicroPython for node is missing: run npm ci")
    script = tmp_path_factory.mktemp("conformance") / "main.py"
    script.write_text("from conformance import runner\nrunner.main(%r)\n" % (MODULES,))
    result = subprocess.run(
        ["node", str(HERE / "mp_runner.mjs"), str(script), str(ROOT / "site" / "wsclient")]
        + [str(CASE_DIR)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    results = {}
    for line in result.stdout.splitlines():
        module, index, name, found = json.loads(line)
        results[module, index] = (name, found)
    return results


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case_on_micropython(micropython, case):
    """The case gives its expected value on MicroPython too."""
    module, index, name, _, expected = case
    broken = micropython.get((module, -1))
    assert broken is None, "the module does not import: %s" % broken[1][1]
    assert micropython.get((module, index)) == (name, ["value", _json(expected)])
