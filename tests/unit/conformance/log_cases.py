"""wsclient.log: the bounded message log and the batches the view draws."""

import random

from wsclient import log, outbox, present


def _random_walk():
    """Random adds, takes and clears: the steps where the simulated view is not the model's."""
    random.seed(6455)
    model = log.MessageLog(view_cap=7, history_cap=5)
    view, added, wrong = [], [], []
    total = 0
    for step in range(3000):
        roll = random.random()
        if roll < 0.7:
            added.append(model.add(log.RECEIVED, "m").seq)
            total += 1
        elif roll < 0.98:
            entries, remove = model.take_batch()
            del view[:remove]
            view.extend([entry.seq for entry in entries])
            counted = model.in_view <= 7 and model.in_view + model.dropped == total
            if not counted or view != (added[-model.in_view :] if model.in_view else []):
                wrong.append(step)
        else:
            model.clear()
            added = []
            total = 0
    if [entry.seq for entry in model.history()] != added[-5:]:
        wrong.append("history")
    return wrong


def _filtered():
    """A filter redraws the last matching entries, lets later ones through, and counts."""
    kept = log.MessageLog(view_cap=2, history_cap=4)
    for i in range(6):
        kept.add(log.RECEIVED if i % 2 else log.SENT, "m%d" % i)
    kept.take_batch()
    kept.set_filter(present.make_filter("", (log.RECEIVED,)))
    entries, removed = kept.take_batch()
    seen = {"removed": removed, "drawn": [entry.text for entry in entries]}
    seen["counts"] = [kept.matched, kept.kept, kept.dropped]
    kept.add(log.SENT, "m6")
    kept.add(log.RECEIVED, "m7")
    seen["visible"] = [entry.text for entry in kept.visible()]
    seen["matched"] = kept.matched
    seen["oldest kept"] = kept.at(kept.history()[0].seq).text
    seen["gone"] = kept.at(1)
    return seen


def _scan_walk():
    """Random adds, keystrokes and slices of a filter's scan, drawn on a simulated view:
    the steps where the view, once the filter is done, is not the last matches."""
    random.seed(1006)
    model = log.MessageLog(view_cap=6, history_cap=5000)
    words = ["a", "ab", "abc", "b", "ba", "", "c"]
    view, wrong = [], []
    for step in range(3000):
        roll = random.random()
        if roll < 0.4:
            text = "".join([random.choice("abc") for _ in range(random.randint(0, 4))])
            model.add(random.choice((log.SENT, log.RECEIVED)), text)
        elif roll < 0.5:
            model.start_filter(present.make_filter(random.choice(words)))
        elif roll < 0.8:
            model.scan(random.randint(1, 5))
        else:
            shown = model.take_view()
            if shown is not None:
                view = [entry.seq for entry in shown]
            entries, remove = model.take_batch()
            del view[:remove]
            view.extend([entry.seq for entry in entries])
            if model.scanning:
                continue
            match = model._match
            matches = [e.seq for e in model.history() if match is None or match(e)]
            if view != matches[-6:] or model.matched != len(matches):
                wrong.append(step)
    return wrong


def _clear_keeps_waiting():
    """clear() keeps the entries of messages still waiting, and only those."""
    box = outbox.Outbox()
    kept = log.MessageLog()
    handed, waiting = box.add("a", 0), box.add("b", 0)
    kept.add(log.SYSTEM, "connected")
    kept.add(log.SENT, "a", message=handed)
    kept.add(log.SENT, "b", message=waiting)
    box.take_ready(outbox.ANY)
    box.mark_sent(handed.id, 0)
    box.connection_lost()
    kept.take_batch()
    kept.clear()
    entries, removed = kept.take_batch()
    return [[e.text for e in kept.history()], [e.seq for e in entries], removed, kept.in_view]


def _restored():
    """Entries put back after a clear go before the ones added since, within the cap."""
    kept = log.MessageLog(view_cap=3, history_cap=4)
    for text in ("a", "b", "c"):
        kept.add(log.RECEIVED, text)
    removed = kept.clear()
    kept.add(log.RECEIVED, "d")
    kept.add(log.RECEIVED, "e")
    kept.restore(removed)
    entries, remove = kept.take_batch()
    return [[e.text for e in kept.history()], [e.text for e in entries], len(removed)]


CASES = [
    ("random adds, takes and clears", _random_walk, []),
    (
        "filter",
        _filtered,
        {
            "removed": 2,
            "drawn": ["m3", "m5"],
            "counts": [2, 4, 0],
            "visible": ["m5", "m7"],
            "matched": 2,
            "oldest kept": "m4",
            "gone": None,
        },
    ),
    ("random adds and filters searched a slice at a time", _scan_walk, []),
    ("restore after clear", _restored, [["b", "c", "d", "e"], ["c", "d", "e"], 3]),
    ("clear keeps waiting entries", _clear_keeps_waiting, [["b"], [3], 3, 1]),
]
