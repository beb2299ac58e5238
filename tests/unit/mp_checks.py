"""Self-checks of site/wsclient that run under MicroPython (mp_runner.mjs) and CPython alike."""

import json
import random
import time

from wsclient import closecodes, formats, i18n, log, urls

URL_CASES = [
    "ws://localhost:8765",
    "  WSS://Example.com:443/chat?room=1 ",
    "\u3000ws://host/\u00a0",
    "ws://user:pass@host/",
    "ws://[::1]:8765/",
    "ws://ñandú.example/",
    "ws://0x7f.1/",
    "",
    " \t ",
    "not a url",
    "localhost:8765",
    "javascript:alert(1)",
    "data:text/plain,hi",
    "http://host/x",
    "https://host/x",
    "ws:host",
    "ws://",
    "ws://:80/",
    "ws://host:99999",
    "ws://host:abc",
    "ws://host:0",
    "ws://host/#top",
    "ws://[::1",
    "ws://[::1]x",
    "ws://exa mple/",
    "ws://a\u3000b/",
    "ws://a%41/",
    "ws://1.2.3.256/",
    "ws://09/",
    "ws://host/a b",
    "ws://host/\x7f",
]


def _url_result(text):
    try:
        return urls.check_url(text)
    except urls.InvalidURL as exc:
        return [exc.key, exc.params, i18n.t("en", exc.key, **exc.params)]


def outputs():
    """Return results that CPython and MicroPython must agree on."""
    codes = [-1, 0, 999, 1000, 1001, 1005, 1006, 1015, 1016, 2999, 3000, 3001, 3008, 4000, 5000]
    return {
        "urls": [[text, _url_result(text)] for text in URL_CASES],
        "close": [
            [code, closecodes.describe_close(code, "", code == 1000, lang)]
            for code in codes
            for lang in i18n.LANGS
        ],
        "hex": [
            formats.hex_pairs(b""),
            formats.hex_pairs(b"\x00\xff\x10"),
            formats.hex_pairs(bytearray(b"abc"), 2),
            formats.hex_pairs(memoryview(b"abc"), 0),
        ],
        "utf8": [formats.utf8_len(text) for text in ("", "a", "é", "€", "\U0001f600", "\ud800")],
        "lang": [
            i18n.pick_lang("EN-us", ["pt-BR"]),
            i18n.pick_lang("", ["fr", "pt_PT", "en"]),
            i18n.pick_lang(None, None),
        ],
        "t": [i18n.t("pt-BR", "status.open", url="ws://x"), i18n.t("en", "nope")],
    }


def check_i18n():
    assert i18n.t("pt-BR", "status.open", url="ws://h") == "Conectado ao servidor ws://h"
    assert i18n.t("en", "status.open") == "Connected to server {url}"
    assert i18n.t("en", "no.such.key") == "no.such.key"
    assert i18n.pick_lang("en", []) == "en"


def check_urls():
    assert urls.check_url(" WS://h:1/p?q ") == "ws://h:1/p?q"
    for text, key in (
        ("http://h", "url.http"),
        ("ws://h#f", "url.fragment"),
        ("x", "url.noscheme"),
    ):
        try:
            urls.check_url(text)
        except ValueError as exc:
            assert exc.args[0] == key and exc.key == key, exc.args
        else:
            raise AssertionError(text)


def check_closecodes():
    assert closecodes.close_name(1000) == "Normal Closure"
    assert closecodes.close_name(1000, "pt-BR") == "Fechamento normal"
    assert closecodes.close_name(4123) == "Application (private use)"
    assert closecodes.abnormal_hint("en") != "close.abnormal_hint"


def check_formats():
    assert formats.hex_pairs(b"\xde\xad") == "de ad"
    assert formats.hex_pairs(b"\xde\xad\xbe\xef", 2) == "de ad …"
    assert formats.utf8_len("a€") == 4


def check_log():
    """Random adds, takes and clears keep the simulated DOM equal to the model."""
    random.seed(6455)
    model = log.MessageLog(view_cap=7, history_cap=5)
    dom, added = [], []
    for _ in range(3000):
        roll = random.random()
        if roll < 0.7:
            added.append(model.add(log.RECEIVED, "m").seq)
        elif roll < 0.98:
            entries, remove = model.take_batch()
            del dom[:remove]
            dom.extend([entry.seq for entry in entries])
            assert model.in_view <= 7 and model.in_view + model.dropped == model.total
            assert dom == (added[-model.in_view :] if model.in_view else []), (dom, added)
        else:
            model.clear()
            added = []
    assert [entry.seq for entry in model.history()] == added[-5:]


def check_log_speed():
    """Prints how many adds per second the log takes, with a frame's take_batch every 1000."""
    model = log.MessageLog()
    count = 20000
    start = time.time_ns()
    for i in range(count):
        model.add(log.RECEIVED, "message", False, 7, 0.0)
        if i % 1000 == 999:
            model.take_batch()
    elapsed = (time.time_ns() - start) / 1e9
    print("speed", int(count / max(elapsed, 1e-9)))


CHECKS = [
    ("i18n", check_i18n),
    ("urls", check_urls),
    ("closecodes", check_closecodes),
    ("formats", check_formats),
    ("log", check_log),
    ("log_speed", check_log_speed),
]


def main():
    for name, check in CHECKS:
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - report every failure, keep going
            print("fail", name, repr(exc))
        else:
            print("ok", name)
    print("outputs", json.dumps(outputs()))


if __name__ == "__main__":
    main()
