"""Text that crosses between JavaScript and MicroPython intact: NULs and lone surrogates."""

from pyscript.ffi import to_js

from ui import bridge

__all__ = ["call_with_text", "fix_read", "read"]


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fix_read(text: str, target, key: str) -> str:
    """Return text, read from target[key], without the NUL MicroPython may add.

    A JavaScript string that ends with a lone surrogate (U+D800 alone) reaches
    MicroPython with a NUL after it. Only a text ending in NUL is suspect, and
    only then is its real length asked for.
    """
    if text.endswith("\x00") and _utf16_len(text) > bridge.js_length(target, key):
        return text[:-1]
    return text


def call_with_text(target, method: str, text: str):
    """Call target.method(text) so that every character of text arrives.

    MicroPython hands a str to JavaScript as a C string, so "a\\x00b" arrives as
    "a": the pieces between the NULs cross safely, and JavaScript joins them.
    """
    if "\x00" in text:
        return bridge.call_joined(target, method, to_js(text.split("\x00")))
    return getattr(target, method)(text)


def read(element, key: str = "value") -> str:
    """Read a text property of element, such as a field's value, intact."""
    return fix_read(str(getattr(element, key)), element, key)
