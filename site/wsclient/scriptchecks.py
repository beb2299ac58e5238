"""The user-script API's pure parts, continued: checks, expect()'s waiters, the variables.

Like wsclient.scripting, it runs in the script's worker on MicroPython and in the unit
tests on CPython, with no clock and no I/O.
"""

import json

from wsclient.scripting import Message, ScriptError, shown
from wsclient.varnames import valid_name

__all__ = ["Checks", "Vars", "Waiter", "Waiters"]


def _involved(message: object) -> "str | None":
    """The message a check names, as the results table shows it: a received Message,
    or text or bytes the script passed (check("x", ok, "why")), or nothing."""
    if message is None:
        return None
    if isinstance(message, Message):
        return shown(message.data if message.is_binary else message.text)
    if isinstance(message, (bytes, bytearray)):
        return shown(bytes(message))
    return shown(str(message))


class Checks:
    """The results of check() and expect(): name, pass or fail, the message involved, the time."""

    def __init__(self) -> None:
        self.results: "list[dict]" = []

    def record(
        self, name: object, passed: bool, now: float, message=None, detail: str = ""
    ) -> dict:
        """Add one result and return it as the plain data the page shows and exports."""
        result = {
            "name": str(name),
            "passed": bool(passed),
            "time": now,
            "message": _involved(message),
            "detail": detail,
        }
        self.results.append(result)
        return result

    def counts(self) -> "tuple[int, int]":
        """(passed, failed)."""
        passed = sum(1 for result in self.results if result["passed"])
        return passed, len(self.results) - passed


class Waiter:
    """One pending expect(): its predicate, and the message that met it, or the error it raised."""

    def __init__(self, predicate, name: str) -> None:
        self.predicate = predicate
        self.name = name
        self.message: "Message | None" = None
        self.error: "str | None" = None
        self.event = None  # the runtime's, set when met

    @property
    def settled(self) -> bool:
        return self.message is not None or self.error is not None


class Waiters:
    """The pending expect() calls, offered each message as it comes, oldest first."""

    def __init__(self) -> None:
        self._pending: "list[Waiter]" = []

    def add(self, predicate, name: "str | None" = None) -> Waiter:
        """Make a waiter for predicate.

        Raises:
            ScriptError: predicate is not callable.
        """
        if not callable(predicate):
            raise ScriptError("expect() takes a function of the message, such as lambda m: ...")
        label = name if name is not None else getattr(predicate, "__name__", "expect")
        waiter = Waiter(predicate, "expect " + str(label))
        self._pending.append(waiter)
        return waiter

    def offer(self, message: Message) -> "list[Waiter]":
        """Try message on each pending waiter; return the ones it settled (met, or raised)."""
        settled = []
        for waiter in self._pending:
            try:
                if waiter.predicate(message):
                    waiter.message = message
            except Exception as exc:  # noqa: BLE001 - the user's predicate: its error is the result
                waiter.error = "%s: %s" % (type(exc).__name__, exc)
            if waiter.settled:
                settled.append(waiter)
        if settled:
            self._pending = [waiter for waiter in self._pending if not waiter.settled]
        return settled

    def drop(self, waiter: Waiter) -> None:
        """Forget a waiter that timed out."""
        if waiter in self._pending:
            self._pending.remove(waiter)

    def __len__(self) -> int:
        return len(self._pending)


class Vars:
    """The variables table as a script sees it: a dict of str, whose writes go to the page.

    `changed` is called with {name: value or None} on each write, None for a deletion.
    """

    def __init__(self, values: "dict[str, str]", changed) -> None:
        self._values = dict(values)
        self._changed = changed

    def update_from_page(self, values: "dict[str, str]") -> None:
        """The user edited the table: the script sees the new values, and writes nothing back."""
        self._values = dict(values)

    def __getitem__(self, name: str) -> str:
        try:
            return self._values[name]
        except KeyError:
            raise KeyError("no variable %r in the table" % (name,)) from None

    def get(self, name: str, default=None):
        return self._values.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __iter__(self):
        return iter(list(self._values))

    def __len__(self) -> int:
        return len(self._values)

    def items(self) -> list:
        return list(self._values.items())

    def __setitem__(self, name: str, value: object) -> None:
        if not isinstance(name, str) or not valid_name(name):
            raise ScriptError(
                "%r cannot be a variable's name: a letter or _, then letters, digits, _, - or ."
                % (name,)
            )
        text = value if isinstance(value, str) else json.dumps(value)
        self._values[name] = text
        self._changed({name: text})

    def __delitem__(self, name: str) -> None:
        self[name]  # noqa: B018 - raises the KeyError that names it
        del self._values[name]
        self._changed({name: None})

    def __repr__(self) -> str:
        return "vars(%r)" % (self._values,)
