"""Tests of wsclient.outbox: exactly-once, in-order hand-off and echo confirmation."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from wsclient.outbox import (
    ANY,
    CONFIRMED,
    DISCARDED,
    FAILED,
    IN_FLIGHT,
    PENDING,
    SENT,
    UNCONFIRMED,
    Outbox,
)

STATES = {PENDING, IN_FLIGHT, SENT, CONFIRMED, UNCONFIRMED, FAILED, DISCARDED}


class Tracked(Outbox):
    """An Outbox that remembers every message it issued, so a test can ask by id.

    Its add(), echo(), expire() and connection_lost() give ids, not messages.
    """

    def __init__(self, *args, **options):
        super().__init__(*args, **options)
        self.issued = {}

    def add(self, payload, now, seq=0, size=0):
        message = super().add(payload, now, seq, size)
        self.issued[message.id] = message
        return message.id

    def echo(self, payload, now):
        message = super().echo(payload, now)
        return None if message is None else message.id

    def expire(self, now):
        return _ids(super().expire(now))

    def connection_lost(self):
        return _ids(super().connection_lost())

    def state(self, msg_id):
        message = self.issued.get(msg_id)
        return None if message is None else message.state

    def message(self, msg_id):
        return self.issued[msg_id]

    def count(self, state):
        return sum(1 for m in self.issued.values() if m.done and m.state == state)


def _ids(messages):
    return [message.id for message in messages]


def _send_all(outbox, now=0):
    """Hand every ready message over successfully, as the shell does on open."""
    sent = []
    for message in outbox.take_ready():
        outbox.mark_sent(message.id, now)
        sent.append(message.id)
    return sent


def _outbox_with(*payloads, now=0):
    outbox = Tracked()
    ids = [outbox.add(payload, now) for payload in payloads]
    return outbox, ids


def test_add_returns_increasing_ids():
    """Ids start at 1 and increase in the order messages are added."""
    _, ids = _outbox_with("a", "b", "c")
    assert ids == [1, 2, 3]


def test_added_message_is_pending():
    """A new message is PENDING and counted in pending_count."""
    outbox, (msg_id,) = _outbox_with("a")
    assert (outbox.state(msg_id), outbox.pending_count) == (PENDING, 1)


def test_add_copies_bytes_like_payloads():
    """A bytearray is stored as bytes, so changing it later changes nothing."""
    outbox = Tracked()
    data = bytearray(b"ab")
    outbox.add(data, 0)
    data[0] = 0
    assert outbox.take_ready()[0].payload == b"ab"


@pytest.mark.parametrize("payload", [None, 1, ["a"]])
def test_add_rejects_other_payloads(payload):
    """Only str and bytes-like payloads are accepted."""
    with pytest.raises(TypeError):
        Tracked().add(payload, 0)


def test_take_ready_returns_messages_in_order():
    """take_ready() gives the pending messages oldest first, with id, payload and time."""
    outbox = Tracked()
    outbox.add("a", 10)
    outbox.add(b"b", 20)
    batch = outbox.take_ready()
    assert [(m.id, m.payload, m.queued_ms, m.binary) for m in batch] == [
        (1, "a", 10, False),
        (2, b"b", 20, True),
    ]


def test_take_ready_makes_messages_in_flight():
    """Returned messages are IN_FLIGHT and no longer pending."""
    outbox, ids = _outbox_with("a", "b")
    outbox.take_ready()
    assert [outbox.state(i) for i in ids] == [IN_FLIGHT, IN_FLIGHT]
    assert (outbox.pending_count, outbox.in_flight_count) == (0, 2)


def test_take_ready_twice_returns_nothing_new():
    """A second take_ready() without mark_* in between does not return the same messages."""
    outbox, _ = _outbox_with("a", "b")
    outbox.take_ready()
    assert outbox.take_ready() == []


def test_take_ready_twice_returns_only_newer_messages():
    """Messages added between two take_ready() calls come in the second batch only."""
    outbox, _ = _outbox_with("a")
    outbox.take_ready()
    outbox.add("b", 0)
    assert _ids(outbox.take_ready()) == [2]


def test_mark_sent_makes_message_sent():
    """A message the socket took is SENT and awaits its echo."""
    outbox, (msg_id,) = _outbox_with("a")
    _send_all(outbox, now=5)
    assert (outbox.state(msg_id), outbox.awaiting_count) == (SENT, 1)
    assert outbox.message(msg_id).sent_ms == 5


def test_mark_sent_refuses_out_of_order():
    """Marking a later message sent before the oldest in flight raises ValueError."""
    outbox, _ = _outbox_with("a", "b")
    outbox.take_ready()
    with pytest.raises(ValueError):
        outbox.mark_sent(2, 0)


def test_mark_sent_refuses_twice():
    """A message can be marked sent only once."""
    outbox, _ = _outbox_with("a")
    _send_all(outbox)
    with pytest.raises(ValueError):
        outbox.mark_sent(1, 0)


def test_mark_sent_refuses_message_not_taken():
    """A message take_ready() has not returned cannot be marked sent."""
    outbox, _ = _outbox_with("a")
    with pytest.raises(ValueError):
        outbox.mark_sent(1, 0)


def test_mark_failed_records_detail():
    """A refused message is FAILED and keeps what the socket said."""
    outbox, (msg_id,) = _outbox_with("a")
    outbox.take_ready()
    outbox.mark_failed(msg_id, "InvalidStateError")
    assert outbox.state(msg_id) == FAILED
    assert outbox.message(msg_id).detail == "InvalidStateError"


def test_mark_failed_keeps_rest_of_batch_pending_in_order():
    """When a send fails mid-batch, it and the rest of the batch stay queued, in order."""
    outbox, _ = _outbox_with("a", "b", "c", "d")
    batch = outbox.take_ready()
    outbox.mark_sent(batch[0].id, 0)
    outbox.mark_failed(batch[1].id, "boom")
    assert [outbox.state(i) for i in (1, 2, 3, 4)] == [SENT, FAILED, PENDING, PENDING]
    assert _ids(outbox.take_ready()) == [2, 3, 4]


def test_failed_message_goes_before_newer_ones():
    """A failed message is retried ahead of messages added after it."""
    outbox, _ = _outbox_with("a")
    outbox.take_ready()
    outbox.mark_failed(1, "boom")
    outbox.add("b", 0)
    assert _ids(outbox.take_ready()) == [1, 2]


def test_failed_message_is_in_flight_again_when_retried():
    """take_ready() hands a failed message over again: FAILED -> IN_FLIGHT."""
    outbox, _ = _outbox_with("a")
    outbox.take_ready()
    outbox.mark_failed(1, "boom")
    outbox.take_ready()
    assert outbox.state(1) == IN_FLIGHT


def test_mark_failed_refuses_out_of_order():
    """Only the oldest message in flight can fail."""
    outbox, _ = _outbox_with("a", "b")
    outbox.take_ready()
    with pytest.raises(ValueError):
        outbox.mark_failed(2, "boom")


def test_echo_confirms_oldest_awaiting():
    """An echo of the oldest sent message confirms it and returns its id."""
    outbox, _ = _outbox_with("a", "b")
    _send_all(outbox)
    assert outbox.echo("a", 7) == 1
    assert (outbox.state(1), outbox.state(2)) == (CONFIRMED, SENT)


def test_echo_sets_round_trip():
    """The confirmed message's round trip becomes last_rtt."""
    outbox, _ = _outbox_with("a")
    _send_all(outbox, now=100)
    outbox.echo("a", 142.5)
    assert outbox.last_rtt == 42.5


def test_echo_confirms_repeated_payloads_one_by_one():
    """Identical payloads are confirmed in order, one per echo."""
    outbox, _ = _outbox_with("ping", "ping", "ping")
    _send_all(outbox)
    assert [outbox.echo("ping", 1) for _ in range(4)] == [1, 2, 3, None]


def test_echo_does_not_confirm_out_of_order():
    """An incoming message equal to a later one does not confirm it ahead of the oldest."""
    outbox, _ = _outbox_with("a", "b")
    _send_all(outbox)
    assert outbox.echo("b", 1) is None
    assert (outbox.state(1), outbox.state(2)) == (SENT, SENT)


def test_echo_before_send_confirms_nothing():
    """A message that is only pending or in flight cannot be confirmed."""
    outbox, _ = _outbox_with("a")
    assert outbox.echo("a", 1) is None
    outbox.take_ready()
    assert outbox.echo("a", 1) is None


def test_text_echo_does_not_confirm_bytes():
    """A text message never confirms a binary payload with the same characters."""
    outbox, _ = _outbox_with(b"a")
    _send_all(outbox)
    assert outbox.echo("a", 1) is None


def test_bytes_echo_does_not_confirm_text():
    """A binary message never confirms a text payload."""
    outbox, _ = _outbox_with("a")
    _send_all(outbox)
    assert outbox.echo(b"a", 1) is None


@pytest.mark.parametrize("incoming", [b"\x00\xff", bytearray(b"\x00\xff"), memoryview(b"\x00\xff")])
def test_bytes_echo_confirms_bytes(incoming):
    """A binary echo confirms a binary payload, whatever bytes-like type carries it."""
    outbox, _ = _outbox_with(b"\x00\xff")
    _send_all(outbox)
    assert outbox.echo(incoming, 1) == 1


def test_expire_makes_late_messages_unconfirmed_on_an_echo_server():
    """Once the server has echoed, messages sent more than confirm_window ago without
    their echo become UNCONFIRMED."""
    outbox = Tracked(confirm_window=5000)
    outbox.add("e", 0)
    _send_all(outbox, now=0)
    outbox.echo("e", 0)
    outbox.add("a", 0)
    _send_all(outbox, now=0)
    outbox.add("b", 0)
    _send_all(outbox, now=3000)
    assert outbox.expire(5000) == []
    assert outbox.expire(5001) == [2]
    assert (outbox.state(2), outbox.state(3), outbox.count(UNCONFIRMED)) == (UNCONFIRMED, SENT, 1)


def test_expire_lets_go_unmarked_when_nothing_was_echoed():
    """A server that echoed nothing on this connection is no echo server: its silence
    says nothing, so late messages stay SENT, for good."""
    outbox = Tracked(confirm_window=10)
    outbox.add("a", 0)
    _send_all(outbox, now=0)
    assert outbox.expire(11) == [1]
    assert (outbox.state(1), outbox.message(1).done, outbox.awaiting_count) == (SENT, True, 0)


def test_a_new_connection_forgets_that_the_old_one_echoed():
    """Whether the server echoes is learnt again on each connection."""
    outbox = Tracked(confirm_window=10)
    outbox.add("e", 0)
    _send_all(outbox)
    outbox.echo("e", 0)
    outbox.connection_lost()
    outbox.add("a", 0)
    _send_all(outbox)
    outbox.expire(11)
    assert outbox.state(2) == SENT


def test_echo_after_expiry_matches_next_awaiting():
    """An expired message no longer blocks the echoes of the ones after it."""
    outbox = Tracked(confirm_window=10)
    outbox.add("lost", 0)
    _send_all(outbox, now=0)
    outbox.add("b", 0)
    _send_all(outbox, now=8)
    assert outbox.expire(11) == [1]
    assert outbox.echo("b", 12) == 2


def test_connection_lost_makes_sent_messages_unconfirmed():
    """Messages handed over before the socket died are UNCONFIRMED, never sent again."""
    outbox, _ = _outbox_with("a", "b")
    _send_all(outbox)
    assert outbox.connection_lost() == [1, 2]
    assert (outbox.state(1), outbox.state(2)) == (UNCONFIRMED, UNCONFIRMED)
    assert outbox.take_ready() == []


def test_connection_lost_keeps_pending_in_order():
    """Messages not yet handed over wait, in order, for the next connection."""
    outbox, _ = _outbox_with("a", "b", "c")
    batch = outbox.take_ready()
    outbox.mark_sent(batch[0].id, 0)
    outbox.add("d", 0)
    outbox.connection_lost()
    assert [outbox.state(i) for i in (2, 3, 4)] == [PENDING] * 3
    assert _ids(outbox.take_ready()) == [2, 3, 4]


def test_median_rtt_without_samples_is_none():
    """Before any confirmation there is no median."""
    assert Tracked().median_rtt() is None


def test_median_rtt_of_odd_and_even_counts():
    """The median is the middle sample, or the mean of the two middle ones."""
    outbox = Tracked()
    for rtt in (30, 10, 20):
        outbox.add("x", 0)
        _send_all(outbox, now=0)
        outbox.echo("x", rtt)
    assert outbox.median_rtt() == 20
    outbox.add("x", 0)
    _send_all(outbox, now=0)
    outbox.echo("x", 40)
    assert outbox.median_rtt() == 25


def test_rtt_sample_is_bounded():
    """The median comes from the last 1000 round trips only."""
    outbox = Tracked()
    for rtt in [1] * 1000 + [9] * 1000:
        outbox.add("x", 0)
        _send_all(outbox, now=0)
        outbox.echo("x", rtt)
    assert outbox.median_rtt() == 9


def test_long_queue_keeps_order():
    """Thousands of messages through the queue come out in order."""
    outbox = Tracked()
    for i in range(3000):
        outbox.add(str(i), 0)
    assert _send_all(outbox) == list(range(1, 3001))
    assert [outbox.echo(str(i), 1) for i in range(3000)] == list(range(1, 3001))


def test_take_ready_for_an_owner_leaves_the_others_waiting_in_order():
    """take_ready(owner) hands over that owner's messages only; the rest wait, in order."""
    outbox = Outbox()
    messages = [outbox.add(p, 0, owner=o) for p, o in [("1", "a"), ("2", "b"), ("3", "a")]]
    assert outbox.take_ready("a") == [messages[0], messages[2]]
    assert [m.state for m in messages] == [IN_FLIGHT, PENDING, IN_FLIGHT]
    assert outbox.waiting() == [messages[1]]
    assert outbox.take_ready("a") == []
    assert outbox.take_ready("b") == [messages[1]]


def test_take_ready_without_an_owner_takes_every_message():
    """take_ready() (ANY) takes every waiting message, whatever its owner."""
    outbox = Outbox()
    messages = [outbox.add("x", 0, owner=o) for o in ("a", None, "b")]
    assert outbox.take_ready(ANY) == messages


def test_messages_typed_before_any_address_belong_to_none():
    """A message with no owner goes to no address until it is given one."""
    outbox = Outbox()
    message = outbox.add("x", 0)
    assert message.owner is None
    assert outbox.take_ready("ws://h/") == []
    assert outbox.take_ready(None) == [message]


def test_discard_takes_waiting_messages_out_for_good():
    """A discarded message is DISCARDED, done, out of the queue, and never handed over."""
    outbox = Outbox()
    messages = [outbox.add(p, 0) for p in ("a", "b", "c")]
    assert outbox.discard([messages[1].id]) == [messages[1]]
    assert (messages[1].state, messages[1].done) == (DISCARDED, True)
    assert outbox.pending_count == 2
    assert outbox.take_ready() == [messages[0], messages[2]]


def test_discard_takes_a_failed_message_too():
    """A message the socket refused waits again, so it can be discarded."""
    outbox = Outbox()
    message = outbox.add("a", 0)
    outbox.take_ready()
    outbox.mark_failed(message.id, "boom")
    assert outbox.discard([message.id]) == [message]
    assert outbox.take_ready() == []


def test_discard_leaves_messages_that_are_not_waiting_alone():
    """Sent and in-flight messages, and unknown ids, are not discarded."""
    outbox = Outbox()
    sent, flying = outbox.add("a", 0), outbox.add("b", 0)
    outbox.take_ready()
    outbox.mark_sent(sent.id, 0)
    assert outbox.discard([sent.id, flying.id, 99]) == []
    assert (sent.state, flying.state) == (SENT, IN_FLIGHT)


def test_readdress_moves_messages_to_the_end_of_their_new_owners_line():
    """Readdressed messages get new ids, the new owner, and go after what that owner had."""
    outbox = Outbox()
    old = [outbox.add(p, 0, owner="a") for p in ("1", "2")]
    new = outbox.add("3", 0, owner="b")
    assert outbox.readdress([m.id for m in old], "b") == old
    assert [m.id for m in old] == [4, 5] and {m.owner for m in old} == {"b"}
    assert outbox.take_ready("b") == [new] + old


def test_readdress_makes_a_failed_message_a_plain_pending_one():
    """A refused message sent elsewhere is PENDING again, without the old refusal."""
    outbox = Outbox()
    message = outbox.add("a", 0, owner="a")
    outbox.take_ready("a")
    outbox.mark_failed(message.id, "boom")
    outbox.readdress([message.id], "b")
    assert (message.state, message.detail, message.owner) == (PENDING, None, "b")


def test_readdress_leaves_messages_that_are_not_waiting_alone():
    """A message already handed over keeps its address and id."""
    outbox = Outbox()
    message = outbox.add("a", 0, owner="a")
    _send_all(outbox)
    assert outbox.readdress([message.id], "b") == []
    assert (message.owner, message.id) == ("a", 1)


def test_waiting_is_what_has_not_been_handed_over():
    """Message.waiting is true while PENDING or FAILED only."""
    outbox = Outbox()
    message = outbox.add("a", 0)
    assert message.waiting
    outbox.take_ready()
    assert not message.waiting
    outbox.mark_failed(message.id, "boom")
    assert message.waiting
    outbox.take_ready()
    outbox.mark_sent(message.id, 0)
    assert not message.waiting


def test_outbox_rejects_a_negative_window():
    """A negative confirm_window raises ValueError."""
    with pytest.raises(ValueError):
        Outbox(-1)


A, B = "ws://a/", "ws://b/"
OWNERS = [A, B, None]


class HandOff(RuleBasedStateMachine):
    """A shell that sends, fails, reconnects, switches servers and receives echoes in any
    order, while the user discards waiting messages or sends them to another address."""

    def __init__(self):
        super().__init__()
        self.outbox = Outbox(confirm_window=50)
        self.now = 0
        self.issued = []  # every message, in the order added
        self.meant = {}  # message -> the address the user means it for
        self.batch = []  # what take_ready() returned and the shell has not handed over yet
        self.handed = []  # (address, id at hand-off, message) for each message the socket took
        self.discarded = []
        self.open = True
        self.address = A  # the address the socket is (or was last) connected to

    @rule(
        payload=st.one_of(st.sampled_from(["a", "b"]), st.binary(max_size=2)),
        owner=st.sampled_from(OWNERS),
    )
    def add(self, payload, owner):
        message = self.outbox.add(payload, self.now, owner=owner)
        self.issued.append(message)
        self.meant[message] = owner

    @precondition(lambda self: self.open)
    @rule()
    def take_ready(self):
        taken = self.outbox.take_ready(self.address)
        assert all(message.owner == self.address for message in taken)
        assert not set(taken) & set(self.batch)
        assert not set(taken) & {message for _, _, message in self.handed}
        self.batch.extend(taken)

    @precondition(lambda self: self.batch)
    @rule()
    def send_one(self):
        message = self.batch.pop(0)
        assert self.meant[message] == self.address, "handed to another address"
        self.handed.append((self.address, message.id, message))
        self.outbox.mark_sent(message.id, self.now)

    @precondition(lambda self: self.batch)
    @rule(detail=st.text(max_size=3))
    def fail_one(self, detail):
        self.outbox.mark_failed(self.batch[0].id, detail)
        assert self.batch[0].state == FAILED
        self.batch = []

    @rule()
    def lose_connection(self):
        self.outbox.connection_lost()
        self.batch = []
        self.open = False

    @precondition(lambda self: not self.open)
    @rule(address=st.sampled_from([A, B]))
    def connect(self, address):
        self.address = address
        self.open = True

    @rule(data=st.data())
    def discard(self, data):
        waiting = self.outbox.waiting()
        chosen = data.draw(
            st.lists(st.sampled_from(waiting), unique=True) if waiting else st.just([])
        )
        # A message handed over or in flight is not waiting: discard() leaves it alone.
        others = [message for _, _, message in self.handed[-1:]] + self.batch[:1]
        gone = self.outbox.discard([m.id for m in chosen + others])
        assert gone == [m for m in waiting if m in chosen]
        assert all(m.state == DISCARDED and m.done for m in gone)
        self.discarded.extend(gone)

    @rule(data=st.data(), owner=st.sampled_from(OWNERS))
    def readdress(self, data, owner):
        waiting = self.outbox.waiting()
        chosen = data.draw(
            st.lists(st.sampled_from(waiting), unique=True) if waiting else st.just([])
        )
        before = max([m.id for m in self.issued], default=0)
        others = [message for _, _, message in self.handed[-1:]] + self.batch[:1]
        moved = self.outbox.readdress([m.id for m in chosen + others], owner)
        assert moved == [m for m in waiting if m in chosen]
        assert all(m.id > before and m.owner == owner and m.state == PENDING for m in moved)
        assert self.outbox.waiting()[len(waiting) - len(moved) :] == moved
        for message in moved:
            self.meant[message] = owner

    @rule(echo_oldest=st.booleans(), other=st.sampled_from(["a", "b", b"a", b""]))
    def receive(self, echo_oldest, other):
        outbox = self.outbox
        awaiting = [m for _, _, m in self.handed if m.state == SENT and not m.done]
        payload = other
        if echo_oldest and awaiting:
            payload = awaiting[0].payload
        confirmed = outbox.echo(payload, self.now)
        assert confirmed is None or (awaiting and confirmed is awaiting[0])

    @rule(ms=st.integers(0, 60))
    def tick(self, ms):
        self.now += ms
        for message in self.outbox.expire(self.now):
            assert message.state in (UNCONFIRMED, SENT)
            assert message.done

    @precondition(lambda self: self.open)
    @rule()
    def drain(self):
        """Enough successful hand-offs leave nothing waiting for this address."""
        self.take_ready()
        while self.batch:
            self.send_one()
        assert self.outbox.in_flight_count == 0
        assert all(m.owner != self.address for m in self.outbox.waiting())

    @invariant()
    def each_address_gets_its_messages_once_and_in_order(self):
        handed = [message for _, _, message in self.handed]
        assert len(set(handed)) == len(handed)
        for address in (A, B):
            ids = [msg_id for where, msg_id, _ in self.handed if where == address]
            assert all(a < b for a, b in zip(ids, ids[1:]))

    @invariant()
    def every_message_has_exactly_one_state(self):
        states = [m.state for m in self.issued]
        assert all(state in STATES for state in states)
        counts = {state: states.count(state) for state in STATES}
        assert counts[PENDING] + counts[FAILED] == self.outbox.pending_count
        assert counts[PENDING] + counts[FAILED] == len(self.outbox.waiting())
        assert counts[IN_FLIGHT] == self.outbox.in_flight_count == len(self.batch)
        awaiting = [m for m in self.issued if m.state == SENT and not m.done]
        assert len(awaiting) == self.outbox.awaiting_count
        assert all(m.done for m in self.issued if m.state in (CONFIRMED, UNCONFIRMED, DISCARDED))

    @invariant()
    def handed_messages_are_never_queued_again(self):
        for _, _, message in self.handed:
            assert message.state in (SENT, CONFIRMED, UNCONFIRMED)

    @invariant()
    def discarded_messages_stay_discarded_and_unsent(self):
        handed = {message for _, _, message in self.handed}
        for message in self.discarded:
            assert message.state == DISCARDED and message not in handed

    @invariant()
    def each_waiting_line_is_in_id_order(self):
        for owner in OWNERS:
            ids = [m.id for m in self.outbox.waiting() if m.owner == owner]
            assert ids == sorted(ids)


HandOff.TestCase.settings = settings(max_examples=300, stateful_step_count=60, deadline=None)
test_hand_off = HandOff.TestCase


@given(st.lists(st.sampled_from(["x", "y", b"x"]), max_size=30), st.data())
def test_echoes_confirm_in_sent_order(payloads, data):
    """Whatever arrives, confirmations follow the order the messages were sent."""
    outbox = Tracked()
    for payload in payloads:
        outbox.add(payload, 0)
    _send_all(outbox)
    confirmed = []
    for incoming in data.draw(st.lists(st.sampled_from(["x", "y", b"x", b"y"]), max_size=40)):
        msg_id = outbox.echo(incoming, 1)
        if msg_id is not None:
            confirmed.append(msg_id)
    assert confirmed == list(range(1, len(confirmed) + 1))
