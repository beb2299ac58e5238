"""The names of the user's variables: what `{{name}}` can find, and what a script may set.

Its own module so that a script's worker checks a name by the same rule as the page
without loading the rest of the variables' code.
"""

__all__ = ["valid_name"]

_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_REST = _FIRST + "0123456789-."


def valid_name(name: str) -> bool:
    """Whether name can be a user's variable: `{{name}}` would find it."""
    if not name or name[0] not in _FIRST:
        return False
    for ch in name:
        if ch not in _REST:
            return False
    return True
