"""Tests for the MicroPython bytecode the dev server builds from the page's modules."""

import os
from pathlib import Path

import pytest

from wsdev import bytecode

from .conftest import request

# The header of every .mpy file: "M", then the bytecode version MicroPython 1.28 reads.
MPY_MAGIC = b"M\x06"


@pytest.fixture
def package_site(tmp_path):
    """A site folder with one package module, as site/wsclient/ holds them."""
    root = tmp_path / "site"
    (root / "wsclient").mkdir(parents=True)
    (root / "wsclient" / "greet.py").write_text("def hello():\n    return 'olá'\n")
    return root


def test_source_of_maps_bytecode_paths_to_their_modules(package_site):
    """mpy/<package>/<module>.mpy is built from <package>/<module>.py, and nothing else is."""
    assert bytecode.source_of(package_site, "mpy/wsclient/greet.mpy") == (
        package_site / "wsclient" / "greet.py"
    )
    for other in ("mpy/wsclient/none.mpy", "mpy/other/greet.mpy", "wsclient/greet.mpy", "x.mpy"):
        assert bytecode.source_of(package_site, other) is None


def test_fresh_compiles_a_module_to_bytecode(package_site):
    """A module gets its .mpy, which starts with the bytecode header."""
    target = bytecode.fresh(package_site, package_site / "wsclient" / "greet.py")
    assert target == package_site / "mpy" / "wsclient" / "greet.mpy"
    assert target.read_bytes().startswith(MPY_MAGIC)


def test_fresh_compiles_again_after_the_source_changes(package_site):
    """An edited module gets new bytecode; an unchanged one is not compiled again."""
    source = package_site / "wsclient" / "greet.py"
    target = bytecode.fresh(package_site, source)
    first = target.read_bytes()
    stamp = target.stat().st_mtime_ns
    assert bytecode.fresh(package_site, source).stat().st_mtime_ns == stamp
    source.write_text("def hello():\n    return 'tchau, e obrigado'\n")
    os.utime(source, ns=(stamp + 10**9, stamp + 10**9))
    assert bytecode.fresh(package_site, source).read_bytes() != first


def test_fresh_says_which_module_does_not_compile(package_site):
    """A syntax error is reported with the module's name, and no .mpy is left behind."""
    source = package_site / "wsclient" / "broken.py"
    source.write_text("def broken(:\n")
    with pytest.raises(bytecode.BytecodeError, match="wsclient/broken.py"):
        bytecode.fresh(package_site, source)
    assert not (package_site / "mpy" / "wsclient" / "broken.mpy").exists()


def test_compile_all_builds_every_module_of_the_site():
    """Every module of site/wsclient and site/ui compiles under mpy-cross."""
    site = Path(__file__).resolve().parents[2] / "site"
    modules = [*site.glob("wsclient/*.py"), *site.glob("ui/*.py")]
    assert bytecode.compile_all(site) == len(modules)


def test_server_builds_bytecode_on_request(package_site, start_http):
    """GET of a module's .mpy compiles it and serves it as binary."""
    server = start_http(package_site)
    status, headers, body = request(server, "/mpy/wsclient/greet.mpy")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert body.startswith(MPY_MAGIC)


def test_server_answers_500_for_a_module_that_does_not_compile(package_site, start_http):
    """A module with a syntax error gets a 500 that names it, not a stale or empty file."""
    (package_site / "wsclient" / "broken.py").write_text("def broken(:\n")
    server = start_http(package_site)
    status, _, body = request(server, "/mpy/wsclient/broken.mpy")
    assert status == 500
    assert b"wsclient/broken.py" in body
