"""The interpreter's file system gets every module the page imports."""

import json
import re
from pathlib import Path

SITE = Path(__file__).resolve().parents[2] / "site"
CONFIG = re.compile(r'<script type="application/json" id="pyscript-config">(.*?)</script>', re.S)


def _config():
    return json.loads(CONFIG.search((SITE / "index.html").read_text()).group(1))


def test_config_maps_every_module():
    """Each .py under wsclient/ and ui/ is in the config's files, and nothing else is."""
    files = _config()["files"]
    wanted = {
        f"./{path.relative_to(SITE).as_posix()}"
        for folder in ("wsclient", "ui")
        for path in (SITE / folder).glob("*.py")
    }
    assert set(files) == wanted
    assert all(source == target for source, target in files.items())


def test_config_turns_off_the_plugins_the_page_does_not_use():
    """Only the error plugin, which shows a failed start on the page, stays on."""
    assert set(_config()["plugins"]) == {
        "!deprecations-manager",
        "!donkey",
        "!py-editor",
        "!py-game",
        "!py-terminal",
    }
