"""Tests of wsclient.history: recalling earlier sends with up and down."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.history import MAX_CHARS, History


def test_items_are_oldest_first():
    """Texts come back in the order they were sent."""
    history = History()
    for text in ("a", "b", "c"):
        history.add(text)
    assert history.items() == ["a", "b", "c"]


def test_add_skips_empty_text():
    """An empty send is not worth recalling."""
    history = History(items=["a"])
    history.add("")
    assert history.items() == ["a"]


def test_add_skips_text_too_long_to_store():
    """A text over MAX_CHARS is not remembered, so one paste cannot fill the storage."""
    history = History(items=["a"])
    history.add("x" * (MAX_CHARS + 1))
    history.add("y" * MAX_CHARS)
    assert [len(text) for text in history.items()] == [1, MAX_CHARS]


def test_add_skips_a_repeat_of_the_newest():
    """Sending the same text twice in a row keeps one copy."""
    history = History(items=["a", "b"])
    history.add("b")
    assert history.items() == ["a", "b"]


def test_add_keeps_an_older_repeat():
    """A text equal to an older one, not the newest, is kept."""
    history = History(items=["a", "b"])
    history.add("a")
    assert history.items() == ["a", "b", "a"]


def test_cap_keeps_the_newest():
    """Past cap texts, the oldest go."""
    history = History(cap=2, items=["a", "b", "c"])
    history.add("d")
    assert history.items() == ["c", "d"]


def test_cap_must_be_positive():
    """A history that can hold nothing is a mistake."""
    with pytest.raises(ValueError):
        History(cap=0)


@given(st.lists(st.text(max_size=3)), st.integers(min_value=1, max_value=5))
def test_never_holds_more_than_cap(texts, cap):
    """However many texts are added, at most cap are kept: the last ones."""
    history = History(cap)
    kept = []
    for text in texts:
        history.add(text)
        if text and (not kept or kept[-1] != text):
            kept.append(text)
        assert len(history.items()) <= cap
    assert history.items() == kept[-cap:]


def test_up_walks_from_newest_to_oldest():
    """Each up gives the next older text."""
    history = History(items=["a", "b", "c"])
    assert [history.up(""), history.up("c"), history.up("b")] == ["c", "b", "a"]


def test_up_at_the_oldest_returns_none_and_stays():
    """Past the oldest, up gives None and the next down goes to the second oldest."""
    history = History(items=["a", "b"])
    history.up("")
    history.up("b")
    assert history.up("a") is None
    assert history.down("a") == "b"


def test_up_on_an_empty_history_returns_none():
    """With nothing sent yet there is nothing to recall."""
    assert History().up("draft") is None


def test_down_walks_back_to_the_draft():
    """down past the newest restores what was being typed before the first up."""
    history = History(items=["a", "b"])
    history.up("my draft")
    history.up("b")
    assert [history.down("a"), history.down("b")] == ["b", "my draft"]


def test_down_without_walking_returns_none():
    """down before any up has nowhere to go."""
    history = History(items=["a"])
    assert history.down("x") is None


def test_down_after_returning_to_the_draft_returns_none():
    """Once back at the draft, down stays there."""
    history = History(items=["a"])
    history.up("draft")
    history.down("a")
    assert history.down("draft") is None


def test_add_resets_the_walk():
    """After a send the next up starts from the newest again."""
    history = History(items=["a", "b", "c"])
    history.up("")
    history.up("c")
    history.add("d")
    assert history.up("") == "d"


@given(
    st.lists(st.text(min_size=1, max_size=2), max_size=6),
    st.lists(st.booleans(), max_size=20),
)
def test_walks_stay_within_the_items(texts, moves):
    """Any sequence of ups and downs gives only stored texts, the draft, or None."""
    history = History(cap=4, items=texts)
    allowed = set(history.items()) | {"draft", None}
    for up in moves:
        result = history.up("draft") if up else history.down("x")
        assert result in allowed


def test_dumps_is_a_json_list_of_strings():
    """dumps writes a JSON array of the texts, oldest first."""
    history = History(items=["a", 'quote " and \\', "é😀"])
    assert json.loads(history.dumps()) == ["a", 'quote " and \\', "é😀"]


@given(st.lists(st.text()), st.integers(min_value=1, max_value=10))
def test_loads_round_trips_dumps(texts, cap):
    """What dumps writes, loads reads back, lone surrogates included."""
    history = History(cap, texts)
    assert History.loads(history.dumps(), cap).items() == history.items()


def test_dumps_is_valid_utf8_json_with_lone_surrogates():
    """A lone surrogate is escaped, so storage gets valid JSON."""
    dumped = History(items=["a\ud800"]).dumps()
    dumped.encode("utf-8")
    assert dumped == '["a\\ud800"]'


def test_loads_keeps_only_the_last_cap():
    """Reading more than cap texts keeps the newest."""
    assert History.loads('["a", "b", "c"]', cap=2).items() == ["b", "c"]


def test_loads_leaves_out_items_that_are_not_strings():
    """Numbers, nulls and nested values in storage are dropped; strings are kept."""
    assert History.loads('["a", 1, null, ["b"], "", "c"]').items() == ["a", "c"]


@pytest.mark.parametrize(
    "text", [None, "", "garbage", "{", '{"a": 1}', "42", '"a"', "null", b"[]", 7, ["a"]]
)
def test_loads_of_garbage_is_empty(text):
    """Anything but a JSON list gives an empty history instead of raising."""
    assert History.loads(text).items() == []


@given(st.one_of(st.text(), st.binary(), st.none(), st.integers()))
def test_loads_never_raises(text):
    """Any stored value gives a History."""
    assert isinstance(History.loads(text), History)


def test_add_says_whether_the_texts_changed():
    """add() is True for a new text and False for one left out, so storage is written only then."""
    history = History(items=["a"])
    assert history.add("b") is True
    assert [history.add("b"), history.add(""), history.add("x" * (MAX_CHARS + 1))] == [False] * 3


def test_each_text_keeps_its_format():
    """Texts come back with the format they were sent in, the draft with its own."""
    history = History()
    history.add("de ad", "hex")
    history.add("olá")
    assert (history.up("draft", "base64"), history.mode) == ("olá", "text")
    assert (history.up("olá"), history.mode) == ("de ad", "hex")
    assert (history.down("de ad"), history.mode) == ("olá", "text")
    assert (history.down("olá"), history.mode) == ("draft", "base64")


def test_same_text_in_another_format_is_a_new_item():
    """ "de ad" as text and "de ad" as hex are two different sends."""
    history = History()
    history.add("de ad", "hex")
    assert history.add("de ad") is True
    assert history.modes() == ["hex", "text"]


def test_formats_survive_storage():
    """dumps() and loads() keep each text's format; old stores of plain strings still load."""
    history = History()
    history.add("a")
    history.add("AQI=", "base64")
    again = History.loads(history.dumps())
    assert (again.items(), again.modes()) == (["a", "AQI="], ["text", "base64"])
    assert History.loads('["x", ["y", "hex"], 3, ["z"]]').modes() == ["text", "hex"]
