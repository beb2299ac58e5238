"""Numbers and plurals as each language writes them.

pt-BR writes 1.000.000 and 2,5; English writes 1,000,000 and 2.5 (CLDR's separators
for pt and en). Every count the page shows goes through number(), and every text
about a count picks its words with plural(): "1 byte", "2 bytes".
"""

__all__ = ["ONE", "OTHER", "number", "plural"]

ONE = "one"
OTHER = "other"

# The thousands separator and the decimal mark of each language.
_MARKS = {"pt-BR": (".", ","), "en": (",", ".")}


def plural(count: object) -> str:
    """The plural form for a whole number of things: ONE for exactly 1, else OTHER.

    Both languages agree on whole numbers: "1 byte", "0 bytes", "2 bytes"; in
    pt-BR "1 mensagem", "0 mensagens". (CLDR's rule for Portuguese also puts 0 with
    1, for "0,5 hora"; the page never counts in fractions, and Brazilian usage writes
    "zero mensagens".) Anything that is not a whole number takes OTHER.
    """
    return ONE if type(count) is int and count == 1 else OTHER


def _grouped(digits: str, separator: str) -> str:
    if len(digits) <= 3:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]]
    for start in range(head, len(digits), 3):
        parts.append(digits[start : start + 3])
    return separator.join(parts)


def number(lang: str, value: "int | float", places: int = 0) -> str:
    """Write value with the language's thousands separator and decimal mark.

    Args:
        lang: "pt-BR" or "en"; any other language is written as pt-BR.
        value: an int or a float; a float is rounded half away from zero.
        places: how many decimals to show.

    number("pt-BR", 1000000) is "1.000.000"; number("en", 2.5, 1) is "2.5".
    """
    if type(value) is int and not places and -1000 < value < 1000:
        return str(value)  # the common case, for every entry drawn
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    separator, mark = _MARKS.get(lang, _MARKS["pt-BR"])
    scale = 10**places
    if type(value) is int:
        scaled = abs(value) * scale
    else:
        # Rounded by hand: "%.1f" rounds 1.25 to 1.2 on CPython and to 1.3 on MicroPython.
        scaled = int(abs(value) * scale + 0.5)
    whole = scaled // scale
    text = ("-" if value < 0 and scaled else "") + _grouped(str(whole), separator)
    if places:
        text += mark + str(scaled % scale + scale)[1:]
    return text
