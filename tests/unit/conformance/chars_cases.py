"""wsclient.chars: the sizes of text in UTF-8 bytes and UTF-16 units."""

from conformance.runner import table
from wsclient.chars import BLANKS, utf8_len, utf16_index

UTF8 = [("", 0), ("a", 1), ("é", 2), ("€", 3), ("a€", 4), ("\U0001f600", 4), ("\ud800", 3)]

CASES = (
    table("utf8_len", utf8_len, UTF8)
    + table(
        "utf16_index a😀é😀b at",
        lambda n: utf16_index("a😀é😀b", n),
        [
            (0, 0),
            (1, 1),
            (2, 3),
            (3, 4),
            (4, 6),
            (5, 7),
        ],
    )
    + [
        (
            "blanks",
            lambda: ["%04x" % ord(ch) for ch in BLANKS],
            [
                "0020",
                "0009",
                "000a",
                "000d",
                "000b",
                "000c",
                "0085",
                "00a0",
                "1680",
                "2000",
                "2001",
                "2002",
                "2003",
                "2004",
                "2005",
                "2006",
                "2007",
                "2008",
                "2009",
                "200a",
                "2028",
                "2029",
                "202f",
                "205f",
                "3000",
                "feff",
            ],
        ),
    ]
)
