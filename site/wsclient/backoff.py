"""The reconnect policy: exponential backoff with full jitter, and when not to retry at all."""

import random

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["NO_RETRY_CODES", "Backoff", "should_retry"]

# Close codes after which a new connection would meet the same refusal: code -> reason key.
# 3000 and 3003 (Unauthorized, Forbidden, in the IANA registry) are policy refusals too.
NO_RETRY_CODES = {
    1003: "reconnect.unsupported",
    1008: "reconnect.policy",
    3000: "reconnect.policy",
    3003: "reconnect.policy",
}


class Backoff:
    """Exponential backoff with full jitter: delay = rand() * min(cap, base * 2**attempt).

    Full jitter spreads the clients of a restarted server over the whole window
    instead of sending them back all at once.

    A server that accepts and then drops every connection must not get a reconnect
    loop at full speed, so a connection counts as a success only once it has stayed
    open for stable_ms: the shell calls closed_after() with how long it was open, or
    reset() itself when it knows better.

    Args:
        base_ms: the window of the first delay.
        cap_ms: the largest window, and so the longest delay.
        rand: a function of no arguments returning a float in [0, 1);
            random.random when None.
        stable_ms: how long a connection must stay open to reset the backoff.

    Attributes:
        attempt: delays handed out since the last reset; the next delay's window is
            min(cap_ms, base_ms * 2**attempt).
    """

    def __init__(
        self,
        base_ms: int = 500,
        cap_ms: int = 30000,
        rand: "Callable[[], float] | None" = None,
        stable_ms: float = 5000,
    ) -> None:
        if base_ms <= 0 or cap_ms <= 0:
            raise ValueError("base_ms and cap_ms must be positive")
        self.base_ms = base_ms
        self.cap_ms = cap_ms
        self.stable_ms = stable_ms
        self._rand = rand if rand is not None else random.random
        self.attempt = 0

    def window(self) -> int:
        """Return the upper bound of the next delay: min(cap_ms, base_ms * 2**attempt)."""
        ceiling = self.base_ms
        # Doubling step by step stops at the cap, so a long outage never builds huge ints.
        for _ in range(self.attempt):
            if ceiling >= self.cap_ms:
                break
            ceiling *= 2
        return min(self.cap_ms, ceiling)

    def next_delay(self) -> int:
        """Return the milliseconds to wait before the next attempt, and count the attempt.

        The delay is an int in [0, window()], whatever rand returns.
        """
        ceiling = self.window()
        self.attempt += 1
        r = self._rand()
        if not 0 <= r <= 1:  # also catches NaN
            r = 0
        return int(r * ceiling)

    def reset(self) -> None:
        """Start again from the first window: a connection opened and stayed open."""
        self.attempt = 0

    def closed_after(self, open_ms: float) -> bool:
        """A connection that had opened closed after open_ms; reset if it was stable.

        Returns:
            True when the backoff was reset.
        """
        if open_ms >= self.stable_ms:
            self.reset()
            return True
        return False


def should_retry(
    code: object, user_closed: bool, handshake_failed: bool, was_open: bool
) -> "tuple[bool, str]":
    """Decide whether to reconnect by itself after a close, and say why.

    The rules, first match wins:

    1. The user closed the connection: never ("reconnect.user").
    2. The server closed with 1003 Unsupported Data ("reconnect.unsupported"), 1008
       Policy Violation, 3000 Unauthorized or 3003 Forbidden ("reconnect.policy"):
       a new connection would be refused the same way.
    3. The socket never reached OPEN and no earlier connection to this URL had opened
       in this session: no ("reconnect.rejected"). Browsers hide why a handshake
       failed (the close is always 1006, no HTTP status), so a server that rejected
       the handshake, a refused TCP connection, a wrong port and a TLS error all look
       alike. On the very first attempt the likeliest cause is a wrong address or a
       server that says no, and retrying forever would hide it from the user.
       On a reconnect to a server that was working a moment ago, the likeliest cause
       is that it is restarting and refuses connections for a while, so such a
       failure is retried (rule 5), or reconnecting after a restart would never work.
    4. The server closed with 1000 Normal Closure: no ("reconnect.normal"). It said
       that it is done; servers that restart send 1001 Going Away or 1012 Service
       Restart instead.
    5. Anything else is retried ("reconnect.retry"): 1001, 1005, 1006 (the network
       or the server went away), 1011, 1012, 1013, 1014, and every other code,
       as a fresh connection may well work and the backoff keeps retries polite.

    Args:
        code: the close event's code.
        user_closed: the user asked for this close (the close button, a new URL).
        handshake_failed: this socket never reached OPEN.
        was_open: a connection to this URL opened earlier in this session, or this one did.

    Returns:
        (retry, reason_key): whether to reconnect, and the i18n key that says why.
    """
    if user_closed:
        return False, "reconnect.user"
    key = NO_RETRY_CODES.get(code) if isinstance(code, int) else None
    if key is not None:
        return False, key
    if handshake_failed and not was_open:
        return False, "reconnect.rejected"
    if code == 1000:
        return False, "reconnect.normal"
    return True, "reconnect.retry"
