"""Properties of the MQTT codec (wsclient.mqtt): what is written reads back the same, cut
into frames anywhere, and any bytes at all give packets or an error at an offset."""

from hypothesis import given
from hypothesis import strategies as st

from wsclient.errors import InputError
from wsclient.mqtt import V5, V311, Decoder, encode

versions = st.sampled_from([V311, V5])
topics = st.text(min_size=1, max_size=30).filter(lambda t: "\x00" not in t)
ids = st.integers(1, 65535)
user_properties = st.lists(
    st.tuples(st.text(max_size=5), st.text(max_size=5)).map(list), max_size=3
)


@st.composite
def publishes(draw, version):
    qos = draw(st.integers(0, 2))
    packet = {
        "type": "PUBLISH",
        "topic": draw(topics),
        "qos": qos,
        "retain": draw(st.booleans()),
        "dup": draw(st.booleans()),
        "payload": draw(st.binary(max_size=300)),
    }
    if qos:
        packet["id"] = draw(ids)
    if version == V5:
        props = {"message_expiry": draw(st.integers(0, 2**32 - 1))}
        found = draw(user_properties)
        if found:
            props["user_property"] = found
        packet["properties"] = props
    return packet


@st.composite
def subscribes(draw, version):
    packet = {
        "type": "SUBSCRIBE",
        "id": draw(ids),
        "topics": [
            {"filter": topic, "qos": qos}
            for topic, qos in draw(st.lists(st.tuples(topics, st.integers(0, 2)), min_size=1))
        ],
    }
    if version == V5:
        for topic in packet["topics"]:
            topic.update(no_local=False, retain_as_published=True, retain_handling=1)
        packet["properties"] = {}
    return packet


@st.composite
def streams(draw):
    """A version, its packets, and the cuts that split their bytes into frames."""
    version = draw(versions)
    packets = draw(st.lists(st.one_of(publishes(version), subscribes(version)), max_size=6))
    data = b"".join(encode(packet, version) for packet in packets)
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=8)))
    return version, packets, data, cuts


@given(streams())
def test_packets_cut_into_frames_anywhere_read_back_the_same(stream):
    """Encoded packets, split at any points into frames, decode to the packets written."""
    version, packets, data, cuts = stream
    decoder = Decoder(version)
    found = []
    for start, end in zip([0, *cuts], [*cuts, len(data)], strict=True):
        found += decoder.feed(data[start:end])
    assert found == packets
    assert decoder.pending() == 0


@given(versions, st.lists(st.binary(max_size=40), max_size=6))
def test_any_bytes_give_packets_or_an_error_at_an_offset_in_the_stream(version, frames):
    """Garbage never crashes the decoder: it raises InputError("mqtt.…") within the stream."""
    decoder = Decoder(version)
    fed = 0
    for frame in frames:
        fed += len(frame)
        try:
            decoder.feed(frame)
        except InputError as exc:
            assert exc.key.startswith("mqtt.")
            assert 0 <= exc.params["position"] <= fed
            return
