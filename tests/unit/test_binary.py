"""Tests of wsclient.binary: hex pairs and dumps, and hex and Base64 read and written."""

import base64
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient import binary
from wsclient.binary import (
    BASE64,
    NATIVE_BASE64,
    PURE_BASE64,
    hex_dump,
    hex_pairs,
    parse_base64,
    parse_hex,
    to_base64,
)
from wsclient.errors import InputError

# The C codec CPython runs, and the pure one MicroPython runs.
CODECS = pytest.mark.parametrize("codec", [NATIVE_BASE64, PURE_BASE64], ids=["native", "pure"])


def _error(function, text, *args):
    with pytest.raises(InputError) as info:
        function(text, *args)
    return info.value


def test_hex_pairs_are_lowercase_and_spaced():
    """Bytes become lowercase pairs separated by single spaces."""
    assert hex_pairs(b"\xde\xad\xbe\xef") == "de ad be ef"


def test_hex_pairs_of_nothing_is_empty():
    """No bytes give an empty string."""
    assert hex_pairs(b"") == ""


@pytest.mark.parametrize("data", [bytearray(b"\x01\x02"), memoryview(b"\x01\x02")])
def test_hex_pairs_accepts_bytes_like(data):
    """bytearray and memoryview work like bytes."""
    assert hex_pairs(data) == "01 02"


def test_hex_pairs_limit_truncates_with_ellipsis():
    """Past the limit the dump ends with an ellipsis."""
    assert hex_pairs(b"\x00\x01\x02\x03", 2) == "00 01 …"


def test_hex_pairs_limit_equal_to_length_shows_everything():
    """A limit that is not exceeded adds no ellipsis."""
    assert hex_pairs(b"\x00\x01", 2) == "00 01"


def test_hex_pairs_limit_zero_shows_only_ellipsis():
    """A zero limit shows just the ellipsis for non-empty data."""
    assert hex_pairs(b"\x00", 0) == "…"


@given(st.binary())
def test_hex_pairs_round_trip(data):
    """The dump parses back to the same bytes."""
    assert bytes.fromhex(hex_pairs(data)) == data


@given(st.binary(), st.integers(min_value=0, max_value=64))
def test_hex_pairs_limit_bounds_output(data, limit):
    """A limited dump shows exactly min(len, limit) bytes."""
    shown = hex_pairs(data, limit).replace("…", "")
    assert bytes.fromhex(shown) == data[:limit]


# --- hex_dump ----------------------------------------------------------------------------


def _reference_dump(data, width=16):
    """What `hexdump -C` prints, without its final offset line."""
    lines = []
    for start in range(0, len(data), width):
        chunk = data[start : start + width]
        cells = []
        for i in range(width):
            if i and i % 8 == 0:
                cells.append("")
            cells.append("%02x" % chunk[i] if i < len(chunk) else "  ")
        shown = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append("%08x  %s  |%s|" % (start, " ".join(cells), shown))
    return lines


def test_hex_dump_matches_hexdump_c():
    """A dump reads like `hexdump -C`: offset, two groups of 8 pairs, ASCII between bars."""
    data = bytes(range(60, 100)) + b"\xde\xad"
    assert hex_dump(data) == [
        "00000000  3c 3d 3e 3f 40 41 42 43  44 45 46 47 48 49 4a 4b  |<=>?@ABCDEFGHIJK|",
        "00000010  4c 4d 4e 4f 50 51 52 53  54 55 56 57 58 59 5a 5b  |LMNOPQRSTUVWXYZ[|",
        "00000020  5c 5d 5e 5f 60 61 62 63  de ad                    |\\]^_`abc..|",
    ]


def test_hex_dump_of_nothing_has_no_lines():
    """No bytes give no lines."""
    assert hex_dump(b"") == []


def test_hex_dump_limit_dumps_only_the_first_bytes():
    """limit caps how many bytes are dumped."""
    assert hex_dump(b"ABCDEFGH", limit=3) == ["00000000  41 42 43" + " " * 42 + "|ABC|"]


def test_hex_dump_counts_offsets_from_where_a_page_starts():
    """A page of a long frame is dumped with the frame's own offsets."""
    assert hex_dump(b"AB", offset=0x10080) == ["00010080  41 42" + " " * 45 + "|AB|"]


def test_hex_dump_shows_unprintable_bytes_as_dots():
    """Bytes outside 0x20..0x7e show as "." in the ASCII column."""
    assert hex_dump(b"\x00\x1f\x20\x7e\x7f\xff")[0].endswith("|.. ~..|")


@given(st.binary(max_size=100), st.sampled_from([1, 4, 8, 16, 24, 32]))
def test_hex_dump_agrees_with_reference(data, width):
    """Any bytes at any width dump as the reference `hexdump -C` layout does."""
    assert hex_dump(data, width) == _reference_dump(data, width)


@given(st.binary(min_size=1, max_size=200))
def test_hex_dump_aligns_the_ascii_column(data):
    """Every line, the last one too, has its ASCII column at the same place."""
    assert len({line.index("|") for line in hex_dump(data)}) == 1


@given(st.binary(max_size=200))
def test_hex_dump_round_trips(data):
    """The hex columns of a dump parse back to the bytes."""
    pairs = " ".join(line[10:].partition("|")[0] for line in hex_dump(data))
    assert bytes.fromhex(pairs) == data


@pytest.mark.parametrize("data", [bytearray(b"AB"), memoryview(b"AB")])
def test_hex_dump_accepts_bytes_like(data):
    """bytearray and memoryview dump like bytes."""
    assert hex_dump(data) == hex_dump(b"AB")


# --- parse_hex ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de ad be ef",
        "deadbeef",
        "DEADBEEF",
        "0xde 0xad 0xbe 0xef",
        "0xde,0xad,0xbe,0xef",
        "0xDE, 0XAD, 0xBE, 0xEF",
        "de:ad:be:ef",
        "  de ad\n be\tef \r\n",
        "dead\u00a0beef",
        "0xdeadbeef",
        "de,,ad::be  ef",
    ],
)
def test_parse_hex_accepts_common_spellings(text):
    """Pairs, runs, 0x prefixes, commas, colons and any blanks all read the same bytes."""
    assert parse_hex(text) == b"\xde\xad\xbe\xef"


@pytest.mark.parametrize("text", ["", "   ", "\n", ",:"])
def test_parse_hex_of_nothing_is_empty(text):
    """Text without digits is the empty payload."""
    assert parse_hex(text) == b""


@pytest.mark.parametrize(
    "text, position, char",
    [
        ("zz", 0, "z"),
        ("de ag", 4, "g"),
        ("de0xad", 3, "x"),
        ("0x0x12", 3, "x"),
        ("de-ad", 2, "-"),
        ("de ad;", 5, ";"),
        ("\\xde", 0, "\\"),
        ("dé", 1, "é"),
        ("de\x01", 2, "U+0001"),
        ("😀 de zz", 0, "😀"),
    ],
)
def test_parse_hex_names_the_first_bad_character(text, position, char):
    """A character that is neither a digit nor a separator is reported where it is."""
    error = _error(parse_hex, text)
    assert error.key == "payload.hex"
    assert (error.params["position"], error.params["char"]) == (position, char)


@pytest.mark.parametrize(
    "text, position",
    [("abc", 3), ("de a", 4), ("dea d", 3), ("0x", 2), ("0x de", 2), ("a\n", 1)],
)
def test_parse_hex_reports_odd_digits_at_the_group_end(text, position):
    """A group with an odd number of digits (or none after 0x) is reported at its end."""
    error = _error(parse_hex, text)
    assert (error.key, error.params["position"]) == ("payload.hex_odd", position)


def test_parse_hex_error_gives_line_and_column():
    """Errors also say the 1-based line and column."""
    error = _error(parse_hex, "de ad\nbe zz")
    assert (error.params["line"], error.params["column"]) == (2, 4)


@given(st.binary())
def test_parse_hex_reads_hex_pairs(data):
    """What hex_pairs shows parses back to the same bytes."""
    assert parse_hex(hex_pairs(data)) == data


@given(st.binary(), st.sampled_from([", ", ":", "\n", " 0x", ",0X"]))
def test_parse_hex_reads_any_separator(data, separator):
    """Pairs joined by any separator parse back to the bytes."""
    text = separator.join("%02x" % b for b in data)
    if separator.strip(" ,") in ("0x", "0X") and data:
        text = separator.strip(" ,") + text
    assert parse_hex(text) == data


@given(st.text(alphabet="0123456789abcdefABCDEFxXg ,:\n\t\u00a0", max_size=30))
def test_parse_hex_fast_path_agrees_with_group_reader(text):
    """The bytes.fromhex shortcut accepts exactly what the group-by-group reader accepts."""
    flat = text
    for ch in binary._HEX_SEPARATORS:
        flat = flat.replace(ch, " ")
    try:
        slow = binary._parse_hex_groups(text, flat)
    except InputError as error:
        slow = error.args
    try:
        fast = parse_hex(text)
    except InputError as error:
        fast = error.args
    assert fast == slow


@given(st.text(max_size=30))
def test_parse_hex_raises_only_payload_errors(text):
    """Any text gives bytes or a InputError that points inside the text."""
    try:
        parse_hex(text)
    except InputError as error:
        assert 0 <= error.params["position"] <= len(text)


# --- Base64 ------------------------------------------------------------------------------


@CODECS
@pytest.mark.parametrize(
    "text, data",
    [
        ("", b""),
        ("YQ==", b"a"),
        ("YQ", b"a"),
        ("YWI=", b"ab"),
        ("YWI", b"ab"),
        ("YWJj", b"abc"),
        (" YW\nJj\t", b"abc"),
        ("+/+/", b"\xfb\xff\xbf"),
        ("-_-_", b"\xfb\xff\xbf"),
        ("YQ= =", b"a"),
    ],
)
def test_parse_base64_decodes(codec, text, data):
    """Both alphabets, blanks, and padding complete or left out all decode."""
    assert parse_base64(text, codec) == data


@CODECS
@pytest.mark.parametrize(
    "text, position, char",
    [
        ("Y!Q=", 1, "!"),
        ("YQ==YQ==", 4, "Y"),
        ("YWJj=", 4, "="),
        ("YQ===", 4, "="),
        ("=YQ=", 0, "="),
        ("YQ=A", 3, "A"),
        ("é", 0, "é"),
        ("YW\x00J", 2, "U+0000"),
    ],
)
def test_parse_base64_names_the_first_bad_character(codec, text, position, char):
    """A character outside the alphabets, or data after padding, is reported where it is."""
    error = _error(parse_base64, text, codec)
    assert error.key == "payload.base64"
    assert (error.params["position"], error.params["char"]) == (position, char)


@CODECS
@pytest.mark.parametrize("text, length", [("Y", 1), ("YWJjZ", 5), ("YQ=", 3), ("YW =", 3)])
def test_parse_base64_reports_a_wrong_length(codec, text, length):
    """Characters that cannot make whole bytes are a length error at the end."""
    error = _error(parse_base64, text, codec)
    assert (error.key, error.params["count"]) == ("payload.base64_length", length)
    assert error.params["position"] == len(text.rstrip())


@CODECS
@given(data=st.binary(), urlsafe=st.booleans(), padded=st.booleans())
def test_parse_base64_round_trips(codec, data, urlsafe, padded):
    """Any bytes encoded in either alphabet, with or without padding, decode back."""
    text = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(data).decode()
    if not padded:
        text = text.rstrip("=")
    assert parse_base64(text, codec) == data


@given(st.text(alphabet="AQRYWJjKw+/-_=! \n", max_size=20))
def test_parse_base64_pure_python_agrees_with_binascii(text):
    """The pure-Python decoder MicroPython uses agrees with CPython's binascii, errors too."""
    results = []
    for codec in (NATIVE_BASE64, PURE_BASE64):
        try:
            results.append(parse_base64(text, codec))
        except InputError as error:
            results.append(error.args)
    assert results[0] == results[1]


@CODECS
@given(st.binary())
def test_to_base64_is_standard_padded_base64(codec, data):
    """to_base64 gives what base64.b64encode gives, on both paths."""
    assert to_base64(data, codec) == base64.b64encode(data).decode()


def test_parse_base64_decodes_a_mebibyte_quickly():
    """1 MiB of Base64 (with line breaks) decodes in well under a second on CPython."""
    data = bytes(range(256)) * 4096
    text = base64.encodebytes(data).decode()
    start = time.perf_counter()
    assert parse_base64(text) == data
    assert time.perf_counter() - start < 0.5


def test_cpython_picks_the_native_codec():
    """On CPython the default Base64 codec is binascii's, written in C."""
    assert BASE64 is NATIVE_BASE64 and NATIVE_BASE64.works()
