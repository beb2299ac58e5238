"""An honest, calm status: outages shown in place, reconnects the box agrees with."""

from tests.unit.core import URL, client, feed, last_status, of, opened, texts
from wsclient import commands
from wsclient.events import (
    AutoReconnect,
    Close,
    Closed,
    Connect,
    ConnectionEdited,
    Errored,
    Opened,
    RetryNow,
    StopRetry,
    Tick,
)
from wsclient.log import SYSTEM
from wsclient.retry import Retries
from wsclient.session import CLOSED, CLOSING, CONNECTING, ERROR


def _dropped(lang="en"):
    """A client whose connection to URL just dropped with 1006, reconnects on (rand 0.5)."""
    core = opened(lang=lang, rand=lambda: 0.5)
    core.handle(AutoReconnect(True, 0.0))
    feed(core, Errored(100.0), Closed(1006, "", False, 100.0))
    return core


def _fail_next_try(core, now):
    """Let the planned try start, and fail it as a refused connection does."""
    return feed(core, Tick(now), Errored(now), Closed(1006, "", False, now))


def _system(core):
    return [text for direction, text in texts(core) if direction == SYSTEM]


def test_tries_of_an_outage_add_no_entries():
    """However many tries fail, the log holds one entry for the drop."""
    core = _dropped()
    before = _system(core)
    now = 100.0
    for _ in range(6):
        now = core.session.retries.at
        _fail_next_try(core, now)
    assert _system(core) == before
    assert before[-1].endswith("Reconnecting automatically.")


def test_outage_status_is_the_same_text_on_every_try():
    """Each try writes the status with the same text; only its class switches."""
    core = _dropped()
    out = _fail_next_try(core, core.session.retries.at)
    out += _fail_next_try(core, core.session.retries.at)
    statuses = of(out, commands.Status)
    assert {status.text for status in statuses} == {core.session.status_text}
    assert [status.cls for status in statuses] == [CONNECTING, ERROR, CONNECTING, ERROR]


def test_the_back_entry_counts_the_tries_and_the_time():
    """The connection coming back is one entry with how long it was down and the tries."""
    core = _dropped()
    _fail_next_try(core, core.session.retries.at)
    at = core.session.retries.at
    feed(core, Tick(at), Opened(URL, "", "", 12_100.0))
    assert _system(core)[-1] == (
        "Connected to server ws://h/ — back after 12 s without a connection. Attempts: 2."
    )


def test_retry_now_counts_as_the_next_try():
    """ "Retry now" starts the next try, counted like the planned ones."""
    core = _dropped()
    out = feed(core, RetryNow(101.0))
    assert of(out, commands.Open) == [commands.Open(URL, [])]
    assert of(out, commands.Countdown) == [commands.Countdown("Attempt 1: connecting…", False)]


def test_retry_now_during_a_try_does_nothing():
    """While a try connects, "retry now" is marked as doing nothing, and does nothing."""
    core = _dropped()
    feed(core, Tick(core.session.retries.at))
    assert not of(feed(core, RetryNow(1_000.0)), commands.Open)


def test_connecting_elsewhere_ends_the_outage_with_one_entry():
    """Connecting to another server during an outage stops the tries, and says how many."""
    core = _dropped()
    _fail_next_try(core, core.session.retries.at)
    out = feed(core, Connect("ws://other/", "", 2_000.0))
    assert _system(core)[-1] == "Automatic reconnect stopped. Attempts made: 1."
    assert last_status(out) == (CONNECTING, "Connecting to ws://other/…")
    assert of(out, commands.Countdown) == [commands.Countdown(None)]
    assert core.session.retries.since is None


def test_closing_a_try_ends_the_outage():
    """The close button during a try stops trying: no try is planned after its close."""
    core = _dropped()
    feed(core, Tick(core.session.retries.at))
    feed(core, Close(1_000.0), Closed(1006, "", False, 1_001.0))
    assert core.session.retries.at is None and core.session.retries.since is None
    assert "Automatic reconnect stopped. Attempts made: 1." in _system(core)


def test_unticking_the_box_during_an_outage_stops_it_and_the_status_says_so():
    """Unticking the box while the page waits to retry ends the outage in the status too."""
    core = _dropped()
    out = feed(core, AutoReconnect(False, 200.0))
    cls, text = last_status(out)
    assert cls == ERROR and text.endswith("Automatic reconnect stopped. Attempts made: 0.")
    assert not of(feed(core, Tick(1e9)), commands.Open)


def test_ticking_the_box_again_after_stop_starts_trying():
    """Stop, then the box ticked again during the outage: the page tries at once."""
    core = _dropped()
    feed(core, StopRetry(200.0))
    out = feed(core, AutoReconnect(True, 300.0))
    assert of(out, commands.Open) == [commands.Open(URL, [])]
    assert _system(core)[-1] == "Automatic reconnect on: trying again."


def test_a_policy_close_unticks_the_box_and_the_status_says_why():
    """A 1008 with reconnects on turns them off: the box, the status and the log agree."""
    core = opened(lang="en")
    core.handle(AutoReconnect(True, 0.0))
    out = feed(core, Closed(1008, "", True, 10.0))
    assert of(out, commands.ReconnectBox) == [commands.ReconnectBox(False)]
    cls, text = last_status(out)
    assert cls == CLOSED and "No automatic reconnect" in text
    assert _system(core)[-1] == text
    assert core.session.retries.auto is False


def test_the_users_close_leaves_the_box_ticked():
    """The user's own close plans no try and leaves reconnects on for the next drop."""
    core = opened(lang="en")
    core.handle(AutoReconnect(True, 0.0))
    out = feed(core, Close(10.0), Closed(1000, "", True, 20.0))
    assert not of(out, commands.ReconnectBox)
    assert core.session.retries.auto is True


def test_closing_reads_as_closing():
    """The close button shows class closing and a sentence that says it is closing."""
    core = opened(lang="en")
    cls, text = last_status(feed(core, Close(0.0)))
    assert (cls, text) == (
        CLOSING,
        "Closing the connection to ws://h/: waiting for the server to confirm…",
    )


def test_a_clean_close_by_the_server_is_not_an_error():
    """A server's orderly close is class closed: red is for failures only."""
    core = opened(lang="en")
    assert last_status(feed(core, Closed(1000, "bye", True, 0.0)))[0] == CLOSED


def test_field_error_is_cleared_once():
    """Editing a field clears its error once; later edits write nothing."""
    core = opened(lang="en")
    feed(core, Connect("ws://", "", 0.0))
    assert of(feed(core, ConnectionEdited()), commands.ConnectError) == [
        commands.ConnectError(None)
    ]
    assert feed(core, ConnectionEdited()) == []


def test_a_good_connect_clears_the_field_error():
    """A connect that passes the checks clears what was said under the fields."""
    core = client(lang="en")
    feed(core, Connect("ws://", "", 0.0))
    out = feed(core, Connect(URL, "", 1.0))
    assert of(out, commands.ConnectError) == [commands.ConnectError(None)]


def test_retries_turn_themselves_off_when_a_try_is_not_allowed():
    """plan() turns auto off and says why when the close forbids a retry."""
    retries = Retries(lambda: 0.5)
    retries.auto = True
    assert retries.plan(1006, False, True, False, 0.0) == "reconnect.rejected"
    assert retries.auto is False and retries.at is None


def test_insisting_retries_a_server_that_never_opened():
    """Once the user asked during an outage, a handshake that fails is tried again."""
    retries = Retries(lambda: 0.5)
    retries.auto = True
    retries.begin(0.0, insist=True)
    assert retries.plan(1006, False, True, False, 10.0) is None
    assert retries.at == 260.0


def test_countdown_says_the_next_attempt_then_the_one_connecting():
    """The line reads the next try's number and seconds, then that try connecting."""
    retries = Retries(lambda: 0.5)
    retries.auto = True
    retries.plan(1006, False, False, True, 0.0)
    assert retries.countdown(0.0, "pt-BR") == commands.Countdown("Tentativa 1 em 1 s…", True)
    retries.attempt()
    assert retries.countdown(300.0, "pt-BR") == commands.Countdown(
        "Tentativa 1: conectando…", False
    )
    assert retries.end() == (1, 0.0)
    assert retries.countdown(400.0, "pt-BR") == commands.Countdown(None, False)


def test_back_to_the_same_agreement_logs_one_entry():
    """Back from an outage, what the server agreed to is not logged again when unchanged."""
    core = client(lang="en", rand=lambda: 0.5)
    feed(core, AutoReconnect(True, 0.0), Connect(URL, "", 0.0), Opened(URL, "", "x-ext", 0.0))
    feed(core, Closed(1006, "", False, 10.0))
    before = len(_system(core))
    feed(core, Tick(core.session.retries.at), Opened(URL, "", "x-ext", 500.0))
    assert len(_system(core)) == before + 1
    feed(core, Closed(1006, "", False, 600.0))
    feed(core, Tick(core.session.retries.at), Opened(URL, "", "y-ext", 1_500.0))
    assert _system(core)[-1] == "Subprotocol: none. Extensions: y-ext."


def test_a_try_leaves_the_error_under_the_address_alone():
    """A bad address typed during an outage stays explained while the page retries."""
    core = _dropped()
    feed(core, Connect("ws://", "", 150.0))
    out = feed(core, Tick(core.session.retries.at))
    assert of(out, commands.Open) and not of(out, commands.ConnectError)
