"""The user-script API's pure parts: messages, what a script may send, hooks, timers, the rate cap.

A user's script runs in a worker (site/worker/), on MicroPython, whichever interpreter
the page runs. What decides anything lives here, with no clock and no I/O, so that it
runs on CPython for the unit tests as on MicroPython in the worker: the worker's
runtime (site/worker/runtime.py) schedules the timers and carries out the sends.
"""

import json

__all__ = [
    "LOG_LIMIT",
    "MIN_INTERVAL",
    "SEND_LIMIT",
    "Hooks",
    "Message",
    "RateCap",
    "ScriptError",
    "Timers",
    "outgoing",
    "shown",
    "unwire",
    "wire",
]

# The shortest period `every()` takes, in seconds: shorter would busy the worker for nothing.
MIN_INTERVAL = 0.01
# Sends a script may make in any one second; one more stops the script.
SEND_LIMIT = 1000
# Lines a script may write to the log (log(), print(), check()) in any one second; one
# more stops the script. Each is a message to the page and an entry in its log: a loop
# of them would flood the page.
LOG_LIMIT = 1000


class ScriptError(Exception):
    """A wrong use of the API, said in a sentence the Script tab shows as it is."""


class Message:
    """One message as a hook sees it: `text`, `data`, `is_binary`, `json()`, `size`, `time`."""

    def __init__(self, payload: "str | bytes", time: float = 0.0) -> None:
        self.is_binary = not isinstance(payload, str)
        self._payload = payload
        self.time = time  # seconds since the epoch, when the page got (or sent) it

    @property
    def data(self) -> bytes:
        """The payload's bytes: a text message's as UTF-8."""
        payload = self._payload
        return payload.encode() if isinstance(payload, str) else bytes(payload)

    @property
    def text(self) -> str:
        """The payload as text; a binary message's bytes must be UTF-8."""
        payload = self._payload
        if isinstance(payload, str):
            return payload
        try:
            return bytes(payload).decode()
        except UnicodeError:
            raise ScriptError("this binary message is not UTF-8 text: read msg.data") from None

    @property
    def size(self) -> int:
        """Bytes on the wire: a text message's UTF-8 length."""
        return len(self.data)

    def json(self) -> object:
        """The payload parsed as JSON; ScriptError says why when it is not JSON."""
        try:
            return json.loads(self.text)
        except ValueError:
            raise ScriptError("this message is not JSON: " + _preview(self.text)) from None

    def __repr__(self) -> str:
        kind = "binary" if self.is_binary else "text"
        return "<Message %s %d B: %s>" % (kind, self.size, _preview(self._payload))


def _preview(payload: "str | bytes", limit: int = 40) -> str:
    text = repr(payload)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(payload: "str | bytes", limit: int = 200) -> str:
    """A payload as the page shows it in a note or the results table: its text, or its
    bytes as hex pairs, cut at about limit characters ("…" says so)."""
    if isinstance(payload, str):
        return payload if len(payload) <= limit else payload[: limit - 1] + "…"
    data = bytes(payload)
    count = limit // 3
    text = " ".join("%02x" % b for b in data[:count])
    return text + (" …" if len(data) > count else "")


def outgoing(value: object, what: str = "send()") -> "str | bytes":
    """What send(value) puts on the wire: str as text, bytes as binary, dict or list as JSON.

    Args:
        what: who gave value, for the error: "send()" takes it; a before_send returns it.

    Raises:
        ScriptError: any other type, named.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, Message):
        return value._payload
    if isinstance(value, (dict, list)):
        try:
            return json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise ScriptError("this cannot be sent as JSON: %s" % exc) from None
    raise ScriptError("%s str, bytes, dict or list, not %s" % (_GIVES[what], type(value).__name__))


# How the error of outgoing() says who gave the value.
_GIVES = {
    "send()": "send() takes",
    "before_send": "a before_send hook returns None (to drop the message), or",
}


class Hooks:
    """The functions a script registered with @on_open, @on_message, @on_close, @before_send."""

    KINDS = ("on_open", "on_message", "on_close", "before_send")

    def __init__(self) -> None:
        self.by_kind: "dict[str, list]" = {kind: [] for kind in self.KINDS}

    def decorator(self, kind: str):
        """Return the decorator for kind: it registers the function and returns it unchanged."""
        hooks = self.by_kind[kind]

        def register(function):
            if not callable(function):
                raise ScriptError(
                    "@%s goes above a def, as in:\n@%s\ndef f(...): ..." % (kind, kind)
                )
            hooks.append(function)
            return function

        return register

    def __getitem__(self, kind: str) -> list:
        return self.by_kind[kind]

    def wants(self) -> "dict[str, bool]":
        """Which kinds have a hook: the page sends a worker only the events it listens to."""
        return {kind: bool(hooks) for kind, hooks in self.by_kind.items()}


class Timer:
    """One `every` or `after`: its id, kind, period and function; the runtime's task rides on it."""

    def __init__(self, number: int, kind: str, seconds: float, function) -> None:
        self.number = number
        self.kind = kind
        self.seconds = seconds
        self.function = function
        self.cancelled = False

    def cancel(self) -> None:
        """Stop this timer: the runtime's task checks `cancelled` before each call."""
        self.cancelled = True


class Timers:
    """The script's live timers: checked when made, all cancelled when the connection closes."""

    def __init__(self) -> None:
        self._live: "dict[int, Timer]" = {}
        self._count = 0

    def add(self, kind: str, seconds: object, function) -> Timer:
        """Make an `every` or `after` timer.

        Raises:
            ScriptError: seconds is not a number, is negative, or (every) under MIN_INTERVAL;
                function is not callable.
        """
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise ScriptError("%s() takes the seconds first, as a number" % kind)
        if seconds < 0 or seconds != seconds:
            raise ScriptError("%s() cannot wait %r seconds" % (kind, seconds))
        if kind == "every" and seconds < MIN_INTERVAL:
            raise ScriptError(
                "every() needs at least %g s (10 ms) between calls, not %g s"
                % (MIN_INTERVAL, seconds)
            )
        if not callable(function):
            raise ScriptError("%s() takes a function to call after the seconds" % kind)
        self._count += 1
        timer = Timer(self._count, kind, float(seconds), function)
        self._live[timer.number] = timer
        return timer

    def done(self, timer: Timer) -> None:
        """Forget a timer that fired for the last time (an `after`) or was cancelled."""
        self._live.pop(timer.number, None)

    def live(self) -> "list[Timer]":
        return list(self._live.values())

    def cancel_all(self) -> "list[Timer]":
        """Cancel every live timer (each task sees it when it wakes); return them."""
        timers = list(self._live.values())
        for timer in timers:
            timer.cancel()
        self._live.clear()
        return timers


class RateCap:
    """At most `limit` sends in any window of `window` seconds."""

    def __init__(self, limit: int = SEND_LIMIT, window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._times: "list[float]" = []  # of the last `limit` sends, oldest first
        self._oldest = 0  # index of the oldest in a ring of `limit` entries

    def allow(self, now: float) -> bool:
        """Count a send at now; tell whether it is within the cap (a refused one is not counted)."""
        times = self._times
        if len(times) < self.limit:
            times.append(now)
            return True
        if now - times[self._oldest] < self.window:
            return False
        times[self._oldest] = now
        self._oldest = (self._oldest + 1) % self.limit
        return True


def wire(payload: "str | bytes") -> "dict[str, str]":
    """A payload as the JSON between the page and the worker carries it: text, or hex."""
    if isinstance(payload, str):
        return {"text": payload}
    return {"hex": bytes(payload).hex()}


def unwire(fields: "dict") -> "str | bytes":
    """The payload that wire() wrote into fields."""
    if "hex" in fields:
        return bytes.fromhex(fields["hex"])
    return str(fields["text"])
