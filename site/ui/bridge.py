"""The page's JavaScript helpers: the ES module ui/bridge.js, which the config loads."""

from pyscript.js_modules import bridge

__all__ = ["bridge"]
