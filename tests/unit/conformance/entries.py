"""Stand-ins for log entries, for the cases of modules that read them.

Plain objects with the attributes export and present read, so those cases do
not depend on how wsclient.log builds its entries.
"""


class Entry:
    """An entry as export.entry_record and present's functions see it."""

    def __init__(self, seq, direction, text, binary, size, time_ms, **extra):
        self.seq = seq
        self.direction = direction
        self.text = text
        self.binary = binary
        self.size = size
        self.time_ms = time_ms
        self.payload = None
        self.state = None
        self.detail = None
        self.folded = None
        self.decoded = None
        self.fields = None
        self.error = None
        self.raw = None
        self.frames = 1
        for name in extra:
            setattr(self, name, extra[name])
