"""The page's side of a user's script: the worker's life, what it hears, what its requests do."""

import json

from tests.unit.core import feed, of, opened
from wsclient import commands, events
from wsclient.log import CHECK, SCRIPT
from wsclient.scriptdata import (
    EndWorker,
    PostToWorker,
    RunScript,
    ScriptChange,
    ScriptListens,
    ScriptNotice,
    ScriptResult,
    ScriptState,
    ScriptTraceback,
    StartWorker,
    StopScript,
    WorkerSaid,
)


def _posts(out):
    return [json.loads(command.text) for command in of(out, PostToWorker)]


def _handed(out):
    """The payloads of the Transmit commands in out: what the socket is given."""
    return [
        message.payload for command in of(out, commands.Transmit) for message in command.messages
    ]


def _said(core, **fields):
    return feed(core, WorkerSaid(json.dumps(fields), 1.0))


def _running(core, **wants):
    """Run a script in core, and have its worker say it is running with those hooks."""
    feed(core, RunScript("pass", 0.0))
    hooks = {"on_open": False, "on_message": False, "on_close": False, "before_send": False}
    hooks.update(wants)
    _said(core, t="running", wants=hooks)
    return core


def _entries(core, direction):
    return [entry.text for entry in core.log.take_batch()[0] if entry.direction == direction]


def test_run_starts_a_worker_with_the_source_the_table_and_the_connection():
    """Executar starts a worker, posts the script with the variables, and listens."""
    core = opened()
    feed(core, events.VariablesEdited([["token", "abc"]]))
    out = feed(core, RunScript("send('x')", 0.0))
    assert of(out, StartWorker) == [StartWorker()]
    assert _posts(out) == [
        {"t": "run", "source": "send('x')", "vars": {"token": "abc"}, "open": True, "proto": "raw"}
    ]
    assert of(out, ScriptListens) == [ScriptListens(True)]
    assert of(out, ScriptState) == [ScriptState("starting", "iniciando…")]


def test_running_again_ends_the_old_worker_first():
    """Executar while a script runs ends its worker before the new one starts."""
    core = _running(opened())
    out = feed(core, RunScript("pass", 1.0))
    kinds = [type(command) for command in out if type(command) in (EndWorker, StartWorker)]
    assert kinds == [EndWorker, StartWorker]


def test_stop_ends_the_worker_and_says_stopped():
    """Parar script ends the worker at once and stops the feed."""
    core = _running(opened())
    out = feed(core, StopScript(2.0))
    assert of(out, EndWorker) == [EndWorker()]
    assert of(out, ScriptListens) == [ScriptListens(False)]
    assert of(out, ScriptState) == [ScriptState("stopped", "parado")]
    assert feed(core, StopScript(3.0)) == []


def test_the_worker_hears_the_connection_open_and_close():
    """Open and close go to a running script, with the close's code, reason and cleanness."""
    core = _running(opened())
    feed(core, events.Close(1.0))
    out = feed(core, events.Closed(4000, "fim", True, 2.0))
    assert _posts(out) == [{"t": "close", "code": 4000, "reason": "fim", "clean": True}]
    feed(core, events.Connect("ws://h/", "", 3.0))
    assert _posts(feed(core, events.Opened("ws://h/", "", "", 4.0))) == [
        {"t": "open", "proto": "raw"}
    ]


def test_a_scripts_send_goes_out_and_is_logged_as_sent():
    """send() from the script queues a frame like the user's: text, or binary from hex."""
    core = _running(opened())
    handed = _handed(_said(core, t="send", text="pong")) + _handed(
        _said(core, t="send", hex="0102")
    )
    assert handed == ["pong", b"\x01\x02"]


def test_a_scripts_close_passes_its_code_and_reason():
    """close(4001, "done") closes the socket with that code and reason."""
    core = _running(opened())
    out = _said(core, t="close", code=4001, reason="done")
    assert of(out, commands.CloseSocket) == [commands.CloseSocket(4001, "done")]


def test_log_and_checks_become_entries_and_result_rows():
    """log() adds a script entry; a check adds a row, a check entry, and a summary at the end."""
    core = _running(opened())
    core.log.take_batch()
    _said(core, t="log", text="olá")
    result = {"name": "pong came", "passed": False, "time": 1.0, "message": "ping", "detail": "x"}
    out = _said(core, t="check", result=result)
    assert of(out, ScriptResult) == [
        ScriptResult(["pong came", "falhou", "ping", "x", "00:00:01.000"], False)
    ]
    batch = core.log.take_batch()[0]
    assert [(e.direction, e.text) for e in batch] == [
        (SCRIPT, "olá"),
        (CHECK, "pong came: falhou · x · ping"),
    ]
    out = feed(core, StopScript(2.0))
    announced = [command.text for command in of(out, commands.Announce)]
    assert announced == ["Verificações do script: 0 passaram, 1 falharam."]


def test_an_error_ends_the_worker_and_shows_the_traceback_and_line():
    """The worker's error ends it, shows the traceback, and names the line in the state."""
    core = _running(opened())
    out = _said(core, t="error", traceback="Traceback…\nZeroDivisionError", line=5)
    assert of(out, EndWorker) == [EndWorker()]
    assert of(out, ScriptTraceback) == [ScriptTraceback("Traceback…\nZeroDivisionError", 5)]
    assert of(out, ScriptState) == [ScriptState("error", "erro na linha 5")]
    assert core.session.state == "open"


def test_the_rate_cap_is_said_in_the_pages_language():
    """The worker's own stop, at the rate cap, is worded by the page."""
    core = _running(opened(lang="en"))
    out = _said(core, t="stopped", why="rate")
    assert of(out, ScriptState) == [
        ScriptState("stopped", "stopped: the script sent more than 1000 messages in one second")
    ]


def test_the_log_cap_is_said_in_the_pages_language():
    """The worker's stop at the log cap says it was the log, not the sends."""
    core = _running(opened())
    out = _said(core, t="stopped", why="log_rate")
    assert of(out, ScriptState) == [
        ScriptState("stopped", "parado: o script escreveu mais de 1000 linhas no log em um segundo")
    ]


def test_before_send_holds_the_users_message_until_the_script_answers():
    """With a before_send hook, a send waits for the script, and what it answers goes."""
    core = _running(opened(), before_send=True)
    out = feed(core, events.Compose("text", '{"a": 1}', 1.0))
    assert _posts(out) == [{"t": "before_send", "id": 1, "text": '{"a": 1}'}]
    assert of(out, commands.ComposerText) == [commands.ComposerText("")]
    assert _handed(out) == []
    assert _handed(_said(core, t="sent", id=1, text='{"a": 1, "ts": 5}')) == ['{"a": 1, "ts": 5}']


def test_a_dropped_or_unanswered_send_is_not_sent_and_is_said_with_its_text():
    """before_send's None drops a message; a script that ends first leaves it unsent: both said."""
    core = _running(opened(), before_send=True)
    out = feed(core, events.Compose("text", "um", 1.0), events.Compose("text", "dois", 1.0))
    core.log.take_batch()
    out += _said(core, t="dropped", id=1) + feed(core, StopScript(2.0))
    assert _handed(out) == []
    notes = [entry.text for entry in core.log.take_batch()[0] if entry.direction == "system"]
    assert notes == [
        "O before_send do script descartou a mensagem, que não foi enviada: um",
        "Não enviada: o before_send do script não respondeu (falhou, ou o script parou): dois",
    ]


def test_without_before_send_a_message_goes_at_once():
    """A script with no before_send hook leaves the user's sends as they are."""
    core = _running(opened())
    assert _handed(feed(core, events.Compose("text", "oi", 1.0))) == ["oi"]


def test_the_scripts_variables_reach_the_table_and_storage():
    """vars writes from the script redraw the table and keep it; a deletion removes the row."""
    core = _running(opened())
    feed(core, events.VariablesEdited([["a", "1"], ["b", "2"]]))
    out = _said(core, t="vars", values={"a": "9", "c": "3", "b": None})
    assert of(out, commands.VariablesTable) == [commands.VariablesTable([["a", "9"], ["c", "3"]])]
    assert of(out, commands.Store) == [commands.Store("pyws.variables", '[["a", "9"], ["c", "3"]]')]
    assert core.panel.variables.values == {"a": "9", "c": "3"}


def test_a_garbled_post_is_said_and_the_script_goes_on():
    """A post that is not the worker's JSON becomes a note, not an exception."""
    core = _running(opened())
    feed(core, WorkerSaid("not json", 1.0))
    assert core.script.state == "running"
    assert any("ilegível" in text for text in _entries(core, "system"))


def test_posts_after_the_end_are_ignored():
    """A post that crossed Parar does nothing: the worker is gone."""
    core = _running(opened())
    feed(core, StopScript(1.0))
    assert _said(core, t="send", text="late") == []


def test_sends_before_the_worker_runs_wait_for_its_hooks():
    """A send between Executar and the worker's answer goes to before_send if there is one."""
    core = opened()
    feed(core, RunScript("pass", 0.0))
    out = feed(core, events.Compose("text", "cedo", 1.0))
    assert _handed(out) == [] and _posts(out) == []
    hooks = {"on_open": False, "on_message": False, "on_close": False, "before_send": True}
    out = _said(core, t="running", wants=hooks)
    assert _posts(out) == [{"t": "before_send", "id": 1, "text": "cedo"}]
    assert of(out, ScriptState) == [ScriptState("running", "executando")]


def test_executar_clears_the_news_of_an_opened_example_but_not_an_undo_offer():
    """ "Example opened" goes when the script runs; a deletion's undo offer stays."""
    core = opened()
    feed(core, ScriptChange("example", name="heartbeat"))
    out = feed(core, RunScript("pass", 0.0))
    assert of(out, ScriptNotice) == [ScriptNotice(None)]
    feed(core, ScriptChange("delete"))
    out = feed(core, RunScript("pass", 1.0))
    assert of(out, ScriptNotice) == []


def test_a_send_that_waits_for_the_script_to_start_is_said_in_the_log():
    """While the script's top-level code runs, a send waits for it, and the log says so."""
    core = opened()
    feed(core, RunScript("while True: pass", 0.0))
    core.log.take_batch()
    feed(core, events.Compose("text", "cedo", 1.0))
    [note] = _entries(core, "system")
    assert note.startswith("Esperando o script começar") and "cedo" in note


def test_sends_go_as_typed_when_the_script_never_ran():
    """A script that fails before it runs, or has no before_send, leaves early sends as typed."""
    core = opened()
    feed(core, RunScript("x(", 0.0))
    feed(core, events.Compose("text", "cedo", 1.0))
    out = _said(core, t="error", traceback="SyntaxError", line=1)
    assert _handed(out) == ["cedo"]
