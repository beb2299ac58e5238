"""Whole frames: the budget, the store's commands, and what long entries show page by page."""

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.core import client, feed, of, opened, send
from wsclient import commands, frames, pages
from wsclient.events import (
    BinaryReceived,
    Compose,
    FormatJson,
    ShowAll,
    Start,
    TextReceived,
    Tick,
)
from wsclient.log import RECEIVED, SYSTEM, MessageLog

MIB = 1024 * 1024


def _store(budget, sizes, cap=10_000):
    """Keep frames of these sizes; return the tracker and the store the commands leave."""
    out = []
    log = MessageLog(history_cap=cap)
    tracker = frames.Frames(cap, out, budget)
    store = []
    for size in sizes:
        seq = tracker.add(log.add(RECEIVED, "x", False, size))
        for command in out:
            store = [kept for kept in store if kept >= command.below]
        out.clear()
        if seq:
            store.append(seq)
    tracker.flush()
    for command in out:
        store = [kept for kept in store if kept >= command.below]
    return log, tracker, store


def test_budget_defaults_to_64_mib():
    """Without ?budget= the page keeps up to 64 MiB of whole frames."""
    assert client().session.frames.budget == 64 * MIB


def test_budget_parameter_sets_it_in_mib():
    """?budget=1 keeps one MiB of whole frames; 0 keeps none."""
    assert client("budget=1").session.frames.budget == MIB
    assert client("budget=0").session.frames.budget == 0


def test_bad_budget_is_noted_and_the_default_used():
    """?budget=abc gets a note naming it and the MiB used, like every other parameter."""
    core = client("budget=abc&lang=en&url=ws://x/")
    out = feed(core, Start(0.0))
    notes = [e.text for e in core.log.history() if e.direction == SYSTEM]
    assert notes == ["Invalid parameter budget=abc: use a number of MiB from 0 to 512. Using 64."]
    assert "budget" not in of(out, commands.Address)[0].query


def test_received_frame_is_kept_under_its_entry_number():
    """The core answers a received frame with the number the shell keeps it under."""
    core = opened()
    seq = core.log.next_seq
    assert core.handle(TextReceived("olá", 0.0)) == seq
    assert core.handle(BinaryReceived(b"\x01", 1, 0.0)) == seq + 1


def test_frame_over_the_budget_is_not_kept():
    """With ?budget=0 a frame is answered with 0: the shell keeps nothing."""
    core = opened(query="budget=0")
    assert core.handle(TextReceived("olá", 0.0)) == 0


def test_sent_frame_is_kept_by_a_command():
    """A message the user sends is kept whole through KeepFrame, bytes and all."""
    core = opened()
    seq = core.log.next_seq
    core.handle(Compose("hex", "de ad", 0.0))
    assert of(list(core.out), commands.KeepFrame) == [commands.KeepFrame(seq, b"\xde\xad")]


def test_a_tick_lets_go_of_what_waits():
    """Frames let go between ticks are dropped from the store at the next tick."""
    core = opened(query="budget=1")
    core.handle(TextReceived("a" * MIB, 0.0))
    out = feed(core, TextReceived("b", 0.0))
    assert of(out, commands.DropFrames) == [commands.DropFrames(core.log.next_seq - 1)]
    assert of(feed(core, Tick(0.0)), commands.DropFrames) == []


def test_small_frames_let_go_wait_for_the_tick():
    """A small frame let go waits for the tick, not one store call per message."""
    core = opened(query="budget=0")
    core.session.frames.budget = 1
    core.handle(TextReceived("a", 0.0))
    assert of(feed(core, TextReceived("b", 0.0)), commands.DropFrames) == []
    (drop,) = of(feed(core, Tick(0.0)), commands.DropFrames)
    assert drop.below == core.log.next_seq - 1


@given(
    st.integers(min_value=0, max_value=200),
    st.lists(st.integers(min_value=0, max_value=250), max_size=60),
    st.integers(min_value=1, max_value=20),
)
def test_the_store_holds_exactly_the_frames_kept(budget, sizes, cap):
    """Whatever the sizes, the store ends with the kept frames, within the budget."""
    log, tracker, store = _store(budget, sizes, cap)
    kept = [entry for entry in log.history() if tracker.kept(entry)]
    assert store == [entry.seq for entry in kept]
    assert tracker.total == sum(entry.size for entry in kept) <= budget
    newest = [entry.size for entry in log.history() if entry.size <= budget]
    if newest:
        assert kept and kept[-1].size == newest[-1]


def test_show_all_pages_a_long_binary_frame():
    """Show all dumps 64 KiB at a time from the store, with "show more" until the end."""
    core = opened(lang="en")
    seq = core.log.next_seq
    feed(core, BinaryReceived(bytes(4096), 100_000, 0.0))
    (first,) = feed(core, ShowAll(seq, 128))
    assert first == commands.ShowPage(seq, None, 128, 128 + pages.BYTES_PAGE, "Show more", None)
    (last,) = feed(core, ShowAll(seq, first.end))
    assert last == commands.ShowPage(seq, None, first.end, 100_000, None, None)


def test_show_all_outside_the_budget_dumps_the_start_held():
    """A binary frame let go shows at once the 4 KiB its entry holds, and no more."""
    core = opened(query="budget=0")
    seq = core.log.next_seq
    feed(core, BinaryReceived(bytes(range(256)) * 16, 10_000, 0.0))
    page, let_go = feed(core, ShowAll(seq, 128))
    lines = page.text.split("\n")
    assert (page.start, page.end, page.more, len(lines)) == (128, 4096, None, 248)
    assert lines[0].startswith("00000080  80 81")
    assert let_go.seq == seq and let_go.note.endswith("guarda só os primeiros 4.096)")


def test_show_more_pages_a_long_text_to_its_end():
    """A long kept text adds 64 K characters a time; the last page removes the note."""
    core = opened(lang="en")
    text = "é" * (frames.PREVIEW_CHARS + pages.TEXT_PAGE + 10)
    seq = core.log.next_seq
    feed(core, TextReceived(text, 0.0))
    shown = frames.PREVIEW_CHARS
    (page,) = feed(core, ShowAll(seq, shown))
    assert (page.text, page.end, page.more, page.note) == (
        text[shown : shown + pages.TEXT_PAGE],
        shown + pages.TEXT_PAGE,
        "Show more",
        None,
    )
    (last,) = feed(core, ShowAll(seq, page.end))
    assert (last.text, last.end, last.more, last.note) == ("é" * 10, len(text), None, "")


def test_text_let_go_keeps_its_start_and_shows_no_more():
    """A long text outside the budget holds its first 16 K characters, and says so."""
    core = opened(query="budget=0", lang="en")
    seq = core.log.next_seq
    feed(core, TextReceived("x" * (frames.SHOW_BYTES + 1), 0.0))
    assert len(core.log.at(seq).text) == frames.PREVIEW_CHARS
    note = " … (showing the start of 65,537 bytes: the rest fell outside the frame budget)"
    assert feed(core, ShowAll(seq, frames.PREVIEW_CHARS)) == [commands.LetGo(seq, note)]


def test_long_json_gets_a_format_button_when_kept():
    """A long kept text that starts as JSON offers "show more" and "format JSON"."""
    core = opened(lang="en")
    core.handle(TextReceived("[" + "1," * frames.SHOW_BYTES + "1]", 0.0))
    entry = core.log.history()[-1]
    assert pages.buttons(entry, True, "en") == ("Show more", "Format JSON")
    assert pages.buttons(entry, False, "en") == (None, None)


def test_format_json_asks_the_shell_for_a_tree_in_the_page_language():
    """Format JSON on a kept frame sends the tree's labels; on one let go, says why not."""
    core = opened(lang="en")
    seq = core.log.next_seq
    feed(core, TextReceived("[1]", 0.0))
    (tree,) = feed(core, FormatJson(seq))
    assert tree.seq == seq and tree.words["items.one"] == "{count} item"
    assert tree.words["keys"] == "{count} keys"
    (status,) = feed(core, FormatJson(999))
    assert status == commands.ToolStatus("This frame is no longer kept whole (frame budget).")


def test_format_json_of_a_frame_let_go_drops_the_buttons():
    """Format JSON on a long frame the budget let go tells its entry to say so."""
    core = opened(query="budget=0", lang="en")
    seq = core.log.next_seq
    feed(core, TextReceived("[" + "1," * frames.SHOW_BYTES + "1]", 0.0))
    let_go, status = feed(core, FormatJson(seq))
    assert let_go.seq == seq and "outside the frame budget" in let_go.note
    assert isinstance(status, commands.ToolStatus)


def test_sent_binary_entry_holds_only_its_start():
    """The entry of a 10,000-byte send holds its first 4 KiB; the store keeps the whole."""
    core = opened()
    send(core, "00" * 10_000, mode="hex")
    entry = core.log.history()[-1]
    assert len(entry.payload) == frames.HEAD_BYTES and entry.size == 10_000
    assert core.session.frames.kept(entry)
