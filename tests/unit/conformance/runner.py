"""Runs conformance cases and writes each result as one line of ASCII JSON.

The same code runs the cases on CPython, in pytest, and on MicroPython, in node.
"""

import json

__all__ = ["label", "main", "outcome", "table", "to_ascii_json"]


def label(text):
    """Spell text in a case name as ASCII, the same on every interpreter."""
    out = []
    for ch in text:
        code = ord(ch)
        out.append(ch if 0x20 <= code < 0x7F else "\\u%04x" % code)
    return "".join(out)


def _spell(arg):
    if isinstance(arg, str):
        return label(arg)
    if isinstance(arg, (list, tuple)):
        return " ".join([_spell(item) for item in arg])
    return label(repr(arg))


def table(prefix, function, rows):
    """Cases that call function with the first item of each row and expect the second.

    Each case is named prefix and the row's input: a str spelled by label(), the
    items of a list or tuple one after the other, anything else by its repr.
    """
    return [
        (prefix + " " + _spell(arg), lambda arg=arg: function(arg), expected)
        for arg, expected in rows
    ]


def outcome(function):
    """Run one case: ["value", what it returned], or ["raised", what it raised]."""
    try:
        return ["value", function()]
    except Exception as exc:  # noqa: BLE001 - a case that raises is a result to report
        return ["raised", "%s: %s" % (type(exc).__name__, exc)]


def to_ascii_json(value):
    """json.dumps, with every character beyond ASCII escaped, lone surrogates too.

    MicroPython's json.dumps writes them raw, and node's stdout would turn a lone
    surrogate into U+FFFD.
    """
    text = json.dumps(value)
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x7F:
            out.append(ch)
        elif code < 0x10000:
            out.append("\\u%04x" % code)
        else:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    return "".join(out)


def main(modules):
    """Print [module, index, name, outcome] for every case of each module, one per line."""
    for module in modules:
        try:
            cases = __import__("conformance." + module, None, None, ["CASES"]).CASES
        except Exception as exc:  # noqa: BLE001 - reported against every case of the module
            print(to_ascii_json([module, -1, "", ["raised", "%s: %s" % (type(exc).__name__, exc)]]))
            continue
        for index, (name, function, _) in enumerate(cases):
            print(to_ascii_json([module, index, name, outcome(function)]))
