"""Tests of wsclient.jsontext and jsonscan: JSON read strictly, laid out, and written."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wsclient.errors import InputError
from wsclient.jsontext import (
    JSON_VIEW_CAP,
    STRICT_LOADS,
    json_error,
    json_string,
    looks_like_json,
    parse_json,
    pretty_json,
)

# CPython's strict json.loads first, or only the scan MicroPython relies on.
LOADS = pytest.mark.parametrize("strict", [True, False], ids=["strict_loads", "scan"])


def _error(function, text, *args):
    with pytest.raises(InputError) as info:
        function(text, *args)
    return info.value


def _scan_error(text):
    """The error jsonscan's walk alone finds in text, or None."""
    return json_error(text, strict_loads=False)


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
    for strict in (True, False):
        assert parse_json(text, strict) == json.loads(text)


@given(json_texts())
@settings(max_examples=500)
def test_json_checker_accepts_exactly_what_json_loads_accepts(text):
    """The checker MicroPython relies on agrees with CPython's json.loads (NaN aside)."""
    assert (_scan_error(text) is None) == _cpython_accepts(text)


@given(st.text(alphabet='{}[],:"\\ 0123456789-.eEtrufalsn', max_size=12))
@settings(max_examples=500)
def test_json_checker_agrees_on_short_scraps(text):
    """On short scraps of JSON punctuation the checker and json.loads agree too."""
    assert (_scan_error(text) is None) == _cpython_accepts(text)


@given(json_texts())
def test_json_error_position_follows_a_valid_prefix(text):
    """Text up to an error's position is valid JSON, or JSON cut short right there."""
    error = _scan_error(text)
    if error is not None:
        position = error.params["position"]
        assert 0 <= position <= len(text)
        assert (error.key == "json.incomplete") == (position == len(text))
        before = _scan_error(text[:position])
        assert before is None or (before.key, before.params["position"]) == (
            "json.incomplete",
            position,
        )


@LOADS
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
def test_parse_json_says_where_it_goes_wrong(strict, text, key, line, column, char):
    """An invalid text gets the line and column of its first bad character, or of its end."""
    error = _error(parse_json, text, strict)
    assert (error.key, error.params["line"], error.params["column"]) == (key, line, column)
    assert error.params.get("char") == char
    assert error.params["detail"]


@LOADS
def test_parse_json_joins_escaped_surrogate_pairs(strict):
    """An escaped surrogate pair is one character, as in CPython (MicroPython keeps two)."""
    assert parse_json('{"\\ud83d\\ude00": ["\\uD83D\\uDE00!"]}', strict) == {"😀": ["😀!"]}


def test_parse_json_reads_deep_nesting_on_the_micropython_path():
    """The checker does not recurse, so deep nesting is no problem for it."""
    text = "[" * 5000 + "]" * 5000
    assert _scan_error(text) is None


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
    text = "[" + " " * JSON_VIEW_CAP + "]"
    assert not looks_like_json(text)
    assert looks_like_json(text[: JSON_VIEW_CAP - 1] + "]")


@LOADS
@given(JSON_VALUES)
def test_looks_like_json_agrees_on_both_paths(strict, value):
    """Both paths agree that dumped lists and dicts look like JSON."""
    assert looks_like_json(json.dumps(value), strict) == isinstance(value, (list, dict))


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


@LOADS
@given(json_texts())
def test_pretty_json_keeps_the_value(strict, text):
    """Pretty text parses to the same value, and pretty-printing it again changes nothing."""
    try:
        pretty = pretty_json(text, strict_loads=strict)
    except InputError as error:
        assert error.args == _error(parse_json, text, strict).args
        return
    assert json.loads(pretty) == json.loads(text)
    assert pretty_json(pretty, strict_loads=strict) == pretty


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


def test_cpython_json_loads_is_strict():
    """On CPython json.loads judges JSON, so parse_json uses it first."""
    assert STRICT_LOADS


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize(
    ("text", "token", "position"),
    [('{"b": tru}', "tru", 6), ("[1, nul]", "nul", 4), ('{"a": fals }', "fals", 6)],
)
def test_a_misspelt_word_is_blamed_where_it_starts(text, token, position, strict):
    """{"b": tru} blames "tru" at its first letter, not the "}" after it."""
    with pytest.raises(InputError) as caught:
        parse_json(text, strict_loads=strict)
    assert caught.value.key == "json.word"
    assert (caught.value.params["token"], caught.value.params["position"]) == (token, position)
