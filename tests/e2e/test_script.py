"""Python scripts that take part in the conversation, in a worker, on both interpreters."""

import functools
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations
from tests.e2e.conftest import NARROW, SITE
from tests.e2e.page import send
from tests.e2e.test_variables import _define
from wsclient.scriptexamples import source

# The shared page's reset stops a running script; a test that leaves one in error, or
# reads which scripts storage keeps, has a page of its own.
pytestmark = pytest.mark.usefixtures("no_internal_errors")


def _script_tab(page):
    """Open the Script tab and wait for its editor; return the editor's text box."""
    page.get_by_role("tab", name="Script").click()
    code = page.get_by_role("textbox", name="Código do script")
    expect(code).to_be_visible()
    return code


def _run(page, text):
    """Put text in the editor and press Executar; wait until the script runs."""
    _script_tab(page).fill(text)
    page.get_by_role("button", name="Executar").click()
    expect(page.locator("#script-state")).to_have_text("executando")


def _script_lines(page):
    return page.locator("#messages li.script")


def test_a_message_hook_answers_and_writes_to_the_log(connected):
    """@on_message sees each message; send() answers it and log() writes a script entry."""
    _run(connected, "@on_message\ndef m(msg):\n    log('got', msg.text, msg.size)\n")
    send(connected, "olá")
    expect(_script_lines(connected).last).to_have_text(re.compile(r"^Script:\s*got olá 4"))


def test_open_and_close_hooks_run_with_the_close_code(connected):
    """on_open runs at once on an open connection; on_close gets the code and reason."""
    code = "@on_open\ndef hi():\n    log('open')\n\n@on_close\ndef bye(code, reason, clean):\n"
    _run(connected, code + "    log('closed', code, clean)\n")
    expect(_script_lines(connected).first).to_contain_text("open")
    connected.get_by_role("button", name="Fechar conexão").click()
    expect(_script_lines(connected).last).to_contain_text("closed 1000 True")


def test_a_scripts_close_uses_its_code_and_reason(connected):
    """close(4000, "fim") closes the connection with that code and reason, said as the
    script's doing, not the user's."""
    _run(connected, "@on_message\ndef m(msg):\n    close(4000, 'fim')\n")
    send(connected, "x")
    expect(connected.locator("#status")).to_contain_text("4000")
    expect(connected.locator("#status")).to_contain_text("fim")
    expect(connected.locator("#status")).to_contain_text("O script fechou a conexão.")


def test_before_send_changes_what_goes_out(connected):
    """The timestamp example adds "ts" to a JSON object the user sends."""
    _run(connected, source("timestamp"))
    send(connected, '{"a": 1}')
    sent = connected.locator("#messages li.sent").last
    expect(sent).to_contain_text('"ts":')
    expect(connected.locator("#messages li.received").last).to_contain_text('"ts":')


def test_timers_tick_and_stop_when_the_connection_closes(connected):
    """every() sends on time until the close; then its ticks stop, and the script runs on."""
    _run(
        connected,
        "n = [0]\ndef tick():\n    n[0] += 1\n    send('tick %d' % n[0])\n"
        "every(0.05, tick)\n\n@on_close\ndef closed(code, reason, clean):\n"
        "    after(0.3, lambda: log('later'))\n",
    )
    expect(connected.locator("#messages li.received", has_text="tick 3")).to_have_count(1)
    connected.get_by_role("button", name="Fechar conexão").click()
    # By "later", an every() left running would have sent six times, and failed.
    expect(_script_lines(connected).last).to_contain_text("later")
    expect(connected.locator("#script-state")).to_have_text("executando")
    assert connected.locator("#script-error").is_hidden()


def test_check_and_expect_fill_the_results_table_and_the_export(connected):
    """A passing check, a met expect and a timed-out expect are rows, entries and export lines."""
    _run(
        connected,
        "@on_open\nasync def t():\n    check('one', 1 == 1)\n    send('a')\n"
        "    await expect(lambda m: m.text == 'a', timeout=5, name='a')\n"
        "    await expect(lambda m: m.text == 'b', timeout=0.2, name='b')\n",
    )
    rows = connected.locator("#script-results tbody tr")
    expect(rows).to_have_count(3)
    assert [row.locator("td").nth(1).text_content() for row in rows.all()] == [
        "passou",
        "passou",
        "falhou",
    ]
    expect(rows.first.locator("td").nth(4)).to_have_text(re.compile(r"^\d\d:\d\d:\d\d\.\d{3}$"))
    expect(connected.locator("#messages li.check")).to_have_count(3)
    with connected.expect_download() as download:
        connected.get_by_role("button", name="Exportar").click()
    lines = [json.loads(line) for line in open(download.value.path(), encoding="utf-8")]
    checks = [line for line in lines if line["direction"] == "check"]
    assert [line["text"].split(":")[0] for line in checks] == ["one", "expect a", "expect b"]


def test_a_loop_forever_leaves_the_page_working_and_parar_ends_it(connected):
    """While a hook loops forever the log, the status and Enviar respond; Parar ends it."""
    _run(connected, "@on_message\ndef m(msg):\n    while True:\n        pass\n")
    send(connected, "loop")
    send(connected, "still here")
    expect(connected.locator("#messages li.received").last).to_contain_text("still here")
    connected.get_by_role("button", name="Parar script").click()
    expect(connected.locator("#script-state")).to_have_text("parado")
    expect(connected.locator("#status")).to_have_class("open")
    connected.get_by_role("button", name="Executar").click()
    expect(connected.locator("#script-state")).to_have_text("executando")


def test_a_loop_of_log_stops_at_the_cap_and_the_page_answers(connected):
    """A script that logs without end is stopped at 1,000 lines a second, and says so."""
    _script_tab(connected).fill("while True:\n    log('again')\n")
    connected.get_by_role("button", name="Executar").click()
    expect(connected.locator("#script-state")).to_have_text(
        "parado: o script escreveu mais de 1000 linhas no log em um segundo"
    )
    send(connected, "ainda aqui")
    expect(connected.locator("#messages li.received").last).to_contain_text("ainda aqui")


@pytest.mark.own_page
def test_an_exception_shows_its_traceback_and_marks_its_line(connected):
    """A hook that raises stops the script; the traceback shows and its line is marked."""
    _run(connected, "x = 1\n\n@on_message\ndef m(msg):\n    return 1 / 0\n")
    send(connected, "boom")
    expect(connected.locator("#script-state")).to_have_text("erro na linha 5")
    expect(connected.locator("#script-error")).to_contain_text("ZeroDivisionError")
    expect(connected.locator("#script-editor .cm-error-line")).to_have_text("    return 1 / 0")
    expect(connected.locator("#status")).to_have_class("open")


def test_a_laptop_shows_the_editor_with_executar_and_parar_under_it(connected):
    """At 1366×657 the editor has room, and Executar and Parar script are in view under it."""
    connected.set_viewport_size({"width": 1366, "height": 657})
    editor = _script_tab(connected)
    for name in ("Executar", "Parar script"):
        expect(connected.get_by_role("button", name=name)).to_be_in_viewport(ratio=1)
    assert connected.locator("#script-editor").bounding_box()["height"] >= 144
    expect(editor).to_be_in_viewport()


def test_escape_in_the_editor_keeps_the_drawer_and_tab_then_leaves(connected):
    """On a phone, Esc in the editor leaves the drawer open; Esc then Tab moves on to Executar."""
    connected.set_viewport_size(NARROW)
    toggle = connected.get_by_role("button", name="Painel")
    toggle.click()
    code = _script_tab(connected)
    code.click()
    connected.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    connected.keyboard.press("Tab")
    expect(connected.get_by_role("button", name="Executar")).to_be_focused()
    expect(code).to_be_visible()


@pytest.mark.own_page
def test_scripts_are_kept_across_a_reload_and_none_runs_by_itself(connected):
    """The scripts and their names come back after a reload, stopped until Executar."""
    code = _script_tab(connected)
    code.fill("@on_message\ndef m(msg):\n    log('ran')\n")
    connected.get_by_role("button", name="Novo").click()
    expect(code).to_have_text("")
    connected.reload()
    expect(connected.locator("#status")).to_have_class("open")
    names = connected.get_by_role("combobox", name="Script")
    expect(names.locator("option")).to_have_text(["script 1", "script 2"])
    names.select_option(index=0)
    expect(code).to_contain_text("log('ran')")
    send(connected, "nothing runs")
    expect(connected.locator("#script-state")).to_have_text("parado")
    expect(_script_lines(connected)).to_have_count(0)


def test_the_auto_reply_example_answers_ping(page, open_page, scripted_server):
    """The auto-reply example answers the server's "ping" with "pong"."""

    async def pinging(connection):
        async for message in connection:
            if message == "go":
                await connection.send("ping")

    open_page(url=scripted_server(pinging).url)
    expect(page.locator("#status")).to_have_class("open")
    code = _script_tab(page)
    page.get_by_role("combobox", name="Exemplos").select_option("auto_reply")
    page.get_by_role("button", name="Abrir").click()
    expect(code).to_contain_text('send("pong")')
    page.get_by_role("button", name="Executar").click()
    expect(page.locator("#script-state")).to_have_text("executando")
    send(page, "go")
    expect(page.locator("#messages li.sent").last).to_have_text(re.compile(r"^Enviado:\s*pong"))


def test_the_echo_test_example_passes_against_the_echo_server(connected):
    """The echo test example's expect and check pass against an echo server."""
    _run(connected, source("echo_test"))
    expect(connected.locator("#script-results tbody tr.passed")).to_have_count(2)


def test_vars_reads_the_table_and_writes_back_to_it(connected):
    """A script reads the Variáveis table, and what it writes shows there and fills sends."""
    _define(connected, "host", "exemplo")
    _run(connected, "log('host is', vars['host'])\nvars['token'] = 'abc'\n")
    expect(_script_lines(connected).last).to_contain_text("host is exemplo")
    connected.get_by_role("tab", name="Variáveis").click()
    expect(connected.locator("#variables input").nth(2)).to_have_value("token")
    expect(connected.locator("#variables input").nth(3)).to_have_value("abc")
    send(connected, "{{token}}")
    expect(connected.locator("#messages li.sent").last).to_have_text(re.compile(r"^Enviado:\s*abc"))


def test_more_than_1000_sends_a_second_stop_the_script(connected):
    """A script that floods the server is stopped at the cap, and the state line says why."""
    _script_tab(connected).fill(
        "@on_open\ndef flood():\n    for i in range(5000):\n        send(str(i))\n"
    )
    connected.get_by_role("button", name="Executar").click()
    expect(connected.locator("#script-state")).to_have_text(
        "parado: o script enviou mais de 1000 mensagens em um segundo"
    )
    expect(connected.locator("#messages li.received").last).to_have_text(
        re.compile(r"^Recebido:\s*999\b")
    )
    expect(connected.locator("#status")).to_have_class("open")


def test_the_heartbeat_example_beats_on_time(connected):
    """The heartbeat example sends its beat each period (here shortened to 0.1 s)."""
    _run(connected, source("heartbeat").replace("PERIOD = 30", "PERIOD = 0.1"))
    beats = connected.locator("#messages li.sent", has_text='"heartbeat"')
    expect(beats.nth(2)).to_be_visible()


def test_the_json_rpc_example_on_the_echo_server_says_it_echoes(connected):
    """Against the page's echo server, the JSON-RPC example fails no check: it says why."""
    _run(connected, source("json_rpc"))
    expect(_script_lines(connected)).to_have_count(2)
    expect(_script_lines(connected).first).to_contain_text("this server echoes")
    expect(connected.locator("#script-results tbody tr")).to_have_count(0)


def test_the_json_rpc_example_matches_answers_to_requests(page, open_page, scripted_server):
    """The JSON-RPC example checks each answer against its request's id, whatever the order."""

    async def rpc(connection):
        calls = []
        async for message in connection:
            calls.append(json.loads(message))
            if len(calls) == 2:  # answered in the reverse order
                for call in reversed(calls):
                    result = sum(call["params"]) if call["method"] == "sum" else call["params"]
                    await connection.send(
                        json.dumps({"jsonrpc": "2.0", "id": call["id"], "result": result})
                    )

    open_page(url=scripted_server(rpc).url)
    expect(page.locator("#status")).to_have_class("open")
    _run(page, source("json_rpc"))
    rows = page.locator("#script-results tbody tr.passed")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("td").first).to_have_text("echo answered")
    expect(_script_lines(page).nth(1)).to_contain_text("sum -> 3")


def test_scripts_run_on_a_plain_static_server(page, echo_server, interpreter):
    """Served by Python's http.server with no special headers, the Script tab works too."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        query = urlencode({"interpreter": interpreter, "url": echo_server.url})
        page.goto(f"http://127.0.0.1:{port}/?{query}")
        expect(page.locator("#status")).to_have_class("open", timeout=60_000)
        _run(page, "@on_message\ndef m(msg):\n    log('heard', msg.text)\n")
        send(page, "estático")
        expect(_script_lines(page).last).to_contain_text("heard estático")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_script_tab_with_results_and_an_error_has_no_serious_violations(connected, scheme):
    """The Script tab, with results, script entries and a traceback, passes axe in both themes."""
    connected.emulate_media(color_scheme=scheme)
    _run(connected, "check('ok', True)\nlog('a line')\n\n@on_message\ndef m(msg):\n    1 / 0\n")
    send(connected, "x")
    expect(connected.locator("#script-error")).to_be_visible()
    violations = severe_violations(connected)
    assert not violations, describe(violations)


@pytest.mark.own_page
def test_scripts_go_to_a_file_and_come_back_as_new_ones_that_do_not_run(connected, tmp_path):
    """Baixar arquivo and Carregar arquivo round-trip the scripts; an import runs nothing."""
    code = _script_tab(connected)
    code.fill("@on_message\ndef m(msg):\n    log('imported ran')\n")
    with connected.expect_download() as download:
        connected.get_by_role("button", name="Baixar arquivo").click()
    saved = tmp_path / "scripts.json"
    download.value.save_as(saved)
    code.fill("outro = 2\n")
    with connected.expect_file_chooser() as chooser:
        connected.get_by_role("button", name="Carregar arquivo").click()
    chooser.value.set_files(saved)
    names = connected.get_by_role("combobox", name="Script")
    expect(names.locator("option")).to_have_text(["script 1", "script 1 2"])
    expect(code).to_contain_text("log('imported ran')")
    expect(connected.locator("#script-status")).to_contain_text("1 script importado")
    send(connected, "x")
    expect(connected.locator("#script-state")).to_have_text("parado")
    expect(_script_lines(connected)).to_have_count(0)


@pytest.mark.own_page
def test_a_bad_scripts_file_is_named_and_nothing_changes(connected, tmp_path):
    """A file that is not a scripts file is refused with a sentence; the scripts stay."""
    _script_tab(connected).fill("mine = 1\n")
    bad = tmp_path / "bad.json"
    bad.write_text('{"scripts": [{"name": "a"}]}', encoding="utf-8")
    with connected.expect_file_chooser() as chooser:
        connected.get_by_role("button", name="Carregar arquivo").click()
    chooser.value.set_files(bad)
    expect(connected.locator("#script-status")).to_have_text(
        "O script 1 não tem “name” e “source”. Nada foi importado."
    )
    expect(connected.get_by_role("combobox", name="Script").locator("option")).to_have_count(1)
