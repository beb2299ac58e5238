"""wsclient.frames: the frame budget, and the store the shell keeps by its commands."""

import random

from wsclient import frames
from wsclient.commands import DropFrames
from wsclient.log import RECEIVED, SENT, MessageLog


class _Page:
    """A log, its frame budget, and the shell's store as the commands leave it."""

    def __init__(self, budget, cap=10):
        self.out = []
        self.log = MessageLog(history_cap=cap)
        self.frames = frames.Frames(cap, self.out, budget)
        # The numbers of the frames kept, in the order kept, as the JavaScript Map
        # iterates them (MicroPython's dicts keep no order).
        self.store = []
        self.done = []  # the commands carried out, as lists

    def frame(self, size, direction=RECEIVED, text="x"):
        entry = self.log.add(direction, text, False, size)
        seq = self.frames.add(entry)
        self.carry_out()
        if seq:
            self.store.append(seq)
        return entry

    def carry_out(self):
        for command in self.out:
            self.done.append(command.as_list())
            if isinstance(command, DropFrames):
                gone = 0
                for seq in self.store:
                    if seq >= command.below:
                        break  # kept in order: the rest are newer
                    gone += 1
                del self.store[:gone]
        self.out.clear()

    def kept(self):
        return [entry.seq for entry in self.log.history() if self.frames.kept(entry)]


def _within():
    page = _Page(100)
    entries = [page.frame(40), page.frame(50)]
    return [page.kept(), page.frames.total, [page.frames.kept(e) for e in entries]]


def _oldest_go_first():
    page = _Page(100)
    for size in (40, 50, 30, 20):
        page.frame(size)
    return [page.kept(), page.frames.total]


def _too_big_alone():
    page = _Page(100)
    page.frame(40)
    big = page.frame(101)
    page.frame(50)
    return [page.kept(), page.frames.kept(big), page.frames.total]


def _left_the_log():
    page = _Page(10**6, cap=3)
    for _ in range(5):
        page.frame(1)
    page.frames.flush()
    page.carry_out()
    return [page.kept(), sorted(page.store), len(page.frames)]


def _batched():
    """Small frames let go wait for a batch; a tick (flush) sends what waits."""
    page = _Page(10**6, cap=2)
    for _ in range(5):
        page.frame(1)
    waiting = list(page.done)
    page.frames.flush()
    page.carry_out()
    return [waiting, page.done]


def _a_full_batch():
    page = _Page(10**7, cap=1)
    for _ in range(frames.DROP_COUNT + 1):
        page.frame(1)
    return page.done


def _big_drops_at_once():
    page = _Page(frames.DROP_BYTES)
    page.frame(frames.DROP_BYTES)
    page.frame(1)
    return page.done


def _cleared():
    page = _Page(100)
    page.frame(10)
    page.frame(10)
    page.log.clear()
    page.frames.clear(page.log.next_seq)
    page.carry_out()
    return [page.store, page.frames.total, len(page.frames), page.kept()]


def _cut_when_let_go():
    """A frame let go leaves its entry with what the log shows: the start."""
    page = _Page(frames.SHOW_BYTES + 10)
    long_text = "a" * (frames.SHOW_BYTES + 1)
    text = page.log.add(RECEIVED, long_text, False, len(long_text))
    page.frames.add(text)
    data = bytes(5000)
    binary = page.log.add(SENT, "00 …", True, 5000, 0, data)
    page.frames.add(binary)
    page.frames.add(page.log.add(RECEIVED, "b", False, frames.SHOW_BYTES))
    return [
        len(text.text),
        len(binary.payload),
        frames.whole_in_log(text),
        frames.whole_in_log(binary),
    ]


def _random_walk():
    """Random sizes, clears and ticks: the store always matches what the budget keeps."""
    random.seed(1009)
    page = _Page(1000, cap=20)
    wrong = []
    for step in range(3000):
        roll = random.random()
        if roll < 0.9:
            page.frame(random.choice((0, 1, 10, 100, 400, 999, 1000, 1001)))
        elif roll < 0.97:
            page.frames.flush()
            page.carry_out()
            if sorted(page.store) != page.kept():
                wrong.append(step)
        else:
            page.log.clear()
            page.frames.clear(page.log.next_seq)
            page.carry_out()
        kept = page.kept()
        sizes = sum([page.log.at(seq).size for seq in kept])
        if sizes != page.frames.total or sizes > 1000 or not set(kept) <= set(page.store):
            wrong.append(step)
    return wrong


CASES = [
    ("frames within the budget are kept", _within, [[1, 2], 90, [True, True]]),
    ("past the budget the oldest go first", _oldest_go_first, [[2, 3, 4], 100]),
    ("a frame over the whole budget is not kept", _too_big_alone, [[1, 3], False, 90]),
    ("frames of entries that left the log go", _left_the_log, [[3, 4, 5], [3, 4, 5], 3]),
    ("small frames let go wait for a batch", _batched, [[], [["DropFrames", 4]]]),
    ("a full batch goes at once", _a_full_batch, [["DropFrames", frames.DROP_COUNT + 1]]),
    ("a big frame let go goes at once", _big_drops_at_once, [["DropFrames", 2]]),
    ("clear lets go of every frame", _cleared, [[], 0, 0, []]),
    ("letting go leaves the start", _cut_when_let_go, [frames.PREVIEW_CHARS, 4096, False, False]),
    ("random walk keeps the store in step", _random_walk, []),
]
