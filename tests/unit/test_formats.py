"""Tests of wsclient.formats: hex dumps, UTF-8 sizes, and what the user types as payloads."""

import base64
import json
import time
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wsclient import formats
from wsclient.formats import (
    PayloadError,
    hex_dump,
    hex_pairs,
    json_string,
    looks_like_json,
    parse_base64,
    parse_hex,
    parse_json,
    pretty_json,
    to_base64,
    utf8_len,
    utf16_index,
)
from wsclient.i18n import LANGS, t


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


@pytest.mark.parametrize("text, size", [("", 0), ("a", 1), ("é", 2), ("€", 3), ("😀", 4)])
def test_utf8_len_counts_bytes(text, size):
    """Characters count as their UTF-8 length."""
    assert utf8_len(text) == size


def test_utf8_len_counts_lone_surrogate_as_three():
    """A lone surrogate counts as 3 bytes instead of raising."""
    assert utf8_len("a\ud800b") == 5


@given(st.text())
def test_utf8_len_matches_encode(text):
    """For valid text the count equals the encoded length."""
    assert utf8_len(text) == len(text.encode("utf-8"))


@given(
    st.text(
        alphabet=st.one_of(
            st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
        )
    )
)
def test_utf8_len_never_raises(text):
    """Any str, surrogates included, has a size."""
    assert utf8_len(text) >= len(text)


# --- helpers -----------------------------------------------------------------------------


@contextmanager
def _interpreter(strict_loads=True, native_base64=True):
    """Run formats' CPython paths, or the ones MicroPython takes (its json and binascii)."""
    saved = formats._STRICT_LOADS, formats._NATIVE_BASE64
    formats._STRICT_LOADS, formats._NATIVE_BASE64 = strict_loads, native_base64
    try:
        yield
    finally:
        formats._STRICT_LOADS, formats._NATIVE_BASE64 = saved


PATHS = pytest.mark.parametrize("cpython", [True, False], ids=["cpython", "micropython"])


def _error(function, text):
    with pytest.raises(PayloadError) as info:
        function(text)
    return info.value


# --- PayloadError ------------------------------------------------------------------------


def test_payload_error_is_a_value_error_with_key_and_params():
    """PayloadError carries its i18n key and params, like InvalidURL."""
    error = PayloadError("payload.hex", {"position": 1})
    assert isinstance(error, ValueError)
    assert (error.key, error.params, error.args) == (
        "payload.hex",
        {"position": 1},
        ("payload.hex", {"position": 1}),
    )


@pytest.mark.parametrize(
    "function, text",
    [
        (parse_hex, "zz"),
        (parse_hex, "abc"),
        (parse_base64, "Y!"),
        (parse_base64, "Y"),
        (parse_json, "[1,]"),
        (parse_json, "[1"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_payload_errors_have_texts_in_every_language(function, text, lang):
    """Every PayloadError's key and params make a complete text."""
    error = _error(function, text)
    message = t(lang, error.key, **error.params)
    assert message != error.key and "{" not in message


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
    for ch in formats._HEX_SEPARATORS:
        flat = flat.replace(ch, " ")
    try:
        slow = formats._parse_hex_groups(text, flat)
    except PayloadError as error:
        slow = error.args
    try:
        fast = parse_hex(text)
    except PayloadError as error:
        fast = error.args
    assert fast == slow


@given(st.text(max_size=30))
def test_parse_hex_raises_only_payload_errors(text):
    """Any text gives bytes or a PayloadError that points inside the text."""
    try:
        parse_hex(text)
    except PayloadError as error:
        assert 0 <= error.params["position"] <= len(text)


# --- Base64 ------------------------------------------------------------------------------


@PATHS
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
def test_parse_base64_decodes(cpython, text, data):
    """Both alphabets, blanks, and padding complete or left out all decode."""
    with _interpreter(cpython, cpython):
        assert parse_base64(text) == data


@PATHS
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
def test_parse_base64_names_the_first_bad_character(cpython, text, position, char):
    """A character outside the alphabets, or data after padding, is reported where it is."""
    with _interpreter(cpython, cpython):
        error = _error(parse_base64, text)
    assert error.key == "payload.base64"
    assert (error.params["position"], error.params["char"]) == (position, char)


@PATHS
@pytest.mark.parametrize("text, length", [("Y", 1), ("YWJjZ", 5), ("YQ=", 3), ("YW =", 3)])
def test_parse_base64_reports_a_wrong_length(cpython, text, length):
    """Characters that cannot make whole bytes are a length error at the end."""
    with _interpreter(cpython, cpython):
        error = _error(parse_base64, text)
    assert (error.key, error.params["length"]) == ("payload.base64_length", length)
    assert error.params["position"] == len(text.rstrip())


@PATHS
@given(data=st.binary(), urlsafe=st.booleans(), padded=st.booleans())
def test_parse_base64_round_trips(cpython, data, urlsafe, padded):
    """Any bytes encoded in either alphabet, with or without padding, decode back."""
    text = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(data).decode()
    if not padded:
        text = text.rstrip("=")
    with _interpreter(cpython, cpython):
        assert parse_base64(text) == data


@given(st.text(alphabet="AQRYWJjKw+/-_=! \n", max_size=20))
def test_parse_base64_pure_python_agrees_with_binascii(text):
    """The pure-Python decoder MicroPython uses agrees with CPython's binascii, errors too."""
    results = []
    for native in (True, False):
        with _interpreter(native_base64=native):
            try:
                results.append(parse_base64(text))
            except PayloadError as error:
                results.append(error.args)
    assert results[0] == results[1]


@PATHS
@given(st.binary())
def test_to_base64_is_standard_padded_base64(cpython, data):
    """to_base64 gives what base64.b64encode gives, on both paths."""
    with _interpreter(cpython, cpython):
        assert to_base64(data) == base64.b64encode(data).decode()


def test_parse_base64_decodes_a_mebibyte_quickly():
    """1 MiB of Base64 (with line breaks) decodes in well under a second on CPython."""
    data = bytes(range(256)) * 4096
    text = base64.encodebytes(data).decode()
    start = time.perf_counter()
    assert parse_base64(text) == data
    assert time.perf_counter() - start < 0.5


# --- JSON --------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=15,
)
JSON_NOISE = st.sampled_from(list('{}[],:"\\ \t\n\r0123456789-+.eEtrufalsn\x00\x1fé😀'))


def _no_constant(name):
    raise ValueError(name)


def _cpython_accepts(text):
    try:
        json.loads(text, parse_constant=_no_constant)
    except ValueError:
        return False
    return True


@st.composite
def json_texts(draw):
    """JSON texts, laid out in different ways, and then maybe broken a little."""
    value = draw(JSON_VALUES)
    text = json.dumps(
        value,
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 0, 2, "\t"])),
        separators=draw(st.sampled_from([None, (",", ":"), (" , ", " : ")])),
    )
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        noise = draw(JSON_NOISE)
        if how == "insert":
            text = text[:at] + noise + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + noise + text[at + 1 :]
    return text


@given(JSON_VALUES)
def test_parse_json_reads_what_json_dumps_writes(value):
    """Any JSON value comes back as json.loads gives it, on both paths."""
    text = json.dumps(value)
    for cpython in (True, False):
        with _interpreter(strict_loads=cpython):
            assert parse_json(text) == json.loads(text)


@given(json_texts())
@settings(max_examples=500)
def test_json_checker_accepts_exactly_what_json_loads_accepts(text):
    """The checker MicroPython relies on agrees with CPython's json.loads (NaN aside)."""
    assert (formats._json_error(text) is None) == _cpython_accepts(text)


@given(st.text(alphabet='{}[],:"\\ 0123456789-.eEtrufalsn', max_size=12))
@settings(max_examples=500)
def test_json_checker_agrees_on_short_scraps(text):
    """On short scraps of JSON punctuation the checker and json.loads agree too."""
    assert (formats._json_error(text) is None) == _cpython_accepts(text)


@given(json_texts())
def test_json_error_position_follows_a_valid_prefix(text):
    """Text up to an error's position is valid JSON, or JSON cut short right there."""
    error = formats._json_error(text)
    if error is not None:
        position = error.params["position"]
        assert 0 <= position <= len(text)
        assert (error.key == "json.incomplete") == (position == len(text))
        before = formats._json_error(text[:position])
        assert before is None or (before.key, before.params["position"]) == (
            "json.incomplete",
            position,
        )


@PATHS
@pytest.mark.parametrize(
    "text, key, line, column, char",
    [
        ('{"a":1,}', "json.invalid", 1, 8, "}"),
        ("[1 2]", "json.invalid", 1, 4, "2"),
        ("01", "json.invalid", 1, 2, "1"),
        ('"\\x"', "json.invalid", 1, 3, "x"),
        ('"a\tb"', "json.invalid", 1, 3, "U+0009"),
        ("NaN", "json.invalid", 1, 1, "N"),
        ("[Infinity]", "json.invalid", 1, 2, "I"),
        ('{"a"}', "json.invalid", 1, 5, "}"),
        ('{\n  "a": [1, 2,\n  ]\n}', "json.invalid", 3, 3, "]"),
        ('["é", x]', "json.invalid", 1, 7, "x"),
        ("[1] [2]", "json.invalid", 1, 5, "["),
        ("\ufeff[]", "json.invalid", 1, 1, "U+FEFF"),
        ("", "json.incomplete", 1, 1, None),
        ("   ", "json.incomplete", 1, 4, None),
        ('{"a": [1, 2', "json.incomplete", 1, 12, None),
        ('"abc', "json.incomplete", 1, 5, None),
        ("tru", "json.incomplete", 1, 4, None),
        ("1.", "json.incomplete", 1, 3, None),
        ("-", "json.incomplete", 1, 2, None),
        ('"\\u12', "json.incomplete", 1, 6, None),
    ],
)
def test_parse_json_says_where_it_goes_wrong(cpython, text, key, line, column, char):
    """An invalid text gets the line and column of its first bad character, or of its end."""
    with _interpreter(strict_loads=cpython):
        error = _error(parse_json, text)
    assert (error.key, error.params["line"], error.params["column"]) == (key, line, column)
    assert error.params.get("char") == char
    assert error.params["detail"]


@PATHS
def test_parse_json_joins_escaped_surrogate_pairs(cpython):
    """An escaped surrogate pair is one character, as in CPython (MicroPython keeps two)."""
    with _interpreter(strict_loads=cpython):
        assert parse_json('{"\\ud83d\\ude00": ["\\uD83D\\uDE00!"]}') == {"😀": ["😀!"]}


def test_parse_json_reads_deep_nesting_on_the_micropython_path():
    """The checker does not recurse, so deep nesting is no problem for it."""
    text = "[" * 5000 + "]" * 5000
    assert formats._json_error(text) is None


def test_parse_json_reports_unreadable_valid_json():
    """Valid JSON that json.loads cannot read (nested too deep) is json.unreadable."""
    error = _error(parse_json, "[" * 200000 + "]" * 200000)
    assert error.key == "json.unreadable"


@pytest.mark.parametrize("text", ['{"a": 1}', " [1, 2]\n", "[]", '\t{"b": {"c": []}}'])
def test_looks_like_json_accepts_objects_and_arrays(text):
    """Valid JSON objects and arrays are worth viewing as JSON."""
    assert looks_like_json(text)


@pytest.mark.parametrize("text", ["", "1", '"s"', "null", "[1,]", "{", "hello", "[NaN]"])
def test_looks_like_json_rejects_scalars_and_invalid_text(text):
    """Scalars and invalid JSON are not."""
    assert not looks_like_json(text)


def test_looks_like_json_skips_texts_over_the_cap():
    """A text longer than JSON_VIEW_CAP is not read at all."""
    text = "[" + " " * formats.JSON_VIEW_CAP + "]"
    assert not looks_like_json(text)
    assert looks_like_json(text[: formats.JSON_VIEW_CAP - 1] + "]")


@PATHS
@given(JSON_VALUES)
def test_looks_like_json_agrees_on_both_paths(cpython, value):
    """Both paths agree that dumped lists and dicts look like JSON."""
    with _interpreter(strict_loads=cpython):
        assert looks_like_json(json.dumps(value)) == isinstance(value, (list, dict))


def test_pretty_json_keeps_key_order_and_spelling():
    """Keys stay in their order; numbers and escapes stay as they were written."""
    text = '{"b": 1.50, "a": [1E3, "\\u00e9", {}, [ ]], "c": {"z": null}}'
    assert pretty_json(text) == (
        '{\n  "b": 1.50,\n  "a": [\n    1E3,\n    "\\u00e9",\n    {},\n    []\n  ],\n'
        '  "c": {\n    "z": null\n  }\n}'
    )


@pytest.mark.parametrize("text", ["1", ' "x" ', "[]", "{ }", "null"])
def test_pretty_json_leaves_scalars_and_empty_containers_on_one_line(text):
    """A scalar or an empty container stays one line, without surrounding blanks."""
    assert pretty_json(text) == json.dumps(json.loads(text))


@given(JSON_VALUES)
def test_pretty_json_lays_out_like_json_dumps_indent_2(value):
    """The layout is json.dumps(indent=2, ensure_ascii=False)'s."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert pretty_json(text) == json.dumps(value, ensure_ascii=False, indent=2)


@PATHS
@given(json_texts())
def test_pretty_json_keeps_the_value(cpython, text):
    """Pretty text parses to the same value, and pretty-printing it again changes nothing."""
    with _interpreter(strict_loads=cpython):
        try:
            pretty = pretty_json(text)
        except PayloadError as error:
            assert error.args == _error(parse_json, text).args
            return
        assert json.loads(pretty) == json.loads(text)
        assert pretty_json(pretty) == pretty


def test_pretty_json_keeps_duplicate_keys():
    """Duplicate keys are shown as sent, not merged."""
    assert pretty_json('{"a":1,"a":2}') == '{\n  "a": 1,\n  "a": 2\n}'


# --- json_string and utf16_index ---------------------------------------------------------


@given(st.text())
def test_json_string_matches_json_dumps(text):
    """For any text json_string gives json.dumps(text, ensure_ascii=False)."""
    assert json_string(text) == json.dumps(text, ensure_ascii=False)


@given(st.text(alphabet=st.characters(min_codepoint=0xD700, max_codepoint=0xE000)))
def test_json_string_escapes_surrogates(text):
    """Surrogates become escapes: the result is UTF-8 encodable and loads like json.dumps."""
    quoted = json_string(text)
    quoted.encode("utf-8")
    assert json.loads(quoted) == json.loads(json.dumps(text))


@pytest.mark.parametrize(
    "text, position, index", [("abc", 2, 2), ("😀b", 1, 2), ("a😀😀b", 3, 5), ("é", 1, 1)]
)
def test_utf16_index_counts_astral_characters_twice(text, position, index):
    """A character beyond U+FFFF takes two UTF-16 units before the position."""
    assert utf16_index(text, position) == index
