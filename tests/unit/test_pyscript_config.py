"""The PyScript config and the inline script that picks the interpreter."""

import base64
import hashlib
import json
import re
from pathlib import Path

SITE = Path(__file__).resolve().parents[2] / "site"
CONFIG = re.compile(r'<script type="application/json" id="pyscript-config">(.*?)</script>', re.S)


def _config():
    return json.loads(CONFIG.search((SITE / "index.html").read_text()).group(1))


def test_config_leaves_the_modules_to_the_packs():
    """The shared config lists no module: each interpreter gets all of them in one pack."""
    assert "files" not in _config()
    html = (SITE / "index.html").read_text()
    assert '["mpy-config", "app.pack"]' in html
    assert '["py-config", "source.pack", "./ui/pyodide.mjs"]' in html


def test_config_turns_off_the_plugins_the_page_does_not_use():
    """Only the error plugin, which shows a failed start on the page, stays on."""
    assert set(_config()["plugins"]) == {
        "!deprecations-manager",
        "!donkey",
        "!py-editor",
        "!py-game",
        "!py-terminal",
    }


def test_csp_allows_exactly_the_inline_start_script():
    """The CSP's script hash is the inline module script's, so an edit cannot break the start."""
    html = (SITE / "index.html").read_text()
    script = re.search(r'<script type="module">(.*?)</script>', html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert f"'sha256-{digest}'" in policy
    tags = re.findall(r"<script([^>]*)>", html)
    inline = [tag for tag in tags if "src=" not in tag and "application/json" not in tag]
    assert inline == [' type="module"'], "every inline script needs its own hash in the CSP"
