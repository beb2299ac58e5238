"""Tests of wsclient.closecodes: names and descriptions of close codes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.closecodes import abnormal_hint, close_name, describe_close
from wsclient.i18n import LANGS


@pytest.mark.parametrize(
    "code, name",
    [
        (1000, "Normal Closure"),
        (1001, "Going Away"),
        (1002, "Protocol Error"),
        (1003, "Unsupported Data"),
        (1004, "Reserved"),
        (1005, "No Status Received"),
        (1006, "Abnormal Closure"),
        (1007, "Invalid Frame Payload Data"),
        (1008, "Policy Violation"),
        (1009, "Message Too Big"),
        (1010, "Mandatory Extension"),
        (1011, "Internal Error"),
        (1012, "Service Restart"),
        (1013, "Try Again Later"),
        (1014, "Bad Gateway"),
        (1015, "TLS Handshake"),
        (3000, "Unauthorized"),
        (3003, "Forbidden"),
        (3008, "Timeout"),
    ],
)
def test_close_name_names_registered_codes(code, name):
    """Registered codes get their IANA name."""
    assert close_name(code) == name


@pytest.mark.parametrize(
    "code, name",
    [
        (0, "Unused"),
        (999, "Unused"),
        (1016, "Unassigned, reserved for the protocol"),
        (2999, "Unassigned, reserved for the protocol"),
        (3001, "Registered for libraries and frameworks"),
        (3999, "Registered for libraries and frameworks"),
        (4000, "Application, private use"),
        (4999, "Application, private use"),
        (5000, "Invalid"),
        (-1, "Invalid"),
    ],
)
def test_close_name_names_ranges(code, name):
    """Codes without a name of their own get their range's name."""
    assert close_name(code) == name


@pytest.mark.parametrize("code", [None, "1000", 1000.0, True])
def test_close_name_calls_non_integers_invalid(code):
    """A value that is not an int is an invalid code."""
    assert close_name(code) == "Invalid"


def test_close_name_translates_to_pt_br():
    """lang="pt-BR" gives the Portuguese name."""
    assert close_name(1000, "pt-BR") == "Fechamento normal"
    assert close_name(4001, "pt-BR") == "Aplicação, uso privado"


@given(st.integers(min_value=-10, max_value=6000))
def test_every_code_has_a_name_in_each_language(code):
    """Every code, valid or not, has a non-empty name in each language."""
    for lang in LANGS:
        assert close_name(code, lang)


def test_describe_close_in_pt_br():
    """The pt-BR sentence gives code, name, reason and cleanliness."""
    text = describe_close(1000, "", True, "pt-BR")
    assert text == "Código 1000 (Fechamento normal). Motivo: nenhum. Fechamento limpo."


def test_describe_close_in_english_with_reason():
    """The English sentence includes the server's reason and an unclean close."""
    text = describe_close(1011, "boom", False, "en")
    assert text == "Code 1011 (Internal Error). Reason: boom. Unclean close."


def test_abnormal_hint_names_the_likely_causes():
    """The 1006 hint is a real text in each language and mentions TLS."""
    for lang in LANGS:
        hint = abnormal_hint(lang)
        assert "TLS" in hint and "close.abnormal_hint" not in hint
