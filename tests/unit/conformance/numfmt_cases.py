"""wsclient.numfmt: numbers and plurals as each language writes them."""

from conformance.runner import table
from wsclient import i18n, numfmt

PLURALS = [(0, "other"), (1, "one"), (2, "other"), (1000000, "other"), (1.0, "other")]

NUMBERS = [
    (["pt-BR", 0], "0"),
    (["pt-BR", 1], "1"),
    (["pt-BR", 2], "2"),
    (["pt-BR", 1000000], "1.000.000"),
    (["en", 0], "0"),
    (["en", 1], "1"),
    (["en", 2], "2"),
    (["en", 1000000], "1,000,000"),
    (["en", 211564], "211,564"),
    (["pt-BR", -1234], "-1.234"),
    (["pt-BR", 2.5, 1], "2,5"),
    (["en", 2.5, 1], "2.5"),
    (["pt-BR", 1234.5, 1], "1.234,5"),
    (["en", 1234.5, 1], "1,234.5"),
    (["en", 1.25, 1], "1.3"),
    (["pt-BR", 1234.5], "1.235"),
    (["en", -0.01, 1], "0.0"),
    (["en", 12345678901234567890], "12,345,678,901,234,567,890"),
]

COUNTED = [
    (["pt-BR", "binary", 0], "binário, 0 bytes"),
    (["pt-BR", "binary", 1], "binário, 1 byte"),
    (["pt-BR", "binary", 2], "binário, 2 bytes"),
    (["pt-BR", "binary", 1000000], "binário, 1.000.000 bytes"),
    (["en", "binary", 0], "binary, 0 bytes"),
    (["en", "binary", 1], "binary, 1 byte"),
    (["en", "binary", 2], "binary, 2 bytes"),
    (["en", "binary", 1000000], "binary, 1,000,000 bytes"),
    (["pt-BR", "tools.copied.visible", 1], "Copiada 1 entrada visível."),
    (["en", "tools.copied.visible", 1], "Copied 1 visible entry."),
    (["en", "tools.copied.all", 1000000], "Copied all 1,000,000 kept entries."),
    (["pt-BR", "tools.exported.all", 0], "Exportadas todas as 0 entradas guardadas."),
    (["en", "tools.exported.visible", 1], "Exported 1 visible entry."),
    (["pt-BR", "log.dropped", 1], "1 mensagem antiga fora da tela"),
    (["en", "buffered", 1], "1 byte queued in the browser (bufferedAmount)"),
    (["pt-BR", "announce", 1000000], "1.000.000 novas mensagens"),
]

CASES = (
    table("plural", numfmt.plural, PLURALS)
    + table("number", lambda args: numfmt.number(*args), NUMBERS)
    + table("t with count", lambda args: i18n.t(args[0], args[1], count=args[2]), COUNTED)
)
