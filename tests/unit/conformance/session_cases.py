"""wsclient.client and wsclient.session: the events the page feeds, the commands it gets.

A small shell stands in for the page: it answers each Transmit as a socket that
takes everything, at the time of the event that led to it.
"""

from wsclient import commands, events
from wsclient.client import Client
from wsclient.settings import Settings


def _shown(command):
    """A command as JSON data: a Transmit by its message ids and payloads."""
    if isinstance(command, commands.Transmit):
        return ["Transmit", [[m.id, m.payload] for m in command.messages]]
    if isinstance(command, commands.Store):
        return ["Store", command.key]
    return command.as_list()


def _run(query, *steps):
    """Feed each event; return, per event, the commands that came out of it."""
    core = Client(Settings.from_search(query, "ws://echo/"), 0, lambda: 0.5)
    seen = []
    for event in steps:
        core.handle(event)
        out = list(core.out)
        core.out.clear()
        for command in out:
            if isinstance(command, commands.Transmit):
                sent = [[m.id, event.now] for m in command.messages]
                core.handle(events.Transmitted(sent, None, event.now))
                out += core.out
                core.out.clear()
        seen.append([_shown(command) for command in out if command is not commands.DRAW])
    return seen


def _log(query, *steps):
    """Feed the events; return the log's entries as [direction, text, state]."""
    core = Client(Settings.from_search(query, ""), 0, lambda: 0.5)
    for event in steps:
        core.handle(event)
        core.out.clear()
    return [[e.direction, e.text, e.state] for e in core.log.history()]


def _entries(query, *steps):
    """Feed the events; return the text of every system entry, in order."""
    return [text for direction, text, _ in _log(query, *steps) if direction == "system"]


def _kinds(kinds, seen):
    """Of the commands _run saw, per event, those of the named kinds."""
    return [[command for command in out if command[0] in kinds] for out in seen]


URL = "ws://h/"
OPENED = events.Opened(URL, "", "", 10.0)
DOWN, UP = "ws://h:9109/", "ws://h:9100/"


def _switch(answer):
    """A message typed while DOWN is down, then a switch to UP, answered with answer."""
    return _run(
        "?lang=en&url=" + DOWN,
        events.Start(0.0),
        events.Errored(1.0),
        events.Closed(1006, "", False, 2.0),
        events.Compose("text", "oi", 3.0),
        events.Connect(UP, "", 4.0),
        events.Opened(UP, "", "", 5.0),
        events.Answer(answer, 6.0),
    )[3:]


_SWITCH = [
    [
        ["KeepFrame", 2, "oi"],
        ["ComposerText", "", None],
        ["SendError", None, 0, False, ""],
        ["Store", "pyws.history"],
        ["DiscardButton", "Discard pending (1)"],
    ],
    [
        ["Explain", None],
        ["Status", "connecting", "Connecting to ws://h:9100/…"],
        ["Open", "ws://h:9100/", []],
        ["Address", "?url=ws://h:9100/&reconnect=0&lang=en"],
        ["CloseButton", None],
        [
            "Question",
            "1 pending message was written for ws://h:9109/, not for ws://h:9100/. "
            "What should the page do?",
            "Send to ws://h:9100/",
        ],
    ],
    [
        ["Status", "open", "Connected to server ws://h:9100/"],
        ["Negotiated", "Subprotocol: none. Extensions: none."],
    ],
]


def _failed(now):
    """A try that fails as a refused connection does: the socket's error, then 1006."""
    return events.Errored(now), events.Closed(1006, "", False, now)


# An open connection to URL drops; with rand 0.5 the tries wait 250, 500, 1000 ms.
# The third try opens: 1910 ms after the drop.
OUTAGE = (
    (events.Start(0.0), OPENED)
    + _failed(40.0)
    + (events.Tick(300.0),)
    + _failed(310.0)
    + (events.Tick(850.0),)
    + _failed(860.0)
    + (events.Tick(1900.0), events.Opened(URL, "", "", 1950.0))
)
# The server is down when the page loads: the first connection never opens.
DOWN_AT_LOAD = (events.Start(0.0),) + _failed(5.0)
RECONNECT = "?lang=en&url=ws://h/&reconnect=1"
HINT = (
    "The browser does not say why. Likely causes: connection refused (server down or wrong "
    "port), a TLS or certificate error, a proxy or firewall in the way, or the server died "
    "without sending a close frame."
)
OUTAGE_STATUS = (
    "WebSocket disconnected. Code 1006: Abnormal Closure. Reconnecting to ws://h/ automatically."
)
DECLINED = (
    "WebSocket disconnected. Code 1006 (Abnormal Closure). Reason: none. Unclean close. "
    "No automatic reconnect: the connection to this server never opened. Check the address "
    "and whether the server is up. Tick “Reconnect automatically” to try again."
)

CASES = [
    (
        "start connects to the default server",
        lambda: _run("?lang=en", events.Start(0.0)),
        [
            [
                ["Fields", "ws://echo/", "", True, "text"],
                ["Status", "connecting", "Connecting to ws://echo/…"],
                ["Open", "ws://echo/", []],
                ["Address", "?url=ws://echo/&reconnect=1&lang=en"],
                [
                    "Measurements",
                    "Sent: 0 msg · 0 B · 0.0 msg/s · 0 B/s",
                    "Received: 0 msg · 0 B · 0.0 msg/s · 0 B/s",
                    "Echo RTT: —",
                ],
            ]
        ],
    ),
    (
        "open, send, echo",
        lambda: _run(
            "?lang=en&url=ws://h/",
            events.Start(0.0),
            OPENED,
            events.Compose("text", "olá", 20.0),
            events.TextReceived("olá", 25.0),
        )[1:],
        [
            [
                ["Status", "open", "Connected to server ws://h/"],
                ["Negotiated", "Subprotocol: none. Extensions: none."],
            ],
            [
                ["KeepFrame", 2, "olá"],
                ["Transmit", [[1, "olá"]]],
                ["ComposerText", "", None],
                ["SendError", None, 0, False, ""],
                ["Store", "pyws.history"],
                ["EntryChanged", 2],
            ],
            [["EntryChanged", 2]],
        ],
    ),
    (
        "hex refused with its position",
        lambda: _run("?lang=en", events.Compose("hex", "de zz", 0.0)),
        [
            [
                [
                    "SendError",
                    "Invalid hex at line 1, column 4: “z” is not a hex digit.",
                    3,
                    False,
                    "",
                ],
                ["CloseButton", "There is no connection to close."],
            ]
        ],
    ),
    (
        "queued while closed, sent on open",
        lambda: _log(
            "?lang=en",
            events.Compose("text", "um", 0.0),
            events.Compose("base64", "AQI=", 0.0),
        ),
        [["sent", "um", "pending"], ["sent", "01 02", "pending"]],
    ),
    (
        "error then 1006 plans a retry",
        lambda: _run(
            "?lang=en&url=ws://h/&reconnect=1",
            events.Start(0.0),
            OPENED,
            events.Errored(30.0),
            events.Closed(1006, "", False, 40.0),
            events.Tick(300.0),
        )[2:],
        [
            [["Status", "error", "Connection error with ws://h/."]],
            [
                ["Negotiated", None],
                ["Explain", HINT],
                ["Status", "error", OUTAGE_STATUS],
                ["Countdown", "Attempt 1 in 1 s…", True],
                ["CloseButton", "There is no connection to close."],
            ],
            [
                ["Status", "connecting", OUTAGE_STATUS],
                ["Open", "ws://h/", []],
                ["Countdown", "Attempt 1: connecting…", False],
                ["CloseButton", None],
            ],
        ],
    ),
    (
        "user close",
        lambda: _run(
            "?lang=pt-BR&url=ws://h/",
            events.Start(0.0),
            OPENED,
            events.Close(30.0),
            events.Closed(1000, "", True, 40.0),
        )[2:],
        [
            [
                [
                    "Status",
                    "closing",
                    "Fechando a conexão com ws://h/: aguardando o servidor confirmar…",
                ],
                ["CloseSocket", 1000, ""],
                ["CloseButton", "A conexão já está sendo fechada."],
            ],
            [
                ["Negotiated", None],
                [
                    "Status",
                    "closed",
                    "WebSocket desconectado. Código 1000 (Fechamento normal). Motivo: nenhum. "
                    "Fechamento limpo. Você fechou a conexão.",
                ],
                ["CloseButton", "Não há conexão para fechar."],
            ],
        ],
    ),
    (
        "switch, answered send",
        lambda: _switch("send"),
        _SWITCH
        + [
            [
                ["EntryChanged", 2],
                ["Transmit", [[2, "oi"]]],
                ["Question", None, ""],
                ["DiscardButton", None],
                ["EntryChanged", 2],
            ]
        ],
    ),
    (
        "switch, answered discard",
        lambda: _switch("discard"),
        _SWITCH + [[["EntryChanged", 2], ["Question", None, ""], ["DiscardButton", None]]],
    ),
    ("switch, answered keep", lambda: _switch("keep"), _SWITCH + [[["Question", None, ""]]]),
    (
        "switch while open logs the old connection's end",
        lambda: _log(
            "?lang=en",
            events.Connect(URL, "", 0.0),
            OPENED,
            events.Connect(UP, "", 20.0),
        ),
        [
            ["system", "Connected to server ws://h/", None],
            [
                "system",
                "The connection to ws://h/ was closed because you connected to ws://h:9100/.",
                None,
            ],
        ],
    ),
    (
        "an outage's tries keep its status and only switch its class",
        lambda: [
            command[1:]
            for out in _kinds(["Status"], _run(RECONNECT, *OUTAGE)[3:])
            for command in out
        ],
        [
            ["error", OUTAGE_STATUS],
            ["connecting", OUTAGE_STATUS],
            ["error", OUTAGE_STATUS],
            ["connecting", OUTAGE_STATUS],
            ["error", OUTAGE_STATUS],
            ["connecting", OUTAGE_STATUS],
            ["open", "Connected to server ws://h/"],
        ],
    ),
    (
        "an outage's line under the status counts the tries in place",
        lambda: [
            command[1:]
            for out in _kinds(["Countdown"], _run(RECONNECT, *OUTAGE)[3:])
            for command in out
        ],
        [
            ["Attempt 1 in 1 s…", True],
            ["Attempt 1: connecting…", False],
            ["Attempt 2 in 1 s…", True],
            ["Attempt 2: connecting…", False],
            ["Attempt 3 in 1 s…", True],
            ["Attempt 3: connecting…", False],
            [None, False],
        ],
    ),
    (
        "an outage explains 1006 once and hides it once back",
        lambda: [
            command[1] for out in _kinds(["Explain"], _run(RECONNECT, *OUTAGE)) for command in out
        ],
        [HINT, None],
    ),
    (
        "an outage logs its drop and its end, not each try",
        lambda: _entries(RECONNECT, *OUTAGE),
        [
            "Connected to server ws://h/",
            "Connection error with ws://h/. WebSocket disconnected. Code 1006 (Abnormal "
            "Closure). Reason: none. Unclean close. Reconnecting automatically.",
            "Connected to server ws://h/ — back after 1 s without a connection. Attempts: 3.",
        ],
    ),
    (
        "stop unticks the box and ends the outage with one entry",
        lambda: (
            _run(RECONNECT, *(OUTAGE[:7] + (events.StopRetry(400.0), events.Tick(5000.0))))[7:],
            _entries(RECONNECT, *(OUTAGE[:7] + (events.StopRetry(400.0),)))[2:],
        ),
        [
            [
                [
                    ["Address", "?url=ws://h/&reconnect=0&lang=en"],
                    ["ReconnectBox", False],
                    [
                        "Status",
                        "error",
                        "WebSocket disconnected. Code 1006 (Abnormal Closure). Reason: none. "
                        "Unclean close. Automatic reconnect stopped. Attempts made: 1.",
                    ],
                    ["Countdown", None, False],
                ],
                [],
            ],
            ["Automatic reconnect stopped. Attempts made: 1."],
        ],
    ),
    (
        "stop during a try lets that try go on as a plain connection",
        lambda: _run(RECONNECT, *(OUTAGE[:5] + (events.StopRetry(400.0),)))[5],
        [
            ["Address", "?url=ws://h/&reconnect=0&lang=en"],
            ["ReconnectBox", False],
            ["Status", "connecting", "Connecting to ws://h/…"],
            ["Countdown", None, False],
        ],
    ),
    (
        "a server down at load unticks the box, and the status says why",
        lambda: _run(RECONNECT, *DOWN_AT_LOAD)[2],
        [
            ["Explain", HINT],
            ["ReconnectBox", False],
            ["Status", "error", DECLINED],
            ["CloseButton", "There is no connection to close."],
        ],
    ),
    (
        "a server down at load: the log agrees with the status",
        lambda: _entries(RECONNECT, *DOWN_AT_LOAD),
        ["Connection error with ws://h/. " + DECLINED],
    ),
    (
        "ticking the box while down tries again at once and goes on trying",
        lambda: _run(
            RECONNECT,
            *(DOWN_AT_LOAD + (events.AutoReconnect(True, 20.0),) + _failed(30.0)),
        )[3:],
        [
            [
                ["Status", "connecting", OUTAGE_STATUS],
                ["Open", "ws://h/", []],
                ["Countdown", "Attempt 1: connecting…", False],
                ["CloseButton", None],
            ],
            [],
            [
                ["Status", "error", OUTAGE_STATUS],
                ["Countdown", "Attempt 2 in 1 s…", True],
                ["CloseButton", "There is no connection to close."],
            ],
        ],
    ),
    (
        "ticking the box while down says so in the log",
        lambda: _entries(RECONNECT, *(DOWN_AT_LOAD + (events.AutoReconnect(True, 20.0),)))[1:],
        ["Automatic reconnect on: trying again."],
    ),
    (
        "ticking the box after the user's own close connects nothing",
        lambda: _run(
            "?lang=en&url=ws://h/",
            events.Start(0.0),
            OPENED,
            events.Close(20.0),
            events.Closed(1000, "", True, 30.0),
            events.AutoReconnect(True, 40.0),
        )[4],
        [["Address", "?url=ws://h/&reconnect=1&lang=en"]],
    ),
    (
        "a bad address while open is said under the field, and the status stays",
        lambda: _run(
            "?lang=en&url=ws://h/",
            events.Start(0.0),
            OPENED,
            events.Connect("http://x", "", 20.0),
            events.ConnectionEdited(),
            events.ConnectionEdited(),
        )[2:],
        [
            [
                [
                    "ConnectError",
                    "Invalid address: the scheme must be ws:// or wss://, not http:// "
                    "(try ws://x). The connection to ws://h/ goes on.",
                    "url",
                ]
            ],
            [["ConnectError", None, "url"]],
            [],
        ],
    ),
    (
        "a bad subprotocol is said under its own field",
        lambda: _run("?lang=en", events.Connect(URL, "chat v2", 0.0)),
        [
            [
                [
                    "ConnectError",
                    "Invalid subprotocol: “chat v2” may only have letters, digits and "
                    "!#$%&'*+-.^_`|~.",
                    "protocols",
                ],
                ["CloseButton", "There is no connection to close."],
            ]
        ],
    ),
    (
        "a bad address on load leaves the status as it starts",
        lambda: _kinds(
            ["Status", "ConnectError", "Open"], _run("?lang=en&url=ws://", events.Start(0.0))
        ),
        [
            [
                [
                    "ConnectError",
                    "Invalid address: the server name after ws:// is missing.",
                    "url",
                ],
                [
                    "Status",
                    "closed",
                    "WebSocket disconnected. Enter a WebSocket server address and click Connect.",
                ],
            ]
        ],
    ),
    (
        "close with nothing to close",
        lambda: _run("?lang=en", events.Close(0.0)),
        [[["CloseButton", "There is no connection to close."]]],
    ),
]
