"""The page's JavaScript helpers, from the ES module ui/bridge.js, which the config loads.

Each function is looked up once, here: an attribute read on the module object that
PyScript hands over goes through its proxy, and in a flood that cost more than the
call itself.
"""

from pyscript.js_modules import bridge as _module

from wsclient.variables import RANDOM_BYTES

__all__ = [
    "bare_seqs",
    "call_later",
    "call_soon",
    "call_joined",
    "caret_to_end",
    "download",
    "insert_in_order",
    "js_length",
    "keep_only",
    "leading_height",
    "line_beyond",
    "load",
    "make_item",
    "missing_features",
    "fill_proto",
    "proto_fields",
    "random_bytes",
    "read_file",
    "send_bytes",
    "set_metas",
    "show_proto",
    "show_notice",
    "store",
    "time_origin",
]

bare_seqs = _module.bareSeqs
call_joined = _module.callJoined
call_later = _module.callLater
call_soon = _module.callSoon
caret_to_end = _module.caretToEnd
download = _module.download
insert_in_order = _module.insertInOrder
js_length = _module.jsLength
keep_only = _module.keepOnly
leading_height = _module.leadingHeight
line_beyond = _module.lineBeyond
read_file = _module.readFile
load = _module.load
make_item = _module.makeItem
missing_features = _module.missingFeatures
send_bytes = _module.sendBytes
set_metas = _module.setMetas
show_proto = _module.showProto
proto_fields = _module.protoFields
fill_proto = _module.fillProto
show_notice = _module.showNotice
store = _module.store
time_origin = _module.timeOrigin


def random_bytes() -> bytes:
    """The random bytes a send may fill its variables with ({{$uuid}}, {{$randomInt}}):
    the core has no source of its own."""
    return bytes.fromhex(str(_module.randomHex(RANDOM_BYTES)))
