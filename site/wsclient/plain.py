"""The base of events and commands: plain data that compares, prints and serialises."""

__all__ = ["Plain"]


class Plain:
    """A value object: its fields, named in _fields, are plain data (str, bytes, numbers).

    Events and commands cross between the core, the shell and, later, a script's
    worker, so they hold no DOM element, no socket and no callable.
    """

    _fields: "tuple[str, ...]" = ()

    def as_list(self) -> "list[object]":
        """The class name, then each field's value: what a test or a worker compares."""
        return [type(self).__name__] + [getattr(self, name) for name in self._fields]

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.as_list() == other.as_list()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        values = [repr(getattr(self, name)) for name in self._fields]
        return "%s(%s)" % (type(self).__name__, ", ".join(values))
