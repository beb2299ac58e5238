"""Writing text into the page's elements, touching only what changed."""

from ui.text import call_with_text
from wsclient import i18n

__all__ = ["Texts", "translate"]

_UNSET = object()


class Texts:
    """Writes text into elements found by id; each write that changes nothing is skipped."""

    def __init__(self, document) -> None:
        self._document = document
        self._shown: dict = {}

    def say(self, element_id: str, text: "str | None") -> None:
        """Write text into the element, or hide it (None)."""
        if self._shown.get(element_id, _UNSET) == text:
            return
        self._shown[element_id] = text
        element = self._document.getElementById(element_id)
        element.hidden = text is None
        if text is not None:
            call_with_text(element, "replaceChildren", text)

    def shown(self, element_id: str) -> "str | None":
        """The text last written into the element, or None."""
        value = self._shown.get(element_id)
        return None if value is _UNSET else value


def translate(document, lang: str) -> None:
    """Replace the page's pt-BR texts when another language was chosen."""
    if lang == "pt-BR":
        return
    document.documentElement.lang = lang
    document.title = i18n.t(lang, "title")
    for node in document.querySelectorAll("[data-i18n]"):
        node.textContent = i18n.t(lang, node.dataset.i18n)
    for node in document.querySelectorAll("[data-i18n-placeholder]"):
        node.placeholder = i18n.t(lang, node.dataset.i18nPlaceholder)
    for node in document.querySelectorAll("[data-i18n-aria-label]"):
        node.setAttribute("aria-label", i18n.t(lang, node.dataset.i18nAriaLabel))
    document.getElementById("messages").setAttribute("aria-label", i18n.t(lang, "log.label"))
