"""The page's side of a user's script: its worker's life, what the worker hears, what it asks.

The script runs in a worker (site/worker/), and the page and the worker exchange JSON
text (docs/scripting.md, "How it runs"). `ScriptHost` decides all of the page's side:
when the worker starts and ends, which connection events it hears, and what each of
its requests does to the connection, the log and the variables. Received messages go
from the socket to the worker without passing here (`ScriptListens`).
"""

import json

from wsclient import i18n
from wsclient.commands import Announce
from wsclient.log import CHECK, SCRIPT
from wsclient.scriptdata import (
    EndWorker,
    PostToWorker,
    RunScript,
    ScriptChange,
    ScriptEdited,
    ScriptFile,
    ScriptListens,
    ScriptResult,
    ScriptsStored,
    ScriptState,
    ScriptTraceback,
    StartWorker,
    StopScript,
    WorkerSaid,
)
from wsclient.scripting import LOG_LIMIT, SEND_LIMIT, shown, unwire, wire
from wsclient.scripttab import ScriptTab

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.panel import Panel
    from wsclient.plain import Plain
    from wsclient.present import Clock
    from wsclient.protohost import ProtoHost
    from wsclient.session import Session

__all__ = ["FAILED", "RUNNING", "STARTING", "STOPPED", "ScriptHost"]

STOPPED, STARTING, RUNNING, FAILED = "stopped", "starting", "running", "error"


def _post(kind: str, **fields: object) -> PostToWorker:
    fields["t"] = kind
    return PostToWorker(json.dumps(fields))


class ScriptHost:
    """The script's state on the page, and the messages that wait on its before_send.

    Args:
        lang: the page's language.
        out: the commands for the shell, shared with the rest of the core.
        session: the connection, which sends, closes and takes the log's entries.
        panel: the side panel, whose variables table the script reads and writes.
        clock: formats the time of each check's result.
    """

    def __init__(
        self, lang: str, out: "list[Plain]", session: "Session", panel: "Panel", clock: "Clock"
    ) -> None:
        self.lang = lang
        self.clock = clock
        self.out = out
        self.session = session
        self.panel = panel
        self.state = STOPPED
        self._wants: "dict[str, bool]" = {}
        self._held: "dict[int, str | bytes]" = {}  # by number: sends before_send has
        self._held_count = 0
        # Sends made while STARTING: between Executar and the worker's "running", when
        # it is not yet known whether the script has a before_send.
        self._early: "list[str | bytes]" = []
        self._results = [0, 0]  # passed, failed
        self.tab = ScriptTab(lang, out)
        # The connection's protocol (wsclient.protohost), which carries out the script's
        # emit(), publish() and subscribe(); Client sets it.
        self.protos: "ProtoHost | None" = None

    def routes(self) -> "dict[type, Callable[[Any], None]]":
        """The Script tab's events, and the handler of each, for Client."""
        tab = self.tab
        return {
            RunScript: lambda e: self.run(e.source, e.now),
            StopScript: lambda e: self.stop(e.now),
            WorkerSaid: lambda e: self.said(e.text, e.now),
            ScriptsStored: lambda e: tab.load(e.text),
            ScriptEdited: tab.edited,
            ScriptChange: tab.change,
            ScriptFile: tab.file,
        }

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    @property
    def _live(self) -> bool:
        """Whether a worker is up: the script is starting or running."""
        return self.state in (STARTING, RUNNING)

    # --- what the user does ---

    def run(self, source: str, now: float) -> None:
        """Run source in a new worker, ending any that runs."""
        if self._live:
            self._end(now)
        self.tab.ran()
        self._wants = {}
        self._results = [0, 0]
        out = self.out
        out.append(ScriptResult(None))
        out.append(ScriptTraceback(None))
        out.append(StartWorker())
        values = dict(self.panel.variables.values)
        opened = self.session.state == "open"
        out.append(_post("run", source=source, vars=values, open=opened, proto=self._proto()))
        out.append(ScriptListens(True))
        self._state(STARTING, self._t("script.starting"))

    def stop(self, now: float) -> None:
        """The user pressed Parar script: end the worker, whatever it does."""
        if self._live:
            self._end(now)
            self._state(STOPPED, self._t("script.stopped"))

    def _end(self, now: float) -> None:
        """End the worker; the caller then says the state it leaves (never a live one)."""
        self.out.append(EndWorker())
        self.out.append(ScriptListens(False))
        early, self._early = self._early, []
        for payload in early:  # the script never ran: they go as typed
            self.session.send(payload, now)
        for number in sorted(self._held):
            self._unsent(number, now)
        self._summary()

    def _state(self, state: str, text: str) -> None:
        self.state = state
        self.out.append(ScriptState(state, text))

    # --- what the connection does ---

    def _proto(self) -> str:
        return "raw" if self.protos is None else self.protos.kind

    def opened(self) -> None:
        if self._live:
            self.out.append(_post("open", proto=self._proto()))

    def protocol_events(self, events: "list[dict]") -> None:
        """What the connection's protocol brought (events, acks, publishes), for the hooks."""
        if self._live:
            self.out.append(_post("proto", events=events))

    def closed(self, code: int, reason: str, clean: bool) -> None:
        if self._live:
            self.out.append(_post("close", code=code, reason=reason, clean=clean))

    def variables_edited(self) -> None:
        if self._live:
            self.out.append(_post("vars", values=dict(self.panel.variables.values)))

    def before_send(self, payload: "str | bytes", now: float) -> bool:
        """Hand a user's send to the script's before_send; False: it has none, send it now."""
        if self.state == STARTING:
            # Until the worker says which hooks it has, which its code's top must end
            # first: said, so that a message never vanishes while a script starts.
            self._early.append(payload)
            self.session.note("script.early", now, text=shown(payload))
            return True
        if not (self._live and self._wants.get("before_send")):
            return False
        self._hold(payload)
        return True

    def _hold(self, payload: "str | bytes") -> None:
        self._held_count += 1
        self._held[self._held_count] = payload
        self.out.append(_post("before_send", id=self._held_count, **wire(payload)))

    # --- what the worker says ---

    def said(self, text: str, now: float) -> None:
        """Carry out one post of the worker."""
        if not self._live:
            return  # a post that crossed the end: the worker is gone
        try:
            fields = json.loads(text)
            handler = getattr(self, "_w_" + str(fields["t"]))
        except (ValueError, KeyError, AttributeError, TypeError):
            self.session.note("script.garbled", now, detail=text[:200])
            return
        handler(fields, now)

    def _w_ready(self, fields: "dict[str, Any]", now: float) -> None:
        pass  # the run, posted first, is next

    def _w_running(self, fields: "dict[str, Any]", now: float) -> None:
        self._wants = dict(fields["wants"])
        self._state(RUNNING, self._t("script.running"))
        early, self._early = self._early, []
        for payload in early:
            if self._wants.get("before_send"):
                self._hold(payload)
            else:
                self.session.send(payload, now)

    def _w_send(self, fields: "dict[str, Any]", now: float) -> None:
        self.session.send(unwire(fields), now)

    def _w_emit(self, fields: "dict[str, Any]", now: float) -> None:
        if self.protos is not None:
            self.protos.request(fields, now)

    _w_publish = _w_subscribe = _w_unsubscribe = _w_emit

    def _w_close(self, fields: "dict[str, Any]", now: float) -> None:
        self.session.close(now, int(fields["code"]), str(fields["reason"]), "script")

    def _w_log(self, fields: "dict[str, Any]", now: float) -> None:
        self.session.system(str(fields["text"]), now, SCRIPT)

    def _w_check(self, fields: "dict[str, Any]", now: float) -> None:
        result = fields["result"]
        passed = bool(result["passed"])
        self._results[0 if passed else 1] += 1
        verdict = self._t("script.pass" if passed else "script.fail")
        message = result.get("message") or ""
        detail = str(result.get("detail") or "")
        name = str(result["name"])
        when = self.clock.time(float(result["time"]) * 1000)
        self.out.append(ScriptResult([name, verdict, message, detail, when], passed))
        line = self._t("script.check", name=name, verdict=verdict)
        for extra in (detail, message):
            if extra:
                line += " · " + extra
        self.session.system(line, now, CHECK)

    def _w_vars(self, fields: "dict[str, Any]", now: float) -> None:
        self.panel.script_set(fields["values"])

    def _w_error(self, fields: "dict[str, Any]", now: float) -> None:
        line = fields.get("line")
        self._end(now)
        self.out.append(ScriptTraceback(str(fields["traceback"]), line))
        key = "script.failed_at" if line else "script.failed"
        self._state(FAILED, self._t(key, line=line))

    def _w_broken(self, fields: "dict[str, Any]", now: float) -> None:
        self._end(now)
        self.out.append(ScriptTraceback(self._t("script.broken", detail=fields["why"])))
        self._state(FAILED, self._t("script.failed"))

    def _w_stopped(self, fields: "dict[str, Any]", now: float) -> None:
        self._end(now)
        # The worker stops itself only at a cap: of sends, or of log lines.
        if fields.get("why") == "log_rate":
            self._state(STOPPED, self._t("script.log_rate", limit=LOG_LIMIT))
        else:
            self._state(STOPPED, self._t("script.rate", limit=SEND_LIMIT))

    def _w_sent(self, fields: "dict[str, Any]", now: float) -> None:
        if self._held.pop(int(fields["id"]), None) is not None:
            self.session.send(unwire(fields), now)

    def _w_dropped(self, fields: "dict[str, Any]", now: float) -> None:
        payload = self._held.pop(int(fields["id"]), None)
        if payload is not None:
            self.session.note("script.dropped", now, text=shown(payload))

    def _w_unsent(self, fields: "dict[str, Any]", now: float) -> None:
        self._unsent(int(fields["id"]), now)

    def _unsent(self, number: int, now: float) -> None:
        # The hook failed or the script ended first: not sent, and said with its text,
        # so that nothing the user typed is lost and nothing unchecked goes out.
        payload = self._held.pop(number, None)
        if payload is not None:
            self.session.note("script.unsent", now, text=shown(payload))

    def _summary(self) -> None:
        passed, failed = self._results
        if passed or failed:
            self.out.append(Announce(self._t("script.summary", passed=passed, failed=failed)))
