"""The protocol's controls: the selector in the connection bar, the Protocolo tab's
options and list, and the composer's fields of each protocol."""

import json

from pyscript.ffi import is_none
from pyscript.js_modules import frames as _store

from ui import bridge, clock
from wsclient import i18n
from wsclient.protodata import (
    ProtoAction,
    ProtoChosen,
    ProtoFields,
    ProtoList,
    ProtoMode,
    WholeFrames,
)

__all__ = ["ProtoView"]

_whole_frames = _store.wholeFrames
RAW = "raw"


class ProtoView:
    """Turns the protocol's controls into events and carries out ProtoMode, ProtoList
    and WholeFrames; reads the options and composer fields of the chosen protocol.

    Args:
        show_tab: chooses a tab of the side panel by its id (Workbench.show_tab).
    """

    def __init__(self, document, feed, show_tab, lang: str) -> None:
        self._feed = feed
        self._show_tab = show_tab
        self._lang = lang
        get = document.getElementById
        self._document = document
        self._select = get("proto")
        self._message = get("message")
        self._list = get("proto-list")
        self._empty = get("proto-empty")
        self._filter = get("mqtt-filter")
        self._sub_qos = get("mqtt-sub-qos")
        self._composer = RAW  # whose fields the composer shows

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("proto", "change", self._chosen)
        listen("mqtt-subscribe", "click", lambda event: self._subscribe())
        listen("mqtt-filter", "keydown", self._filter_key)
        listen("proto-list", "click", self._list_click)

    def handlers(self) -> dict:
        """The commands this part carries out."""
        return {
            ProtoMode: self._mode,
            ProtoList: self._rows,
            ProtoFields: lambda c: bridge.fill_proto(c.kind, json.dumps(c.options)),
            WholeFrames: lambda command: _whole_frames(command.on),
        }

    @property
    def kind(self) -> str:
        return str(self._select.value)

    def options(self) -> dict:
        """The chosen protocol's options, by name, as their fields hold them."""
        return json.loads(str(bridge.proto_fields(self.kind, "proto-opts")))

    def form(self) -> dict:
        """The composer's protocol fields (an event's name, a topic…), by name."""
        return json.loads(str(bridge.proto_fields(self._composer, "proto-send")))

    def field(self, group: str, key: str):
        """The shown field of the chosen protocol's group ("proto-opts", "proto-send")
        named key; an option's tab is shown first. None when there is none."""
        if group == "proto-opts":
            self._show_tab("tab-proto")
        found = self._document.querySelector(f'.{group}:not([hidden]) [data-key="{key}"]')
        return None if is_none(found) else found

    def _chosen(self, event) -> None:
        self._feed(ProtoChosen(self.kind, clock.now()))

    def _mode(self, command: ProtoMode) -> None:
        """Show the protocol's controls, and its tab: its options are what comes next."""
        kind, composer = command.kind, command.composer
        self._select.value = kind
        bridge.show_proto(kind, composer)
        if kind != RAW and kind != self._composer:
            self._show_tab("tab-proto")
        self._composer = composer
        key = "placeholder.message" if composer == RAW else "placeholder." + composer
        self._message.placeholder = i18n.t(self._lang, key)

    def _rows(self, command: ProtoList) -> None:
        create = self._document.createElement
        items = []
        for key, text, label, name in command.rows:
            li = create("li")
            span = create("span")
            span.textContent = text
            button = create("button")
            button.type = "button"
            button.dataset.key = key
            button.textContent = label
            button.setAttribute("aria-label", name)
            li.append(span, " ", button)
            items.append(li)
        focused = self._document.activeElement
        inside = not is_none(focused) and bool(self._list.contains(focused))
        self._list.replaceChildren(*items)
        self._empty.textContent = "" if items else command.empty
        if inside:
            # The row with the focus went: the first one left takes it, or the tab.
            buttons = self._list.querySelectorAll("button")
            target = (
                buttons.item(0) if buttons.length else self._document.getElementById("tab-proto")
            )
            target.focus()

    def _list_click(self, event) -> None:
        button = event.target.closest("button[data-key]")
        if is_none(button):
            return
        action = "unsubscribe" if self.kind == "mqtt" else "stop"
        self._feed(ProtoAction(action, str(button.dataset.key), 0, clock.now()))

    def _filter_key(self, event) -> None:
        if event.key == "Enter":
            event.preventDefault()
            self._subscribe()

    def _subscribe(self) -> None:
        qos = int(str(self._sub_qos.value))
        self._feed(ProtoAction("subscribe", str(self._filter.value), qos, clock.now()))
