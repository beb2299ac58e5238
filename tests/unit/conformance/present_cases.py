"""wsclient.present: what the page writes about entries and traffic."""

from conformance.entries import Entry
from conformance.runner import table
from wsclient import log, outbox, present

KINDS = {"text": "texto", "binary": "binário"}
LABELS = {"sent": "Enviado:", "received": "Recebido:", "system": "Sistema:"}


def _entries():
    return [
        Entry(1, "sent", "Ação É", False, 9, 1795678405631.7),
        Entry(2, "received", "de ad", True, 2, 1795678405999),
        Entry(3, "system", "Conectado", False, 9, 1795678406000),
    ]


def _filter():
    match = present.make_filter("AÇÃO é", ("sent", "received"))
    return [match(entry) for entry in _entries()]


def _select():
    """select() keeps the entries the filter lets through, in their order."""
    return [entry.seq for entry in present.make_filter("O").select(_entries())]


def _within():
    """A longer text, or fewer directions, is within a filter; the other way round is not."""
    ab = present.make_filter("ab")
    return [
        present.make_filter("xABy").within(ab),
        present.make_filter("ab", ("sent",)).within(ab),
        present.make_filter("a").within(ab),
        ab.within(present.make_filter("ab", ("sent",))),
        ab.within(None),
    ]


def _meta():
    clock = present.Clock(-180)
    return [present.meta(entry, clock, KINDS, "pt-BR") for entry in _entries()]


ANNOUNCEMENTS = [
    ([1, "pt-BR"], "1 nova mensagem"),
    ([1000000, "en"], "1,000,000 new messages"),
    ([1, "en"], "1 new message"),
    ([12, "pt-BR"], "12 novas mensagens"),
    ([12, "en"], "12 new messages"),
]


def _notes():
    """The note of a sent entry in each state, and the name of its discard button."""
    box = outbox.Outbox()
    kept = log.MessageLog()
    entries = []
    for text, owner in [("olá", "ws://h/"), ("x" * 50, None), ("c", "ws://h/"), ("d", None)]:
        message = box.add(text, 0, 0, 0, owner)
        entries.append(kept.add("sent", text, message=message))
    box.discard([entries[2].message.id])
    box.take_ready(None)
    box.mark_failed(entries[1].message.id, "InvalidStateError")
    notes = [present.state_note(entry, "pt-BR") for entry in entries]
    labels = [present.discard_label(entry, "en") for entry in entries[:2]]
    return notes + labels


CASES = (
    table(
        "fold", present.fold, [("ÀÉÎÕÜÇ ABC", "àéîõüç abc"), ("straße", "straße"), ("ação", "ação")]
    )
    + table("announcement", lambda args: present.announcement(*args), ANNOUNCEMENTS)
    + table(
        "fold",
        present.fold,
        [("m0123xx", "m0123xx"), ("123", "123"), ('{"Ab": 1}', '{"ab": 1}'), ("çÃo", "ção")],
    )
    + [
        ("make_filter", _filter, [True, False, False]),
        ("select", _select, [1, 3]),
        ("within", _within, [True, True, False, False, False]),
        (
            "state notes and discard labels",
            _notes,
            [
                "pendente para ws://h/",
                "não enviada: InvalidStateError",
                "descartada, não enviada",
                "pendente",
                "Discard the pending message “olá”",
                "Discard the pending message “" + "x" * 39 + "…”",
            ],
        ),
        ("make_filter of everything", lambda: present.make_filter(""), None),
        (
            "meta",
            _meta,
            ["04:33:25.631 · 9 B · texto", "04:33:25.999 · 2 B · binário", "04:33:26.000"],
        ),
        (
            "copy_text",
            lambda: present.copy_text(_entries(), present.Clock(-180), LABELS),
            "04:33:25.631 Enviado: Ação É\n04:33:25.999 Recebido: de ad\n"
            "04:33:26.000 Sistema: Conectado",
        ),
        (
            "stats_line",
            lambda: present.stats_line(
                "stats.sent", {"messages": 3, "bytes": 12, "rate": 2.5, "byte_rate": 10.4}, "pt-BR"
            ),
            "Enviadas: 3 msg · 12 B · 2,5 msg/s · 10 B/s",
        ),
        ("rtt_line before any echo", lambda: present.rtt_line(None, None, "en"), "Echo RTT: —"),
        (
            "rtt_line",
            lambda: present.rtt_line(1.25, 3.0, "pt-BR"),
            "RTT do eco: última 1,3 ms · mediana 3,0 ms",
        ),
        (
            "export_name",
            lambda: present.export_name(1795678405631, -180),
            "websocket-log-20261126-043325.jsonl",
        ),
    ]
)
