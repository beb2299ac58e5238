"""wsclient.log: the bounded message log and the batches the view draws."""

import random

from wsclient import log, present


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
]
