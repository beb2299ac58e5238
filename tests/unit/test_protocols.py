"""Properties of the Socket.IO and GraphQL codecs: packets read back as written,
binary events come back whole, and any text gives a packet or an error at an offset."""

from hypothesis import given
from hypothesis import strategies as st

from wsclient.errors import InputError
from wsclient.graphqlws import decode as graphql_decode
from wsclient.socketio import Assembler, deconstruct, eio_decode, sio_decode, sio_encode

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**31), 2**31) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
namespaces = st.sampled_from(["/", "/admin", "/a/b"])
ack_ids = st.none() | st.integers(0, 10**6)


@given(st.text(min_size=1, max_size=10), st.lists(json_values, max_size=4), namespaces, ack_ids)
def test_events_read_back_as_written(name, args, nsp, ack):
    """An EVENT with any name, JSON arguments, namespace and ack id comes back the same."""
    packet = {"type": "EVENT", "nsp": nsp, "data": [name, *args]}
    if ack is not None:
        packet["id"] = ack
    assert sio_decode(sio_encode(packet)) == packet


@given(st.lists(st.binary(max_size=20), min_size=1, max_size=4), namespaces)
def test_binary_events_come_back_whole_from_their_attachments(blobs, nsp):
    """Bytes in an event go out as attachments and the Assembler puts them back in place."""
    buffers = []
    data = deconstruct(["files", {"list": blobs}], buffers)
    packet = {"type": "BINARY_EVENT", "nsp": nsp, "attachments": len(buffers), "data": data}
    assembler = Assembler()
    assert assembler.packet(sio_decode(sio_encode(packet))) is None
    done = [assembler.attachment(buffer) for buffer in buffers]
    assert done[:-1] == [None] * (len(buffers) - 1)
    assert done[-1]["data"] == ["files", {"list": blobs}]


@given(st.text(max_size=40), st.sampled_from([4, 5]))
def test_any_text_gives_a_packet_or_an_error_at_an_offset(text, version):
    """Garbage never crashes the decoders: InputError with a position inside the text."""
    for decode in (lambda: sio_decode(text, version), lambda: eio_decode(text, version - 1)):
        try:
            decode()
        except InputError as exc:
            assert exc.key.startswith(("sio.", "eio."))
            assert 0 <= exc.params["position"] <= len(text)


@given(st.text(max_size=60))
def test_any_text_gives_a_graphql_message_or_an_error(text):
    """The graphql-transport-ws reader never crashes: a message, or InputError("gql.…")."""
    try:
        graphql_decode(text)
    except InputError as exc:
        assert exc.key.startswith("gql.")
        assert 0 <= exc.params["position"] <= len(text)
