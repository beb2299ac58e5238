"""wsclient.shortcuts: which key does what, where the focus is."""

from conformance.runner import table
from wsclient.shortcuts import action, tab_after


def _does(args):
    """action(key, ctrl, meta, shift, alt, focus, mac, single_keys), spelled as a row."""
    return action(*args)


# key, ctrl, meta, shift, alt, focus, mac, single keys
ROWS = [
    (["Enter", True, False, False, False, "composer", False, True], "send"),
    (["Enter", False, True, False, False, "composer", True, True], "send"),
    (["Enter", True, False, False, False, "composer", True, True], None),  # Ctrl on a Mac
    (["Enter", False, True, False, False, "composer", False, True], None),  # ⊞ elsewhere
    (["Enter", True, False, False, False, "field", False, True], None),
    (["Enter", True, False, True, False, "composer", False, True], None),
    (["Enter", False, False, False, False, "composer", False, True], None),
    (["L", True, False, True, False, "field", False, True], "clear"),
    (["l", True, False, True, False, "page", True, True], "clear"),
    (["L", True, False, True, True, "page", False, True], None),
    (["l", True, False, False, False, "page", False, True], None),  # the address bar's
    (["k", True, False, True, False, "page", False, True], None),  # Firefox's console
    (["/", False, False, False, False, "page", False, True], "filter"),
    (["/", False, False, False, False, "page", False, False], None),  # single keys off
    (["/", False, False, False, False, "field", False, True], None),
    (["/", False, False, False, False, "composer", False, True], None),
    (["/", True, False, False, False, "page", False, True], None),
    (["Escape", False, False, False, False, "composer", False, True], "leave"),
    (["Escape", False, False, False, False, "field", False, True], None),
    (["Escape", False, False, True, False, "composer", False, True], None),
    (["Escape", False, False, False, False, "drawer", False, True], "close_drawer"),
    (["Escape", False, False, False, False, "drawer", False, False], "close_drawer"),
    (["Escape", True, False, False, False, "drawer", False, True], None),
    (["a", False, False, False, False, "page", False, True], None),
]

# key, the tab focused, how many tabs
TAB_ROWS = [
    (["ArrowRight", 0, 2], 1),
    (["ArrowRight", 1, 2], 0),  # round to the first
    (["ArrowLeft", 0, 3], 2),  # round to the last
    (["ArrowLeft", 2, 3], 1),
    (["Home", 2, 3], 0),
    (["End", 0, 3], 2),
    (["ArrowDown", 0, 2], None),  # the page's to scroll
    (["Enter", 0, 2], None),
]

CASES = table("action", _does, ROWS) + table("tab_after", lambda args: tab_after(*args), TAB_ROWS)
