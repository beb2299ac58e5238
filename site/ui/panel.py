"""The variables table: rows of name and value that each send fills in (`{{name}}`)."""

from ui.text import read
from wsclient.commands import VariableFaults, VariablesTable
from wsclient.events import VariablesEdited

__all__ = ["VariablesView"]


class VariablesView:
    """Turns edits of the table into VariablesEdited, and draws the table and its faults.

    Adding a row only adds empty fields, which define nothing: the core hears of the
    row once the user types in it.
    """

    def __init__(self, document, feed) -> None:
        self._document = document
        self._feed = feed
        self._list = document.getElementById("variables")
        self._made = 0  # rows made, for their fields' ids

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("variables", "input", lambda event: self._edited())
        listen("variables", "click", self._clicked)
        listen("add-variable", "click", lambda event: self._add("", "").firstChild.focus())

    def handlers(self) -> dict:
        """The commands this part carries out."""
        return {VariablesTable: self.table, VariableFaults: self.faults}

    def table(self, command: VariablesTable) -> None:
        """Draw the rows, replacing any."""
        self._list.replaceChildren()
        for name, value in command.rows:
            self._add(name, value)

    def faults(self, command: VariableFaults) -> None:
        """Mark each row at fault with what is wrong; unmark the others."""
        said = {row: text for row, text in command.faults}
        rows = self._list.children
        for row in range(int(rows.length)):
            item = rows.item(row)
            field = item.querySelector(".var-name")
            fault = item.querySelector(".field-error")
            text = said.get(row)
            fault.hidden = text is None
            fault.textContent = text or ""
            if text is None:
                fault.removeAttribute("id")
                field.removeAttribute("aria-invalid")
                field.removeAttribute("aria-describedby")
            else:
                fault.id = "variable-fault-%d" % row
                field.setAttribute("aria-invalid", "true")
                field.setAttribute("aria-describedby", fault.id)

    def _add(self, name: str, value: str):
        # Every text comes from the page: the fields are labelled by the column heads,
        # the remove button by its word and the row's name ("Remover token").
        document = self._document
        self._made += 1
        item = document.createElement("li")
        fields = []
        for kind, text in (("name", name), ("value", value)):
            field = document.createElement("input")
            field.id = "var-%s-%d" % (kind, self._made)
            field.className = "var-" + kind
            field.spellcheck = False
            field.setAttribute("autocomplete", "off")
            field.setAttribute("aria-labelledby", "var-%s-head" % kind)
            field.value = text
            fields.append(field)
        remove = document.createElement("button")
        remove.type = "button"
        remove.className = "var-remove"
        remove.textContent = "×"
        remove.setAttribute("aria-labelledby", "var-remove-label " + fields[0].id)
        fault = document.createElement("p")
        fault.className = "field-error"
        fault.hidden = True
        item.append(fields[0], fields[1], remove, fault)
        self._list.append(item)
        return item

    def _clicked(self, event) -> None:
        target = event.target
        if not target.classList.contains("var-remove"):
            return
        item = target.closest("li")
        # The focus goes to the next row's remove button, or the add button.
        after = item.nextElementSibling or item.previousElementSibling
        item.remove()
        if after:
            after.querySelector(".var-remove").focus()
        else:
            self._document.getElementById("add-variable").focus()
        self._edited()

    def _edited(self) -> None:
        rows = []
        items = self._list.children
        for row in range(int(items.length)):
            item = items.item(row)
            name, value = item.querySelector(".var-name"), item.querySelector(".var-value")
            rows.append([read(name), read(value)])
        self._feed(VariablesEdited(rows))
