"""Each protocol's options, kept in storage from one visit to the next; never a password."""

import json

from wsclient.commands import Store
from wsclient.protocols import SESSIONS
from wsclient.protodata import ProtoFields

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.plain import Plain

__all__ = ["OPTIONS_KEY", "ProtoOptions"]

# Where the options are kept: JSON of {protocol: {option: text}}.
OPTIONS_KEY = "pyws.proto"
_SECRET = ("password",)


class ProtoOptions:
    """The options each protocol's last connection had, and their storage."""

    def __init__(self, out: "list[Plain]") -> None:
        self.out = out
        self._kept: "dict[str, dict[str, str]]" = {}

    def load(self, stored: str) -> None:
        """Fill each protocol's fields with what storage kept ("" for nothing); what
        cannot be read is left aside, and the fields keep their defaults."""
        try:
            found = json.loads(stored) if stored else {}
        except ValueError:
            found = {}
        if not isinstance(found, dict):
            return
        for name, options in found.items():
            if name in SESSIONS and isinstance(options, dict):
                kept = {k: v for k, v in options.items() if isinstance(v, str)}
                self._kept[name] = kept
                self.out.append(ProtoFields(name, kept))

    def keep(self, kind: str, options: "dict[str, str]") -> None:
        """A connection of protocol kind had these options: keep them, but a password."""
        kept = {name: value for name, value in options.items() if name not in _SECRET}
        if self._kept.get(kind) != kept:
            self._kept[kind] = kept
            self.out.append(Store(OPTIONS_KEY, json.dumps(self._kept)))
