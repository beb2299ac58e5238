"""wsclient.outbox: every message handed over exactly once and in order, echoes confirmed.

A message's state lives in its Message, which add() returns.
"""

import random

from wsclient import outbox


def _ids(messages):
    return [message.id if message is not None else None for message in messages]


def _basics():
    """What one outbox says as five messages are taken, sent, refused and echoed."""
    box = outbox.Outbox(confirm_window=10)
    added = [box.add(p, 0) for p in ("ping", "ping", b"\x00\xff", bytearray(b"ab"), "z")]
    ids = _ids(added)
    batch = box.take_ready()
    seen = {"ids": ids, "taken": [m.id for m in batch], "taken again": box.take_ready()}
    seen["kinds"] = [batch[3].payload == b"ab", batch[2].binary, batch[0].binary]
    box.mark_sent(1, 0)
    box.mark_sent(2, 0)
    box.mark_failed(3, "boom")
    seen["states"] = [m.state for m in added]
    seen["retaken"] = [m.id for m in box.take_ready()]
    for msg_id in (3, 4, 5):
        box.mark_sent(msg_id, 4)
    seen["echoes of nothing sent"] = _ids([box.echo("x", 1), box.echo(b"ping", 1)])
    seen["echoes"] = _ids([box.echo("ping", 3), box.echo("ping", 5)]) + [box.last_rtt]
    seen["binary echoes"] = _ids([box.echo("\x00\xff", 6), box.echo(memoryview(b"\x00\xff"), 6)])
    seen["rtt"] = [box.median_rtt(), box.last_rtt]
    expired = [_ids(box.expire(14)), _ids(box.expire(15)), added[3].state]
    seen["expired"] = expired + [_ids([box.echo(b"ab", 16)])[0]]
    return seen


def _silent_server():
    """A server that echoed nothing is no echo server: late messages stay sent, for good."""
    box = outbox.Outbox(confirm_window=10)
    message = box.add("a", 0)
    box.take_ready()
    box.mark_sent(message.id, 0)
    box.expire(11)
    return [message.state, message.done, box.awaiting_count]


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
            head = issued[handed[-1] - 1] if handed else None
            box.echo(head.payload if head and random.random() < 0.5 else "a", now)
        else:
            now += random.randint(0, 60)
            box.expire(now)
        states = [m.state for m in issued]
        awaiting = [m for m in issued if m.state == "sent" and not m.done]
        if (
            len(batch) != states.count("in_flight")
            or box.in_flight_count != len(batch)
            or states.count("pending") + states.count("failed") != box.pending_count
            or len(awaiting) != box.awaiting_count
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
    """2000 messages: each echo confirms the right one, in order."""
    box = outbox.Outbox()
    added = [box.add(str(i), 0) for i in range(2000)]
    taken = [m.id for m in box.take_ready()] == list(range(1, 2001))
    for i in range(1, 2001):
        box.mark_sent(i, 0)
    echoed = _ids([box.echo(str(i), 1) for i in range(2000)]) == list(range(1, 2001))
    return [taken, echoed, len([m for m in added if m.state == "confirmed"])]


def _owners():
    """Each address gets its own messages; discard() and readdress() as the user asks."""
    box = outbox.Outbox()
    a1, b1, a2, none = [
        box.add(p, 0, 0, 0, o) for p, o in [("1", "a"), ("2", "b"), ("3", "a"), ("4", None)]
    ]
    seen = {"taken for a": _ids(box.take_ready("a")), "waiting": _ids(box.waiting())}
    box.mark_sent(a1.id, 0)
    box.mark_failed(a2.id, "boom")
    seen["after a failure"] = [a2.state, _ids(box.waiting()), a2.waiting, a1.waiting]
    seen["discarded"] = _ids(box.discard([b1.id, a1.id, 99]))
    seen["states"] = [m.state for m in (a1, b1, a2, none)] + [b1.done]
    seen["readdressed"] = _ids(box.readdress([a2.id, none.id], "b"))
    seen["now"] = [[m.id, m.owner, m.state, m.detail] for m in (a2, none)]
    seen["taken for b"] = _ids(box.take_ready("b"))
    seen["left"] = [box.pending_count, box.in_flight_count, _ids(box.take_ready(outbox.ANY))]
    return seen


def _owners_walk(seed, steps):
    """Random adds for two addresses and none, hand-offs, drops, switches, discards and
    readdresses: the steps where a message went to an address it was not meant for,
    out of order, twice, or after it was discarded."""
    random.seed(seed)
    box = outbox.Outbox(confirm_window=50)
    meant, handed, batch, wrong = {}, [], [], []
    address, now = "a", 0
    for step in range(steps):
        roll = random.random()
        waiting = box.waiting()
        if roll < 0.3:
            message = box.add("x", now, 0, 0, random.choice(["a", "b", None]))
            meant[message] = message.owner
        elif roll < 0.45:
            batch.extend(box.take_ready(address))
        elif roll < 0.65 and batch:
            message = batch.pop(0)
            if meant[message] != address or message.done:
                wrong.append(step)
            handed.append([address, message.id, message])
            box.mark_sent(message.id, now)
        elif roll < 0.7 and batch:
            box.mark_failed(batch[0].id, "boom")
            batch = []
        elif roll < 0.78:
            box.connection_lost()
            batch = []
            address = random.choice(["a", "b"])
        elif roll < 0.86 and waiting:
            chosen = [m.id for m in waiting if random.random() < 0.3]
            for message in box.discard(chosen + [m.id for m in batch]):
                if message.state != "discarded":
                    wrong.append(step)
        elif roll < 0.94 and waiting:
            owner = random.choice(["a", "b", None])
            chosen = [m.id for m in waiting if random.random() < 0.3]
            for message in box.readdress(chosen + [m.id for m in batch], owner):
                meant[message] = owner
        else:
            now += random.randint(0, 60)
            box.expire(now)
        if box.in_flight_count != len(batch) or box.pending_count != len(box.waiting()):
            wrong.append(step)
    for where in ("a", "b"):
        ids = [msg_id for to, msg_id, _ in handed if to == where]
        if ids != sorted(ids) or len(set(ids)) != len(ids):
            wrong.append("order " + where)
    if len(set([id(m) for _, _, m in handed])) != len(handed):
        wrong.append("twice")
    if [m for _, _, m in handed if m.state == "discarded"]:
        wrong.append("discarded and sent")
    return wrong


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
    ("silent server", _silent_server, ["sent", True, 0]),
    ("add refuses a number", _refuses_a_number, "TypeError"),
    ("random walk", lambda: _random_walk(1006, 3000), []),
    ("many messages", _many, [True, True, 2000]),
    (
        "owners",
        _owners,
        {
            "taken for a": [1, 3],
            "waiting": [2, 4],
            "after a failure": ["failed", [3, 2, 4], True, False],
            "discarded": [2],
            "states": ["sent", "discarded", "failed", "pending", True],
            "readdressed": [5, 6],
            "now": [[5, "b", "pending", None], [6, "b", "pending", None]],
            "taken for b": [5, 6],
            "left": [0, 2, []],
        },
    ),
    ("random walk with owners", lambda: _owners_walk(9109, 3000), []),
]
