"""wsclient.outbox: every message handed over exactly once and in order, echoes confirmed.

Written against Outbox's add / take_ready / mark_sent / mark_failed / echo /
expire / connection_lost.
"""

import random

from wsclient import outbox


def _basics():
    """What one outbox says as five messages are taken, sent, refused and echoed."""
    box = outbox.Outbox(confirm_window=10)
    ids = [box.add(p, 0) for p in ("ping", "ping", b"\x00\xff", bytearray(b"ab"), "z")]
    batch = box.take_ready()
    seen = {"ids": ids, "taken": [m.id for m in batch], "taken again": box.take_ready()}
    seen["kinds"] = [batch[3].payload == b"ab", batch[2].binary, batch[0].binary]
    box.mark_sent(1, 0)
    box.mark_sent(2, 0)
    box.mark_failed(3, "boom")
    seen["states"] = [box.state(i) for i in ids]
    seen["retaken"] = [m.id for m in box.take_ready()]
    for msg_id in (3, 4, 5):
        box.mark_sent(msg_id, 4)
    seen["echoes of nothing sent"] = [box.echo("x", 1), box.echo(b"ping", 1)]
    seen["echoes"] = [box.echo("ping", 3), box.echo("ping", 5), box.last_rtt]
    seen["binary echoes"] = [box.echo("\x00\xff", 6), box.echo(memoryview(b"\x00\xff"), 6)]
    seen["rtt"] = [box.median_rtt(), box.last_rtt]
    seen["expired"] = [box.expire(14), box.expire(15), box.state(4), box.echo(b"ab", 16)]
    return seen


def _refuses_a_number():
    try:
        outbox.Outbox().add(1, 0)
    except TypeError:
        return "TypeError"
    return "accepted"


def _random_walk(seed, steps):
    """Random adds, sends, refusals, drops, echoes and expiries: what broke the rules.

    The counts must match the states at every step, messages must be handed over
    in order, and at the end every message must be out.
    """
    random.seed(seed)
    box = outbox.Outbox(confirm_window=50)
    batch, handed, issued, now, wrong = [], [], [], 0, []
    for step in range(steps):
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
        if (
            len(batch) != states.count("in_flight")
            or box.in_flight_count != len(batch)
            or states.count("pending") + states.count("failed") != box.pending_count
            or states.count("sent") != box.awaiting_count
        ):
            wrong.append(step)
    if not all(a < b for a, b in zip(handed, handed[1:])):
        wrong.append("order")
    batch.extend([m.id for m in box.take_ready()])
    for msg_id in batch:
        box.mark_sent(msg_id, now)
    if box.pending_count or box.in_flight_count:
        wrong.append("left over")
    return wrong


def _many():
    """2000 messages with room for 3 done ones: each echo still confirms the right one."""
    box = outbox.Outbox(done_cap=3)
    for i in range(2000):
        box.add(str(i), 0)
    taken = [m.id for m in box.take_ready()] == list(range(1, 2001))
    for i in range(1, 2001):
        box.mark_sent(i, 0)
    echoed = [box.echo(str(i), 1) for i in range(2000)] == list(range(1, 2001))
    return [taken, echoed, box.forgotten, box.confirmed_count]


CASES = [
    (
        "basics",
        _basics,
        {
            "ids": [1, 2, 3, 4, 5],
            "taken": [1, 2, 3, 4, 5],
            "taken again": [],
            "kinds": [True, True, False],
            "states": ["sent", "sent", "failed", "pending", "pending"],
            "retaken": [3, 4, 5],
            "echoes of nothing sent": [None, None],
            "echoes": [1, 2, 5],
            "binary echoes": [None, 3],
            "rtt": [3, 2],
            "expired": [[], [4, 5], "unconfirmed", None],
        },
    ),
    ("add refuses a number", _refuses_a_number, "TypeError"),
    ("random walk", lambda: _random_walk(1006, 3000), []),
    ("many messages", _many, [True, True, 1997, 2000]),
]
