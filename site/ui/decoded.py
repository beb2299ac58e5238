"""A protocol's frame in the log: its packets named, its payload, the frame as it came.

Part of LogView (ui/logview.py), kept in a file of its own for length: it uses the
view's document, language, JSON setting, dump and small-print helpers.
"""

from ui.text import call_with_text
from wsclient import i18n, present

__all__ = ["decoded_item"]


def decoded_item(view, li, entry, meta: str):
    """A protocol's frame: its packets named, its payload, and the frame as it came
    behind "Quadro" (open when it did not decode)."""
    li.dataset.seq = str(entry.seq)
    li.classList.add("decoded")
    if meta:
        li.setAttribute("data-meta", meta)
    create = view._document.createElement
    if entry.decoded:
        name = create("strong")
        name.className = "packet"
        name.textContent = entry.decoded
        li.append(name)
    if entry.error:
        error = i18n.t(view._lang, "decoded.error", detail=entry.error)
        li.append(view._small("decode-error", error))
    text, _ = present.entry_text(entry, view._pretty)
    if text:
        call_with_text(li, "append", "\n" + text)
    details = create("details")
    details.className = "raw"
    details.open = bool(entry.error)
    summary = create("summary")
    frames = entry.frames
    key = "decoded.frames" if frames > 1 else "decoded.raw"
    summary.textContent = i18n.t(view._lang, key, frames=frames)
    details.append(summary)
    if entry.binary:
        view._dump(li, entry, details)
    else:
        pre = create("pre")
        pre.className = "raw-text"
        call_with_text(pre, "append", entry.raw or "")
        details.append(pre)
    li.append(details)
    return li
