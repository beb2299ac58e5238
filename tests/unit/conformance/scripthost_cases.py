"""wsclient.scripthost: the page's side of a user's script, from the events it takes."""

import json

from wsclient import commands, events
from wsclient.client import Client
from wsclient.scriptdata import RunScript, StopScript, WorkerSaid
from wsclient.settings import Settings

_KEPT = ("StartWorker", "EndWorker", "PostToWorker", "ScriptState", "ScriptResult")


def _client():
    """An English page connected to ws://h/."""
    core = Client(Settings.from_search("?lang=en&url=ws://h/", ""), 0, lambda: 0.5)
    core.handle(events.Start(0.0))
    core.handle(events.Opened("ws://h/", "", "", 0.0))
    core.out.clear()
    return core


def _feed(core, event):
    """Feed event; return the script's commands as lists, and what the socket is given."""
    core.handle(event)
    out = []
    for command in core.out:
        name = type(command).__name__
        if name == "PostToWorker":  # JSON, whose key order differs between interpreters
            out.append([name, json.loads(command.text)])
        elif name in _KEPT:
            out.append(command.as_list())
        elif isinstance(command, commands.Transmit):
            out.append(["Transmit"] + [message.payload for message in command.messages])
    core.out.clear()
    return out


def _said(core, **fields):
    return _feed(core, WorkerSaid(json.dumps(fields), 1.0))


def _a_run():
    core = _client()
    started = _feed(core, RunScript("pass", 0.0))
    wants = {"on_open": False, "on_message": True, "on_close": False, "before_send": True}
    _said(core, t="running", wants=wants)
    held = _feed(core, events.Compose("text", "oi", 1.0))
    sent = _said(core, t="sent", id=1, text="oi!")
    result = {"name": "n", "passed": True, "time": 1.0, "message": None, "detail": ""}
    checked = _said(core, t="check", result=result)
    failed = _said(core, t="error", traceback="T", line=3)
    return [started, held, sent, checked, failed, _feed(core, StopScript(2.0))]


CASES = [
    (
        "a run: start, a held send, a check, an error",
        _a_run,
        [
            [
                ["ScriptResult", None, True],
                ["StartWorker"],
                [
                    "PostToWorker",
                    {"t": "run", "vars": {}, "open": True, "source": "pass", "proto": "raw"},
                ],
                ["ScriptState", "starting", "starting…"],
            ],
            [["PostToWorker", {"id": 1, "t": "before_send", "text": "oi"}]],
            [["Transmit", "oi!"]],
            [["ScriptResult", ["n", "passed", "", "", "00:00:01.000"], True]],
            [["EndWorker"], ["ScriptState", "error", "error on line 3"]],
            [],
        ],
    ),
]
