"""wsclient.history: earlier sends recalled with up and down, capped, kept as JSON."""

from wsclient import history


def _recall():
    return history.History(3, ["a", "b", "b", "", "c", "d"])


def _walk():
    """Up from a draft to the oldest and past it, then down back to the draft and past it."""
    recall = _recall()
    ups = [recall.up("draft"), recall.up("d"), recall.up("c"), recall.up("b")]
    return ups + [recall.down("b"), recall.down("c"), recall.down("d"), recall.down("x")]


def _round_trip():
    """A send with a lone surrogate goes through dumps and loads unchanged."""
    recall = _recall()
    recall.add("e\ud800é")
    return history.History.loads(recall.dumps(), 3).items()


def _garbage():
    """What loads keeps of stored text that is not a list of strings."""
    texts = [None, "", "{", "[1,", '{"a": 1}', "7", b"[]", '[1, null, "ok"]']
    return [history.History.loads(text).items() for text in texts]


CASES = [
    ("items skip blanks and repeats, capped", lambda: _recall().items(), ["b", "c", "d"]),
    ("up and down", _walk, ["d", "c", "b", None, "c", "d", "draft", None]),
    ("dumps and loads", _round_trip, ["c", "d", "e\ud800é"]),
    ("loads garbage", _garbage, [[], [], [], [], [], [], [], ["ok"]]),
]
