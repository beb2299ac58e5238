"""Properties of wsclient.variables.fill: what any text and any table give."""

from hypothesis import given
from hypothesis import strategies as st

from wsclient.errors import InputError
from wsclient.variables import fill, valid_name

NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,8}", fullmatch=True)
TABLES = st.dictionaries(NAMES, st.text(max_size=12), max_size=4)
# Text that holds braces often, so that the interesting cases come up.
TEXTS = st.text(alphabet=st.sampled_from("{}ab $.\n"), max_size=30) | st.text(max_size=30)


@given(TEXTS.filter(lambda text: "{{" not in text), TABLES)
def test_text_without_double_braces_is_returned_as_it_is(text, table):
    """Without `{{` there is nothing to fill in: the very same text comes back."""
    assert fill(text, table) is text


@given(TEXTS, TABLES)
def test_doubled_braces_send_any_text_as_it_is(text, table):
    """Writing every `{{` as `{{{{` sends the text exactly as written, whatever it holds."""
    assert fill(text.replace("{{", "{{{{"), table) == text


@given(st.lists(st.tuples(TEXTS.map(lambda t: t.replace("{", "")), NAMES), max_size=5), TABLES)
def test_each_reference_becomes_its_value(parts, table):
    """Text and `{{name}}` references in turn give the text and the values in turn."""
    for _, name in parts:
        table.setdefault(name, name.upper())
    text = "".join(chunk + "{{" + name + "}}" for chunk, name in parts)
    assert fill(text, table) == "".join(chunk + table[name] for chunk, name in parts)


@given(TEXTS, TABLES)
def test_any_text_fills_in_or_names_an_unknown_variable(text, table):
    """fill never fails in any other way; an unknown name is one the table lacks."""
    try:
        fill(text, table)
    except InputError as exc:
        assert exc.key == "vars.unknown"
        name = exc.params["name"]
        assert name not in table
        assert valid_name(name) or (name.startswith("$") and valid_name(name[1:]))
        assert text[exc.params["position"] :].startswith("{{")
