"""What the page starts with, read from its address (?url=, ?lang=, ?cap=, …)."""

from wsclient import i18n
from wsclient.query import bounded_int, build_query, parse_query

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["CAP_DEFAULT", "CAP_MAX", "CAP_MIN", "KEPT_PARAMS", "MODES", "Settings"]

MODES = ("text", "hex", "base64", "json")
# How many entries the page keeps in the DOM (?cap=): the rest are counted, not drawn.
CAP_DEFAULT, CAP_MIN, CAP_MAX = 1000, 10, 100_000
# The query parameters the page keeps as they came, besides the connection settings.
KEPT_PARAMS = ("lang", "interpreter", "cap")


class Settings:
    """The page's settings and the notes to log about unusable parameters.

    Attributes:
        lang: the language of the page's texts.
        cap: how many entries the log shows.
        url: the server to connect to on load, or "" to wait for the user.
        protocols: the subprotocols field's text.
        mode: the send format: one of MODES.
        auto_reconnect: whether a dropped connection is retried by itself.
        kept: [name, value] of the KEPT_PARAMS the address gave, in that order.
        notes: [i18n key, params] for each parameter that could not be used.
    """

    def __init__(
        self,
        params: "dict[str, str]",
        default_server: str = "",
        browser_langs: "tuple[str, ...]" = (),
    ) -> None:
        """Read params (from parse_query) with default_server as the page's default.

        browser_langs are the browser's languages, which ?lang=auto follows.
        """
        query_lang = params.get("lang", "")
        self.lang = i18n.pick_lang(query_lang, browser_langs if query_lang == "auto" else ())
        # Each note is a list, [key, params], which mypy types only as a whole.
        self.notes: "list[list[Any]]" = []
        self.cap, cap_ok = bounded_int(params.get("cap", ""), CAP_DEFAULT, CAP_MIN, CAP_MAX)
        if not cap_ok:
            bounds = {"low": CAP_MIN, "high": CAP_MAX, "default": CAP_DEFAULT}
            self.notes.append(["param.invalid", dict(name="cap", value=params["cap"], **bounds)])
        self.url = params.get("url") or default_server
        self.protocols = params.get("protocols", "")
        self.mode = params["mode"] if params.get("mode") in MODES else "text"
        # Reconnecting by itself suits the embedded echo server; elsewhere it is opt-in.
        auto = params.get("reconnect")
        if auto in ("0", "1"):
            self.auto_reconnect = auto == "1"
        else:
            self.auto_reconnect = bool(default_server) and self.url == default_server
        self.kept = [[name, params[name]] for name in KEPT_PARAMS if name in params]

    @classmethod
    def from_search(
        cls, search: str, default_server: str = "", browser_langs: "tuple[str, ...]" = ()
    ) -> "Settings":
        """Read the settings from location.search ("?url=…")."""
        return cls(parse_query(search), default_server, browser_langs)

    def query(self) -> str:
        """The address's query for these settings, so a link reproduces them.

        Only settings: never a message, never the filter (it may quote one).
        """
        pairs = [("url", self.url)]
        if self.protocols.strip():
            pairs.append(("protocols", self.protocols.strip()))
        pairs.append(("reconnect", "1" if self.auto_reconnect else "0"))
        if self.mode != "text":
            pairs.append(("mode", self.mode))
        pairs += [(name, value) for name, value in self.kept]
        return build_query(pairs)
