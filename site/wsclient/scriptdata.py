"""What goes into the core from the Script tab and its worker, and what comes out, as plain data.

The events are `RunScript`, `StopScript` and `WorkerSaid`; the commands `StartWorker`,
`PostToWorker`, `EndWorker`, `ScriptListens`, `ScriptState`, `ScriptTraceback` and
`ScriptResult`. Import them from here: wsclient.events and wsclient.commands name
the rest.
"""

from wsclient.plain import Plain

__all__ = [
    "EndWorker",
    "PostToWorker",
    "RunScript",
    "ScriptListens",
    "ScriptResult",
    "ScriptState",
    "ScriptTraceback",
    "StartWorker",
    "StopScript",
    "WorkerSaid",
]


class RunScript(Plain):
    """The user pressed Executar: run source, afresh."""

    _fields = ("source", "now")

    def __init__(self, source: str, now: float) -> None:
        self.source = source
        self.now = now


class StopScript(Plain):
    """The user pressed Parar script."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class WorkerSaid(Plain):
    """The script's worker posted text (JSON: see docs/scripting.md, "How it runs")."""

    _fields = ("text", "now")

    def __init__(self, text: str, now: float) -> None:
        self.text = text
        self.now = now


class StartWorker(Plain):
    """Start a new script worker (site/worker/script.js); feed back each post as WorkerSaid."""


class EndWorker(Plain):
    """End the script worker at once (terminate), whatever it is doing."""


class PostToWorker(Plain):
    """Post text (JSON) to the script worker."""

    _fields = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class ScriptListens(Plain):
    """Whether the shell passes each received frame straight to the worker, in batches.

    Messages go from the socket to the worker without the core: the whole frame, with
    no copy in Python, so a burst costs the page no more than the post.
    """

    _fields = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on


class ScriptState(Plain):
    """The Script tab's state line: state is "stopped", "running" or "error"."""

    _fields = ("state", "text")

    def __init__(self, state: str, text: str) -> None:
        self.state = state
        self.text = text


class ScriptTraceback(Plain):
    """Show the script's traceback and mark its line (None: the error is not on a line),
    or hide it (text None)."""

    _fields = ("text", "line")

    def __init__(self, text: "str | None", line: "int | None" = None) -> None:
        self.text = text
        self.line = line


class ScriptResult(Plain):
    """Add a row to the results table (row None: empty the table)."""

    _fields = ("row",)

    def __init__(self, row: "list[str] | None") -> None:
        self.row = row  # [name, "ok" or "falhou", message, detail, time]
