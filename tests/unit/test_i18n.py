"""Tests of wsclient.i18n: language choice and texts."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient import i18n
from wsclient.i18n import LANGS, pick_lang, t


def _placeholders(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_languages_have_the_same_keys():
    """Both languages define exactly the same keys."""
    assert set(i18n._TEXTS["pt-BR"]) == set(i18n._TEXTS["en"])


def test_languages_have_the_same_placeholders():
    """Each key has the same {placeholders} in both languages."""
    pt, en = i18n._TEXTS["pt-BR"], i18n._TEXTS["en"]
    for key in pt:
        assert _placeholders(pt[key]) == _placeholders(en[key]), key


def test_every_language_has_texts():
    """LANGS lists exactly the languages that have texts."""
    assert set(LANGS) == set(i18n._TEXTS)


def test_article_texts_are_exact():
    """The pt-BR status texts are the article's, word for word."""
    assert t("pt-BR", "status.open", url="ws://h:1") == "Conectado ao servidor ws://h:1"
    assert t("pt-BR", "status.closed") == "WebSocket desconectado."
    assert t("pt-BR", "label.sent") == "Enviado:"
    assert t("pt-BR", "label.received") == "Recebido:"


def test_t_formats_params():
    """Params fill the template's placeholders."""
    assert t("en", "status.open", url="ws://h/") == "Connected to server ws://h/"


@pytest.mark.parametrize(
    ("lang", "count", "shown"),
    [
        ("pt-BR", 0, "binário, 0 bytes"),
        ("pt-BR", 1, "binário, 1 byte"),
        ("pt-BR", 2, "binário, 2 bytes"),
        ("pt-BR", 1_000_000, "binário, 1.000.000 bytes"),
        ("en", 0, "binary, 0 bytes"),
        ("en", 1, "binary, 1 byte"),
        ("en", 2, "binary, 2 bytes"),
        ("en", 1_000_000, "binary, 1,000,000 bytes"),
    ],
)
def test_t_picks_the_plural_form_for_count(lang, count, shown):
    """count picks key.one or key.other and is written as the language writes numbers."""
    assert t(lang, "binary", count=count) == shown


def test_every_plural_text_has_both_forms():
    """A text with a form for one has a form for other, and both say {count}."""
    for texts in i18n._TEXTS.values():
        for key in texts:
            if key.endswith((".one", ".other")):
                stem = key.rsplit(".", 1)[0]
                assert {stem + ".one", stem + ".other"} <= set(texts), key
                assert "count" in _placeholders(texts[key]), key


def test_t_with_a_count_that_is_not_a_number_takes_the_plural():
    """A count given as text still gets a text: the plural form, unformatted."""
    assert t("en", "binary", count="many") == "binary, many bytes"


def test_t_returns_unknown_key():
    """An unknown key comes back as itself."""
    assert t("en", "no.such.key") == "no.such.key"


def test_t_returns_template_when_param_missing():
    """A missing param leaves the template unformatted instead of raising."""
    assert t("en", "status.open") == "Connected to server {url}"


def test_t_falls_back_to_pt_br_for_unknown_lang():
    """An unknown language gets the pt-BR text."""
    assert t("fr", "button.send") == "Enviar"


@given(st.text(), st.text(), st.dictionaries(st.text(min_size=1), st.text()))
def test_t_never_raises(lang, key, params):
    """Any lang, key and params give a string."""
    assert isinstance(t(lang, key, **params), str)


@pytest.mark.parametrize("query", ["en", "EN", "en-US", "en_gb", " en "])
def test_pick_lang_query_picks_english(query):
    """?lang= naming English, in any case or region, picks en."""
    assert pick_lang(query, ["pt-BR"]) == "en"


@pytest.mark.parametrize("query", ["pt", "pt-br", "PT-BR", "pt-PT"])
def test_pick_lang_query_picks_portuguese(query):
    """?lang= naming Portuguese picks pt-BR."""
    assert pick_lang(query, ["en-US"]) == "pt-BR"


def test_pick_lang_unknown_query_falls_back_to_navigator():
    """An unknown ?lang= is ignored in favour of the browser's languages."""
    assert pick_lang("de", ["en-US"]) == "en"


def test_pick_lang_takes_first_known_navigator_language():
    """The first browser language that we have wins."""
    assert pick_lang("", ["fr-FR", "en-GB", "pt-BR"]) == "en"


def test_pick_lang_defaults_to_pt_br():
    """Without any known language the article's pt-BR is chosen."""
    assert pick_lang(None, None) == "pt-BR"
    assert pick_lang("", ["fr", "", "english"]) == "pt-BR"


@given(st.one_of(st.none(), st.text()), st.lists(st.one_of(st.none(), st.text())))
def test_pick_lang_always_returns_a_language(query, navigator):
    """Any input picks one of LANGS."""
    assert pick_lang(query, navigator) in LANGS
