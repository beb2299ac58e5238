"""WebSocket close codes and their names, in English and pt-BR."""

from wsclient import i18n

__all__ = ["abnormal_hint", "close_name", "describe_close"]

# RFC 6455 section 7.4 and the IANA "WebSocket Close Code Number Registry"
# (https://www.iana.org/assignments/websocket/websocket.xhtml): code -> (en, pt-BR).
_NAMES = {
    1000: ("Normal Closure", "Fechamento normal"),
    1001: ("Going Away", "Indo embora"),
    1002: ("Protocol Error", "Erro de protocolo"),
    1003: ("Unsupported Data", "Dados não suportados"),
    1004: ("Reserved", "Reservado"),
    1005: ("No Status Received", "Nenhum código recebido"),
    1006: ("Abnormal Closure", "Fechamento anormal"),
    1007: ("Invalid Frame Payload Data", "Dados inválidos no quadro"),
    1008: ("Policy Violation", "Violação de política"),
    1009: ("Message Too Big", "Mensagem grande demais"),
    1010: ("Mandatory Extension", "Extensão obrigatória"),
    1011: ("Internal Error", "Erro interno"),
    1012: ("Service Restart", "Reinício do serviço"),
    1013: ("Try Again Later", "Tente novamente mais tarde"),
    1014: ("Bad Gateway", "Gateway inválido"),
    1015: ("TLS Handshake", "Falha no handshake TLS"),
    3000: ("Unauthorized", "Não autorizado"),
    3003: ("Forbidden", "Proibido"),
    3008: ("Timeout", "Tempo esgotado"),
}

# The ranges of RFC 6455 section 7.4.2, by their last code, for codes without a name.
_RANGES = (
    (999, ("Unused", "Não utilizado")),
    # No brackets in a name: describe_close puts it in brackets already.
    (2999, ("Unassigned, reserved for the protocol", "Não atribuído, reservado ao protocolo")),
    (3999, ("Registered for libraries and frameworks", "Registrado para bibliotecas e frameworks")),
    (4999, ("Application, private use", "Aplicação, uso privado")),
)
_INVALID = ("Invalid", "Inválido")


def close_name(code: object, lang: str = "en") -> str:
    """Name a close code: the IANA name in English (the default) or its pt-BR translation.

    Args:
        code: the close code; anything that is not an int in 0..4999 is "Invalid".
        lang: "en" or "pt-BR".
    """
    names: "tuple[str, str] | None"
    names = _INVALID
    if isinstance(code, int) and not isinstance(code, bool) and code >= 0:
        names = _NAMES.get(code)
        if names is None:
            names = _INVALID
            for last, range_names in _RANGES:
                if code <= last:
                    names = range_names
                    break
    return names[1] if lang == "pt-BR" else names[0]


def describe_close(code: object, reason: str, was_clean: bool, lang: str) -> str:
    """Describe a close event in one sentence for the status line.

    The status line starts with the "status.closed" text; this sentence follows it, e.g.
    "Código 1000 (Fechamento normal). Motivo: nenhum. Fechamento limpo."
    """
    clean = i18n.t(lang, "close.clean" if was_clean else "close.unclean")
    return i18n.t(
        lang,
        "close.detail",
        code=code,
        name=close_name(code, lang),
        reason=reason or i18n.t(lang, "close.noreason"),
        clean=clean[:1].upper() + clean[1:],
    )


def abnormal_hint(lang: str) -> str:
    """Explain what a 1006 close usually means: the browser hides the real cause."""
    return i18n.t(lang, "close.abnormal_hint")
