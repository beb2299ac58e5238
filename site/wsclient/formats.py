"""Turn message payloads into text for the log."""

import binascii

__all__ = ["hex_pairs", "utf8_len"]


def hex_pairs(data, limit=None):
    """Show bytes as lowercase hex pairs separated by spaces: b"\\xde\\xad" -> "de ad".

    Args:
        data: bytes, bytearray or memoryview.
        limit: show at most this many bytes, then " …" when there are more.
    """
    more = limit is not None and len(data) > limit
    if more:
        data = data[: max(limit, 0)]
    text = binascii.hexlify(data, " ").decode() if len(data) else ""
    if more:
        text = text + " …" if text else "…"
    return text


def utf8_len(text):
    """Count the UTF-8 bytes of text; a lone surrogate counts as 3 bytes."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeError:
        # CPython refuses lone surrogates; MicroPython encodes them as 3 bytes anyway.
        return len(text.encode("utf-8", "surrogatepass"))
