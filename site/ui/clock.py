"""The shell's clock: the core has none, so every event carries the time read here."""

import time

import js

from ui import bridge

__all__ = ["now", "precise_now", "utc_offset_minutes"]

_performance = js.performance
# Read as text: MicroPython turns a whole-number JS value into a 32-bit int, so a
# timeOrigin that happens to fall on a whole millisecond (one page load in ten)
# would arrive wrapped, hours off. performance.now() stays small enough to cross.
_origin = float(bridge.time_origin())


def now() -> float:
    """Wall-clock milliseconds, without an FFI call: this runs for every message."""
    return time.time() * 1000


def precise_now() -> float:
    """Wall-clock milliseconds to a fraction of one, for the echo round trip."""
    return _origin + float(_performance.now())


def utc_offset_minutes() -> int:
    """The local time zone: minutes east of UTC."""
    return -int(js.Date.new().getTimezoneOffset())
