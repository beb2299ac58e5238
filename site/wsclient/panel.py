"""The side panel in the core: saved messages, and the variables every send fills in."""

from wsclient import i18n
from wsclient.chars import utf16_index
from wsclient.commands import (
    PanelStatus,
    SavedList,
    SaveFile,
    SendError,
    Store,
    VariableFaults,
    VariablesTable,
)
from wsclient.errors import InputError
from wsclient.events import ChangeSaved, SavedFile, SaveMessage, UseSaved, VariablesEdited
from wsclient.payload import parse_payload
from wsclient.saved import Saved, read_file
from wsclient.variables import Variables

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from wsclient.plain import Plain
    from wsclient.session import Session

__all__ = ["EXPORT_NAME", "SAVED_KEY", "VARIABLES_KEY", "Panel"]

VARIABLES_KEY = "pyws.variables"
SAVED_KEY = "pyws.saved"
EXPORT_NAME = "mensagens-salvas.json"


class Panel:
    """The side panel's state: the saved messages and the variables table.

    Args:
        lang: the page's language.
        out: the commands for the shell, shared with the rest of the core.
        session: the connection, which sends and whose log takes notes.
    """

    def __init__(self, lang: str, out: "list[Plain]", session: "Session") -> None:
        self.lang = lang
        self.out = out
        self.session = session
        self.variables = Variables()
        self.saved = Saved()
        # The last deletion, which undo puts back where it was.
        self._deleted_at = 0
        self._deleted: "list[str] | None" = None

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def start(self, stored_variables: str, stored_saved: str, now: float) -> None:
        """Load what storage kept ("" for none) and draw it."""
        for key, stored in ((VARIABLES_KEY, stored_variables), (SAVED_KEY, stored_saved)):
            if not stored:
                continue
            try:
                if key == VARIABLES_KEY:
                    self.variables = Variables.loads(stored)
                else:
                    self.saved = Saved.loads(stored)
            except ValueError as exc:
                # Kept by another version, or edited by hand: said, and left in storage
                # until the user's first change writes a good list over it.
                self.session.note(key.replace("pyws.", "") + ".unreadable", now, detail=str(exc))
        rows = self.variables.rows
        if rows:  # the page starts with an empty table and no saved messages
            self.out.append(VariablesTable([list(row) for row in rows]))
            faults = self.variables.edit(rows)
            if faults:
                self._faults(faults)
        if self.saved.items:
            self.out.append(SavedList([list(item) for item in self.saved.items]))

    # --- variables ---

    def edited(self, event: VariablesEdited) -> None:
        """The user changed the table: take it, mark what is wrong, keep it."""
        self._faults(self.variables.edit(event.rows))
        self.out.append(Store(VARIABLES_KEY, self.variables.dumps()))

    def script_set(self, values: "dict[str, str | None]") -> None:
        """The user's script wrote variables ({name: value}, None to delete): the table
        shows it and keeps it, as if the user had typed it."""
        rows = [list(row) for row in self.variables.rows]
        for name, value in values.items():
            at = [i for i, row in enumerate(rows) if row[0].strip() == name]
            if value is None:
                rows = [row for i, row in enumerate(rows) if i not in at]
            elif at:
                rows[at[0]][1] = value
            else:
                rows.append([name, value])
        self.out.append(VariablesTable([list(row) for row in rows]))
        self._faults(self.variables.edit(rows))
        self.out.append(Store(VARIABLES_KEY, self.variables.dumps()))

    def _faults(self, faults: "list[list[object]]") -> None:
        texts = [[row, self._t(str(key), name=name)] for row, key, name in faults]
        self.out.append(VariableFaults(texts))

    def payload(self, mode: str, text: str, now: float, random: bytes) -> "tuple[str, str | bytes]":
        """[filled-in text, payload] of text in mode, for a send.

        Raises:
            InputError: an unknown variable, or text that is not valid in mode; in the
            second case, when variables were filled in, its key is "vars.after" and its
            params' "detail" says the error, since its place is not in the field's text.
        """
        filled = self.variables.fill(text, now, random)
        try:
            return filled, parse_payload(mode, filled)
        except InputError as exc:
            if filled is text:
                raise
            raise InputError("vars.after", {"detail": self._t(exc.key, **exc.params)})

    def sent(self) -> None:
        """The last payload() went to the session."""
        self.variables.sent()

    # --- saved messages ---

    def save(self, event: SaveMessage) -> None:
        """Save what the composer holds, under its name or the next "Mensagem N"."""
        items = self.saved.items
        name = event.name.strip() or self._t("saved.default_name", count=len(items) + 1)
        self.saved.add(name, event.mode, event.text)
        self._changed(None, self._t("saved.saved", name=name))

    def use(
        self, event: UseSaved, send: "Callable[[str | bytes], bool] | None" = None
    ) -> "list[str]":
        """Send the message (event.send), or return [mode, text] for the composer.

        Args:
            send: sends the payload in the connection's protocol and says whether it
                went; None: it goes as a frame of its own (Session.send).
        """
        name, mode, text = self.saved.items[event.index]
        if not event.send:
            self.out.append(PanelStatus(""))
            return [mode, text]
        try:
            payload = self.payload(mode, text, event.now, event.random)[1]
        except InputError as exc:
            self.out.append(PanelStatus(self._t("saved.refused", name=name, error=self._said(exc))))
            return []
        if send is None:
            self.session.send(payload, event.now)
        elif not send(payload):
            return []  # the error under the message field says why
        self.sent()
        self.out.append(PanelStatus(self._t("saved.sent", name=name)))
        return []

    def change(self, event: ChangeSaved) -> None:
        """Rename, update, delete, move, or undo the last deletion."""
        saved, action, index = self.saved, event.action, event.index
        if action == "undo":
            item = self._deleted
            if item is not None:
                self._deleted = None
                saved.items.insert(self._deleted_at, item)
                self._changed([self._deleted_at, "use"], self._t("saved.restored", name=item[0]))
            return
        name = saved.items[index][0]
        if action == "rename":
            new = event.name.strip()
            if not new:
                self._changed([index, "name"], self._t("saved.no_name", name=name))
                return
            saved.rename(index, new)
            self._changed([index, "name"], self._t("saved.renamed", name=new))
        elif action == "update":
            saved.update(index, event.mode, event.text)
            self._changed([index, "update"], self._t("saved.updated", name=name))
        elif action == "delete":
            self._deleted_at, self._deleted = index, saved.delete(index)
            left = len(saved.items)
            focus: "list[object]" = [min(index, left - 1), "use"] if left else [-1, ""]
            self._changed(focus, self._t("saved.deleted", name=name), True)
        else:
            to = saved.move(index, index - 1 if action == "up" else index + 1)
            self._changed([to, action], self._t("saved.moved", name=name, count=to + 1))

    def file(self, event: SavedFile) -> None:
        """Export the list, or import a file's messages after the ones already saved."""
        if event.export:
            self.out.append(SaveFile(self.saved.export(), EXPORT_NAME))
            count = len(self.saved.items)
            self.out.append(PanelStatus(self._t("saved.exported", count=count)))
            return
        if event.text is None:
            self.out.append(PanelStatus(self._t("saved.unreadable_file", detail=event.detail)))
            return
        try:
            items = read_file(event.text)
        except InputError as exc:
            self.out.append(PanelStatus(self._said(exc)))
            return
        for item in items:
            self.saved.add(*item)
        self._changed(None, self._t("saved.imported", count=len(items)))

    def _changed(self, focus: "list[object] | None", said: str, undo: bool = False) -> None:
        self.out.append(Store(SAVED_KEY, self.saved.dumps()))
        self.out.append(SavedList([list(item) for item in self.saved.items], focus))
        self.out.append(PanelStatus(said, undo))

    def _said(self, exc: InputError) -> str:
        return self._t(exc.key, **exc.params)

    def said(self, exc: InputError, text: str) -> SendError:
        """The SendError for a refused send of text (the composer's), the caret on the fault."""
        return SendError(self._said(exc), utf16_index(text, exc.params.get("position", 0)))
