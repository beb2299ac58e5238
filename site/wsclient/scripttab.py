"""The Script tab in the core: the named scripts, kept in storage, and the examples.

The tab reads storage only when it first opens (`ScriptsStored`), so a page whose
user never opens it pays nothing for it.
"""

from wsclient import i18n, scriptexamples
from wsclient.commands import Store
from wsclient.errors import InputError
from wsclient.paneldata import SaveFile
from wsclient.scriptdata import (
    EditorText,
    ScriptChange,
    ScriptEdited,
    ScriptFile,
    ScriptList,
    ScriptNotice,
)
from wsclient.scripts import EXPORT_NAME, SCRIPTS_KEY, Scripts, read_file

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.plain import Plain

__all__ = ["ScriptTab"]


class ScriptTab:
    """The scripts the editor can show, and the last deletion, which undo puts back."""

    def __init__(self, lang: str, out: "list[Plain]") -> None:
        self.lang = lang
        self.out = out
        self.scripts = Scripts(self._t("script.first_name"))
        self._deleted: "tuple[list[str], int] | None" = None
        self._passing = False  # the notice shown is news that Executar makes old

    def _notice(self, text: "str | None", undo: bool = False, error: bool = False) -> None:
        self._passing = text is not None and not (undo or error)
        self.out.append(ScriptNotice(text, undo, error))

    def ran(self) -> None:
        """Executar: news such as "example opened" goes; an error or an undo offer stays."""
        if self._passing:
            self._notice(None)

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def load(self, stored: str) -> None:
        """The tab opened: take what storage kept ("" for none), and show it."""
        if stored:
            try:
                self.scripts = Scripts.loads(stored, self._t("script.first_name"))
            except ValueError as exc:
                # Left in storage until the user's first change writes a good list over it.
                self._notice(self._t("script.unreadable", detail=str(exc)))
        self._show()

    def edited(self, event: ScriptEdited) -> None:
        self.scripts.edit(event.source)
        self._keep()

    def change(self, event: ScriptChange) -> None:
        scripts, what = self.scripts, event.what
        said: "str | None" = None
        if what == "choose":
            if not scripts.choose(event.index):
                return
        elif what == "new":
            scripts.add()
        elif what == "example":
            source = scriptexamples.source(event.name)
            if source is None:
                return
            scripts.add(source, self._t("example." + event.name))
            said = self._t("script.example_opened")
        elif what == "rename":
            try:
                scripts.rename(event.name)
            except InputError as exc:
                self._notice(self._t(exc.key, **exc.params), error=True)
                return
            self.out.append(ScriptList(scripts.names(), scripts.chosen))
            self._notice(None)
            self._keep()
            return
        elif what == "delete":
            at = scripts.chosen
            gone = scripts.delete()
            self._deleted = (gone, at)
            self._show()
            self._notice(self._t("script.deleted", name=gone[0]), undo=True)
            self._keep()
            return
        elif what == "export":
            self.out.append(SaveFile(scripts.export(), EXPORT_NAME))
            return
        elif what == "undo" and self._deleted is not None:
            item, at = self._deleted
            self._deleted = None
            scripts.restore(item, at)
        else:
            return
        self._show()
        self._notice(said)
        self._keep()

    def file(self, event: ScriptFile) -> None:
        """Add the scripts of an imported file as new ones, each under a free name.

        Nothing already kept is replaced, and nothing runs: the first one shows in the
        editor, for the user to read before pressing Executar.
        """
        if event.text is None:
            self._notice(self._t("script.file_unread", detail=event.detail))
            return
        try:
            pairs = read_file(event.text)
        except InputError as exc:
            self._notice(self._t(exc.key, **exc.params))
            return
        first = len(self.scripts.items)
        for name, source in pairs:
            self.scripts.add(source, name)
        self.scripts.choose(first)
        self._show()
        self._notice(self._t("script.imported", count=len(pairs)))
        self._keep()

    def _show(self) -> None:
        scripts = self.scripts
        self.out.append(ScriptList(scripts.names(), scripts.chosen))
        self.out.append(EditorText(scripts.source))

    def _keep(self) -> None:
        self.out.append(Store(SCRIPTS_KEY, self.scripts.dumps()))
