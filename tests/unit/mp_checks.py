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


# --- backoff and outbox (appended) ---

from wsclient import backoff, outbox  # noqa: E402 - appended section keeps earlier checks as they are


def check_backoff():
    """Windows double up to the cap, jitter covers the window, and the retry rules hold."""
    near_one = backoff.Backoff(500, 30000, lambda: 0.999999)
    delays = [near_one.next_delay() for _ in range(8)]
    assert delays == [499, 999, 1999, 3999, 7999, 15999, 29999, 29999], delays
    for _ in range(2000):
        near_one.next_delay()
    assert near_one.window() == 30000 and near_one.attempt == 2008
    assert backoff.Backoff(rand=lambda: 0.0).next_delay() == 0
    assert backoff.Backoff(rand=lambda: float("nan")).next_delay() == 0
    spread = backoff.Backoff(1000, 1000)
    delays = [spread.next_delay() for _ in range(400)]
    assert min(delays) >= 0 and max(delays) <= 1000, delays
    assert min(delays) < 100 and max(delays) > 900, delays
    assert not near_one.closed_after(4999) and near_one.attempt == 2008
    assert near_one.closed_after(5000) and near_one.attempt == 0
    for args, expected in (
        ((1012, True, False, True), (False, "reconnect.user")),
        ((1008, False, False, True), (False, "reconnect.policy")),
        ((1003, False, False, True), (False, "reconnect.unsupported")),
        ((1006, False, True, False), (False, "reconnect.rejected")),
        ((1006, False, True, True), (True, "reconnect.retry")),
        ((1000, False, False, True), (False, "reconnect.normal")),
        ((1001, False, False, True), (True, "reconnect.retry")),
        ((None, False, False, True), (True, "reconnect.retry")),
    ):
        assert backoff.should_retry(*args) == expected, args
        assert i18n.t("en", expected[1]) != expected[1]
    assert i18n.t("pt-BR", "reconnect.countdown", seconds=3) == "Reconectando em 3 s…"


def _outbox_basics():
    box = outbox.Outbox(confirm_window=10)
    ids = [box.add(p, 0) for p in ("ping", "ping", b"\x00\xff", bytearray(b"ab"), "z")]
    batch = box.take_ready()
    assert [m.id for m in batch] == ids == [1, 2, 3, 4, 5] and box.take_ready() == []
    assert batch[3].payload == b"ab" and batch[2].binary and not batch[0].binary
    box.mark_sent(1, 0)
    box.mark_sent(2, 0)
    box.mark_failed(3, "boom")
    assert [box.state(i) for i in ids] == ["sent", "sent", "failed", "pending", "pending"]
    assert [m.id for m in box.take_ready()] == [3, 4, 5]
    for msg_id in (3, 4, 5):
        box.mark_sent(msg_id, 4)
    assert box.echo("x", 1) is None and box.echo(b"ping", 1) is None
    assert [box.echo("ping", 3), box.echo("ping", 5)] == [1, 2] and box.last_rtt == 5
    assert box.echo("\x00\xff", 6) is None and box.echo(memoryview(b"\x00\xff"), 6) == 3
    assert box.median_rtt() == 3 and box.last_rtt == 2
    assert box.expire(14) == [] and box.expire(15) == [4, 5]
    assert box.state(4) == "unconfirmed" and box.echo(b"ab", 16) is None
    try:
        box.add(1, 0)
    except TypeError:
        pass
    else:
        raise AssertionError("add(1) was accepted")


def _outbox_random(seed, steps):
    """Random adds, sends, failures, losses and echoes hand each message over once, in order."""
    random.seed(seed)
    box = outbox.Outbox(confirm_window=50)
    batch, handed, issued, now = [], [], [], 0
    for _ in range(steps):
        roll = random.random()
        if roll < 0.3:
            issued.append(box.add(random.choice(["a", "b", b"a"]), now))
        elif roll < 0.45:
            batch.extend([m.id for m in box.take_ready()])
        elif roll < 0.7 and batch:
            handed.append(batch.pop(0))
            box.mark_sent(handed[-1], now)
        elif roll < 0.75 and batch:
            box.mark_failed(batch[0], "boom")
            batch = []
        elif roll < 0.78:
            box.connection_lost()
            batch = []
        elif roll < 0.95:
            head = box.message(handed[-1]) if handed else None
            box.echo(head.payload if head and random.random() < 0.5 else "a", now)
        else:
            now += random.randint(0, 60)
            box.expire(now)
        states = [box.state(i) for i in issued]
        assert len(batch) == states.count("in_flight") == box.in_flight_count
        assert states.count("pending") + states.count("failed") == box.pending_count
        assert states.count("sent") == box.awaiting_count
    assert all(a < b for a, b in zip(handed, handed[1:])), handed
    batch.extend([m.id for m in box.take_ready()])
    for msg_id in batch:
        box.mark_sent(msg_id, now)
    assert box.pending_count == 0 and box.in_flight_count == 0


def check_outbox():
    _outbox_basics()
    _outbox_random(1006, 3000)
    box = outbox.Outbox(done_cap=3)
    for i in range(2000):
        box.add(str(i), 0)
    assert [m.id for m in box.take_ready()] == list(range(1, 2001))
    for i in range(1, 2001):
        box.mark_sent(i, 0)
    assert [box.echo(str(i), 1) for i in range(2000)] == list(range(1, 2001))
    assert box.forgotten == 1997 and box.confirmed_count == 2000


CHECKS.append(("backoff", check_backoff))
CHECKS.append(("outbox", check_outbox))


# --- traffic inspector: payload formats, history, export, stats (appended) ---

from wsclient import export, history, stats  # noqa: E402 - appended section

HEX_CASES = ["de ad", "0xDE, 0xad", "de:ad\nbe", "", "de0xad", "abc", "0x", "zz", "dé", "a\tb"]
BASE64_CASES = ["", "YQ==", "YQ", "-_-_", " YW\nJj ", "Y", "YQ=", "YWJj=", "Y!", "é", "YQ==YQ"]
JSON_CASES = [
    '{"b": [1, 2.50, -0, 1E3], "a": {"é": "\\u00e9\\n"}, "c": [true, false, null, {}, []]}',
    '"\\ud83d\\ude00"',
    '  [ "x" ]  ',
    "",
    "[1,]",
    "[1 2]",
    '{"a"}',
    "01",
    '"\\x"',
    '"a\tb"',
    "NaN",
    "tru",
    "[é]",
    '{\n  "a": [1,\n  ]\n}',
]


def _bytes_or_error(function, text):
    try:
        return formats.hex_pairs(function(text))
    except formats.PayloadError as exc:
        return [exc.key, exc.params]


def _json_or_error(text):
    try:
        return [formats.parse_json(text), formats.pretty_json(text), formats.looks_like_json(text)]
    except formats.PayloadError as exc:
        return [exc.key, exc.params, formats.looks_like_json(text)]


def _inspector_outputs():
    entries = [
        log.Entry(1, log.SENT, 'a "quoted"\nline é', False, 18, 1795678405631.7),
        log.Entry(2, log.RECEIVED, "de ad be ef", True, 4, 0),
        log.Entry(3, log.RECEIVED, "00 01 …", True, 4096, -1),
        log.Entry(4, log.SYSTEM, "lone \ud800 surrogate", False, 20, 253402300800000),
    ]
    entries[0].state = "failed"
    entries[0].detail = "boom"
    entries[1].payload = b"\xde\xad\xbe\xef"
    return {
        "hex_dump": formats.hex_dump(bytes(range(0, 256, 7)) + b"AB", 16)
        + formats.hex_dump(b"0123456789", 4, 9),
        "parse_hex": [_bytes_or_error(formats.parse_hex, text) for text in HEX_CASES],
        "parse_base64": [_bytes_or_error(formats.parse_base64, text) for text in BASE64_CASES],
        "to_base64": [formats.to_base64(bytes(range(n))) for n in range(7)],
        "json": [_json_or_error(text) for text in JSON_CASES],
        "json_string": [
            formats.json_string(text)
            for text in (
                "",
                "plain",
                'q"b\\',
                "\x00\x08\t\n\x0c\r\x1f\x7f",
                "é😀",
                "a\ud800",
                "\udfff",
            )
        ],
        "utf16": [formats.utf16_index("a😀é😀b", n) for n in range(6)],
        "iso": [export.iso_time(ms) for ms in (0, -1, 951782400000, 1.9, -62167219200001)],
        "jsonl": export.to_jsonl(entries),
        "i18n": [
            i18n.t(lang, key, line=2, column=3, char="x", length=5, position=4, detail="d")
            for lang in i18n.LANGS
            for key in ("payload.hex", "payload.base64_length", "json.invalid", "mode.text")
        ],
    }


_outputs_before_inspector = outputs


def outputs():  # noqa: F811 - extends the outputs above with the inspector's
    """Return results that CPython and MicroPython must agree on, the inspector's included."""
    result = _outputs_before_inspector()
    result["inspector"] = _inspector_outputs()
    return result


def check_payload_formats():
    """Round trips of every payload format, and the JSON checker against lenient json."""
    random.seed(1006)
    for size in (0, 1, 2, 3, 4, 100, 1000):
        data = bytes([random.getrandbits(8) for _ in range(size)])
        assert formats.parse_hex(formats.hex_pairs(data)) == data
        assert formats.parse_base64(formats.to_base64(data)) == data
        urlsafe = formats.to_base64(data).replace("+", "-").replace("/", "_").rstrip("=")
        assert formats.parse_base64(urlsafe) == data
    for text in ("[1,]", "[1 2]", '{"a"}', "01", "1.", '"\\x"', "[NaN]", "{,}", "[] x"):
        try:
            formats.parse_json(text)
        except formats.PayloadError:
            pass
        else:
            raise AssertionError("accepted " + text)
    deep = "[" * 3000 + "]" * 3000
    assert formats.looks_like_json(deep)
    assert formats.parse_json('{"k": [1, {"x": null}]}') == {"k": [1, {"x": None}]}


def check_history():
    """Walking up and down, caps, drafts, and storage."""
    recall = history.History(3, ["a", "b", "b", "", "c", "d"])
    assert recall.items() == ["b", "c", "d"]
    assert [recall.up("draft"), recall.up("d"), recall.up("c"), recall.up("b")] == [
        "d",
        "c",
        "b",
        None,
    ]
    assert [recall.down("b"), recall.down("c"), recall.down("d"), recall.down("x")] == [
        "c",
        "d",
        "draft",
        None,
    ]
    recall.add("e\ud800é")
    back = history.History.loads(recall.dumps(), 3)
    assert back.items() == ["c", "d", "e\ud800é"], back.items()
    for garbage in (None, "", "{", "[1,", '{"a": 1}', "7", b"[]", '[1, null, "ok"]'):
        assert history.History.loads(garbage).items() in ([], ["ok"])


def check_export():
    """Records, lines and their round trip; dates from the civil calendar."""
    entry = log.Entry(9, log.RECEIVED, "…", True, 3, 1795678405631)
    entry.payload = b"\x00\x01\xff"
    records = export.from_jsonl(export.to_jsonl([entry, entry]))
    assert records == [export.entry_record(entry)] * 2, records
    assert records[0]["base64"] == "AAH/" and records[0]["time"] == "2026-11-26T07:33:25.631Z"
    try:
        export.from_jsonl('{"a": 1}\n[2]\n')
    except formats.PayloadError as exc:
        assert exc.key == "jsonl.invalid" and exc.params["line"] == 2, exc.params
    else:
        raise AssertionError("accepted a list")
    day = 86400000
    last = None
    for days in range(-800, 800, 7):
        stamp = export.iso_time(days * day * 50)
        assert last is None or stamp[:10] > last[:10], (last, stamp)
        last = stamp


def check_stats():
    """Totals, rates over the window, and forgetting what is older."""
    counter = stats.Stats()
    for _ in range(30):
        counter.count("sent", 2, 1000.0)
    counter.count("received", 5, 1010.0)
    snapshot = counter.snapshot(1550.0)
    assert snapshot["sent"] == {"messages": 30, "bytes": 60, "rate": 30, "byte_rate": 60}
    assert snapshot["received"]["rate"] == 1
    assert counter.snapshot(2050.0)["sent"]["rate"] == 15
    assert counter.snapshot(5000.0)["sent"]["rate"] == 0
    assert stats.median([4, 1, 3, 2]) == 2.5 and stats.median([]) is None


def check_stats_speed():
    """Prints how many count() calls a second Stats takes; it must be at least 50,000."""
    counter = stats.Stats()
    count = 50000
    now = 1795678405631.0
    start = time.time_ns()
    for i in range(count):
        counter.count("received", 7, now + i * 0.05)
    elapsed = (time.time_ns() - start) / 1e9
    speed = int(count / max(elapsed, 1e-9))
    print("stats_speed", speed)
    assert speed >= 50000, speed


CHECKS.append(("payload_formats", check_payload_formats))
CHECKS.append(("history", check_history))
CHECKS.append(("export", check_export))
CHECKS.append(("stats", check_stats))
CHECKS.append(("stats_speed", check_stats_speed))


# --- the page's presentation: filters, times, meta lines, query strings (appended) ---

from wsclient import present, query  # noqa: E402 - appended section keeps earlier checks as they are


def _present_outputs():
    clock = present.Clock(-180)
    entries = [
        log.Entry(1, log.SENT, "Ação É", False, 9, 1795678405631.7),
        log.Entry(2, log.RECEIVED, "de ad", True, 2, 1795678405999),
        log.Entry(3, log.SYSTEM, "Conectado", False, 9, 1795678406000),
    ]
    kinds = {"text": "texto", "binary": "binário"}
    labels = {log.SENT: "Enviado:", log.RECEIVED: "Recebido:", log.SYSTEM: "Sistema:"}
    match = present.make_filter("AÇÃO é", (log.SENT, log.RECEIVED))
    return {
        "fold": [present.fold(text) for text in ("ÀÉÎÕÜÇ ABC", "straße", "ação")],
        "filter": [match(entry) for entry in entries],
        "meta": [present.meta(entry, clock, kinds) for entry in entries],
        "copy": present.copy_text(entries, clock, labels),
        "decimal": [present.decimal(v, lang) for v in (0, 1.25, 1234.5) for lang in i18n.LANGS],
        "stats": present.stats_line(
            "stats.sent", {"messages": 3, "bytes": 12, "rate": 2.5, "byte_rate": 10.4}, "pt-BR"
        ),
        "rtt": [present.rtt_line(None, None, "en"), present.rtt_line(1.25, 3.0, "pt-BR")],
        "announce": [present.announcement(n, lang) for n in (1, 12) for lang in i18n.LANGS],
        "export_name": present.export_name(1795678405631, -180),
        "query": query.build_query([("url", "ws://h:1/p?q=1&r"), ("protocols", "a, b+c é")]),
    }


_outputs_before_present = outputs


def outputs():  # noqa: F811 - extends the outputs above with the presentation's
    """Return results that CPython and MicroPython must agree on, the presentation's included."""
    result = _outputs_before_present()
    result["present"] = _present_outputs()
    return result


def check_log_filter():
    """A filter redraws the last matching entries, lets later ones through, and counts."""
    kept = log.MessageLog(view_cap=2, history_cap=4)
    for i in range(6):
        kept.add(log.RECEIVED if i % 2 else log.SENT, "m%d" % i)
    kept.take_batch()
    kept.set_filter(present.make_filter("", (log.RECEIVED,)))
    entries, removed = kept.take_batch()
    assert removed == 2 and [e.text for e in entries] == ["m3", "m5"], (removed, entries)
    assert (kept.matched, kept.kept, kept.dropped) == (2, 4, 0)
    kept.add(log.SENT, "m6")
    kept.add(log.RECEIVED, "m7")
    assert [e.text for e in kept.visible()] == ["m5", "m7"]
    assert kept.matched == 2 and kept.at(kept.history()[0].seq).text == "m4"
    assert kept.at(1) is None


def check_query_round_trip():
    """Whatever build_query writes, parse_query reads back the same."""
    values = ["", "ws://h:8765/", "a b&c=d+e", "é😀/\u3000", "%41%", "?#"]
    for value in values:
        assert query.parse_query(query.build_query([("v", value)])) == {"v": value}, value


CHECKS.append(("log_filter", check_log_filter))
CHECKS.append(("query_round_trip", check_query_round_trip))


if __name__ == "__main__":
    main()
