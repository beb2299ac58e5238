"""What the page starts with, read from its address (?url=, ?lang=, ?cap=, …)."""

from wsclient import i18n
from wsclient.numfmt import number
from wsclient.protocols import PROTOS
from wsclient.query import bounded_int, build_query, parse_query

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    pass

__all__ = [
    "BUDGET_DEFAULT",
    "BUDGET_MAX",
    "CAP_DEFAULT",
    "CAP_MAX",
    "CAP_MIN",
    "KEPT_PARAMS",
    "MODES",
    "Settings",
]

MODES = ("text", "hex", "base64", "json")
# How many entries the page keeps in the DOM (?cap=): the rest are counted, not drawn.
CAP_DEFAULT, CAP_MIN, CAP_MAX = 1000, 10, 100_000
# How many MiB of whole frames the page keeps (?budget=), 0 for none (wsclient.frames).
# 512 at most: the count of bytes stays a small int on MicroPython.
BUDGET_DEFAULT, BUDGET_MAX = 64, 512
MIB = 1024 * 1024
# The query parameters the page keeps as they came, besides the connection settings.
KEPT_PARAMS = ("lang", "interpreter", "cap", "budget")
# What index.html's start script reads from ?interpreter=.
INTERPRETERS = ("micropython", "pyodide")


class Settings:
    """The page's settings and the notes to log about unusable parameters.

    Attributes:
        lang: the language of the page's texts.
        cap: how many entries the log shows.
        budget: how many bytes of whole frames the page keeps.
        url: the server to connect to on load, or "" to wait for the user.
        protocols: the subprotocols field's text.
        mode: the send format: one of MODES.
        proto: the protocol spoken: one of wsclient.protocols.PROTOS.
        auto_reconnect: whether a dropped connection is retried by itself.
        kept: [name, value] of the KEPT_PARAMS the address gave, when usable.
        notes: for each parameter that could not be used, a text that names its
            value and what the page uses instead (the address is corrected).
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
        self.notes: "list[str]" = []
        self.kept: "list[list[str]]" = []
        query_lang = params.get("lang", "").strip()
        self.lang = i18n.pick_lang(query_lang, browser_langs if query_lang == "auto" else ())
        lang_ok = not query_lang or query_lang == "auto" or i18n.matches(query_lang)
        self._check(params, "lang", lang_ok, "param.rule.lang", self.lang)
        interpreter_ok = params.get("interpreter") in INTERPRETERS
        self._check(params, "interpreter", interpreter_ok, "param.rule.interpreter", "micropython")
        self.cap, cap_ok = bounded_int(params.get("cap", ""), CAP_DEFAULT, CAP_MIN, CAP_MAX)
        self._check(params, "cap", cap_ok, "param.rule.cap", str(self.cap))
        mib, budget_ok = bounded_int(params.get("budget", ""), BUDGET_DEFAULT, 0, BUDGET_MAX)
        self.budget = mib * MIB
        self._check(params, "budget", budget_ok, "param.rule.budget", str(mib))
        self.url = params.get("url") or default_server
        self.protocols = params.get("protocols", "")
        mode = params.get("mode", "text")
        self.mode = mode.strip().lower() if mode.strip().lower() in MODES else "text"
        self._check(params, "mode", mode == self.mode, "param.rule.mode", self.mode)
        proto = params.get("proto", "raw").strip().lower()
        self.proto = proto if proto in PROTOS else "raw"
        self._check(params, "proto", proto == self.proto, "param.rule.proto", self.proto)
        # Reconnecting by itself suits the embedded echo server; elsewhere it is opt-in.
        self.auto_reconnect = bool(default_server) and self.url == default_server
        auto = params.get("reconnect", "")
        if auto in ("0", "1"):
            self.auto_reconnect = auto == "1"
        self._check(
            params,
            "reconnect",
            auto in ("0", "1"),
            "param.rule.reconnect",
            "1" if self.auto_reconnect else "0",
        )

    def _check(self, params: "dict[str, str]", name: str, ok: bool, rule: str, used: str) -> None:
        """Keep a parameter the page can use; note one it cannot, and what it uses instead.

        A parameter left out of the address is fine: the page uses its default.
        """
        if name not in params:
            return
        if ok:
            if name in KEPT_PARAMS:
                self.kept.append([name, params[name]])
            return
        rule_text = i18n.t(
            self.lang,
            rule,
            low=number(self.lang, CAP_MIN),
            high=number(self.lang, CAP_MAX),
            most=number(self.lang, BUDGET_MAX),
        )
        note = i18n.t(
            self.lang, "param.bad", name=name, value=params[name], rule=rule_text, used=used
        )
        self.notes.append(note)

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
        if self.proto != "raw":
            pairs.append(("proto", self.proto))
        pairs += [(name, value) for name, value in self.kept]
        return build_query(pairs)
