"""wsclient.panel through wsclient.client: the variables table, and sends that use it."""

from wsclient import commands, events
from wsclient.client import Client
from wsclient.panel import VARIABLES_KEY
from wsclient.settings import Settings

NOW = 1796180645678.0  # above 2**31, as every time in milliseconds now is


def _client(stored="", saved=""):
    """An English page connected to ws://h/, started with stored variables and saved messages."""
    core = Client(Settings.from_search("?lang=en&url=ws://h/", ""), 0, lambda: 0.5)
    core.handle(events.Start(0.0, stored_variables=stored, stored_saved=saved))
    core.handle(events.Opened("ws://h/", "", "", 0.0))
    core.out.clear()
    return core


def _feed(core, event, skip=(commands.Measurements,)):
    """Feed event; return its commands as lists, Draw and the kinds in skip left out."""
    core.handle(event)
    out = [c.as_list() for c in core.out if c is not commands.DRAW and not isinstance(c, skip)]
    core.out.clear()
    return out


def _sent(core):
    return [entry.text for entry in core.log.history() if entry.direction == "sent"]


def _edit():
    core = _client()
    rows = [["user", "ana"], ["", ""], ["9x", "no"], ["user", "again"], [" id ", "7"]]
    return [_feed(core, events.VariablesEdited(rows)), core.panel.variables.values]


def _send_filled():
    core = _client()
    core.handle(events.VariablesEdited([["user", "ana"]]))
    core.out.clear()
    core.handle(events.Compose("text", "hi {{user}} #{{$counter}}", NOW))
    core.handle(events.Compose("json", '{"n": {{$counter}}, "t": {{$timestamp}}}', NOW))
    return _sent(core)


def _unknown():
    core = _client()
    return [_feed(core, events.Compose("text", "hi {{who}}", NOW)), _sent(core)]


def _format_after_fill():
    """A JSON error in filled-in text is said as such, and the $counter does not move."""
    core = _client()
    core.handle(events.VariablesEdited([["v", "1,,"]]))
    core.out.clear()
    refused = _feed(core, events.Compose("json", "[{{v}} {{$counter}}]", NOW))
    core.handle(events.Compose("text", "{{$counter}}", NOW))
    return [refused, _sent(core)]


def _history_keeps_the_template():
    core = _client()
    core.handle(events.VariablesEdited([["user", "ana"]]))
    core.handle(events.Compose("text", "hi {{user}}", NOW))
    core.out.clear()
    return _feed(core, events.Recall(True, ""))


CASES = [
    (
        "an edit marks the rows that define nothing and keeps the table",
        _edit,
        [
            [
                [
                    "VariableFaults",
                    [
                        [
                            2,
                            "“9x” cannot be a name: it starts with a letter or _, then has"
                            " only letters, digits, _, - or dots.",
                        ],
                        [3, "“user” is already defined in a row above; this one does not count."],
                    ],
                ],
                [
                    "Store",
                    VARIABLES_KEY,
                    '[["user", "ana"], ["", ""], ["9x", "no"], ["user", "again"], [" id ", "7"]]',
                ],
            ],
            {"user": "ana", "id": "7"},
        ],
    ),
    (
        "stored variables are drawn as the page starts",
        lambda: _client('[["a", "1"]]').panel.variables.values,
        {"a": "1"},
    ),
    (
        "a stored table that cannot be read is said in the log",
        lambda: [e.text for e in _client('{"a": 1}').log.history()][0],
        "The saved variables could not be read: not a list",
    ),
    (
        "a send fills in its variables and counts",
        _send_filled,
        ["hi ana #1", '{"n": 2, "t": 1796180645678}'],
    ),
    (
        "an unknown variable sends nothing and says which",
        _unknown,
        [
            [
                [
                    "SendError",
                    "Unknown variable at line 1, column 4: “who”. Define it under"
                    " Variables, or write {{{{ to send {{ as text.",
                    3,
                    False,
                    "",
                ]
            ],
            [],
        ],
    ),
    (
        "a format error after the fill says so",
        _format_after_fill,
        [
            [
                [
                    "SendError",
                    "With the variables filled in: Invalid JSON at line 1, column 4:"
                    " unexpected character “,”.",
                    0,
                    False,
                    "",
                ]
            ],
            ["1"],
        ],
    ),
    (
        "the history keeps the text as typed",
        _history_keeps_the_template,
        [["ComposerText", "hi {{user}}", "text"], ["SendError", None, 0, False, ""]],
    ),
]
