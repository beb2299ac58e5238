"""The interpreter's file system gets every module the page imports."""

import tomllib
from pathlib import Path

SITE = Path(__file__).resolve().parents[2] / "site"


def test_pyscript_toml_maps_every_module():
    """Each .py under wsclient/ and ui/ is in [files], and nothing else is."""
    files = tomllib.loads((SITE / "pyscript.toml").read_text())["files"]
    wanted = {
        f"./{path.relative_to(SITE).as_posix()}"
        for folder in ("wsclient", "ui")
        for path in (SITE / folder).glob("*.py")
    }
    assert set(files) == wanted
    assert all(source == target for source, target in files.items())
