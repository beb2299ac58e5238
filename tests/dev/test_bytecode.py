"""Tests for the MicroPython bytecode the dev server builds from the page's modules."""

import ast
import os
import threading
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


def test_fresh_compiles_a_module_dated_in_the_future_once(package_site, compiled_in):
    """A source with an mtime ahead of the clock is compiled once, not at every look."""
    source = package_site / "wsclient" / "greet.py"
    ahead = source.stat().st_mtime_ns + 3600 * 10**9
    os.utime(source, ns=(ahead, ahead))
    for _ in range(3):
        bytecode.fresh(package_site, source)
    assert len(compiled_in) == 1


def test_fresh_compiles_a_module_put_back_to_an_older_version(package_site):
    """A source restored with an older mtime than its .mpy gets compiled again."""
    source = package_site / "wsclient" / "greet.py"
    bytecode.fresh(package_site, source)
    before = source.stat().st_mtime_ns - 3600 * 10**9
    source.write_text("def hello():\n    return 'de antes'\n")
    os.utime(source, ns=(before, before))
    assert b"de antes" in bytecode.fresh(package_site, source).read_bytes()


def test_fresh_says_which_module_does_not_compile(package_site):
    """A syntax error is reported with the module's name, and no .mpy is left behind."""
    source = package_site / "wsclient" / "broken.py"
    source.write_text("def broken(:\n")
    with pytest.raises(bytecode.BytecodeError, match="wsclient/broken.py"):
        bytecode.fresh(package_site, source)
    assert not (package_site / "mpy" / "wsclient" / "broken.mpy").exists()


def test_fresh_leaves_no_partial_file(package_site):
    """Only the .mpy is left in the bytecode folder, whatever name it was written under."""
    bytecode.fresh(package_site, package_site / "wsclient" / "greet.py")
    assert [path.name for path in (package_site / "mpy" / "wsclient").iterdir()] == ["greet.mpy"]


def test_compile_all_builds_every_module_of_the_site():
    """Every module of site/wsclient and site/ui compiles under mpy-cross."""
    site = Path(__file__).resolve().parents[2] / "site"
    modules = [*site.glob("wsclient/*.py"), *site.glob("ui/*.py")]
    assert bytecode.compile_all(site) == len(modules)


def _edit(source, text):
    """Rewrite source with another mtime, as an editor's save does (even within a tick)."""
    stamp = source.stat().st_mtime_ns + 10**9
    source.write_text(text)
    os.utime(source, ns=(stamp, stamp))


@pytest.fixture
def compiled_in(monkeypatch):
    """Names of the threads that run mpy-cross from now on."""
    names = []
    run = bytecode.subprocess.run

    def recorded(*args, **kwargs):
        names.append(threading.current_thread().name)
        return run(*args, **kwargs)

    monkeypatch.setattr(bytecode.subprocess, "run", recorded)
    return names


def test_server_builds_every_module_when_it_starts(package_site, start_http):
    """Once the server is made, before any request, every module has its .mpy."""
    start_http(package_site)
    target = package_site / "mpy" / "wsclient" / "greet.mpy"
    assert target.read_bytes().startswith(MPY_MAGIC)


def test_server_serves_bytecode_as_binary(package_site, start_http):
    """GET of a module's .mpy serves its bytecode as application/octet-stream."""
    server = start_http(package_site)
    status, headers, body = request(server, "/mpy/wsclient/greet.mpy")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert body.startswith(MPY_MAGIC)


def test_request_right_after_an_edit_gets_the_new_bytecode(package_site, start_http):
    """A module saved just before the request is served compiled from its new text."""
    server = start_http(package_site)
    _, _, before = request(server, "/mpy/wsclient/greet.mpy")
    _edit(package_site / "wsclient" / "greet.py", "def hello():\n    return 'tchau'\n")
    _, _, after = request(server, "/mpy/wsclient/greet.mpy")
    assert after != before
    assert b"tchau" in after


def test_requests_never_compile_in_their_own_thread(package_site, start_http, compiled_in):
    """mpy-cross runs in the builder's thread: a request for edited bytecode only waits."""
    server = start_http(package_site)
    compiled_in.clear()  # making the server compiled everything in this thread
    _edit(package_site / "wsclient" / "greet.py", "def hello():\n    return 'tchau'\n")
    status, _, body = request(server, "/mpy/wsclient/greet.mpy")
    assert (status, b"tchau" in body) == (200, True)
    assert compiled_in == ["wsdev-mpy"]


def test_builder_writes_the_packs_again_only_after_an_edit(package_site, monkeypatch):
    """Looking for edits every interval reads no pack back while no module changed."""
    looks = threading.Semaphore(0)
    written = []
    fresh, source_pack = bytecode.fresh, bytecode.source_pack

    def looked(site, module):
        looks.release()
        return fresh(site, module)

    def packed(site):
        written.append(site)
        return source_pack(site)

    monkeypatch.setattr(bytecode, "fresh", looked)
    monkeypatch.setattr(bytecode, "source_pack", packed)
    builder = bytecode.Builder(package_site, interval=0.01).start()
    try:
        for _ in range(5):  # the start's look, then four more
            assert looks.acquire(timeout=10), "the builder stopped looking"
        assert len(written) == 1
        # Saved whole in one step, so that no look sees the text before its new mtime.
        source = package_site / "wsclient" / "greet.py"
        saved = package_site / "greet.py.new"
        saved.write_text("def hello():\n    return 'tchau'\n")
        stamp = source.stat().st_mtime_ns + 10**9
        os.utime(saved, ns=(stamp, stamp))
        os.replace(saved, source)
        for _ in range(3):
            assert looks.acquire(timeout=10), "the builder stopped looking"
        assert len(written) == 2
        assert b"tchau" in (package_site / "mpy" / bytecode.SOURCE_PACK).read_bytes()
    finally:
        builder.stop()


def test_builder_rebuilds_an_edited_module_unasked(package_site, monkeypatch):
    """With no request at all, an edited module gets new bytecode within the interval."""
    source = package_site / "wsclient" / "greet.py"
    target = package_site / "mpy" / "wsclient" / "greet.mpy"
    rebuilt = threading.Event()
    fresh = bytecode.fresh

    def watched(site, module):
        result = fresh(site, module)
        if module == source and b"tchau" in target.read_bytes():
            rebuilt.set()
        return result

    monkeypatch.setattr(bytecode, "fresh", watched)
    builder = bytecode.Builder(package_site, interval=0.05).start()
    try:
        _edit(source, "def hello():\n    return 'tchau'\n")
        assert rebuilt.wait(10), "the edited module was not compiled again"
    finally:
        builder.stop()


def test_server_answers_500_for_a_module_that_does_not_compile(package_site, start_http):
    """A module with a syntax error gets a 500 that names it, not a stale or empty file."""
    (package_site / "wsclient" / "broken.py").write_text("def broken(:\n")
    server = start_http(package_site)
    status, _, body = request(server, "/mpy/wsclient/broken.mpy")
    assert status == 500
    assert b"wsclient/broken.py" in body


def test_fixed_module_is_served_again(package_site, start_http):
    """After a 500 for a syntax error, saving the module fixed gets its bytecode served."""
    source = package_site / "wsclient" / "broken.py"
    source.write_text("def broken(:\n")
    server = start_http(package_site)
    assert request(server, "/mpy/wsclient/broken.mpy")[0] == 500
    _edit(source, "def fixed():\n    pass\n")
    status, _, body = request(server, "/mpy/wsclient/broken.mpy")
    assert (status, body[:2]) == (200, MPY_MAGIC)


def test_stopped_builder_serves_no_bytecode_older_than_its_module(package_site):
    """Once stopped, the builder refuses a stale module rather than hand out old bytecode."""
    builder = bytecode.Builder(package_site).start()
    builder.stop()
    source = package_site / "wsclient" / "greet.py"
    _edit(source, "def hello():\n    return 'tchau'\n")
    with pytest.raises(bytecode.BytecodeError, match="greet.py"):
        builder.current(source)


def _main_unpack():
    """site/main.py's unpack(), taken from its source without running the page."""
    source = (Path(__file__).resolve().parents[2] / "site" / "main.py").read_text()
    tree = ast.parse(source)
    found = [node for node in tree.body if getattr(node, "name", None) == "unpack"]
    namespace = {}
    exec(compile(ast.Module(body=found, type_ignores=[]), "main.py", "exec"), namespace)
    return namespace["unpack"]


def _unpacked(site, pack, tmp_path, monkeypatch):
    """Build both packs of a site with two packages; unpack one as main.py does; return where."""
    (site / "ui").mkdir()
    (site / "ui" / "app.py").write_text("X = 'olá'\n")
    bytecode.compile_all(site)
    unpacked = tmp_path / "fs"
    unpacked.mkdir()
    monkeypatch.chdir(unpacked)
    _main_unpack()(str(site / "mpy" / pack))
    return unpacked


def test_pack_unpacks_to_every_module_bytecode(package_site, tmp_path, monkeypatch):
    """main.py's unpack() turns the pack back into each module's .mpy, byte for byte."""
    unpacked = _unpacked(package_site, bytecode.PACK, tmp_path, monkeypatch)
    for name in ("wsclient/greet.mpy", "ui/app.mpy"):
        assert (unpacked / name).read_bytes() == (package_site / "mpy" / name).read_bytes()


def _pack_after_edit(site, start_http, pack, text):
    """Serve site, save its greet.py as text, then ask for the pack: (status, headers, body)."""
    server = start_http(site)
    _edit(site / "wsclient" / "greet.py", text)
    return request(server, "/mpy/" + pack)


def test_pack_follows_an_edited_module(package_site, start_http):
    """A module saved just before the pack is asked for is in it, compiled from its new text."""
    status, headers, body = _pack_after_edit(
        package_site, start_http, bytecode.PACK, "def hello():\n    return 'tchau'\n"
    )
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert body == (package_site / "mpy" / bytecode.PACK).read_bytes()
    assert b"tchau" in body


def test_pack_request_answers_500_for_a_module_that_does_not_compile(package_site, start_http):
    """The pack is refused with the broken module's name, not served without it."""
    status, _, body = _pack_after_edit(package_site, start_http, bytecode.PACK, "def hello(:\n")
    assert status == 500
    assert b"greet.py" in body


def test_source_pack_unpacks_to_every_module_as_written(package_site, tmp_path, monkeypatch):
    """main.py's unpack() turns the source pack back into each module's .py, byte for byte."""
    unpacked = _unpacked(package_site, bytecode.SOURCE_PACK, tmp_path, monkeypatch)
    for name in ("wsclient/greet.py", "ui/app.py"):
        assert (unpacked / name).read_bytes() == (package_site / name).read_bytes()


def test_source_pack_follows_an_edited_module(package_site, start_http):
    """A module saved just before the source pack is asked for is in it as saved."""
    status, headers, body = _pack_after_edit(
        package_site, start_http, bytecode.SOURCE_PACK, "def hello():\n    return 'tchau'\n"
    )
    assert (status, headers["Content-Type"]) == (200, "application/octet-stream")
    assert b"return 'tchau'" in body


def test_source_pack_holds_a_module_that_does_not_compile(package_site, start_http):
    """Pyodide reports a syntax error itself, with its line: the source pack still serves."""
    status, _, body = _pack_after_edit(
        package_site, start_http, bytecode.SOURCE_PACK, "def hello(:\n"
    )
    assert status == 200
    assert b"def hello(:" in body
