"""What an MQTT client does by itself: packet ids, the QoS 1 and 2 flows, and the
keep-alive. Pure bookkeeping: packets (wsclient.mqtt's dicts) and times go in, the
packets to send and what became of each flow come out.

- QoS 1 out: PUBLISH, then PUBACK ends it. QoS 2 out: PUBLISH, PUBREC, then our
  PUBREL, and PUBCOMP ends it (MQTT 5.0 §4.3).
- QoS 1 in: answered with PUBACK. QoS 2 in: PUBREC, and PUBCOMP once PUBREL comes;
  a PUBLISH that comes again with the same id before its PUBREL is not delivered twice.
- Keep-alive: a PINGREQ when nothing was sent for keep_alive seconds; a PINGRESP not
  come within keep_alive seconds after it means the connection is dead (§3.1.2.10).

The flows are the same on 3.1.1 and 5.0; a reason code of 0x80 or more, which only 5.0
sends, ends a QoS 2 flow at its PUBREC.
"""

__all__ = ["Flows", "Outcome"]

_MAX_ID = 65535


class Outcome:
    """What a packet received did.

    Attributes:
        send: the packets to send in answer.
        deliver: whether a PUBLISH is new to the user (not a QoS 2 duplicate).
        done: ids of our flows it ended, with their type ("PUBLISH", "SUBSCRIBE"…).
        unknown: an acknowledgement for an id we are not waiting on.
    """

    def __init__(self) -> None:
        self.send: "list[dict]" = []
        self.deliver = False
        self.done: "list[list]" = []
        self.unknown = False


class Flows:
    """One connection's flows.

    Args:
        keep_alive: seconds, as the CONNECT said (0: no keep-alive).
    """

    def __init__(self, keep_alive: int = 60) -> None:
        self.keep_alive = keep_alive
        self._next = 1
        # id -> [what we wait for: "PUBACK", "PUBREC", "PUBCOMP", "SUBACK", "UNSUBACK",
        #        the packet's type]
        self._waiting: "dict[int, list[str]]" = {}
        self._received_qos2: "set[int]" = set()
        self._sent_at: "float | None" = None
        self._ping_at: "float | None" = None

    def waiting(self) -> "dict[int, str]":
        """Our flows still open: id -> what they wait for."""
        return {number: state[0] for number, state in self._waiting.items()}

    def _new_id(self) -> int:
        for _ in range(_MAX_ID):
            number = self._next
            self._next = number % _MAX_ID + 1
            if number not in self._waiting:
                return number
        raise ValueError("all 65535 packet ids are in use")

    def publish(self, topic: str, payload: bytes, qos: int = 0, retain: bool = False) -> dict:
        """A PUBLISH to send, with a packet id of its own when qos is 1 or 2."""
        packet: dict = {
            "type": "PUBLISH",
            "topic": topic,
            "payload": payload,
            "qos": qos,
            "retain": retain,
        }
        if qos:
            number = self._new_id()
            packet["id"] = number
            self._waiting[number] = ["PUBACK" if qos == 1 else "PUBREC", "PUBLISH"]
        return packet

    def subscribe(self, topics: "list[dict]") -> dict:
        """A SUBSCRIBE to send for topics ({"filter", "qos"} each)."""
        number = self._new_id()
        self._waiting[number] = ["SUBACK", "SUBSCRIBE"]
        return {"type": "SUBSCRIBE", "id": number, "topics": topics}

    def unsubscribe(self, filters: "list[str]") -> dict:
        """An UNSUBSCRIBE to send for filters."""
        number = self._new_id()
        self._waiting[number] = ["UNSUBACK", "UNSUBSCRIBE"]
        return {"type": "UNSUBSCRIBE", "id": number, "topics": filters}

    def sent(self, now: float) -> None:
        """A packet went out at now (seconds), the CONNECT first: the keep-alive counts
        from the last one."""
        self._sent_at = now

    def received(self, packet: dict, now: float) -> Outcome:
        """What a received packet does to the flows."""
        out = Outcome()
        kind = packet["type"]
        number = packet.get("id", 0)  # every packet of a flow has one; 0 is no id
        if kind == "PUBLISH":
            qos = packet.get("qos", 0)
            out.deliver = not (qos == 2 and number in self._received_qos2)
            if qos == 1:
                out.send.append({"type": "PUBACK", "id": number})
            elif qos == 2:
                self._received_qos2.add(number)
                out.send.append({"type": "PUBREC", "id": number})
        elif kind == "PUBREL":
            self._received_qos2.discard(number)
            out.send.append({"type": "PUBCOMP", "id": number})
        elif kind in ("PUBACK", "PUBREC", "PUBCOMP", "SUBACK", "UNSUBACK"):
            state = self._waiting.get(number)
            if state is None or state[0] != kind:
                out.unknown = True
            elif kind == "PUBREC" and packet.get("code", 0) < 0x80:
                state[0] = "PUBCOMP"
                out.send.append({"type": "PUBREL", "id": number})
            else:
                # A PUBREC with a failure code ends the flow too (MQTT 5.0 §4.3.3).
                del self._waiting[number]
                out.done.append([number, state[1]])
        elif kind == "PINGRESP":
            self._ping_at = None
        return out

    def tick(self, now: float) -> "list[dict] | None":
        """The packets the keep-alive sends now; None once a PINGRESP is overdue."""
        if not self.keep_alive:
            return []
        if self._ping_at is not None:
            return None if now - self._ping_at >= self.keep_alive else []
        if self._sent_at is not None and now - self._sent_at >= self.keep_alive:
            self._ping_at = now
            self._sent_at = now
            return [{"type": "PINGREQ"}]
        return []
