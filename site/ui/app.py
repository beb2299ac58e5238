"""Wires the page: feeds every browser event to the core and carries out its commands."""

import gc

import js
from pyscript import document, window
from pyscript.ffi import create_proxy, is_none

from ui import bridge, clock
from ui.address import AddressBar
from ui.composer import Composer
from ui.connection import ConnectionBar
from ui.dom import Texts, translate
from ui.frames import FrameStore
from ui.logtools import LogTools
from ui.logview import LogView
from ui.panel import VariablesView
from ui.pending import PendingView
from ui.proto import ProtoView
from ui.saved import SavedView
from ui.script import ScriptView
from ui.shortcuts import Shortcuts
from ui.socket import Socket
from ui.status import StatusView
from ui.workbench import Workbench
from wsclient.client import HISTORY_KEY, Client
from wsclient.events import InternalError, Start, Tick
from wsclient.panel import SAVED_KEY, VARIABLES_KEY
from wsclient.protooptions import OPTIONS_KEY
from wsclient.settings import Settings

__all__ = ["App"]

TICK_MS = 250


class App:
    """The running page: the core, and the parts of the shell that carry out its commands."""

    def __init__(self) -> None:
        langs = tuple(str(window.navigator.languages.join(",")).split(","))
        settings = Settings.from_search(str(window.location.search), _default_server(), langs)
        self.client = Client(settings, clock.utc_offset_minutes())
        self._running = False
        self._listeners: list = []
        texts = Texts(document)
        guard = self._guard
        self.log_view = LogView(document, self.client, texts, guard)
        self.socket = Socket(self.feed, self._frame_time, guard)
        script = ScriptView(document, self.feed, self.client.lang)
        workbench = Workbench(document, lambda tab: tab == "tab-script" and script.opened())
        proto = ProtoView(document, self.feed, workbench.show_tab, self.client.lang)
        self._parts = [
            self.socket,
            StatusView(document, texts),
            self.log_view,
            self.log_view.follow,
            ConnectionBar(document, texts, self.feed, proto),
            Composer(document, texts, self.feed, proto),
            proto,
            LogTools(document, texts, self.feed, guard),
            FrameStore(document),
            PendingView(document, self.feed),
            VariablesView(document, self.feed),
            SavedView(document, self.feed, proto.form),
            script,
            workbench,
            Shortcuts(document, self.feed, workbench),
            AddressBar(),
        ]
        self._do: dict = {}
        for part in self._parts:
            self._do.update(part.handlers())

    def start(self) -> None:
        """Translate the page, attach every handler, then let the core start."""
        translate(document, self.client.lang)
        for part in self._parts:
            if hasattr(part, "listen"):
                part.listen(self._listen)
        # What starts a user's scroll of the list; not "scroll", which the page's own
        # scrolling to the newest entry fires every frame of a flood.
        for event in ("wheel", "pointerdown", "touchstart"):
            self._listen("messages", event, self.log_view.fill_meta)
        self._listen("messages", "keydown", self.log_view.key)
        stored, error = bridge.load(HISTORY_KEY)
        variables = "" if error else str(bridge.load(VARIABLES_KEY)[0])
        saved = "" if error else str(bridge.load(SAVED_KEY)[0])
        options = "" if error else str(bridge.load(OPTIONS_KEY)[0])
        missing = str(bridge.missing_features())
        self.feed(Start(clock.now(), str(stored), str(error), missing, variables, saved, options))
        self._ticker = create_proxy(self._guard(self._tick))
        js.setInterval(self._ticker, TICK_MS)
        document.documentElement.classList.add("ready")

    def feed(self, event):
        """Hand an event to the core, then carry out its commands in order.

        A command may feed an event back (the socket's answer to Transmit, say):
        the core takes it at once, and its commands join the ones being carried out.
        Returns what the core answered (Client.handle): for a received frame, the
        number the frame store keeps it under.
        """
        client = self.client
        answer = client.handle(event)
        if self._running or not client.out:  # most frames of a flood lead to no command
            return answer
        self._running = True
        out = client.out
        do = self._do
        try:
            i = 0
            while i < len(out):
                command = out[i]
                i += 1
                do[type(command)](command)
        finally:
            out.clear()
            self._running = False
        return answer

    def _frame_time(self) -> float:
        # The precise clock costs an FFI call: only an expected echo needs it.
        return clock.precise_now() if self.client.wants_precise_time else clock.now()

    def _tick(self) -> None:
        self.feed(Tick(clock.now(), self.socket.buffered()))

    def _listen(self, element_id: str, event: str, handler) -> None:
        """Attach handler, guarded, to the element with element_id ("": the document)."""
        proxy = create_proxy(self._guard(handler))
        target = document.getElementById(element_id) if element_id else document
        target.addEventListener(event, proxy)
        self._listeners.append(proxy)

    def _guard(self, handler):
        """Report a failure inside a handler on the page instead of as a console trace."""

        def report(exc):
            self.feed(InternalError(repr(exc), clock.now()))

        def guarded(*args):
            try:
                return handler(*args)
            except MemoryError:
                # MicroPython's heap grows only after a collection, so a 16 MiB
                # message can fail once and fit right after. Handlers make their big
                # allocations before they change any state, so a second run is safe.
                gc.collect()
                try:
                    return handler(*args)
                except Exception as exc:  # noqa: BLE001 - every failure must reach the page
                    report(exc)
            except Exception as exc:  # noqa: BLE001 - every failure must reach the page
                report(exc)
            return None

        return guarded


def _default_server() -> str:
    meta = document.querySelector('meta[name="default-server"]')
    return "" if is_none(meta) else str(meta.content)
