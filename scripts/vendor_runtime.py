"""Copy the PyScript runtime from node_modules/ into site/pyscript/, served from our own origin."""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["main", "vendor"]

ROOT = Path(__file__).resolve().parent.parent
CORE = "@pyscript/core"
MICROPYTHON = "@micropython/micropython-webassembly-pyscript"
PYODIDE = "pyodide"
SNAPSHOT = ROOT / "scripts" / "pyodide_snapshot.mjs"


def _version(modules, name):
    return json.loads((modules / name / "package.json").read_text())["version"]


def _copy(files, target):
    target.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy2(path, target / path.name)
    return len(files)


def vendor(modules, target):
    """Copy the runtime into target, replacing what was there.

    Returns:
        The versions copied, by package name.

    Raises:
        FileNotFoundError: a package is not installed in modules.
    """
    for name in (CORE, MICROPYTHON, PYODIDE):
        if not (modules / name / "package.json").is_file():
            raise FileNotFoundError(f"{name} is not installed in {modules}")
    if target.exists():
        shutil.rmtree(target)
    dist = modules / CORE / "dist"
    _copy([p for p in dist.iterdir() if p.is_file() and not p.name.endswith(".map")], target)
    mpy = modules / MICROPYTHON
    _copy([mpy / "micropython.mjs", mpy / "micropython.wasm"], target / "micropython")
    pyo = modules / PYODIDE
    wanted = [
        p
        for p in pyo.iterdir()
        if p.name.startswith("pyodide") and not p.name.endswith((".map", ".d.ts"))
    ]
    _copy(wanted + [pyo / "python_stdlib.zip"], target / "pyodide")
    snapshot(target / "pyodide")
    versions = {name: _version(modules, name) for name in (CORE, MICROPYTHON, PYODIDE)}
    (target / "versions.json").write_text(json.dumps(versions, indent=2) + "\n")
    return versions


def snapshot(pyodide):
    """Build Pyodide's memory snapshot in pyodide/ with node, for the page's faster start.

    Raises:
        RuntimeError: node could not build it.
    """
    try:
        done = subprocess.run(
            ["node", str(SNAPSHOT), str(pyodide)], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise RuntimeError("node is not installed") from exc
    if done.returncode != 0:
        raise RuntimeError(f"node could not build Pyodide's snapshot: {done.stderr.strip()}")
    print(done.stdout.strip())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=Path, default=ROOT / "node_modules")
    parser.add_argument("--target", type=Path, default=ROOT / "site" / "pyscript")
    args = parser.parse_args(argv)
    try:
        versions = vendor(args.modules, args.target)
    except FileNotFoundError as exc:
        print(f"Cannot vendor the runtime: {exc}. Run `npm ci` first.", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"Cannot vendor the runtime: {exc}.", file=sys.stderr)
        return 1
    names = ", ".join(f"{name} {version}" for name, version in versions.items())
    print(f"Vendored {names} into {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
