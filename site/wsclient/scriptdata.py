"""What goes into the core from the Script tab and its worker, and what comes out, as plain data.

The events are `RunScript`, `StopScript`, `WorkerSaid`, `ScriptsStored`, `ScriptEdited`,
`ScriptChange` and `ScriptFile`; the commands `StartWorker`, `PostToWorker`, `EndWorker`,
`ScriptListens`, `ScriptState`, `ScriptTraceback`, `ScriptResult`, `ScriptList`,
`EditorText` and `ScriptNotice`. Import them from here: wsclient.events and wsclient.commands name
the rest.
"""

from wsclient.plain import Plain

__all__ = [
    "EditorText",
    "EndWorker",
    "PostToWorker",
    "RunScript",
    "ScriptChange",
    "ScriptEdited",
    "ScriptFile",
    "ScriptList",
    "ScriptListens",
    "ScriptNotice",
    "ScriptResult",
    "ScriptState",
    "ScriptTraceback",
    "ScriptsStored",
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
    """The Script tab's state line: state is "stopped", "starting", "running" or "error"."""

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
    """Add a row to the results table: [name, verdict, message, detail, time], and whether
    it passed (row None: empty the table)."""

    _fields = ("row", "passed")

    def __init__(self, row: "list[str] | None", passed: bool = True) -> None:
        self.row = row
        self.passed = passed


class ScriptEdited(Plain):
    """The user changed the editor's text: all of it."""

    _fields = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source


class ScriptChange(Plain):
    """The user picked a script (what "choose", index), made a new one ("new"), renamed the
    one shown ("rename", name), deleted it ("delete"), undid that ("undo"), opened an
    example as a new script ("example", key), or asked for the scripts' file ("export")."""

    _fields = ("what", "index", "name")

    def __init__(self, what: str, index: int = 0, name: str = "") -> None:
        self.what = what
        self.index = index
        self.name = name


class ScriptList(Plain):
    """Show the scripts' names, the one chosen, and its name in the name field."""

    _fields = ("names", "chosen")

    def __init__(self, names: "list[str]", chosen: int) -> None:
        self.names = names
        self.chosen = chosen


class EditorText(Plain):
    """Put text in the editor, in place of what it holds (another script was chosen)."""

    _fields = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class ScriptNotice(Plain):
    """Say text under the scripts' tools (None: nothing); undo: offer to undo a deletion;
    error: the name field is wrong (aria-invalid)."""

    _fields = ("text", "undo", "error")

    def __init__(self, text: "str | None", undo: bool = False, error: bool = False) -> None:
        self.text = text
        self.undo = undo
        self.error = error


class ScriptsStored(Plain):
    """The Script tab opened for the first time: what storage keeps of the scripts ("": none)."""

    _fields = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class ScriptFile(Plain):
    """The user picked a file of scripts to import: its text, or None and why it could
    not be read."""

    _fields = ("text", "detail")

    def __init__(self, text: "str | None", detail: str = "") -> None:
        self.text = text
        self.detail = detail
