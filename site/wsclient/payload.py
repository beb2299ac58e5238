"""Read what the user typed as the payload of one message, in the format they picked."""

from wsclient.binary import parse_base64, parse_hex
from wsclient.jsontext import parse_json

__all__ = ["parse_payload"]


def parse_payload(mode: str, text: str) -> "str | bytes":
    """Turn text into the payload of a message in mode.

    Args:
        mode: "text", "hex", "base64" or "json", as the page's Format select names them.
        text: what the user typed.

    Returns:
        str for a text frame ("text", and "json" once checked), or bytes for a
        binary frame ("hex", "base64").

    Raises:
        InputError: text is not valid in mode; its params say where.
        ValueError: mode is none of those four.
    """
    if mode == "text":
        return text
    if mode == "hex":
        return parse_hex(text)
    if mode == "base64":
        return parse_base64(text)
    if mode == "json":
        parse_json(text)
        return text
    raise ValueError("unknown mode %r" % (mode,))
