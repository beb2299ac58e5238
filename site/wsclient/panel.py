"""The side panel in the core: the variables table, which every send fills in."""

from wsclient import i18n
from wsclient.commands import Store, VariableFaults, VariablesTable
from wsclient.events import VariablesEdited
from wsclient.variables import Variables

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.plain import Plain
    from wsclient.session import Session

__all__ = ["VARIABLES_KEY", "Panel"]

VARIABLES_KEY = "pyws.variables"


class Panel:
    """The side panel's state: the variables, which every send fills in.

    Args:
        lang: the page's language.
        out: the commands for the shell, shared with the rest of the core.
    """

    def __init__(self, lang: str, out: "list[Plain]") -> None:
        self.lang = lang
        self.out = out
        self.variables = Variables()

    def start(self, stored: str, session: "Session", now: float) -> None:
        """Load the table as storage kept it ("" for none) and draw it."""
        if stored:
            try:
                self.variables = Variables.loads(stored)
            except ValueError as exc:
                # Kept by another version, or edited by hand: said, and left in storage
                # until the user's first edit writes a good table over it.
                session.note("vars.unreadable", now, detail=str(exc))
        rows = self.variables.rows
        if rows:  # the page starts with an empty table
            self.out.append(VariablesTable(rows))
            faults = self.variables.edit(rows)
            if faults:
                self._faults(faults)

    def edited(self, event: VariablesEdited) -> None:
        """The user changed the table: take it, mark what is wrong, keep it."""
        self._faults(self.variables.edit(event.rows))
        self.out.append(Store(VARIABLES_KEY, self.variables.dumps()))

    def _faults(self, faults: "list[list[object]]") -> None:
        texts = [[row, i18n.t(self.lang, str(key), name=name)] for row, key, name in faults]
        self.out.append(VariableFaults(texts))
