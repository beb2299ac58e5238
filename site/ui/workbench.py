"""The side panel's tabs, and on a narrow screen the drawer it becomes and "Mais".

On a wide screen the panel sits beside the log, and both toggles are hidden. On a
narrow one, "Painel" opens the panel in the log's place and "Mais" shows the
measurements and the less used tools; each is a button with aria-expanded, and Esc
in the drawer closes it (wsclient.shortcuts).
"""

from pyscript import window

from ui import bridge
from wsclient.shortcuts import TAB_KEY, tab_after

__all__ = ["Workbench"]

# The width under which the panel is a drawer: style.css says the same.
NARROW = "(max-width: 59.99rem)"
TABS = ("tab-saved", "tab-variables", "tab-script", "tab-proto")


class Workbench:
    """Which tab is chosen (kept in storage), and whether the drawer and "Mais" are open.

    Args:
        shown: called with a tab's id each time it is chosen (the Script tab loads
            its editor the first time).
    """

    def __init__(self, document, shown=None) -> None:
        self._document = document
        self._shown = shown  # called with the chosen tab's id once the page is wired
        self._bench = document.getElementById("page-wrapper")
        self._narrow = window.matchMedia(NARROW)
        stored = str(bridge.load(TAB_KEY)[0])
        self._choose(TABS.index(stored) if stored in TABS else 0)

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        for index, tab in enumerate(TABS):
            listen(tab, "click", lambda event, index=index: self._pick(index))
        listen("panel-tabs", "keydown", self._tab_key)
        listen("more-tools", "click", lambda event: self._toggle("more-tools", "more-open"))
        listen("panel-toggle", "click", lambda event: self._toggle_drawer())
        listen("saved", "click", self._saved_click)
        if self._shown is not None:
            self._shown(TABS[self._chosen])

    def handlers(self) -> dict:
        """This part carries out no command of the core's."""
        return {}

    def is_drawer(self) -> bool:
        """Whether the panel is open as a drawer over the log."""
        return bool(self._narrow.matches) and self._bench.classList.contains("panel-open")

    def close_drawer(self) -> None:
        """Close the drawer and give the focus back to its button."""
        self._set("panel-toggle", "panel-open", False)
        self._document.getElementById("panel-toggle").focus()

    def _toggle(self, button_id: str, name: str) -> bool:
        opened = not self._bench.classList.contains(name)
        self._set(button_id, name, opened)
        return opened

    def _set(self, button_id: str, name: str, opened: bool) -> None:
        self._bench.classList.toggle(name, opened)
        button = self._document.getElementById(button_id)
        button.setAttribute("aria-expanded", "true" if opened else "false")

    def _toggle_drawer(self) -> None:
        if self._toggle("panel-toggle", "panel-open"):
            self._document.getElementById(TABS[self._chosen]).focus()

    def _saved_click(self, event) -> None:
        # A message loaded into the composer is what the user came for: on a narrow
        # screen the drawer makes way for the log again.
        if self.is_drawer() and event.target.closest(".saved-use"):
            self._set("panel-toggle", "panel-open", False)

    def show_tab(self, tab_id: str) -> None:
        """Choose a tab for the user (the Protocolo tab when a protocol is picked),
        unless the panel is a drawer that is closed: then the log stays in sight."""
        if not self._narrow.matches or self._bench.classList.contains("panel-open"):
            self._pick(TABS.index(tab_id))

    def _pick(self, index: int) -> None:
        self._choose(index)
        bridge.store(TAB_KEY, TABS[index])
        if self._shown is not None:
            self._shown(TABS[index])

    def _choose(self, index: int) -> None:
        self._chosen = index
        get = self._document.getElementById
        for number, tab_id in enumerate(TABS):
            tab = get(tab_id)
            chosen = number == index
            tab.setAttribute("aria-selected", "true" if chosen else "false")
            tab.tabIndex = 0 if chosen else -1
            get(str(tab.getAttribute("aria-controls"))).hidden = not chosen

    def _tab_key(self, event) -> None:
        index = tab_after(str(event.key), self._chosen, len(TABS))
        if index is None or event.ctrlKey or event.altKey or event.metaKey:
            return
        event.preventDefault()
        self._pick(index)
        self._document.getElementById(TABS[index]).focus()
