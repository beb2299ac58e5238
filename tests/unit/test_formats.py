"""Tests of wsclient.formats: hex dumps and UTF-8 sizes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.formats import hex_pairs, utf8_len


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
