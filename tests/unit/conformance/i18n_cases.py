"""wsclient.i18n: the language picked, and texts filled in, in pt-BR and English."""

from conformance.runner import table
from wsclient import i18n

# One value for every placeholder the texts below have.
_PARAMS = {
    "line": 2,
    "column": 3,
    "char": "x",
    "count": 5,
    "position": 4,
    "detail": "d",
    "scheme": "http",
    "suggestion": "ws://h/",
    "host": "h h",
    "port": "0",
    "name": "a b",
}

EN = [
    ("status.open", "Connected to server {url}"),
    ("no.such.key", "no.such.key"),
    ("nope", "nope"),
    ("payload.hex", "Invalid hex at line 2, column 3: “x” is not a hex digit."),
    (
        "payload.base64_length",
        "Incomplete Base64: 5 characters do not make whole bytes (a character or an “=” is"
        " missing or extra at line 2, column 3).",
    ),
    ("json.invalid", "Invalid JSON at line 2, column 3: unexpected character “x”."),
    ("mode.text", "Text"),
    ("reconnect.user", "No automatic reconnect: you closed the connection."),
    (
        "reconnect.policy",
        "No automatic reconnect: the server refused the connection by one of its rules (policy"
        " violation or missing authorization), and would refuse it again.",
    ),
    (
        "reconnect.unsupported",
        "No automatic reconnect: the server does not accept the kind of data it received.",
    ),
    (
        "reconnect.rejected",
        "No automatic reconnect: the connection to this server never opened. Check the address"
        " and whether the server is up.",
    ),
    ("reconnect.retry", "The connection dropped; the page will reconnect by itself."),
    ("reconnect.normal", "No automatic reconnect: the server closed the connection normally."),
    ("url.empty", "Enter the WebSocket server address (for example, ws://localhost:8765)."),
    ("url.spaces", "Invalid address: it contains spaces or control characters."),
    (
        "url.noscheme",
        "Invalid address: it must start with ws:// or wss:// (for example, ws://localhost:8765).",
    ),
    ("url.scheme", "Invalid address: “http:” is not a WebSocket scheme; use ws:// or wss://."),
    (
        "url.http",
        "Invalid address: the scheme must be ws:// or wss://, not http:// (try ws://h/).",
    ),
    ("url.slashes", "Invalid address: write two slashes after http: (like this: http://server)."),
    ("url.nohost", "Invalid address: the server name after http:// is missing."),
    ("url.host", "Invalid address: “h h” is not a valid server name."),
    ("url.port", "Invalid address: the port must be a number from 1 to 65535, not “0”."),
    (
        "url.fragment",
        "Invalid address: WebSocket addresses cannot have a fragment (the part after #).",
    ),
    (
        "protocols.token",
        "Invalid subprotocol: “a b” may only have letters, digits and !#$%&'*+-.^_`|~.",
    ),
    ("protocols.repeated", "Repeated subprotocol: “a b” appears more than once."),
]

PT = [
    ("payload.hex", "Hex inválido na linha 2, coluna 3: “x” não é um dígito hexadecimal."),
    (
        "payload.base64_length",
        "Base64 incompleto: 5 caracteres não formam bytes inteiros (falta ou sobra um caractere"
        " ou um “=” na linha 2, coluna 3).",
    ),
    ("json.invalid", "JSON inválido na linha 2, coluna 3: caractere inesperado “x”."),
    ("mode.text", "Texto"),
]

LANGS = [
    (["EN-us", ["pt-BR"]], "en"),
    (["", ["fr", "pt_PT", "en"]], "pt-BR"),
    ([None, None], "pt-BR"),
    (["en", []], "en"),
]

CASES = (
    table("t en", lambda key: i18n.t("en", key, **_PARAMS), EN)
    + table("t pt-BR", lambda key: i18n.t("pt-BR", key, **_PARAMS), PT)
    + table("pick_lang", lambda args: i18n.pick_lang(*args), LANGS)
    + [
        ("languages", lambda: list(i18n.LANGS), ["pt-BR", "en"]),
        (
            "t fills the article's status",
            lambda: i18n.t("pt-BR", "status.open", url="ws://h"),
            "Conectado ao servidor ws://h",
        ),
        (
            "t fills a number",
            lambda: i18n.t("pt-BR", "reconnect.countdown", attempt=2, seconds=3),
            "Tentativa 2 em 3 s…",
        ),
    ]
)
