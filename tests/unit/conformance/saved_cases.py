"""wsclient.saved and the panel's saved messages, through wsclient.client's events."""

from conformance import panel_cases
from conformance.runner import table
from wsclient import commands, events
from wsclient.errors import InputError
from wsclient.panel import SAVED_KEY
from wsclient.saved import FILE_FORMAT, Saved, read_file

GOOD = '{"format": "%s", "version": 1, "messages": [%%s]}' % FILE_FORMAT


def _read(text):
    try:
        return read_file(text)
    except InputError as exc:
        return [exc.key, exc.params]


def _round_trip():
    items = [["olá", "text", 'a "b"\n{{x}}'], ["bin", "hex", "de ad"], ["", "json", "[]"]]
    return read_file(Saved([list(item) for item in items]).export()) == items


def _moves():
    saved = Saved([["a", "text", ""], ["b", "text", ""], ["c", "text", ""]])
    places = [saved.move(0, -1), saved.move(2, 0), saved.move(0, 9)]
    return [places, [item[0] for item in saved.items]]


def _client(stored=""):
    """An English page connected to ws://h/, started with stored saved messages."""
    return panel_cases._client(saved=stored)


def _feed(core, event):
    """Feed event; return its commands as lists, Draw, the counters and Store left out."""
    return panel_cases._feed(core, event, (commands.Measurements, commands.Store))


def _sent(core):
    return [entry.text for entry in core.log.history() if entry.direction == "sent"]


def _save_two():
    core = _client()
    first = _feed(core, events.SaveMessage("  ping ", "json", "{}"))
    second = _feed(core, events.SaveMessage("", "hex", "de ad"))
    core.handle(events.SaveMessage("", "text", "x"))
    stored = [c.text for c in core.out if isinstance(c, commands.Store) and c.key == SAVED_KEY]
    return [first, second[-1], stored]


def _use():
    core = _client('[["ping", "hex", "de ad"], ["who", "text", "{{who}}"]]')
    loaded = _feed(core, events.UseSaved(0, False, 0.0))
    sent = _feed(core, events.UseSaved(0, True, 0.0))
    refused = _feed(core, events.UseSaved(1, True, 0.0))
    return [loaded, sent[-1], refused, _sent(core), core.settings.mode]


def _delete_and_undo():
    core = _client('[["a", "text", "1"], ["b", "text", "2"]]')
    deleted = _feed(core, events.ChangeSaved(1, "delete"))
    undone = _feed(core, events.ChangeSaved(-1, "undo"))
    again = _feed(core, events.ChangeSaved(-1, "undo"))
    return [deleted, undone, again]


def _rename():
    core = _client('[["a", "text", "1"]]')
    refused = _feed(core, events.ChangeSaved(0, "rename", " "))
    renamed = _feed(core, events.ChangeSaved(0, "rename", " b "))
    updated = _feed(core, events.ChangeSaved(0, "update", "", "hex", "ff"))
    return [refused, renamed, updated]


def _import():
    core = _client('[["kept", "text", "1"]]')
    bad = _feed(core, events.SavedFile('{"format": "other"}'))
    unreadable = _feed(core, events.SavedFile(None, "NotReadableError"))
    good = _feed(core, events.SavedFile(GOOD % '{"name": "kept", "mode": "text", "text": "2"}'))
    return [bad, unreadable, good]


FILES = [
    ("", ["saved.not_json", {}]),
    ("[1,", ["saved.not_json", {}]),
    ("[]", ["saved.not_ours", {}]),
    ('{"format": "pyws.history"}', ["saved.not_ours", {}]),
    ('{"format": "%s", "version": 2}' % FILE_FORMAT, ["saved.version", {"detail": "2"}]),
    ('{"format": "%s", "version": 1}' % FILE_FORMAT, ["saved.no_list", {}]),
    (GOOD % "", []),
    (GOOD % '{"name": "a", "mode": "hex", "text": "ff"}', [["a", "hex", "ff"]]),
    (GOOD % "1", ["saved.bad_item", {"count": 1, "detail": "{}"}]),
    (GOOD % '{"name": "a", "mode": "hex"}', ["saved.bad_item", {"count": 1, "detail": "text"}]),
    (
        GOOD % '{"name": "a", "mode": "hex", "text": ""}, {"name": 1, "mode": "hex", "text": ""}',
        ["saved.bad_item", {"count": 2, "detail": "name"}],
    ),
    (
        GOOD % '{"name": "a", "mode": "xml", "text": ""}',
        ["saved.bad_item", {"count": 1, "detail": "mode"}],
    ),
]

CASES = table("read_file", _read, FILES) + [
    ("an export reads back the same", _round_trip, True),
    ("moves are clamped to the list", _moves, [[0, 0, 2], ["a", "b", "c"]]),
    (
        "saving names a message and keeps it",
        _save_two,
        [
            [
                ["SavedList", [["ping", "json", "{}"]], None],
                ["PanelStatus", "Message saved: “ping”.", False],
            ],
            ["PanelStatus", "Message saved: “Message 2”.", False],
            ['[["ping", "json", "{}"], ["Message 2", "hex", "de ad"], ["Message 3", "text", "x"]]'],
        ],
    ),
    (
        "a saved message loads into the composer or is sent",
        _use,
        [
            [
                ["PanelStatus", "", False],
                ["ComposerText", "de ad", "hex"],
                ["SendError", None, 0, False, ""],
                ["Address", "?url=ws://h/&reconnect=0&mode=hex&lang=en"],
            ],
            ["PanelStatus", "Sent: “ping”.", False],
            [
                [
                    "PanelStatus",
                    "“who” was not sent. Unknown variable at line 1, column 1: “who”."
                    " Define it under Variables, or write {{{{ to send {{ as text.",
                    False,
                ]
            ],
            ["de ad"],
            "hex",
        ],
    ),
    (
        "a deletion can be undone once",
        _delete_and_undo,
        [
            [
                ["SavedList", [["a", "text", "1"]], [0, "use"]],
                ["PanelStatus", "“b” deleted.", True],
            ],
            [
                ["SavedList", [["a", "text", "1"], ["b", "text", "2"]], [1, "use"]],
                ["PanelStatus", "“b” is back.", False],
            ],
            [],
        ],
    ),
    (
        "a rename needs a name; an update keeps the name",
        _rename,
        [
            [
                ["SavedList", [["a", "text", "1"]], [0, "name"]],
                ["PanelStatus", "A saved message needs a name: “a” stays as it was.", False],
            ],
            [
                ["SavedList", [["b", "text", "1"]], [0, "name"]],
                ["PanelStatus", "Renamed to “b”.", False],
            ],
            [
                ["SavedList", [["b", "hex", "ff"]], [0, "update"]],
                ["PanelStatus", "“b” now holds what is in the message field.", False],
            ],
        ],
    ),
    (
        "an import adds after what is saved, and a bad file changes nothing",
        _import,
        [
            [
                [
                    "PanelStatus",
                    "The file is not a list of saved messages exported by this page."
                    " Nothing was imported.",
                    False,
                ]
            ],
            [
                [
                    "PanelStatus",
                    "The file could not be read: NotReadableError. Nothing was imported.",
                    False,
                ]
            ],
            [
                ["SavedList", [["kept", "text", "1"], ["kept", "text", "2"]], None],
                ["PanelStatus", "1 message imported, after the ones already saved.", False],
            ],
        ],
    ),
    (
        "stored saved messages that cannot be read are said in the log",
        lambda: [e.text for e in _client('[["a", "xml", ""]]').log.history()][0],
        "The saved messages could not be read: not a [name, mode, text] item: ['a', 'xml', '']",
    ),
]
