"""The one error the core raises for input it cannot use, and where in the text it lies."""

from wsclient.chars import BLANKS

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypedDict

    class ErrorParams(TypedDict, total=False):
        """An InputError's params: where in the text, and what the i18n text names."""

        position: int
        line: int
        column: int
        char: str
        count: int
        detail: str
        token: str
        host: str
        port: str
        scheme: str
        suggestion: str
        name: str
        limit: int
        field: str


__all__ = ["InputError", "error_at", "shown"]


class InputError(ValueError):
    """Input the page cannot use: an address, subprotocols, or a payload in its format.

    args are (key, params), for i18n.t(lang, key, **params). When the fault lies at
    a place in a text, params has "position" (0-based index of the character at
    fault, len(text) when the text ends too soon) and 1-based "line" and "column";
    "char" is the character at fault as shown to the user, when there is one.
    """

    def __init__(self, key: str, params: "ErrorParams | None" = None) -> None:
        params = params or {}
        super().__init__(key, params)
        self.key = key
        self.params: "ErrorParams" = params


def shown(ch: str) -> str:
    """Show one character in an error message: itself, or U+XXXX when it is invisible."""
    code = ord(ch)
    if code <= 0x20 or 0x7F <= code <= 0xA0 or 0xD800 <= code <= 0xDFFF or ch in BLANKS:
        return "U+%04X" % code
    return ch


def error_at(
    key: str, text: str, position: int, char: bool = False, **params: "int | str"
) -> InputError:
    """Build the InputError for text at the character index position.

    Args:
        char: also name the character at position (which must exist) as "char".
    """
    head = text[:position]
    params["position"] = position
    params["line"] = head.count("\n") + 1
    params["column"] = position - head.rfind("\n")
    if char:
        params["char"] = shown(text[position])
    # Each of params is an ErrorParams key, but mypy types no **kwargs that overlap named ones.
    return InputError(key, params)  # type: ignore[arg-type]
