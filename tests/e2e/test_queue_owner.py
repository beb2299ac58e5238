"""A queued message goes only to the address it was typed for; switching servers says so.

Issue 10, items 1 and 10: a message typed for a server that is down never follows the
user to the next server; the page asks what to do with it. Clearing the log never
hides what is still queued, and waiting messages can be discarded from the log.
Switching servers logs the end of the old connection, and "Fechar conexão" says when
there is nothing to close.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations
from tests.e2e.page import send
from tests.e2e.servers import echo

pytestmark = [
    pytest.mark.usefixtures("no_internal_errors"),
    pytest.mark.allow_console(r"WebSocket connection to .* failed"),
]

STATUS = "#status"
QUESTION = "#pending-question"
# An entry's payload: its own text nodes after the label span, minus the one space.
PAYLOAD_JS = """li => Array.from(li.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').slice(1)"""


def _payloads(page, kind):
    return page.locator(f"#messages li.{kind}").evaluate_all(f"items => items.map({PAYLOAD_JS})")


def _connect(page, url):
    """Type url into Servidor and press Conectar, as the user switches servers."""
    page.fill("#url", url)
    page.click("#connect")


def _down_and_up(scripted_server):
    """Two echo servers and what each received: the first one down, the second up."""
    received_down, received_up = [], []
    down = scripted_server(echo(received_down))
    down.stop()
    up = scripted_server(echo(received_up))
    return down, received_down, up, received_up


def _queue_for_the_down_server(connect_to, down, text="para o servidor fora do ar"):
    """Connect the page to the server that is down and type a message: it waits, pending."""
    page = connect_to(down.url)
    expect(page.locator(STATUS)).to_have_class("error")
    send(page, text)
    expect(page.locator("#messages li.sent.pending")).to_have_count(1)
    return page


def _switch_and_see_the_question(page, down, up):
    """Connect to the other server: the page asks, with both addresses, and takes the focus."""
    _connect(page, up.url)
    question = page.locator(QUESTION)
    expect(question).to_be_visible()
    expect(question).to_be_focused()
    expect(question).to_contain_text(
        f"1 mensagem pendente foi escrita para {down.url}, não para {up.url}."
    )
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {up.url}")
    return question


def test_a_queued_message_never_goes_to_another_server(connect_to, scripted_server):
    """Typed for a server that is down, a message waits through a switch to another server
    (Escape keeps it queued) and goes, once, to its own server when that one is back."""
    down, received_down, up, received_up = _down_and_up(scripted_server)
    page = _queue_for_the_down_server(connect_to, down)
    pending = page.locator("#messages li.sent.pending")
    _connect(page, up.url)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {up.url}")
    send(page, "para o novo servidor")
    expect(page.locator("#messages li.received").last).to_have_text(
        "Recebido: para o novo servidor"
    )
    # Messages go out in order: had the queued one gone here, it would have come first.
    assert received_up == ["para o novo servidor"]
    expect(pending.locator("small.state")).to_have_text(f" (pendente para {down.url})")
    question = page.locator(QUESTION)
    expect(question).to_be_visible()
    question.focus()
    page.keyboard.press("Escape")
    expect(question).to_be_hidden()
    expect(pending).to_have_count(1)
    down.start()
    _connect(page, down.url)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {down.url}")
    expect(page.locator("#messages li.received")).to_have_count(2)
    expect(page.locator("#messages li.sent.pending")).to_have_count(0)
    expect(page.locator(QUESTION)).to_be_hidden()
    assert received_down == ["para o servidor fora do ar"]
    assert received_up == ["para o novo servidor"]


def test_answering_send_delivers_the_message_to_the_new_server(connect_to, scripted_server):
    """Answering "Enviar para <server>" sends the waiting message there; the log says so."""
    down, received_down, up, received_up = _down_and_up(scripted_server)
    page = _queue_for_the_down_server(connect_to, down)
    _switch_and_see_the_question(page, down, up)
    page.get_by_role("button", name=f"Enviar para {up.url}").click()
    expect(page.locator("#messages li.received")).to_have_text(
        "Recebido: para o servidor fora do ar"
    )
    expect(page.locator(QUESTION)).to_be_hidden()
    expect(page.locator("#messages li.system").last).to_have_text(
        f"Sistema: Mensagens pendentes que vão agora para {up.url}: 1."
    )
    assert received_up == ["para o servidor fora do ar"]
    assert received_down == []


def test_answering_discard_means_it_is_never_sent(connect_to, scripted_server):
    """Answering "Descartar" discards the message: not even its own server gets it."""
    down, received_down, up, _ = _down_and_up(scripted_server)
    page = _queue_for_the_down_server(connect_to, down)
    question = _switch_and_see_the_question(page, down, up)
    question.get_by_role("button", name="Descartar").click()
    discarded = page.locator("#messages li.sent.discarded")
    expect(discarded).to_have_text(
        re.compile(r"^Enviado: para o servidor fora do ar \(descartada, não enviada\)$")
    )
    down.start()
    _connect(page, down.url)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {down.url}")
    send(page, "depois")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: depois")
    assert received_down == ["depois"]


def _closed_page(connect_to, server):
    """The page connected to server, then closed by the user: what it types now waits."""
    page = connect_to(server.url)
    expect(page.locator(STATUS)).to_have_class("open")
    page.click("#close")
    expect(page.locator(STATUS)).to_contain_text("1000")
    return page


def test_clear_keeps_what_is_still_queued_in_sight(connect_to, scripted_server):
    """Limpar log keeps the pending entry, so the echo after a reconnect has its Enviado."""
    received = []
    page = _closed_page(connect_to, scripted_server(echo(received)))
    send(page, "na fila")
    page.click("#clear")
    expect(page.locator("#messages li")).to_have_count(1)
    expect(page.locator("#messages li.sent.pending")).to_have_count(1)
    page.click("#connect")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: na fila")
    assert _payloads(page, "sent") == ["na fila"]
    expect(page.locator("#messages li.sent.pending")).to_have_count(0)
    assert received == ["na fila"]


def test_waiting_messages_are_discarded_from_the_log(connect_to, scripted_server):
    """Each waiting entry has its own named discard button; the log tool discards the rest."""
    received = []
    page = _closed_page(connect_to, scripted_server(echo(received)))
    for text in ("um", "dois", "três"):
        send(page, text)
    tool = page.locator("#discard-pending")
    expect(tool).to_have_text("Descartar pendentes (3)")
    page.get_by_role("button", name="Descartar a mensagem pendente “dois”").click()
    expect(page.locator("#messages li.sent.discarded")).to_have_count(1)
    expect(page.locator("#messages li.sent.discarded")).to_contain_text("dois")
    expect(tool).to_have_text("Descartar pendentes (2)")
    # The focus moved on to the next message's discard button, not off the page.
    expect(page.get_by_role("button", name="Descartar a mensagem pendente “três”")).to_be_focused()
    tool.click()
    expect(page.locator("#messages li.sent.discarded")).to_have_count(3)
    expect(tool).to_be_hidden()
    expect(page.locator("#messages")).to_be_focused()
    page.click("#connect")
    expect(page.locator(STATUS)).to_have_class("open")
    send(page, "depois")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: depois")
    assert received == ["depois"]


def test_the_question_has_no_serious_accessibility_violations(connect_to, scripted_server):
    """The question, the pending entry and its discard button pass axe-core."""
    down, _, up, _ = _down_and_up(scripted_server)
    page = _queue_for_the_down_server(connect_to, down)
    _switch_and_see_the_question(page, down, up)
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_switching_servers_logs_the_end_of_the_old_connection(connect_to, scripted_server):
    """Between the two "Conectado" entries, the log says the first connection was closed."""
    # No compression: no "Extensões: …" entry after each "Conectado".
    first = scripted_server(echo(), compression=None)
    second = scripted_server(echo(), compression=None)
    page = connect_to(first.url)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {first.url}")
    _connect(page, second.url)
    expect(page.locator("#messages li.system")).to_have_text(
        [
            f"Sistema: Conectado ao servidor {first.url}",
            f"Sistema: A conexão com {first.url} foi fechada porque você conectou a {second.url}.",
            f"Sistema: Conectado ao servidor {second.url}",
        ]
    )


def test_close_says_when_there_is_nothing_to_close(connect_to, scripted_server):
    """Once closed, "Fechar conexão" is marked unavailable, keeps the focus, and a press
    says why nothing happened; connecting makes it available again."""
    page = connect_to(scripted_server(echo()).url)
    close = page.locator("#close")
    expect(page.locator(STATUS)).to_have_class("open")
    expect(close).not_to_have_attribute("aria-disabled", "true")
    close.click()
    expect(page.locator(STATUS)).to_contain_text("1000")
    expect(close).to_have_attribute("aria-disabled", "true")
    expect(close).to_have_attribute("title", "Não há conexão para fechar.")
    expect(close).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#messages li.system").last).to_have_text(
        "Sistema: Não há conexão para fechar."
    )
    expect(close).to_be_focused()
    page.click("#connect")
    expect(page.locator(STATUS)).to_have_class("open")
    expect(close).not_to_have_attribute("aria-disabled", "true")
