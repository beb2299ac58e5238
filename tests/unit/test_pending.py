"""Queue ownership: a waiting message goes only to the address it was typed for.

Driven through events, as the page drives the core: the question when the user
connects elsewhere, its three answers, discarding from the log, and clearing.
"""

import pytest

from tests.unit.core import client, feed, of, send, texts, transmit
from wsclient import commands, outbox
from wsclient.events import (
    Answer,
    ClearLog,
    Close,
    Closed,
    Compose,
    Connect,
    Discard,
    Errored,
    Opened,
    Start,
)
from wsclient.log import SENT, SYSTEM

A, B = "ws://a:9109/", "ws://b:9100/"


def _down(url=A, lang=None):
    """A started page whose first connection, to url, failed: nothing is open."""
    core = client(lang=lang)
    feed(core, Start(0.0), Connect(url, "", 0.0), Errored(0.0), Closed(1006, "", False, 0.0))
    return core


def _queued(*sent, lang=None):
    """The page after the user typed each text while its server, A, was down."""
    core = _down(lang=lang)
    for text in sent:
        send(core, text)
    return core


def _switch(core, url=B):
    """Connect to url and let it open; return every command that came out."""
    out = feed(core, Connect(url, "", 0.0))
    core.handle(Opened(url, "", "", 0.0))
    handed, more = transmit(core)
    return handed, out + more


def _states(core):
    return [entry.state for entry in core.log.history() if entry.direction == SENT]


def test_a_message_belongs_to_the_address_it_was_typed_for():
    """Typed while A is down, a message waits for A."""
    core = _queued("olá")
    (message,) = core.session.outbox.waiting()
    assert (message.owner, message.state) == (A, outbox.PENDING)


def test_connecting_elsewhere_never_sends_another_address_its_messages():
    """A's waiting message is not handed to B when B opens, nor with B's own messages."""
    core = _queued("para A")
    handed, _ = _switch(core)
    assert handed == []
    assert send(core, "para B")[0] == ["para B"]
    assert _states(core)[0] == outbox.PENDING


def test_connecting_elsewhere_asks_what_to_do():
    """The question names how many wait, for which address, and offers to send them to B."""
    core = _queued("um", "dois", lang="en")
    _, out = _switch(core)
    (question,) = of(out, commands.Question)
    assert question.text == (
        f"2 pending messages were written for {A}, not for {B}. What should the page do?"
    )
    assert question.send == f"Send to {B}"


def test_one_message_is_asked_about_in_the_singular():
    """One waiting message reads as one."""
    core = _queued("um")
    _, out = _switch(core)
    assert of(out, commands.Question)[0].text.startswith(
        f"1 mensagem pendente foi escrita para {A}, não para {B}."
    )


def test_messages_typed_before_any_address_are_asked_about_too():
    """A message typed before the user chose a server goes nowhere without a choice."""
    core = client(lang="en")
    feed(core, Start(0.0))
    send(core, "early")
    handed, out = _switch(core, A)
    assert handed == []
    assert of(out, commands.Question)[0].text.startswith(
        "1 pending message was written before you chose a server."
    )


def test_connecting_to_the_address_of_the_messages_asks_nothing():
    """Messages for A go to A when A opens: no question."""
    core = _queued("para A")
    handed, out = _switch(core, A)
    assert handed == ["para A"]
    assert not of(out, commands.Question)


def test_answering_send_hands_them_to_the_new_address_and_logs_it():
    """Answering "send" readdresses the waiting messages to B, sends them, and logs it."""
    core = _queued("um", "dois", lang="en")
    _switch(core)
    core.handle(Answer("send", 0.0))
    handed, _ = transmit(core)
    assert handed == ["um", "dois"]
    assert texts(core)[-1] == (SYSTEM, f"Pending messages that now go to {B}: 2.")
    assert [m.owner for m in core.session.outbox.waiting()] == []


def test_answering_send_before_the_new_connection_opens_sends_them_on_open():
    """Readdressed while B is still connecting, they go out once B opens."""
    core = _queued("um")
    feed(core, Connect(B, "", 0.0), Answer("send", 0.0))
    core.handle(Opened(B, "", "", 0.0))
    assert transmit(core)[0] == ["um"]


def test_messages_sent_to_the_new_address_go_after_its_own():
    """B's own messages, typed before the answer, keep their place ahead of A's."""
    core = _queued("para A")
    feed(core, Connect(B, "", 0.0))
    send(core, "para B")
    core.handle(Opened(B, "", "", 0.0))
    transmit(core)
    core.handle(Answer("send", 0.0))
    assert transmit(core)[0] == ["para A"]


def test_answering_discard_means_they_are_never_sent():
    """Answering "discard" lets them go: not to B, and not to A when A comes back."""
    core = _queued("um", lang="en")
    _switch(core)
    out = feed(core, Answer("discard", 0.0))
    assert _states(core) == [outbox.DISCARDED]
    (entry,) = [entry for entry in core.log.history() if entry.direction == SENT]
    assert commands.EntryChanged(entry.seq) in out
    assert texts(core)[-1] == (SYSTEM, "Pending messages discarded: 1.")
    assert _switch(core, A)[0] == []


def test_answering_keep_leaves_them_for_their_own_address():
    """Answering "keep" (Escape) hides the question; A gets them when the user is back on A."""
    core = _queued("um")
    _switch(core)
    out = feed(core, Answer("keep", 0.0))
    assert of(out, commands.Question) == [commands.Question(None)]
    assert _switch(core, A)[0] == ["um"]


def test_an_answer_without_a_question_does_nothing():
    """A late answer, after the question went, changes nothing."""
    core = _queued("um")
    _switch(core)
    feed(core, Answer("keep", 0.0))
    assert feed(core, Answer("send", 0.0)) == []
    assert _states(core) == [outbox.PENDING]


def test_the_question_goes_when_nothing_waits_for_another_address():
    """Discarding the last message the question is about hides it."""
    core = _queued("um")
    _switch(core)
    seq = [e.seq for e in core.log.history() if e.direction == SENT][0]
    out = feed(core, Discard(seq, 0.0))
    assert commands.Question(None) in out


def test_connecting_again_to_the_same_address_asks_nothing():
    """A reconnect to the address already chosen is no switch."""
    core = _queued("um")
    out = feed(core, Connect(A, "", 0.0))
    assert not of(out, commands.Question)


def test_one_waiting_message_can_be_discarded():
    """Discard(seq) lets go of that entry's message only."""
    core = _queued("um", "dois")
    first = [e.seq for e in core.log.history() if e.direction == SENT][0]
    out = feed(core, Discard(first, 0.0))
    assert _states(core) == [outbox.DISCARDED, outbox.PENDING]
    assert commands.EntryChanged(first) in out
    assert _switch(core, A)[0] == ["dois"]


def test_every_waiting_message_can_be_discarded_at_once():
    """Discard(None) lets go of every waiting message, whatever its address."""
    core = _queued("um")
    _switch(core)
    feed(core, Close(0.0), Closed(1000, "", True, 0.0))
    send(core, "dois")
    feed(core, Discard(None, 0.0))
    assert _states(core) == [outbox.DISCARDED, outbox.DISCARDED]
    assert core.session.outbox.pending_count == 0


def test_discarding_a_sent_message_does_nothing():
    """A message already handed over cannot be discarded."""
    core = _queued()
    _switch(core, A)
    send(core, "um")
    seq = core.log.history()[-1].seq
    feed(core, Discard(seq, 0.0))
    assert _states(core) == [outbox.SENT]


@pytest.mark.parametrize(
    "lang, label", [("pt-BR", "Descartar pendentes"), ("en", "Discard pending")]
)
def test_the_discard_tool_shows_how_many_wait(lang, label):
    """The log tool appears with the count of waiting messages and goes with the last."""
    core = _down(lang=lang)
    assert of(feed(core, Compose("text", "um", 0.0)), commands.DiscardButton) == [
        commands.DiscardButton(label + " (1)")
    ]
    out = feed(core, Compose("text", "dois", 0.0))
    assert of(out, commands.DiscardButton) == [commands.DiscardButton(label + " (2)")]
    out = feed(core, Discard(None, 0.0))
    assert of(out, commands.DiscardButton) == [commands.DiscardButton(None)]


def test_clear_keeps_waiting_entries():
    """Clearing the log keeps what still waits, so its echo later has its sent entry."""
    core = _queued("um")
    feed(core, ClearLog(0.0))
    assert texts(core) == [(SENT, "um")]
    assert _switch(core, A)[0] == ["um"]


def test_switching_logs_the_end_of_the_old_connection():
    """Connecting elsewhere while open says the old connection was closed, and why."""
    core = client(lang="en")
    feed(core, Start(0.0), Connect(A, "", 0.0), Opened(A, "", "", 0.0))
    feed(core, Connect(B, "", 0.0), Opened(B, "", "", 0.0))
    assert [text for direction, text in texts(core) if direction == SYSTEM] == [
        f"Connected to server {A}",
        f"The connection to {A} was closed because you connected to {B}.",
        f"Connected to server {B}",
    ]


def test_switching_during_a_handshake_logs_that_it_was_cancelled():
    """Connecting elsewhere before the first connection opened cancels that attempt."""
    core = client(lang="en")
    feed(core, Start(0.0), Connect(A, "", 0.0), Connect(B, "", 0.0))
    assert texts(core)[-1] == (
        SYSTEM,
        f"The attempt to connect to {A} was cancelled because you connected to {B}.",
    )


def test_connecting_after_a_close_logs_no_switch():
    """A new connection after the old one closed has nothing to end."""
    core = _down()
    feed(core, Connect(B, "", 0.0))
    assert "porque você conectou" not in texts(core)[-1][1]


@pytest.mark.parametrize(
    "steps, why",
    [
        ([], "There is no connection to close."),
        ([Connect(A, "", 0.0), Close(0.0)], "The connection is already closing."),
    ],
)
def test_close_with_nothing_to_close_says_why(steps, why):
    """A press on the close button that does nothing is answered in the log."""
    core = client(lang="en")
    feed(core, Start(0.0), *steps)
    out = feed(core, Close(0.0))
    assert not of(out, commands.CloseSocket)
    assert texts(core)[-1] == (SYSTEM, why)


def test_the_close_button_is_available_only_with_something_to_close():
    """CloseButton marks the button unavailable while closed or closing, saying why."""
    core = client(lang="en")
    assert of(feed(core, Start(0.0)), commands.CloseButton) == [
        commands.CloseButton("There is no connection to close.")
    ]
    assert of(feed(core, Connect(A, "", 0.0)), commands.CloseButton) == [commands.CloseButton(None)]
    assert of(feed(core, Opened(A, "", "", 0.0)), commands.CloseButton) == []
    assert of(feed(core, Close(0.0)), commands.CloseButton) == [
        commands.CloseButton("The connection is already closing.")
    ]
    assert of(feed(core, Closed(1000, "", True, 0.0)), commands.CloseButton) == [
        commands.CloseButton("There is no connection to close.")
    ]
