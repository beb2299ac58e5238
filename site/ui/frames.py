"""The frame store (ui/frames.js): carries out the core's commands about whole frames.

The frames stay in JavaScript. This keeps and lets go of them as the core says,
shows a long entry's next page, the JSON tree, and offers the export, which the
store fills in with the frames.
"""

import gc
import json

from pyscript.ffi import is_none, to_js
from pyscript.js_modules import frames as _store

from ui.text import call_with_text
from wsclient.commands import Download, DropFrames, JsonTree, KeepFrame, LetGo, ShowPage

__all__ = ["FrameStore", "incoming", "receiver"]

# Looked up once: an attribute read on the module's proxy costs more than the call.
receiver = _store.receiver
incoming = _store.incoming
_keep_text = _store.keepText
_keep_bytes = _store.keepBytes
_drop = _store.dropFrames
_append_dump = _store.appendDump
_export = _store.exportLog
_tree = _store.jsonTree


class FrameStore:
    """Carries out KeepFrame, DropFrames, ShowPage, LetGo, JsonTree and Download."""

    def __init__(self, document) -> None:
        self._document = document
        self._list = document.getElementById("messages")

    def handlers(self) -> dict:
        """The commands the store carries out."""
        return {
            KeepFrame: self._keep,
            DropFrames: lambda command: _drop(command.below),
            ShowPage: self._page,
            LetGo: self._let_go,
            JsonTree: self._json_tree,
            Download: lambda command: _export(command.text, command.name),
        }

    def _keep(self, command: KeepFrame) -> None:
        payload = command.payload
        if isinstance(payload, str):
            # MicroPython hands a str over as a C string: split at each NUL, if any.
            text = to_js(payload.split("\x00")) if "\x00" in payload else payload
            _keep_text(command.seq, text)
        else:
            # As hex the bytes cross as one string, decoded in C.
            try:
                hex_text = payload.hex()
            except MemoryError:
                # The command runs after the core took the message: a failure must not
                # reach the handler's retry, which would queue the message again.
                gc.collect()
                try:
                    hex_text = payload.hex()
                except MemoryError:
                    return  # not kept: the export writes null, "show all" shows the start
            _keep_bytes(command.seq, hex_text)

    def _entry(self, seq: int):
        li = self._list.querySelector('li[data-seq="%d"]' % seq)
        return None if is_none(li) else li

    def _page(self, command: ShowPage) -> None:
        """Add the next page of a long entry, after its text or dump."""
        li = self._entry(command.seq)
        if li is None:
            return
        dump = li.querySelector("pre.dump")
        text = command.text
        if text is None:
            if not is_none(dump):
                width = int(dump.dataset.width or 16)
                _append_dump(dump, command.seq, command.start, command.end, width)
        elif text and not is_none(dump):
            dump.append("\n" + text)
        elif text:
            node = call_with_text(self._document, "createTextNode", text)
            # After the text shown so far: before the note and the buttons.
            li.insertBefore(node, li.querySelector("small, button"))
        li.dataset.shown = str(command.end)
        button = li.querySelector("button.show-all")
        if not is_none(button):
            if command.more is None:
                button.remove()
            else:
                button.textContent = command.more
        note = li.querySelector("small.meta")
        if command.note == "" and not is_none(note):
            note.remove()

    def _let_go(self, command: LetGo) -> None:
        li = self._entry(command.seq)
        if li is None:
            return
        for button in li.querySelectorAll("button.show-all, button.format-json"):
            button.remove()
        note = li.querySelector("small.meta")
        if not is_none(note):
            note.textContent = command.note

    def _json_tree(self, command: JsonTree) -> None:
        li = self._entry(command.seq)
        if li is not None:
            _tree(li, command.seq, json.dumps(command.words))
