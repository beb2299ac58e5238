"""wsclient.shortcuts: which key does what, where the focus is."""

from conformance.runner import table
from wsclient.shortcuts import action


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
    (["a", False, False, False, False, "page", False, True], None),
]

CASES = table("action", _does, ROWS)
