"""What Export and Copy take: the entries the filter lets through, or every kept one."""

from tests.unit.core import feed, of, opened
from wsclient import commands
from wsclient.events import Copied, Copy, Export, Filter, FilterDue, TextReceived
from wsclient.export import fill

DIRECTIONS = ["sent", "received", "system"]


def _filtered(betas=6, alfas=8):
    """A page that keeps 15 entries (the connect note, then the messages), filtered on "beta"."""
    core = opened(lang="en")
    for text in ["beta"] * betas + ["alfa"] * alfas:
        core.handle(TextReceived(text, 0.0))
    feed(core, Filter("beta", DIRECTIONS), FilterDue())
    return core


def _lines(out):
    (download,) = of(out, commands.Download)
    return fill(download.text, {}).splitlines()


def test_export_takes_the_visible_entries_by_default():
    """With a filter showing 6 of 15, Export writes those 6 and says so."""
    core = _filtered()
    out = feed(core, Export(0.0))
    assert len(_lines(out)) == core.log.matched == 6
    assert of(out, commands.ToolStatus) == [commands.ToolStatus("Exported 6 visible entries.")]


def test_export_of_all_takes_every_kept_entry():
    """Export of all writes the 15 kept entries, filter or not, and says so."""
    out = feed(_filtered(), Export(0.0, "all"))
    assert len(_lines(out)) == 15
    assert of(out, commands.ToolStatus) == [commands.ToolStatus("Exported all 15 kept entries.")]


def test_copy_takes_the_scope_chosen_and_says_which():
    """Copy copies the 6 visible entries or all 15, and the clipboard's answer says which."""
    core = _filtered()
    (clip,) = of(feed(core, Copy()), commands.Clipboard)
    assert (clip.count, len(clip.text.split("\n"))) == (6, 6)
    assert feed(core, Copied(6)) == [commands.ToolStatus("Copied 6 visible entries.")]
    (clip,) = of(feed(core, Copy("all")), commands.Clipboard)
    assert clip.count == 15
    assert feed(core, Copied(15)) == [commands.ToolStatus("Copied all 15 kept entries.")]


def test_one_entry_is_said_in_the_singular():
    """One entry reads "1 visible entry" and "the only kept entry", not "1 entries"."""
    core = _filtered(betas=1, alfas=1)
    assert of(feed(core, Export(0.0)), commands.ToolStatus)[0].text == "Exported 1 visible entry."
    feed(core, Copy())
    assert feed(core, Copied(1)) == [commands.ToolStatus("Copied 1 visible entry.")]


def test_without_a_filter_visible_is_every_kept_entry():
    """No filter: the visible entries are all the kept ones, beyond those on screen."""
    core = opened(lang="en")
    out = feed(core, Export(0.0))
    assert len(_lines(out)) == len(core.log.history())
