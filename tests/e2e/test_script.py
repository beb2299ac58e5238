"""Python scripts that take part in the conversation, in a worker, on both interpreters."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from wsclient.scriptexamples import source

# Each test changes what storage keeps of the scripts and what the worker runs: a page
# of its own for each.
pytestmark = [pytest.mark.own_page, pytest.mark.usefixtures("no_internal_errors")]


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
    """close(4000, "fim") closes the connection with that code and reason."""
    _run(connected, "@on_message\ndef m(msg):\n    close(4000, 'fim')\n")
    send(connected, "x")
    expect(connected.locator("#status")).to_contain_text("4000")
    expect(connected.locator("#status")).to_contain_text("fim")


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


def test_an_exception_shows_its_traceback_and_marks_its_line(connected):
    """A hook that raises stops the script; the traceback shows and its line is marked."""
    _run(connected, "x = 1\n\n@on_message\ndef m(msg):\n    return 1 / 0\n")
    send(connected, "boom")
    expect(connected.locator("#script-state")).to_have_text("erro na linha 5")
    expect(connected.locator("#script-error")).to_contain_text("ZeroDivisionError")
    expect(connected.locator("#script-editor .cm-error-line")).to_have_text("    return 1 / 0")
    expect(connected.locator("#status")).to_have_class("open")


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
