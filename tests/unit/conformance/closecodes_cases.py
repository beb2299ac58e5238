"""wsclient.closecodes: close codes, their names, and what the status line says of a close."""

from conformance.runner import table
from wsclient import closecodes


def _both(code):
    """describe_close of code with no reason, in pt-BR and in English; only 1000 is clean."""
    return [closecodes.describe_close(code, "", code == 1000, lang) for lang in ("pt-BR", "en")]


_UNCLEAN = ". Motivo: nenhum. Fechamento não limpo.", ". Reason: none. Unclean close."


def _unclean(code, pt, en):
    """What _both gives for an unclean close without a reason, from the code's names."""
    return [
        "Código %d (%s)%s" % (code, pt, _UNCLEAN[0]),
        "Code %d (%s)%s" % (code, en, _UNCLEAN[1]),
    ]


CLOSES = [
    (-1, _unclean(-1, "Inválido", "Invalid")),
    (0, _unclean(0, "Não utilizado", "Unused")),
    (999, _unclean(999, "Não utilizado", "Unused")),
    (
        1000,
        [
            "Código 1000 (Fechamento normal). Motivo: nenhum. Fechamento limpo.",
            "Code 1000 (Normal Closure). Reason: none. Clean close.",
        ],
    ),
    (1001, _unclean(1001, "Indo embora", "Going Away")),
    (1005, _unclean(1005, "Nenhum código recebido", "No Status Received")),
    (1006, _unclean(1006, "Fechamento anormal", "Abnormal Closure")),
    (1015, _unclean(1015, "Falha no handshake TLS", "TLS Handshake")),
    (
        1016,
        _unclean(
            1016, "Não atribuído, reservado ao protocolo", "Unassigned, reserved for the protocol"
        ),
    ),
    (
        2999,
        _unclean(
            2999, "Não atribuído, reservado ao protocolo", "Unassigned, reserved for the protocol"
        ),
    ),
    (3000, _unclean(3000, "Não autorizado", "Unauthorized")),
    (
        3001,
        _unclean(
            3001,
            "Registrado para bibliotecas e frameworks",
            "Registered for libraries and frameworks",
        ),
    ),
    (3008, _unclean(3008, "Tempo esgotado", "Timeout")),
    (4000, _unclean(4000, "Aplicação, uso privado", "Application, private use")),
    (5000, _unclean(5000, "Inválido", "Invalid")),
]

CASES = table("describe_close", _both, CLOSES) + [
    (
        "describe_close with a reason",
        lambda: closecodes.describe_close(4001, "bye é", True, "en"),
        "Code 4001 (Application, private use). Reason: bye é. Clean close.",
    ),
    ("close_name 1000", lambda: closecodes.close_name(1000), "Normal Closure"),
    ("close_name 1000 pt-BR", lambda: closecodes.close_name(1000, "pt-BR"), "Fechamento normal"),
    ("close_name 4123", lambda: closecodes.close_name(4123), "Application, private use"),
    (
        "abnormal_hint en",
        lambda: closecodes.abnormal_hint("en"),
        "The browser does not say why. Likely causes: connection refused (server down or wrong"
        " port), a TLS or certificate error, a proxy or firewall in the way, or the server died"
        " without sending a close frame.",
    ),
    (
        "abnormal_hint pt-BR",
        lambda: closecodes.abnormal_hint("pt-BR"),
        "O navegador não informa a causa. As mais prováveis: conexão recusada (servidor desligado"
        " ou porta errada), erro de TLS ou de certificado, um proxy ou firewall no caminho, ou o"
        " servidor caiu sem enviar o quadro de fechamento.",
    ),
]
