"""The page's keyboard shortcuts: which key does what, where the focus is.

| keys | where | does |
| --- | --- | --- |
| Ctrl+Enter (⌘+Enter on macOS) | the composer | send |
| Ctrl+Shift+L (Control on macOS too) | anywhere | clear the log |
| / | outside every field, when single keys are on | focus the filter |
| Esc | the message field or the format | leave them for the log |
| Esc | the side panel, opened as a drawer (not in the script's editor) | close it |
| ← → Home End | the side panel's tabs | choose another tab |

Chosen against the browsers' own: Chrome and Firefox take Ctrl+L, Ctrl+K and Ctrl+E
(and ⌘ with them), Firefox Ctrl+Shift+K (its console) and Ctrl+Shift+X (text
direction), both Ctrl+Shift+Delete. Nothing here uses Alt, which Windows and some
desktops take to switch keyboard layouts, nor a key a screen reader holds (Insert,
Caps Lock). A single key can be turned off (WCAG 2.1.4); the others have modifiers.
"""

__all__ = [
    "CLEAR",
    "CLOSE_DRAWER",
    "FILTER",
    "KEYS_KEY",
    "LEAVE",
    "SEND",
    "TAB_KEY",
    "action",
    "tab_after",
]

SEND = "send"
CLEAR = "clear"
FILTER = "filter"
LEAVE = "leave"
CLOSE_DRAWER = "close_drawer"
# Where single-key shortcuts being off is kept.
KEYS_KEY = "pyws.single_keys"
# Where the side panel's chosen tab is kept.
TAB_KEY = "pyws.panel_tab"

# Where the focus is, as the shell says it: in the composer's message field or format
# ("composer"), in the side panel while it is a drawer over the log ("drawer"), in
# another field ("field"), or elsewhere ("page").
COMPOSER, DRAWER, FIELD, PAGE = "composer", "drawer", "field", "page"


def action(
    key: str,
    ctrl: bool,
    meta: bool,
    shift: bool,
    alt: bool,
    focus: str,
    mac: bool,
    single_keys: bool,
) -> "str | None":
    """What a key press does, or None for the browser to handle it.

    Args:
        key: KeyboardEvent.key; ctrl, meta, shift, alt: its modifiers.
        focus: where the focus is: "composer", "drawer", "field" or "page".
        mac: whether the platform is macOS, whose command key is ⌘ (meta).
        single_keys: whether the user left shortcuts of one key on.
    """
    accel = meta if mac else ctrl
    if key == "Enter" and accel and not (shift or alt) and focus == COMPOSER:
        return SEND
    if key in ("l", "L") and ctrl and shift and not (alt or meta):
        return CLEAR
    if key == "/" and single_keys and focus == PAGE and not (ctrl or meta or alt):
        return FILTER
    if key == "Escape" and not (ctrl or meta or alt or shift):
        if focus == COMPOSER:
            return LEAVE
        if focus == DRAWER:
            return CLOSE_DRAWER
    return None


def tab_after(key: str, index: int, count: int) -> "int | None":
    """The tab a key moves to from tab index of count, as the ARIA tabs pattern has it:
    the arrows go round, Home and End go to the ends. None: the key is not for tabs."""
    if key == "ArrowRight":
        return (index + 1) % count
    if key == "ArrowLeft":
        return (index - 1) % count
    if key == "Home":
        return 0
    if key == "End":
        return count - 1
    return None
