"""The script worker's runtime on the real MicroPython build, fed a conversation as by the page."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("worker_runner.mjs")

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def _run(source, *steps, connected=True, values=None, proto="raw"):
    """Run source in the runtime, then each step; return what the worker posted, as dicts.

    A step is a dict (a message from the page) or `_until(fields)`: wait until the
    worker posts a message with those fields.
    """
    run = {"t": "run", "source": source, "open": connected, "vars": values or {}, "proto": proto}
    plan = [["page", json.dumps(run)]]
    for step in steps:
        plan.append(list(step) if isinstance(step, tuple) else ["page", json.dumps(step)])
    done = subprocess.run(
        ["node", str(RUNNER), str(ROOT / "site")],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _until(**fields):
    return ("until", fields)


def _messages(*texts, at=1.0):
    return {"t": "messages", "items": [["t", text, at] for text in texts]}


def _kinds(posts, kind):
    return [{k: v for k, v in post.items() if k != "t"} for post in posts if post["t"] == kind]


def test_a_message_hook_sees_text_bytes_and_json_and_answers():
    """@on_message gets each message, with its text, bytes, size and JSON, and send() answers."""
    source = """
@on_message
def reply(msg):
    if msg.is_binary:
        send(bytes(reversed(msg.data)))
    else:
        send({"got": msg.json()["n"], "size": msg.size})
"""
    posts = _run(source, {"t": "messages", "items": [["t", '{"n": 1}', 1.0], ["b", "0102", 2.0]]})
    text, binary = _kinds(posts, "send")
    assert json.loads(text["text"]) == {"got": 1, "size": 8}
    assert binary == {"hex": "0201"}


def test_open_and_close_hooks_get_their_arguments():
    """@on_open runs when the connection opens; @on_close gets the code, reason and cleanness."""
    source = """
@on_open
def hello():
    send("hello")

@on_close
def bye(code, reason, clean):
    log("closed", code, reason, clean)
"""
    posts = _run(
        source,
        {"t": "open"},
        {"t": "close", "code": 4000, "reason": "fim", "clean": True},
        connected=False,
    )
    assert _kinds(posts, "send") == [{"text": "hello"}]
    assert _kinds(posts, "log") == [{"text": "closed 4000 fim True"}]


def test_an_async_hook_runs_on_while_others_keep_going():
    """An async def hook may await; the next message's hook does not wait for it."""
    source = """
import asyncio

@on_message
async def slow(msg):
    await asyncio.sleep(0.05)
    send("late " + msg.text)

@on_message
def fast(msg):
    send("now " + msg.text)
"""
    posts = _run(source, _messages("a"), _until(t="send", text="late a"))
    assert _kinds(posts, "send") == [{"text": "now a"}, {"text": "late a"}]


def test_timers_fire_and_stop_when_the_connection_closes():
    """every() repeats and after() fires once; the close cancels both before they fire again."""
    source = """
ticks = []

def tick():
    ticks.append(1)
    if len(ticks) == 3:
        log("three ticks")

every(0.02, tick)
after(0.01, lambda: send("once"))
after(60, lambda: send("a minute too late"))

@on_close
def closed(code, reason, clean):
    seen = len(ticks)
    # Made after the close, so it runs: by then the old every() would have ticked.
    after(0.1, lambda: log("after the close", len(ticks) - seen))
"""
    posts = _run(
        source,
        _until(t="send", text="once"),
        _until(t="log", text="three ticks"),
        {"t": "close", "code": 1000, "reason": "", "clean": True},
        _until(t="log", text="after the close 0"),
        connected=True,
    )
    assert _kinds(posts, "send") == [{"text": "once"}]
    assert not _kinds(posts, "error")


def test_an_interval_under_10_ms_is_refused_with_a_sentence():
    """every(0.001, ...) stops the script with a message that names the 10 ms floor."""
    posts = _run("every(0.001, print)\n")
    [error] = _kinds(posts, "error")
    assert error["traceback"].endswith(
        "ScriptError: every() needs at least 0.01 s (10 ms) between calls, not 0.001 s"
    )
    assert error["line"] == 1


def test_more_than_1000_sends_a_second_stop_the_script():
    """The 1,001st send within a second stops the script and says why; 1,000 went out."""
    source = """
@on_open
def flood():
    for i in range(1500):
        send(str(i))
"""
    posts = _run(source, {"t": "open"}, connected=False)
    assert len(_kinds(posts, "send")) == 1000
    assert _kinds(posts, "stopped") == [{"why": "rate"}]


def test_more_than_1000_log_lines_a_second_stop_the_script():
    """A loop of log() cannot flood the page: the 1,001st line in a second stops it."""
    source = """
while True:
    log("again")
"""
    posts = _run(source, connected=False)
    assert len(_kinds(posts, "log")) == 1000
    assert _kinds(posts, "stopped") == [{"why": "log_rate"}]


def test_check_names_text_the_script_gives_as_its_message():
    """check(name, condition, "why") shows the text in the results, as a message would be."""
    posts = _run('check("fast enough", False, "took 3 s")\n', connected=False)
    [check] = _kinds(posts, "check")
    assert check["result"]["message"] == "took 3 s"
    assert not check["result"]["passed"]


def test_check_and_expect_record_passes_and_failures():
    """check() records its result; expect() passes on a matching message, fails on its timeout."""
    source = """
@on_open
async def test():
    check("opened", True)
    reply = await expect(lambda m: m.text == "pong", timeout=1, name="pong")
    check("reply is pong", reply is not None and reply.text == "pong")
    await expect(lambda m: m.text == "never", timeout=0.05, name="never")
"""
    never = _until(t="check", result={"name": "expect never"})
    opened = _until(t="check", result={"name": "opened"})  # the test is now at its first expect
    posts = _run(source, {"t": "open"}, opened, _messages("ping", "pong"), never, connected=False)
    results = [(r["result"]["name"], r["result"]["passed"]) for r in _kinds(posts, "check")]
    assert results == [
        ("opened", True),
        ("expect pong", True),
        ("reply is pong", True),
        ("expect never", False),
    ]
    assert _kinds(posts, "check")[3]["result"]["detail"] == "no message met it within 0.05 s"
    assert _kinds(posts, "check")[1]["result"]["message"] == "pong"


def test_an_exception_gives_its_traceback_and_line_and_stops_the_script():
    """A hook that raises stops the script; the traceback starts at the script, names its line."""
    source = "x = 1\n\n@on_message\ndef broken(msg):\n    return 1 / 0\n"
    posts = _run(source, _messages("a", "b"))
    [error] = _kinds(posts, "error")
    assert error["line"] == 5
    assert error["traceback"].splitlines() == [
        "Traceback (most recent call last):",
        '  File "script.py", line 5, in broken',
        "ZeroDivisionError: divide by zero",
    ]


def test_a_syntax_error_names_its_line():
    """A script that does not compile says where."""
    posts = _run("send('a')\nif x\n")
    [error] = _kinds(posts, "error")
    assert error["line"] == 2
    assert error["traceback"].endswith("SyntaxError: invalid syntax")
    assert not _kinds(posts, "running")


def test_before_send_changes_drops_or_fails_each_message():
    """before_send's result is what goes; None drops it; an error keeps it unsent."""
    source = """
@before_send
def stamp(msg):
    if msg.text == "skip":
        return None
    if msg.text == "boom":
        raise ValueError("no")
    data = msg.json()
    data["ts"] = 1
    return data
"""
    posts = _run(
        source,
        {"t": "before_send", "id": 1, "text": '{"a": 0}'},
        {"t": "before_send", "id": 2, "text": "skip"},
        {"t": "before_send", "id": 3, "text": "boom"},
        _until(t="error"),
    )
    answers = [post for post in posts if post["t"] in ("sent", "dropped", "unsent")]
    answers[0]["text"] = json.loads(answers[0]["text"])
    assert answers == [
        {"t": "sent", "id": 1, "text": {"a": 0, "ts": 1}},
        {"t": "dropped", "id": 2},
        {"t": "unsent", "id": 3},
    ]
    assert _kinds(posts, "error")[0]["line"] == 7


def test_vars_reads_the_table_and_writes_back():
    """vars holds the table's values; a write goes to the page; the page's edits come in."""
    source = """
log(vars["host"])
vars["token"] = "abc"

@on_message
def show(msg):
    log(vars.get("user", "-"))
"""
    posts = _run(
        source,
        {"t": "vars", "values": {"user": "ana"}},
        _messages("a"),
        values={"host": "example"},
    )
    assert _kinds(posts, "log") == [{"text": "example"}, {"text": "ana"}]
    assert _kinds(posts, "vars") == [{"values": {"token": "abc"}}]


def test_send_while_closed_and_a_bad_close_code_are_explained():
    """send() with no connection, and close() with a code the browser refuses, say why."""
    assert _kinds(_run("send('x')\n", connected=False), "error")[0]["traceback"].endswith(
        "ScriptError: send(): the connection is not open"
    )
    assert _kinds(_run("close(1006)\n"), "error")[0]["traceback"].endswith(
        "ScriptError: close() takes the code 1000 or one from 3000 to 4999, not 1006"
    )


def test_close_and_print_reach_the_page():
    """close() asks the page to close with its code and reason; print() writes to the log."""
    posts = _run("print('a', 1)\nclose(4001, 'done')\n")
    assert _kinds(posts, "log") == [{"text": "a 1"}]
    assert _kinds(posts, "close") == [{"code": 4001, "reason": "done"}]


def test_on_open_runs_at_once_when_the_script_starts_on_an_open_connection():
    """A script started while connected runs its on_open hooks after its own code."""
    source = "@on_open\ndef hello():\n    send('hello')\n\nlog('loaded')\n"
    posts = _run(source)
    assert [post["t"] for post in posts] == ["log", "running", "send"]
    assert _kinds(_run(source, connected=False), "send") == []


def test_socketio_emit_posts_and_its_ack_and_events_reach_the_script():
    """emit() posts the event with bytes as hex; the ack's callback and @on_event hear back."""
    source = """
@on_event("chat")
def chat(*args):
    log("event", *args)

emit("chat", "olá", b"\\x01", ack=lambda *args: log("ack", *args))
"""
    events = [
        {"kind": "ack", "id": 0, "ref": 1, "args": ["ok"]},
        {"kind": "event", "name": "chat", "args": ["oi", {"base64": "AQ=="}]},
        {"kind": "event", "name": "other", "args": []},
    ]
    posts = _run(source, {"t": "proto", "events": events}, proto="socketio")
    assert _kinds(posts, "emit") == [{"event": "chat", "args": ["olá", {"hex": "01"}], "ref": 1}]
    assert [post["text"] for post in posts if post["t"] == "log"] == ["ack ok", "event oi b'\\x01'"]


def test_mqtt_calls_post_and_on_publish_matches_its_filter():
    """subscribe(), publish() and unsubscribe() post; @on_publish gets matching topics only."""
    source = """
subscribe("s/#", 1)
publish("s/a", {"v": 1}, qos=2, retain=True)
unsubscribe("s/#")

@on_publish("s/+")
def seen(topic, payload):
    log(topic, payload)
"""
    events = [
        {"kind": "publish", "topic": "s/a", "hex": "6869"},
        {"kind": "publish", "topic": "s/a/b", "hex": "6869"},
        {"kind": "publish", "topic": "s/c", "hex": "ff"},
    ]
    posts = _run(source, {"t": "proto", "events": events}, proto="mqtt")
    assert _kinds(posts, "subscribe") == [{"filter": "s/#", "qos": 1}]
    assert _kinds(posts, "publish") == [
        {"topic": "s/a", "qos": 2, "retain": True, "text": '{"v": 1}'}
    ]
    assert _kinds(posts, "unsubscribe") == [{"filter": "s/#"}]
    assert [post["text"] for post in posts if post["t"] == "log"] == ["s/a hi", "s/c b'\\xff'"]


def test_a_call_of_another_protocol_is_an_error_at_its_line():
    """emit() on an MQTT connection raises ScriptError, shown with its line."""
    posts = _run("x = 1\nemit('chat')\n", proto="mqtt")
    error = _kinds(posts, "error")[0]
    assert error["line"] == 2
    assert "emit() needs a Socket.IO connection; this one speaks MQTT" in error["traceback"]


def test_graphql_subscribe_posts_and_on_next_hears_results():
    """subscribe(query, variables) posts the operation; @on_next gets each result."""
    source = """
@on_next
def counted(data, op):
    log(op, data["data"])

subscribe("subscription { n }", {"to": 2})
"""
    events = [{"kind": "next", "id": "1", "payload": {"data": 5}}]
    posts = _run(source, {"t": "proto", "events": events}, proto="graphql")
    assert _kinds(posts, "subscribe") == [{"query": "subscription { n }", "variables": {"to": 2}}]
    assert [post["text"] for post in posts if post["t"] == "log"] == ["1 5"]
