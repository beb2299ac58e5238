"""Messages waiting for a socket: whose they are, and what the user does with them.

A message belongs to the address it was typed for (`outbox.Message.owner`) and is
handed over only to a connection to that address. When the user connects to
another address while some wait, the page asks what to do with them: send them
there, discard them, or keep them queued for their own address (the default, and
what Escape chooses). It never decides silently. Waiting messages can also be
discarded from the log, one by one or all at once.
"""

from wsclient import i18n
from wsclient.commands import DRAW, DiscardButton, Question

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.outbox import Message
    from wsclient.session import Session

__all__ = ["DISCARD", "KEEP", "SEND", "Pending"]

SEND, DISCARD, KEEP = "send", "discard", "keep"
# No question on screen: made once, since show() runs after every event but a frame.
_NONE = Question(None)


class Pending:
    """The question about other addresses' messages, and the discard tool's label.

    Args:
        session: the connection whose outbox holds the messages.

    Attributes:
        asking: whether the question is open: set by ask(), cleared by an answer.
    """

    def __init__(self, session: "Session") -> None:
        self.session = session
        self.asking = False
        # As the page starts: no question.
        self._question = _NONE
        self._tool: "str | None" = None

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.session.lang, key, **params)

    def others(self) -> "list[Message]":
        """The waiting messages that belong to another address than the session's."""
        target = self.session.target
        return [m for m in self.session.outbox.waiting() if m.owner != target]

    def ask(self) -> None:
        """The user connected somewhere: ask about the messages of other addresses, if any."""
        self.asking = True

    def answer(self, choice: str, now: float) -> None:
        """The user chose SEND (to the address connected to), DISCARD or KEEP."""
        if not self.asking:
            return
        self.asking = False
        session = self.session
        ids = [message.id for message in self.others()]
        if not ids or choice not in (SEND, DISCARD):
            return
        if choice == SEND:
            changed = session.outbox.readdress(ids, session.target)
            session.note("pending.moved", now, url=session.target, count=len(changed))
        else:
            changed = session.outbox.discard(ids)
            session.note("pending.dropped", now, count=len(changed))
        self._changed(changed)
        session.flush()

    def discard(self, seq: "int | None") -> None:
        """Discard the waiting message of entry seq, or every waiting message (None)."""
        waiting = self.session.outbox.waiting()
        ids = [m.id for m in waiting if seq is None or m.seq == seq]
        self._changed(self.session.outbox.discard(ids))

    def _changed(self, messages: "list[Message]") -> None:
        self.session.changed(messages)
        if messages:
            self.session.out.append(DRAW)

    def show(self) -> None:
        """Say the question and the discard tool's label, where they changed."""
        out = self.session.out
        question = self._ask_now() if self.asking else None
        if question is None:
            self.asking = False
            question = _NONE
        if question != self._question:
            self._question = question
            out.append(question)
        count = self.session.outbox.pending_count
        tool = self._t("discard.all", count=count) if count else None
        if tool != self._tool:
            self._tool = tool
            out.append(DiscardButton(tool))

    def _ask_now(self) -> "Question | None":
        others = self.others()
        if not others:
            return None
        url = self.session.target
        count = len(others)
        owners: "list[str | None]" = []
        for message in others:
            if message.owner not in owners:
                owners.append(message.owner)
        if owners == [None]:
            text = self._t("pending.nowhere", count=count)
        else:
            names = [self._t("pending.no_server") if o is None else o for o in owners]
            text = self._t("pending", count=count, owners=", ".join(names), url=url)
        text += " " + self._t("pending.what")
        return Question(text, self._t("pending.send", url=url))
