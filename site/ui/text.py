"""Text that crosses between JavaScript and MicroPython intact: NULs and lone surrogates."""

import js
from pyscript.ffi import to_js

__all__ = ["call_with_text", "fix_read"]

# MicroPython hands a str to JavaScript as a C string, so "a\x00b" arrives as "a".
# The pieces between the NULs cross safely, and JavaScript joins them again.
_CALL_JOINED = js.Function.new(
    "target", "method", "parts", "return target[method](parts.join(String.fromCharCode(0)))"
)

_JS_LENGTH = js.Function.new("target", "key", "return target[key].length")


def _utf16_len(text):
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fix_read(text, target, key):
    """Return text, read from target[key], without the NUL MicroPython may add.

    A JavaScript string that ends with a lone surrogate (U+D800 alone) reaches
    MicroPython with a NUL after it. Only a text ending in NUL is suspect, and
    only then is its real length asked for.
    """
    if text.endswith("\x00") and _utf16_len(text) > _JS_LENGTH(target, key):
        return text[:-1]
    return text


def call_with_text(target, method, text):
    """Call target.method(text) so that every character of text arrives."""
    if "\x00" in text:
        return _CALL_JOINED(target, method, to_js(text.split("\x00")))
    return getattr(target, method)(text)
