"""The pt-BR texts written in site/index.html are the ones wsclient/i18n.py gives.

The page shows its HTML's own texts until Python starts, then writes i18n's over
them; if the two differed, a pt-BR user would see the labels change under them.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from wsclient import i18n

INDEX = Path(__file__).resolve().parents[2] / "site" / "index.html"
# The attributes translated, by the data- attribute that names their key.
ATTRIBUTES = {"data-i18n-placeholder": "placeholder", "data-i18n-aria-label": "aria-label"}
# Elements that have no end tag, so never hold text.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Texts(HTMLParser):
    """Collects (attribute, key, text) for each element with data-i18n or an ATTRIBUTES key.

    For data-i18n the text is the element's textContent; for the others, the attribute
    they translate (data-i18n-placeholder: placeholder).
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._open = []  # [tag, key or None, text parts] of each open element

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for kind, attribute in ATTRIBUTES.items():
            if kind in attrs:
                self.found.append((kind, attrs[kind], attrs.get(attribute) or ""))
        if tag not in VOID:
            self._open.append([tag, attrs.get("data-i18n"), []])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        for _, key, parts in self._open:
            if key is not None:
                parts.append(data)

    def handle_endtag(self, tag):
        # Close up to the matching element, as browsers do with unclosed ones (<p>, <li>).
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                for _, key, parts in self._open[depth:]:
                    if key is not None:
                        self.found.append(("data-i18n", key, "".join(parts)))
                del self._open[depth:]
                return


def _collapsed(text):
    """Text as it renders: runs of whitespace as one space, none at the ends."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page_texts():
    parser = _Texts()
    parser.feed(INDEX.read_text(encoding="utf-8"))
    parser.close()
    return parser.found


def test_page_has_texts_to_translate(page_texts):
    """The page marks its texts, the placeholder of #message and an aria-label among them."""
    kinds = {kind for kind, _, _ in page_texts}
    assert kinds == {"data-i18n", *ATTRIBUTES}, page_texts


def test_page_texts_are_i18n_pt_br_texts(page_texts):
    """Each data-i18n text and data-i18n-placeholder is i18n.t("pt-BR", key), word for word."""
    drifted = [
        (kind, key, text, i18n.t("pt-BR", key))
        for kind, key, text in page_texts
        if _collapsed(text) != _collapsed(i18n.t("pt-BR", key))
    ]
    assert not drifted, "index.html and i18n.py differ (attribute, key, html, i18n): " + repr(
        drifted
    )


def test_page_texts_have_english_texts(page_texts):
    """Every key the page names has an English text, so ?lang=en never shows a bare key."""
    missing = sorted({key for _, key, _ in page_texts if i18n.t("en", key) == key})
    assert not missing, f"keys with no English text: {missing}"
