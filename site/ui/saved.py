"""Saved messages: the list, its controls, and the file they are exported to and read from."""

from pyscript.ffi import create_proxy

from ui import bridge, clock
from ui.text import read
from wsclient.commands import PanelStatus, SavedList, SaveFile
from wsclient.events import ChangeSaved, SavedFile, SaveMessage, UseSaved

__all__ = ["SavedView"]

# Each row's buttons: their class and sign. Each is named by its word (#<class>-word, the
# page's own text) and the row's name: "Enviar" and "ping" read "Enviar ping".
BUTTONS = (
    ("saved-use", "↧"),
    ("saved-send", "➤"),
    ("saved-update", "⟳"),
    ("saved-up", "↑"),
    ("saved-down", "↓"),
    ("saved-delete", "×"),
)
ACTIONS = {
    "saved-update": "update",
    "saved-up": "up",
    "saved-down": "down",
    "saved-delete": "delete",
}


class SavedView:
    """Turns the saved messages' controls into events, and draws the list and its status."""

    def __init__(self, document, feed, form) -> None:
        self._document = document
        self._feed = feed
        self._form = form  # the protocol's composer fields (ui.proto.ProtoView.form)
        get = document.getElementById
        self._list = get("saved")
        self._name = get("saved-name")
        self._field = get("message")
        self._mode = get("mode")
        self._file = get("import-file")
        self._on_file = create_proxy(self._file_read)

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("save-message", "click", self._save)
        listen("saved-name", "keydown", self._name_key)
        listen("export-saved", "click", lambda event: self._feed(SavedFile(None, "", True)))
        listen("import-saved", "click", lambda event: self._file.click())
        listen("import-file", "change", lambda event: bridge.read_file(self._file, self._on_file))
        listen("saved-undo", "click", lambda event: self._feed(ChangeSaved(-1, "undo")))
        listen("saved", "click", self._clicked)
        listen("saved", "change", self._renamed)
        listen("saved", "keydown", self._row_key)

    def handlers(self) -> dict:
        """The commands this part carries out."""
        return {SavedList: self.draw, PanelStatus: self.status, SaveFile: self.save_file}

    def _save(self, event) -> None:
        name = read(self._name)
        self._name.value = ""
        self._feed(SaveMessage(name, str(self._mode.value), read(self._field)))

    def _name_key(self, event) -> None:
        if event.key == "Enter":
            event.preventDefault()
            self._save(event)

    def _file_read(self, text, detail) -> None:
        if text is None:
            self._feed(SavedFile(None, str(detail)))
        else:
            self._feed(SavedFile(str(text)))

    def _index(self, element) -> int:
        return int(element.closest("li").dataset.index)

    def _clicked(self, event) -> None:
        button = event.target.closest("button")
        if not button:
            return
        kind, index = str(button.className), self._index(button)
        if kind == "saved-use" or kind == "saved-send":
            send = kind == "saved-send"
            form = self._form() if send else None
            self._feed(UseSaved(index, send, clock.now(), bridge.random_bytes(), form))
            if kind == "saved-use":
                self._field.focus()
        elif kind == "saved-update":
            self._feed(ChangeSaved(index, "update", "", str(self._mode.value), read(self._field)))
        elif kind in ACTIONS:
            self._feed(ChangeSaved(index, ACTIONS[kind]))

    def _renamed(self, event) -> None:
        field = event.target
        if field.classList.contains("saved-title"):
            self._feed(ChangeSaved(self._index(field), "rename", read(field)))

    def _row_key(self, event) -> None:
        # Enter in a name commits it (the change event); Escape puts the old name back.
        field = event.target
        if not field.classList.contains("saved-title"):
            return
        if event.key == "Enter":
            event.preventDefault()
            field.blur()
            field.focus()
        elif event.key == "Escape":
            field.value = field.defaultValue

    def draw(self, command: SavedList) -> None:
        """Draw the list, replacing it, then move the focus where the command says."""
        document = self._document
        words = {
            kind: str(document.getElementById(kind + "-word").textContent) for kind, _ in BUTTONS
        }
        name_word = str(document.getElementById("saved-name-word").textContent)
        # Each format as the composer's list names it, in the page's language.
        modes = {
            str(option.value): str(option.textContent)
            for option in document.querySelectorAll("#mode option")
        }
        self._list.replaceChildren()
        for index, (name, mode, text) in enumerate(command.items):
            item = document.createElement("li")
            item.dataset.index = str(index)
            title = document.createElement("input")
            title.className = "saved-title"
            title.value = name
            title.defaultValue = name
            title.spellcheck = False
            title.setAttribute("autocomplete", "off")
            title.setAttribute("aria-label", name_word + " " + name)
            preview = document.createElement("span")
            preview.className = "saved-preview"
            preview.textContent = modes.get(mode, mode) + " · " + text[:80]
            item.append(title, preview)
            for kind, sign in BUTTONS:
                button = document.createElement("button")
                button.type = "button"
                button.className = kind
                button.textContent = sign
                button.setAttribute("aria-label", words[kind] + " " + name)
                button.title = words[kind]
                item.append(button)
            self._list.append(item)
        self._document.getElementById("saved-empty").hidden = bool(command.items)
        focus = command.focus
        if focus is None:
            return
        index, kind = focus
        if index < 0:
            self._document.getElementById("save-message").focus()
            return
        selector = ".saved-title" if kind == "name" else ".saved-" + kind
        self._list.children.item(index).querySelector(selector).focus()

    def status(self, command: PanelStatus) -> None:
        """Say the panel's message; offer undo after a deletion."""
        self._document.getElementById("saved-status").textContent = command.text
        self._document.getElementById("saved-undo").hidden = not command.undo

    def save_file(self, command: SaveFile) -> None:
        """Offer the export as a JSON file."""
        bridge.download(command.text, command.name, "application/json")
