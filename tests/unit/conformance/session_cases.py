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
        ["ComposerText", "", None],
        ["SendError", None, 0, False],
        ["Store", "pyws.history"],
        ["DiscardButton", "Discard pending (1)"],
    ],
    [
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
                ["Transmit", [[1, "olá"]]],
                ["ComposerText", "", None],
                ["SendError", None, 0, False],
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
                ["SendError", "Invalid hex at line 1, column 4: “z” is not a hex digit.", 3, False],
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
                [
                    "Status",
                    "error",
                    "WebSocket disconnected. Code 1006 (Abnormal Closure). Reason: none. "
                    "Unclean close. The browser does not say why. Likely causes: connection "
                    "refused (server down or wrong port), a TLS or certificate error, a proxy "
                    "or firewall in the way, or the server died without sending a close frame.",
                ],
                ["Countdown", "Reconnecting in 1 s…"],
                ["CloseButton", "There is no connection to close."],
            ],
            [
                ["Status", "connecting", "Connecting to ws://h/…"],
                ["Open", "ws://h/", []],
                ["Countdown", None],
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
                    "closed",
                    "WebSocket desconectado. Aguardando o servidor confirmar o fechamento…",
                ],
                ["CloseSocket", 1000],
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
                ["EntryChanged", 3],
                ["Transmit", [[2, "oi"]]],
                ["Question", None, ""],
                ["DiscardButton", None],
                ["EntryChanged", 3],
            ]
        ],
    ),
    (
        "switch, answered discard",
        lambda: _switch("discard"),
        _SWITCH + [[["EntryChanged", 3], ["Question", None, ""], ["DiscardButton", None]]],
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
        "close with nothing to close",
        lambda: _run("?lang=en", events.Close(0.0)),
        [[["CloseButton", "There is no connection to close."]]],
    ),
]
