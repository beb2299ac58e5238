"""Characters the core's parsers share, and the sizes of text in UTF-8 and UTF-16.

The tables are spelled out because MicroPython's str.isspace() and str.strip()
only know ASCII.
"""

__all__ = ["BLANKS", "HEX_DIGITS", "is_blank", "utf16_index", "utf8_len"]

HEX_DIGITS = "0123456789abcdefABCDEF"
# Whitespace, ASCII and Unicode, with the byte order mark: what a copy from a web
# page brings along between the characters that matter.
BLANKS = (
    " \t\n\r\v\f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def is_blank(text: str) -> bool:
    """Whether text is empty or only BLANKS; it stops at the first other character."""
    for ch in text:
        if ch not in BLANKS:
            return False
    return True


def utf8_len(text: str) -> int:
    """Count the UTF-8 bytes of text; a lone surrogate counts as 3 bytes."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeError:
        # CPython refuses lone surrogates; MicroPython encodes them as 3 bytes anyway.
        return len(text.encode("utf-8", "surrogatepass"))


def utf16_index(text: str, position: int) -> int:
    """Turn a character index into text into the UTF-16 index a browser's text field uses."""
    head = text[:position].encode("utf-8", "surrogatepass")
    # Each character beyond U+FFFF is 4 bytes in UTF-8 and 2 units in UTF-16.
    return position + sum([head.count(bytes([lead])) for lead in (0xF0, 0xF1, 0xF2, 0xF3, 0xF4)])
