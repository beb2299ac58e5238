"""Drives the core as the shell does: events in, commands out, the socket's answers fed back."""

from wsclient import commands, events
from wsclient.client import Client
from wsclient.settings import Settings

URL = "ws://h/"


def client(query="", default_server="", lang=None, rand=None):
    """A Client as the page builds it from its address."""
    if lang is not None:
        query += ("&" if query else "") + "lang=" + lang
    return Client(Settings.from_search("?" + query, default_server), 0, rand)


def feed(core, *items):
    """Feed each event and return the commands that came out, taking them from out."""
    for event in items:
        core.handle(event)
    out = list(core.out)
    core.out.clear()
    return out


def of(out, kind):
    """The commands of one kind."""
    return [command for command in out if isinstance(command, kind)]


def transmit(core, now=0.0, fail=None):
    """Carry out every pending Transmit as a socket would: take each message at now.

    fail: a detail text to refuse the first message with.

    Returns:
        The payloads handed over, and the commands that came out.
    """
    handed = []
    out = []
    for command in of(list(core.out), commands.Transmit):
        sent = []
        failure = None
        for message in command.messages:
            if fail is not None:
                failure = [message.id, fail]
                break
            sent.append([message.id, now])
            handed.append(message.payload)
        core.handle(events.Transmitted(sent, failure, now))
    out = list(core.out)
    core.out.clear()
    return handed, out


def opened(url=URL, **options):
    """A client whose connection to url is open, its commands taken."""
    core = client(**options)
    feed(core, events.Connect(url, "", 0.0), events.Opened(url, "", "", 0.0))
    return core


def send(core, text, now=0.0, mode="text"):
    """The user sends text; returns the payloads a socket took and the commands."""
    core.handle(events.Compose(mode, text, now))
    return transmit(core, now)


def texts(core):
    """(direction, text) of every kept entry."""
    return [(entry.direction, entry.text) for entry in core.log.history()]


def last_status(out):
    """The last Status command, as (class, text)."""
    status = of(out, commands.Status)[-1]
    return status.cls, status.text


def filter_log(core, text, directions=("sent", "received", "system")):
    """The user types text in the filter (or ticks boxes); the shell's timer runs out.

    Returns the commands that came out, the last of them a Draw once the filter is done.
    """
    out = feed(core, events.Filter(text, list(directions)), events.FilterDue())
    while out and isinstance(out[-1], commands.ScanLater):
        out = feed(core, events.ScanDue())
    return out
