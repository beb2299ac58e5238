"""The Script tab: its controls become events; the worker, the editor, the state line, the
traceback and the results table carry out the core's commands (wsclient.scripthost)."""

from pyscript.ffi import create_proxy, is_none
from pyscript.js_modules import frames as _module

from ui import bridge, clock
from ui.text import read
from wsclient import i18n
from wsclient.scriptdata import (
    EditorText,
    EndWorker,
    PostToWorker,
    RunScript,
    ScriptChange,
    ScriptEdited,
    ScriptFile,
    ScriptList,
    ScriptListens,
    ScriptNotice,
    ScriptResult,
    ScriptsStored,
    ScriptState,
    ScriptTraceback,
    StartWorker,
    StopScript,
    WorkerSaid,
)
from wsclient.scripts import SCRIPTS_KEY

__all__ = ["ScriptView"]

_start_worker = _module.startWorker
_post_to_worker = _module.postToWorker
_end_worker = _module.endWorker
_listen_script = _module.listenScript
_open_editor = _module.openEditor


class ScriptView:
    """The Script tab in the page. The editor loads the first time the tab opens."""

    def __init__(self, document, feed, lang: str) -> None:
        self._document = document
        self._feed = feed
        self._lang = lang
        get = document.getElementById
        self._box = get("script-editor")
        self._plain = get("script-source")  # the editor's stand-in, if it cannot load
        self._names = get("script-name")
        self._title = get("script-title")
        self._state = get("script-state")
        self._error = get("script-error")
        self._results = get("script-results")
        self._rows = self._results.querySelector("tbody")
        self._notice = get("script-status")
        self._undo = get("script-undo")
        self._editor = None
        self._opened = False
        self._text = ""  # the editor's text, as its last change or EditorText left it
        self._mark = None  # the line to mark once the editor is ready
        self._on_post = create_proxy(lambda text: self._feed(WorkerSaid(str(text), clock.now())))
        self._on_change = create_proxy(self._changed)
        self._on_ready = create_proxy(self._ready)
        self._file = get("script-file")
        self._on_file = create_proxy(self._file_read)

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("script-run", "click", lambda event: self._feed(RunScript(self._text, clock.now())))
        listen("script-stop", "click", lambda event: self._feed(StopScript(clock.now())))
        listen("script-name", "change", self._choose)
        listen("script-title", "change", self._rename)
        listen("script-new", "click", lambda event: self._feed(ScriptChange("new")))
        listen("script-delete", "click", lambda event: self._feed(ScriptChange("delete")))
        listen("script-undo", "click", lambda event: self._feed(ScriptChange("undo")))
        listen("script-open-example", "click", self._example)
        listen("script-source", "input", lambda event: self._changed(read(self._plain)))
        listen("script-export", "click", lambda event: self._feed(ScriptChange("export")))
        listen("script-import", "click", lambda event: self._file.click())
        listen("script-file", "change", lambda event: bridge.read_file(self._file, self._on_file))

    def handlers(self) -> dict:
        """The commands the Script tab carries out."""
        return {
            StartWorker: lambda command: _start_worker(self._on_post),
            PostToWorker: lambda command: _post_to_worker(command.text),
            EndWorker: lambda command: _end_worker(),
            ScriptListens: lambda command: _listen_script(command.on),
            ScriptState: self._show_state,
            ScriptTraceback: self._traceback,
            ScriptResult: self._result,
            ScriptList: self._list,
            EditorText: self._set_text,
            ScriptNotice: self._say,
        }

    def opened(self) -> None:
        """The tab was chosen: the first time, read the scripts and load the editor."""
        if self._opened:
            return
        self._opened = True
        stored, error = bridge.load(SCRIPTS_KEY)
        self._feed(ScriptsStored("" if error else str(stored)))
        label = i18n.t(self._lang, "script.editor")
        _open_editor(self._box, self._text, self._on_change, label, self._on_ready)

    def _ready(self, editor, why) -> None:
        self._box.removeAttribute("aria-busy")
        if is_none(editor):
            # Set-up did not build it, or the server does not have it: a plain field.
            self._box.hidden = True
            self._plain.hidden = False
            self._plain.value = self._text
            self._say(ScriptNotice(i18n.t(self._lang, "script.no_editor", detail=str(why))))
            return
        self._editor = editor
        if self._mark is not None:
            editor.markLine(self._mark)

    def _file_read(self, text, detail) -> None:
        self._feed(ScriptFile(None if is_none(text) else str(text), str(detail or "")))

    def _changed(self, text) -> None:
        self._text = str(text)
        self._feed(ScriptEdited(self._text))

    def _choose(self, event) -> None:
        self._feed(ScriptChange("choose", int(self._names.selectedIndex)))

    def _rename(self, event) -> None:
        self._feed(ScriptChange("rename", name=read(self._title)))

    def _example(self, event) -> None:
        key = str(self._document.getElementById("script-example").value)
        if key:
            self._feed(ScriptChange("example", name=key))

    def _set_text(self, command: EditorText) -> None:
        self._text = command.text
        self._mark = None
        if self._editor is not None:
            self._editor.setText(command.text)
        else:
            self._plain.value = command.text

    def _list(self, command: ScriptList) -> None:
        options = []
        for name in command.names:
            option = self._document.createElement("option")
            option.textContent = name
            options.append(option)
        self._names.replaceChildren(*options)
        self._names.selectedIndex = command.chosen
        self._title.value = command.names[command.chosen]

    def _say(self, command: ScriptNotice) -> None:
        self._notice.textContent = command.text or ""
        self._undo.hidden = not command.undo
        if command.error:
            self._title.setAttribute("aria-invalid", "true")
        else:
            self._title.removeAttribute("aria-invalid")

    def _show_state(self, command: ScriptState) -> None:
        self._state.className = command.state
        self._state.textContent = command.text

    def _traceback(self, command: ScriptTraceback) -> None:
        self._error.hidden = command.text is None
        self._error.textContent = command.text or ""
        self._mark = command.line
        if self._editor is not None:
            self._editor.markLine(command.line)

    def _result(self, command: ScriptResult) -> None:
        if command.row is None:
            self._rows.replaceChildren()
            self._results.hidden = True
            return
        row = self._document.createElement("tr")
        for text in command.row:
            cell = self._document.createElement("td")
            cell.textContent = text
            row.append(cell)
        row.classList.add("passed" if command.passed else "failed")
        self._rows.append(row)
        self._results.hidden = False
