"""The Script tab's examples: one for each thing users most ask a WebSocket script to do.

Each opens as a new script in the editor; none runs until the user presses Executar.
The menu's titles are i18n texts ("example.<key>"); a new script takes its title.
"""

__all__ = ["EXAMPLES", "source"]

_AUTO_REPLY = """\
# Answers "pong" to each "ping" the server sends.

@on_message
def reply(msg):
    if msg.text == "ping":
        send("pong")
"""

_HEARTBEAT = """\
# Sends a heartbeat every PERIOD seconds while the connection is open.
# on_open also runs at once when the script starts on an open connection,
# and the close cancels every timer: each opening starts it again.
PERIOD = 30

def beat():
    send({"type": "heartbeat"})

@on_open
def start():
    every(PERIOD, beat)
"""

_ECHO_TEST = """\
# Checks that the server echoes what it is sent, within 5 seconds.

@on_open
async def echo_test():
    send("olá, eco")
    reply = await expect(lambda m: m.text == "olá, eco", timeout=5, name="the echo")
    check("the echo came back whole", reply is not None and reply.size == 9)
"""

_JSON_RPC = """\
# JSON-RPC 2.0: each answer is matched to its request by "id". Point the page at a
# JSON-RPC 2.0 server: an echo server only sends the requests back.
asked = {}  # id -> method
last_id = [0]

def call(method, params):
    last_id[0] += 1
    asked[last_id[0]] = method
    send({"jsonrpc": "2.0", "id": last_id[0], "method": method, "params": params})

@on_message
def answer(msg):
    try:
        data = msg.json()
    except ScriptError:
        return  # not JSON: not an answer
    if not isinstance(data, dict) or data.get("id") not in asked:
        return
    if "method" in data:  # our own request, sent back
        log("request", data["id"], "came back as it went: this server echoes")
        return
    method = asked.pop(data["id"])
    check(method + " answered", "result" in data, msg)
    log(method, "->", data.get("result", data.get("error")))

@on_open
def ask():
    call("sum", [1, 2])
    call("echo", ["olá"])
"""

_TIMESTAMP = """\
# Adds a "ts" field (seconds since 1970) to each JSON object you send.
import time

@before_send
def stamp(msg):
    try:
        data = msg.json()
    except ScriptError:
        return msg  # not JSON: it goes as typed
    if isinstance(data, dict):
        data["ts"] = time.time()
        return data
    return msg
"""

# (key, source), in the menu's order.
EXAMPLES = (
    ("auto_reply", _AUTO_REPLY),
    ("heartbeat", _HEARTBEAT),
    ("echo_test", _ECHO_TEST),
    ("json_rpc", _JSON_RPC),
    ("timestamp", _TIMESTAMP),
)


def source(key: str) -> "str | None":
    """The example's source, or None if there is no such example."""
    for name, text in EXAMPLES:
        if name == key:
            return text
    return None
