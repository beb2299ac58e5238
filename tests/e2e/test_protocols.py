"""Socket.IO, MQTT and GraphQL modes against real servers from the registries, on both
interpreters: the page speaks each protocol and names every packet in the log."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations
from tests.e2e.conftest import NARROW
from tests.e2e.servers import ScriptedServer
from tests.protocols.fixtures import aedes, graphql_server, mosquitto, socketio_server

__all__ = ["aedes", "graphql_server", "mosquitto", "socketio_server"]

pytestmark = pytest.mark.usefixtures("no_internal_errors")

LOG = "#messages"
# A packet's name, as a log entry of one direction shows it.
RECEIVED = "#messages li.received"
SENT = "#messages li.sent"
OPEN_TIMEOUT_MS = 15_000


def _start(open_page, proto, url, **options):
    """Open the page in a protocol's mode on a server; wait for the socket to open."""
    page = open_page(proto=proto, url=url, reconnect="0", **options)
    expect(page.locator("#status")).to_have_class("open", timeout=OPEN_TIMEOUT_MS)
    return page


def _reconnect(page, status="open", **fields):
    """Fill the Protocolo tab's options by label, then connect again; wait for the status."""
    for label, value in fields.items():
        field = page.locator("#proto-panel").get_by_label(label, exact=True)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Conectar").click()
    expect(page.locator("#status")).to_have_class(status, timeout=OPEN_TIMEOUT_MS)


def _send(page, payload, **fields):
    """Fill the composer's protocol fields by label and the message, then press Enviar."""
    form = page.locator("#input-form")
    for label, value in fields.items():
        field = form.get_by_label(label, exact=True)
        if isinstance(value, bool):
            field.set_checked(value)
        elif field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_label("Mensagem").fill(payload)
    form.get_by_role("button", name="Enviar", exact=True).click()


def _entry(page, selector, name):
    return page.locator(selector).filter(has=page.locator(".packet", has_text=name))


def test_options_come_back_after_a_reload_but_not_the_password(open_page, aedes):
    """A protocol's options are kept from one connection to the next visit; its password
    is never kept."""
    page = _start(open_page, "mqtt", aedes)
    _reconnect(page, **{"Client id": "bancada", "Keep-alive (s)": "45", "Senha": "segredo"})
    page.reload()
    panel = page.locator("#proto-panel")
    expect(panel.get_by_label("Client id")).to_have_value("bancada")
    expect(panel.get_by_label("Keep-alive (s)")).to_have_value("45")
    expect(panel.get_by_label("Senha")).to_have_value("")


def test_a_composer_field_at_fault_is_the_one_marked(open_page, aedes):
    """A PUBLISH with no topic says so, and the Tópico field is marked and focused."""
    page = _start(open_page, "mqtt", aedes)
    _send(page, "olá", Tópico="")
    topic = page.locator("#input-form").get_by_label("Tópico", exact=True)
    expect(page.locator("#send-error")).to_have_text("Escreva o tópico.")
    expect(topic).to_have_attribute("aria-invalid", "true")
    expect(topic).to_be_focused()
    expect(page.locator("#input-form").get_by_label("Mensagem")).not_to_have_attribute(
        "aria-invalid", "true"
    )


def test_an_option_at_fault_is_the_one_marked(open_page, socketio_server):
    """Auth that is not JSON is said under the bar, naming the field, which is marked."""
    page = _start(open_page, "socketio", socketio_server)
    auth = page.locator("#proto-panel").get_by_label("Auth (objeto JSON, só v3 / v4)")
    auth.fill("{token: 'ok'}")
    page.get_by_role("button", name="Conectar").click()
    expect(page.locator("#connect-error")).to_contain_text("auth: JSON inválido na linha 1")
    expect(auth).to_have_attribute("aria-invalid", "true")
    expect(auth).to_be_focused()


# --- Socket.IO ---


def test_socketio_event_is_sent_and_its_echo_received(open_page, socketio_server):
    """An emitted event goes out as EVENT and the server's event comes back decoded."""
    page = _start(open_page, "socketio", socketio_server)
    expect(page.locator(LOG)).to_contain_text("conectado ao namespace /")
    _send(page, '["olá", 1]', Evento="echo")
    expect(_entry(page, RECEIVED, 'EVENT "echo" ["olá", 1]')).to_have_count(1)


def test_socketio_ack_round_trip_is_matched_and_timed(open_page, socketio_server):
    """An emit that expects an ack is answered by an ACK, matched to it, with its time."""
    page = _start(open_page, "socketio", socketio_server)
    _send(page, '"x"', Evento="echo", **{"Esperar ack": True})
    expect(_entry(page, SENT, 'EVENT "echo" ["x"] · ack 0')).to_have_count(1)
    expect(_entry(page, RECEIVED, 'ACK ["x"] · id 0')).to_have_count(1)
    expect(page.locator(LOG)).to_contain_text(re.compile(r'ack 0 do evento "echo" em [\d,]+ ms'))
    expect(page.locator("#rtt")).to_contain_text("última")


def test_socketio_binary_event_arrives_with_its_attachment(open_page, socketio_server):
    """Bytes sent as an argument go as a binary event and come back put together."""
    page = _start(open_page, "socketio", socketio_server)
    page.get_by_label("Formato").select_option("hex")
    _send(page, "de ad be ef", Evento="echo")
    expect(_entry(page, SENT, "attachment · 4 bytes")).to_have_count(1)
    expect(_entry(page, RECEIVED, 'BINARY_EVENT "echo" [<4 bytes>]')).to_have_count(1)


def test_socketio_namespace_with_auth_connects(open_page, socketio_server):
    """A namespace whose middleware wants a token accepts the CONNECT that carries it."""
    page = _start(open_page, "socketio", socketio_server)
    _reconnect(page, Namespace="/admin", **{"Auth (objeto JSON, só v3 / v4)": '{"token": "ok"}'})
    expect(page.locator(LOG)).to_contain_text("conectado ao namespace /admin")
    _send(page, '"oi"', Evento="echo")
    expect(_entry(page, RECEIVED, 'EVENT "echo" ["oi"] · /admin')).to_have_count(1)


def test_socketio_connect_error_is_shown_in_the_status(open_page, socketio_server):
    """A namespace that refuses the CONNECT says why, in the status line and the log."""
    page = _start(open_page, "socketio", socketio_server)
    _reconnect(page, "error", Namespace="/admin")
    refused = "o servidor recusou o namespace /admin: Not authorized"
    expect(page.locator("#status")).to_contain_text(refused)
    expect(page.locator("#status")).to_have_class("error")
    expect(_entry(page, RECEIVED, "CONNECT_ERROR")).to_have_count(1)


@pytest.mark.parametrize("version", ["4", "3"])
def test_socketio_keep_alive_holds_past_two_intervals(open_page, socketio_server, version):
    """Engine.IO 4's pings are answered and Engine.IO 3's are sent: past two intervals
    (one second each on the test server) the connection is still open."""
    page = _start(open_page, "socketio", socketio_server)
    _reconnect(page, **{"Versão do servidor": version})
    ours = "pong" if version == "4" else "ping"
    expect(_entry(page, SENT, ours)).to_have_count(3, timeout=10_000)
    expect(page.locator("#status")).to_have_class("open")
    _send(page, '"still here"', Evento="echo")
    expect(_entry(page, RECEIVED, 'EVENT "echo" ["still here"]')).to_have_count(1)


# --- MQTT ---


def _subscribe(page, topic_filter, qos):
    panel = page.locator("#proto-panel")
    panel.get_by_label("Filtro de tópico").fill(topic_filter)
    panel.get_by_label("QoS").select_option(str(qos))
    panel.get_by_role("button", name="Assinar").click()
    expect(page.locator("#proto-list")).to_contain_text(f"concedida com QoS {qos}")


def test_mqtt_publish_at_each_qos_is_received_with_its_flow_completed(open_page, aedes):
    """Subscribed at QoS 2, a PUBLISH at QoS 0, 1 and 2 comes back, and the page completes
    each flow: PUBACK for QoS 1; PUBREC, PUBREL and PUBCOMP for QoS 2."""
    page = _start(open_page, "mqtt", aedes)
    expect(page.locator(LOG)).to_contain_text("conectado ao broker")
    _subscribe(page, "t/#", 2)
    for qos in "012":
        _send(page, f"olá {qos}", Tópico="t/a", QoS=qos)
        expect(_entry(page, RECEIVED, f"PUBLISH t/a · QoS {qos}")).to_contain_text(f"olá {qos}")
    expect(_entry(page, RECEIVED, "PUBACK")).to_have_count(1)
    expect(_entry(page, SENT, "PUBACK")).to_have_count(1)
    for name, ours in (("PUBREC", 1), ("PUBREL", 1), ("PUBCOMP", 1)):
        expect(_entry(page, SENT, name)).to_have_count(ours)
        expect(_entry(page, RECEIVED, name)).to_have_count(1)


def test_mqtt_retained_message_reaches_a_later_subscriber(open_page, aedes):
    """A retained PUBLISH is delivered, marked retain, to a subscription made after it."""
    page = _start(open_page, "mqtt", aedes)
    _send(page, "21 °C", Tópico="sala/temp", QoS="1", Retain=True)
    expect(_entry(page, RECEIVED, "PUBACK")).to_have_count(1)
    _subscribe(page, "sala/#", 1)
    expect(_entry(page, RECEIVED, "PUBLISH sala/temp · QoS 1 · retain")).to_contain_text("21 °C")


def test_mqtt_keep_alive_holds_past_two_intervals(open_page, aedes):
    """With a keep-alive of one second the page sends PINGREQ on time, the broker
    answers, and the connection outlives two intervals."""
    page = _start(open_page, "mqtt", aedes)
    _reconnect(page, **{"Keep-alive (s)": "1"})
    expect(_entry(page, RECEIVED, "PINGRESP")).to_have_count(2, timeout=10_000)
    expect(page.locator("#status")).to_have_class("open")


def test_mqtt5_on_mosquitto_subscribes_and_receives(open_page, mosquitto):
    """MQTT 5.0 against mosquitto: CONNACK with properties, a subscription, a QoS 1
    PUBLISH back with its PUBACK."""
    page = _start(open_page, "mqtt", mosquitto)
    _reconnect(page, Versão="5")
    expect(_entry(page, SENT, "CONNECT 5.0")).to_have_count(1)
    _subscribe(page, "casa/+", 1)
    _send(page, "ligado", Tópico="casa/luz", QoS="1")
    expect(_entry(page, RECEIVED, "PUBLISH casa/luz · QoS 1")).to_contain_text("ligado")
    expect(_entry(page, SENT, "PUBACK")).to_have_count(1)


# --- GraphQL ---


def test_graphql_subscription_streams_and_completes(open_page, graphql_server):
    """A subscription streams its `next` values as JSON, completes, and leaves the list."""
    page = _start(open_page, "graphql", graphql_server)
    expect(_entry(page, RECEIVED, "connection_ack")).to_have_count(1)
    _send(page, "subscription { count(to: 3) }")
    nexts = _entry(page, RECEIVED, "next 1")
    expect(nexts).to_have_count(3)
    expect(nexts.nth(2)).to_contain_text('{"data":{"count":3}}')
    expect(page.locator(LOG)).to_contain_text("a operação 1 terminou")
    expect(page.locator("#proto-empty")).to_have_text("Nenhuma operação em andamento.")


def test_graphql_stop_completes_a_running_operation(open_page, graphql_server):
    """Parar, by a running operation, sends its complete: the list empties, the results stop."""
    page = _start(open_page, "graphql", graphql_server)
    _send(page, "subscription Ticks { ticks }", Operação="Ticks")
    expect(_entry(page, RECEIVED, "next 1").first).to_be_visible()
    page.locator("#proto-list").get_by_role("button", name="Parar 1").click()
    expect(_entry(page, SENT, "complete 1")).to_have_count(1)
    expect(page.locator("#proto-empty")).to_have_text("Nenhuma operação em andamento.")
    # The server stops too: after the next frame of any kind, no result of 1 comes.
    _send(page, "subscription { count(to: 1) }", Operação="")
    expect(_entry(page, RECEIVED, "complete 2")).to_have_count(1)
    after = _entry(page, RECEIVED, "next 1").count()
    _send(page, "subscription { count(to: 1) }")
    expect(_entry(page, RECEIVED, "complete 3")).to_have_count(1)
    expect(_entry(page, RECEIVED, "next 1")).to_have_count(after)


def test_graphql_bad_query_error_is_shown(open_page, graphql_server):
    """A query the schema refuses gets its `error`, with the server's message, in the log."""
    page = _start(open_page, "graphql", graphql_server)
    _send(page, "subscription { nope }")
    expect(page.locator(LOG)).to_contain_text(
        'a operação 1 falhou: Cannot query field "nope" on type "Subscription".'
    )


# --- a server that breaks the protocol ---


async def _connack_then_garbage(connection):
    await connection.recv()  # CONNECT
    await connection.send(b"\x20\x02\x00\x00")  # CONNACK, accepted
    await connection.send(b"\xf0\x00")  # type 15 (AUTH) does not exist in 3.1.1
    await connection.wait_closed()


def test_garbage_after_a_valid_handshake_gets_a_clear_status(open_page):
    """An MQTT broker that accepts, then sends a packet no version has, is shown raw with
    the decoder's error, and the page closes saying why; nothing uncaught."""
    server = ScriptedServer(_connack_then_garbage, subprotocols=["mqtt"]).start()
    try:
        # Open for a moment only: the status is waited on once the page has closed.
        page = open_page(proto="mqtt", url=server.url, reconnect="0")
        expect(page.locator("#status")).to_contain_text(
            "A página fechou a conexão: o fluxo MQTT ficou ilegível", timeout=OPEN_TIMEOUT_MS
        )
        error = page.locator(RECEIVED).locator(".decode-error")
        expect(error).to_contain_text("Não decodificado: Tipo de pacote MQTT desconhecido")
        expect(page.locator(RECEIVED).last.locator("details.raw pre.dump")).to_be_visible()
    finally:
        server.stop()


async def _socketio_then_garbage(connection):
    await connection.send('0{"sid":"a","pingInterval":25000,"pingTimeout":20000}')
    await connection.recv()  # the namespace's CONNECT
    await connection.send('40{"sid":"b"}')
    await connection.send("4x not a packet")
    await connection.wait_closed()


def test_garbage_from_a_socketio_server_is_said_and_the_session_goes_on(open_page):
    """A Socket.IO frame that does not decode is shown raw with its error, and the status
    says the server broke the protocol; frames stand alone, so the connection stays."""
    server = ScriptedServer(_socketio_then_garbage).start()
    try:
        page = open_page(proto="socketio", url=server.url, reconnect="0")
        status = page.locator("#status")
        expect(status).to_contain_text("o servidor quebrou o protocolo Socket.IO")
        expect(status).to_have_class("error")
        error = page.locator(RECEIVED).locator(".decode-error")
        expect(error).to_contain_text("Pacote Socket.IO de tipo desconhecido no caractere 1")
        expect(page.locator(RECEIVED).last.locator("details.raw")).to_have_attribute("open", "")
    finally:
        server.stop()


# --- scripts that speak the protocol ---


def _run_script(page, text):
    """Put text in the Script tab's editor and press Executar; wait until it runs."""
    page.get_by_role("tab", name="Script").click()
    page.get_by_role("textbox", name="Código do script").fill(text)
    page.get_by_role("button", name="Executar").click()
    expect(page.locator("#script-state")).to_have_text("executando")


def _script_lines(page):
    return page.locator("#messages li.script")


SIO_SCRIPT = """\
@on_event("echo")
def heard(*args):
    log("event", *args)

emit("echo", "olá", 2, ack=lambda *args: log("ack", *args))
emit("echo", b"\\x01\\x02")
"""


def test_a_script_emits_and_hears_socketio_events(open_page, socketio_server):
    """emit() with an ack callback, emit() of bytes, and @on_event on a Socket.IO server."""
    page = _start(open_page, "socketio", socketio_server)
    expect(page.locator(LOG)).to_contain_text("conectado ao namespace /")
    _run_script(page, SIO_SCRIPT)
    expect(_script_lines(page).filter(has_text="ack olá 2")).to_have_count(1)
    expect(_script_lines(page).filter(has_text="event b'\\x01\\x02'")).to_have_count(1)


MQTT_SCRIPT = """\
subscribe("t/#", 1)

@on_publish("t/in")
def answer(topic, payload):
    log("heard", topic, payload)
    publish("t/out", payload.upper(), qos=1)
"""


def test_a_script_subscribes_hears_and_publishes_mqtt(open_page, aedes):
    """subscribe() from a script, @on_publish on a matching topic, and publish() back."""
    page = _start(open_page, "mqtt", aedes)
    expect(page.locator(LOG)).to_contain_text("conectado ao broker")
    _run_script(page, MQTT_SCRIPT)
    expect(page.locator("#proto-list")).to_contain_text("concedida com QoS 1")
    _send(page, "oi", Tópico="t/in", QoS="0")
    expect(_script_lines(page).filter(has_text="heard t/in oi")).to_have_count(1)
    expect(_entry(page, RECEIVED, "PUBLISH t/out · QoS 1")).to_contain_text("OI")


GRAPHQL_SCRIPT = """\
@on_next
def counted(data, op):
    log("next", op, data["data"]["count"])

subscribe("subscription ($to: Int!) { count(to: $to) }", {"to": 2})
"""


def test_a_script_subscribes_to_a_graphql_subscription(open_page, graphql_server):
    """subscribe(query, variables) from a script; @on_next gets each result."""
    page = _start(open_page, "graphql", graphql_server)
    expect(_entry(page, RECEIVED, "connection_ack")).to_have_count(1)
    _run_script(page, GRAPHQL_SCRIPT)
    expect(_script_lines(page).filter(has_text=re.compile(r"next 1 [12]$"))).to_have_count(2)
    expect(page.locator(LOG)).to_contain_text("a operação 1 terminou")


# --- the modes' controls, for everyone ---


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mqtt_mode_has_no_serious_violations(open_page, aedes, scheme):
    """axe-core finds nothing serious in MQTT mode: its options, a subscription listed,
    decoded entries with their frames, opened and closed."""
    page = _start(open_page, "mqtt", aedes)
    page.emulate_media(color_scheme=scheme)
    _subscribe(page, "t/#", 1)
    _send(page, "olá", Tópico="t/a", QoS="1")
    expect(_entry(page, RECEIVED, "PUBLISH t/a")).to_have_count(1)
    _entry(page, RECEIVED, "PUBLISH t/a").locator("summary").click()
    violations = severe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("proto", ["socketio", "graphql"])
def test_other_modes_have_no_serious_violations(open_page, socketio_server, graphql_server, proto):
    """axe-core finds nothing serious in Socket.IO and GraphQL modes, with their fields shown."""
    page = _start(open_page, proto, socketio_server if proto == "socketio" else graphql_server)
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_a_phone_reaches_the_protocol_controls(open_page, aedes):
    """At 375 px the composer's MQTT fields fit, and the Protocolo tab opens in the drawer."""
    page = _start(open_page, "mqtt", aedes)
    page.set_viewport_size(NARROW)
    for label in ("Tópico", "Mensagem"):
        expect(page.locator("#input-form").get_by_label(label, exact=True)).to_be_in_viewport()
    expect(page.get_by_role("button", name="Enviar", exact=True)).to_be_in_viewport()
    page.get_by_role("button", name="Painel").click()
    page.get_by_role("tab", name="Protocolo").click()
    expect(page.get_by_role("button", name="Assinar")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
