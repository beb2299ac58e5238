"""The user's script at work, inside its worker (MicroPython): the API's names and the event loop.

The page and this worker talk only in JSON text (see docs/scripting.md, "How it
runs"). The page sends what happens on the connection; this runs the script's hooks
and answers with what the script does. `host.post(text)` is the worker's postMessage;
`handle(text)` is called for each message from the page. What decides anything is in
wsclient/scripting.py, which the unit tests run on CPython and on MicroPython.
"""

import asyncio
import io
import json
import sys
import time
from asyncio import core as _asyncio_core

import host
import js
from protoapi import ProtoApi

from wsclient import scriptchecks, scripting
from wsclient.scripting import Message, ScriptError

SCRIPT_FILE = "script.py"


_wake_at = [None]  # the ticks_ms of the wake-up planned for asyncio's loop, until it runs


def _wake():
    _wake_at[0] = None
    _asyncio_core._run_iter()


def _plan_wake(dt):
    """Plan a run of asyncio's loop in dt ms, unless the one pending comes as soon."""
    at = time.ticks_add(time.ticks_ms(), dt)
    if _wake_at[0] is not None and time.ticks_diff(at, _wake_at[0]) >= 0:
        return  # the loop runs then, and plans again
    _wake_at[0] = at
    js.setTimeout(_wake, dt)


def _steady_asyncio():
    """Make MicroPython's asyncio for the browser wake every task that sleeps.

    Its loop wakes by `setTimeout` and clears the pending wake-up each time it plans
    the next; with two tasks asleep, a timer or an `await expect()` sometimes never
    woke again. Here no wake-up is cleared: one is planned only when it is due sooner
    than the pending one, and one that finds no task due plans the next and returns.
    (Its callback is a module-level function: a closure handed to setTimeout did not
    run every time either.)
    """
    _asyncio_core._schedule_run_iter = _plan_wake
    _asyncio_core.new_event_loop()


_steady_asyncio()


def _post(kind, **fields):
    fields["t"] = kind
    host.post(json.dumps(fields))


def _is_awaitable(value):
    """Whether a hook gave back what `async def` gives: a coroutine (a generator here)."""
    return hasattr(value, "send") and hasattr(value, "throw")


def _traceback(exc):
    """The exception's traceback, from the script's first frame on, and the script's last line."""
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    lines = buf.getvalue().rstrip("\n").split("\n")
    kept = [lines[0]]
    line = None
    seen_script = False
    for text in lines[1:]:
        frame = text.startswith("  File ")
        if frame and ('"%s"' % SCRIPT_FILE) in text:
            seen_script = True
            try:
                line = int(text.split(", line ")[1].split(",")[0])
            except (IndexError, ValueError):
                pass
        if seen_script or not frame:
            kept.append(text)
    return "\n".join(kept), line


class Runtime:
    """One run of one script: its hooks, timers, checks and the connection as it sees it."""

    def __init__(self):
        self.hooks = scripting.Hooks()
        self.timers = scripting.Timers()
        self.cap = scripting.RateCap()
        self.log_cap = scripting.RateCap(scripting.LOG_LIMIT)
        self.checks = scriptchecks.Checks()
        self.waiters = scriptchecks.Waiters()
        self.vars = scriptchecks.Vars({}, lambda change: _post("vars", values=change))
        self.connected = False
        self.over = False
        self.protocol = ProtoApi(_post, self.call)

    # The API, as the script's globals see it.

    def names(self):
        names = {kind: self.hooks.decorator(kind) for kind in scripting.Hooks.KINDS}
        names.update(
            send=self.send,
            close=self.close,
            log=self.log,
            vars=self.vars,
            every=self.every,
            after=self.after,
            check=self.check,
            expect=self.expect,
            Message=Message,
            ScriptError=ScriptError,
            print=self.log,
            __name__="__script__",
        )
        names.update(self.protocol.names())
        return names

    def send(self, value):
        """Send str as text, bytes as binary, dict or list as JSON text."""
        payload = scripting.outgoing(value)
        if not self.connected:
            raise ScriptError("send(): the connection is not open")
        if not self.cap.allow(time.ticks_ms() / 1000):
            self.stop("rate")
            raise ScriptError("send(): over the cap of %d a second" % scripting.SEND_LIMIT)
        _post("send", **scripting.wire(payload))

    def close(self, code=1000, reason=""):
        """Close the connection, as Fechar conexão does, with a code and reason."""
        if (
            isinstance(code, bool)
            or not isinstance(code, int)
            or not (code == 1000 or 3000 <= code <= 4999)
        ):
            raise ScriptError("close() takes the code 1000 or one from 3000 to 4999, not %r" % code)
        if not isinstance(reason, str) or len(reason.encode()) > 123:
            raise ScriptError("close(): the reason is text of at most 123 bytes")
        _post("close", code=code, reason=reason)

    def log(self, *args, **options):
        """Write a line into the page's log, as an entry of class `script`."""
        sep = options.get("sep", " ")
        self._count_line("log()")
        _post("log", text=sep.join(str(arg) for arg in args))

    def _count_line(self, what):
        """Count a line of the page's log; past the cap, stop the script."""
        if not self.log_cap.allow(time.ticks_ms() / 1000):
            self.stop("log_rate")
            raise ScriptError("%s: over the cap of %d lines a second" % (what, scripting.LOG_LIMIT))

    def every(self, seconds, function):
        """Call function every `seconds`, until the connection closes or the script stops."""
        timer = self.timers.add("every", seconds, function)
        asyncio.create_task(self._repeat(timer))
        return timer

    def after(self, seconds, function):
        """Call function once, after `seconds`, unless the connection closes first."""
        timer = self.timers.add("after", seconds, function)
        asyncio.create_task(self._once(timer))
        return timer

    def check(self, name, condition, message=None):
        """Record a check that passes when condition is true; return whether it did."""
        self._count_line("check()")
        result = self.checks.record(name, bool(condition), time.time(), message)
        _post("check", result=result)
        return result["passed"]

    async def expect(self, predicate, timeout=10, name=None):
        """Wait for a message that satisfies predicate; record a pass, or a fail on timeout."""
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ScriptError("expect(): the timeout is a number of seconds above 0")
        waiter = self.waiters.add(predicate, name)
        waiter.event = asyncio.Event()
        try:
            await asyncio.wait_for(waiter.event.wait(), timeout)
        except asyncio.TimeoutError:
            self.waiters.drop(waiter)
            detail = "no message met it within %g s" % timeout
            _post("check", result=self.checks.record(waiter.name, False, time.time(), None, detail))
            return None
        passed = waiter.error is None
        detail = "" if passed else waiter.error
        result = self.checks.record(waiter.name, passed, time.time(), waiter.message, detail)
        _post("check", result=result)
        return waiter.message

    # Running the user's code.

    def call(self, function, *args):
        """Call a hook or a timer's function; an async one goes on as a task."""
        if self.over:
            return None
        try:
            result = function(*args)
        except Exception as exc:  # noqa: BLE001 - the user's code: its error is shown
            self.fail(exc)
            return None
        if _is_awaitable(result):
            asyncio.create_task(self._guard(result))
            return None
        return result

    async def _guard(self, coroutine):
        try:
            await coroutine
        except Exception as exc:  # noqa: BLE001 - as in call()
            self.fail(exc)

    async def _repeat(self, timer):
        while True:
            await asyncio.sleep(timer.seconds)
            if timer.cancelled or self.over:
                return
            self.call(timer.function)

    async def _once(self, timer):
        await asyncio.sleep(timer.seconds)
        if timer.cancelled or self.over:
            return
        self.timers.done(timer)
        self.call(timer.function)

    def fail(self, exc):
        """The script raised: show the traceback and its line, and stop it."""
        if self.over:
            return
        text, line = _traceback(exc)
        self._end()
        _post("error", traceback=text, line=line)

    def stop(self, why):
        """Stop the script for a reason the page words: "rate" or "log_rate", a cap."""
        if self.over:
            return
        self._end()
        _post("stopped", why=why)

    def _end(self):
        self.over = True
        self.timers.cancel_all()  # each task sees it when it wakes, and returns

    # What the page says.

    def run(self, fields):
        self.connected = bool(fields.get("open"))
        self.protocol.proto = fields.get("proto", "raw")
        self.vars.update_from_page(fields.get("vars") or {})
        try:
            code = compile(fields["source"], SCRIPT_FILE, "exec")
            exec(code, self.names())
        except Exception as exc:  # noqa: BLE001 - the user's code: its error is shown
            self.fail(exc)
            return
        _post("running", wants=self.hooks.wants())
        if self.connected:  # on_open means "once the connection is open": it is now
            self.opened(fields)

    def opened(self, fields):
        self.connected = True
        self.protocol.proto = fields.get("proto", self.protocol.proto)
        for hook in self.hooks["on_open"]:
            self.call(hook)

    def messages(self, fields):
        for kind, body, at in fields["items"]:
            if self.over:
                return
            msg = Message(bytes.fromhex(body) if kind == "b" else body, at)
            if len(self.waiters):
                for waiter in self.waiters.offer(msg):
                    waiter.event.set()
            for hook in self.hooks["on_message"]:
                self.call(hook, msg)

    def closed(self, fields):
        self.connected = False
        self.timers.cancel_all()
        for hook in self.hooks["on_close"]:
            self.call(hook, fields["code"], fields["reason"], fields["clean"])

    def before_send(self, fields):
        asyncio.create_task(self._before_send(fields["id"], scripting.unwire(fields)))

    async def _before_send(self, number, payload):
        msg = Message(payload, time.time())
        try:
            for hook in self.hooks["before_send"]:
                result = hook(msg)
                if _is_awaitable(result):
                    result = await result
                if result is None:
                    _post("dropped", id=number)
                    return
                msg = Message(scripting.outgoing(result, "before_send"), msg.time)
        except Exception as exc:  # noqa: BLE001 - as in call()
            _post("unsent", id=number)
            self.fail(exc)
            return
        _post("sent", id=number, **scripting.wire(msg._payload))

    def page_vars(self, fields):
        self.vars.update_from_page(fields["values"])


_runtime = Runtime()
_HANDLERS = {
    "run": _runtime.run,
    "open": _runtime.opened,
    "messages": _runtime.messages,
    "close": _runtime.closed,
    "before_send": _runtime.before_send,
    "vars": _runtime.page_vars,
    "proto": lambda fields: _runtime.over or _runtime.protocol.events(fields),
}


def handle(text):
    """Carry out one message from the page (JSON text)."""
    fields = json.loads(text)
    _HANDLERS[fields["t"]](fields)
