"""Tests of wsclient.chars: the shared character tables, and sizes of text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.chars import BLANKS, is_blank, utf8_len, utf16_index


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


@pytest.mark.parametrize(
    "text, position, index", [("abc", 2, 2), ("😀b", 1, 2), ("a😀😀b", 3, 5), ("é", 1, 1)]
)
def test_utf16_index_counts_astral_characters_twice(text, position, index):
    """A character beyond U+FFFF takes two UTF-16 units before the position."""
    assert utf16_index(text, position) == index


def test_blanks_are_what_cpython_calls_space_plus_the_bom():
    """BLANKS holds every character str.isspace() knows but the separators 0x1c..0x1f."""
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(BLANKS) == spaces - set("\x1c\x1d\x1e\x1f") | {"\ufeff"}


@pytest.mark.parametrize(
    ("text", "blank"),
    [("", True), (" \t\n", True), ("\u3000\u00a0\ufeff", True), (" a ", False), ("x", False)],
)
def test_is_blank(text, blank):
    """Empty text and text of only whitespace, Unicode's included, is blank."""
    assert is_blank(text) is blank
