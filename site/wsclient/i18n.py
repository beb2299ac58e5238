"""Interface texts in pt-BR (the article's language, the default) and English."""

from wsclient import numfmt

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

__all__ = ["DEFAULT", "LANGS", "matches", "pick_lang", "t"]

LANGS = ("pt-BR", "en")
DEFAULT = "pt-BR"

_PT = {
    "title": "WebSockets com Python",
    "status.idle": "Informe o endereço de um servidor WebSocket e clique em Conectar.",
    "status.connecting": "Conectando a {url}…",
    "status.open": "Conectado ao servidor {url}",
    "status.closed": "WebSocket desconectado.",
    "status.closing": "Fechando a conexão com {url}: aguardando o servidor confirmar…",
    "status.error": "Erro na conexão com {url}.",
    "label.sent": "Enviado:",
    "label.received": "Recebido:",
    "label.system": "Sistema:",
    "label.script": "Script:",
    "label.check": "Verificação:",
    "script.starting": "iniciando…",
    "script.running": "executando",
    "script.stopped": "parado",
    "script.failed": "erro",
    "script.failed_at": "erro na linha {line}",
    "script.rate": "parado: o script enviou mais de {limit} mensagens em um segundo",
    "script.log_rate": "parado: o script escreveu mais de {limit} linhas no log em um segundo",
    "script.broken": "O script não pôde rodar: {detail}",
    "script.pass": "passou",
    "script.fail": "falhou",
    "script.check": "{name}: {verdict}",
    "script.dropped": "O before_send do script descartou a mensagem, que não foi enviada: {text}",
    "script.unsent": (
        "Não enviada: o before_send do script não respondeu (falhou, ou o script parou): {text}"
    ),
    "script.early": (
        "Esperando o script começar (o código do topo ainda roda): {text}. Sai quando ele"
        " começar; se você parar o script, sai como foi escrita."
    ),
    "script.summary": "Verificações do script: {passed} passaram, {failed} falharam.",
    "script.garbled": "Mensagem ilegível do worker do script: {detail}",
    "script.first_name": "script 1",
    "script.tab": "Script",
    "script.name_field": "Script",
    "script.title_field": "Nome",
    "script.new": "Novo",
    "script.delete": "Excluir",
    "script.examples": "Exemplos",
    "script.example_pick": "escolha um…",
    "script.open_example": "Abrir",
    "script.help": (
        "Python, num worker: o script não trava a página. No editor, Tab indenta;"
        " Esc e depois Tab sai dele."
    ),
    "script.loading": "Carregando o editor…",
    "script.editor": "Código do script",
    "script.no_editor": "O editor não carregou ({detail}): escreva o script neste campo.",
    "script.run": "Executar",
    "script.stop": "Parar",
    "script.stop_label": "Parar script",
    "script.results": "Resultados",
    "script.col_check": "Verificação",
    "script.col_result": "Resultado",
    "script.col_message": "Mensagem",
    "script.col_detail": "Detalhe",
    "script.col_time": "Hora",
    "script.unreadable": "Os scripts guardados não puderam ser lidos ({detail}): começa um novo.",
    "script.example_opened": "Exemplo aberto como um script novo: leia-o e pressione Executar.",
    "script.deleted": "Script “{name}” excluído.",
    "script.name_blank": "Dê um nome ao script.",
    "script.name_long": "O nome passa de {limit} caracteres.",
    "script.name_taken": "Já há um script chamado “{name}”.",
    "script.export": "Baixar arquivo",
    "script.import": "Carregar arquivo",
    "script.file_unread": "O arquivo não pôde ser lido ({detail}). Nada foi importado.",
    "script.file_json": "O arquivo não é JSON. Nada foi importado.",
    "script.file_shape": "O arquivo não tem uma lista “scripts”. Nada foi importado.",
    "script.file_empty": "O arquivo não tem nenhum script.",
    "script.file_item": "O script {count} não tem “name” e “source”. Nada foi importado.",
    "script.imported.one": "{count} script importado, como novo. Leia-o: nada roda sem Executar.",
    "script.imported.other": (
        "{count} scripts importados, como novos. Leia-os: nada roda sem Executar."
    ),
    "example.auto_reply": "resposta automática (ping → pong)",
    "example.heartbeat": "heartbeat a cada 30 s",
    "example.echo_test": "teste de eco com check e expect",
    "example.json_rpc": "JSON-RPC 2.0: respostas pelo id",
    "example.timestamp": "before_send: carimbo de tempo",
    "button.connect": "Conectar",
    "button.close": "Fechar conexão",
    "button.send": "Enviar",
    "button.send_anyway": "Enviar assim mesmo",
    "send.blank": (
        "A mensagem está vazia ou só tem espaços, então nada foi enviado. "
        "Para enviá-la assim (um quadro vazio, por exemplo), use “Enviar assim mesmo”."
    ),
    "field.url": "Servidor",
    "field.message": "Mensagem",
    "placeholder.message": "Escreva sua mensagem aqui…",
    "close.clean": "fechamento limpo",
    "close.unclean": "fechamento não limpo",
    "close.detail": "Código {code} ({name}). Motivo: {reason}. {clean}.",
    "close.noreason": "nenhum",
    "close.abnormal_hint": (
        "O navegador não informa a causa. As mais prováveis: conexão recusada "
        "(servidor desligado ou porta errada), erro de TLS ou de certificado, "
        "um proxy ou firewall no caminho, ou o servidor caiu sem enviar o quadro de fechamento."
    ),
    "error.send_failed": "O navegador recusou o envio: {detail}",
    "error.internal": "Erro interno da página: {detail}",
    "log.label": "Mensagens",
    "log.new_entries": "Novas entradas ↓",
    "log.new.one": "{count} nova ↓",
    "log.new.other": "{count} novas ↓",
    "log.dropped.one": "{count} mensagem antiga fora da tela",
    "log.dropped.other": "{count} mensagens antigas fora da tela",
    "binary.one": "binário, {count} byte",
    "binary.other": "binário, {count} bytes",
    "url.empty": "Informe o endereço do servidor WebSocket (por exemplo, ws://localhost:8765).",
    "url.spaces": "Endereço inválido: ele contém espaços ou caracteres de controle.",
    "url.noscheme": (
        "Endereço inválido: ele deve começar com ws:// ou wss:// (por exemplo, ws://localhost:8765)."
    ),
    "url.scheme": "Endereço inválido: “{scheme}:” não é um esquema de WebSocket; use ws:// ou wss://.",
    "url.http": (
        "Endereço inválido: o esquema deve ser ws:// ou wss://, não {scheme}:// "
        "(experimente {suggestion})."
    ),
    "url.slashes": (
        "Endereço inválido: escreva duas barras depois de {scheme}: (assim: {scheme}://servidor)."
    ),
    "url.nohost": "Endereço inválido: falta o nome do servidor depois de {scheme}://.",
    "url.host": "Endereço inválido: “{host}” não é um nome de servidor válido.",
    "url.port": "Endereço inválido: a porta deve ser um número de 1 a 65535, não “{port}”.",
    "url.fragment": (
        "Endereço inválido: endereços WebSocket não podem ter fragmento (a parte depois de #)."
    ),
    "url.refused": "O navegador recusou o endereço: {detail}",
    "reconnect.user": "Sem reconexão automática: você fechou a conexão.",
    "reconnect.policy": (
        "Sem reconexão automática: o servidor recusou a conexão por uma regra dele "
        "(violação de política ou falta de autorização), e recusaria de novo."
    ),
    "reconnect.unsupported": (
        "Sem reconexão automática: o servidor não aceita o tipo de dado que recebeu."
    ),
    "reconnect.rejected": (
        "Sem reconexão automática: a conexão com este servidor não chegou a abrir. "
        "Confira o endereço e se o servidor está no ar."
    ),
    "reconnect.normal": "Sem reconexão automática: o servidor encerrou a conexão normalmente.",
    "reconnect.retry": "A conexão caiu; a página vai reconectar sozinha.",
    "reconnect.countdown": "Tentativa {attempt} em {seconds} s…",
    "reconnect.trying": "Tentativa {attempt}: conectando…",
    "reconnect.tick": "Marque “Reconectar automaticamente” para tentar de novo.",
    "outage.status": (
        "WebSocket desconectado. Código {code}: {name}. Reconectando a {url} automaticamente."
    ),
    "outage.begin": "Reconectando automaticamente.",
    "outage.back": "— de volta após {seconds} s sem conexão. Tentativas: {attempts}.",
    "outage.stopped": "Reconexão automática parada. Tentativas feitas: {attempts}.",
    "outage.resumed": "Reconexão automática ligada: tentando de novo.",
    "why.summary": "Por quê?",
    "reconnect.now": "Tentar agora",
    "reconnect.stop": "Parar",
    "reconnect.auto": "Reconectar automaticamente",
    "reconnect.attempt": "Tentativa {attempt}",
    "param.bad": "Parâmetro {name}={value} inválido: {rule}. Usando {used}.",
    "param.rule.cap": "use um número de {low} a {high}",
    "param.rule.lang": "use pt-BR, en ou auto",
    "param.rule.mode": "use text, hex, base64 ou json",
    "param.rule.reconnect": "use 1 ou 0",
    "param.rule.interpreter": "use micropython ou pyodide",
    "text.truncated": "… (mostrando o começo de {size} bytes)",
    "url.kept": "A conexão com {url} continua.",
    "close.by_user": "Você fechou a conexão.",
    "close.by_script": "O script fechou a conexão.",
    "field.proto": "Protocolo",
    "proto.raw": "Raw",
    "proto.note": (
        "Raw envia e mostra os quadros como são. Com Socket.IO, MQTT ou GraphQL, a página fala "
        "o protocolo e dá nome a cada pacote no log. As opções valem a partir de Conectar."
    ),
    "placeholder.socketio": 'Argumentos em JSON, como ["olá", 1]; vazio: nenhum',
    "placeholder.mqtt": "Payload da mensagem",
    "placeholder.graphql": "subscription { … }",
    "sio.event": "Evento",
    "sio.ack": "Esperar ack",
    "sio.version": "Versão do servidor",
    "sio.auth": "Auth (objeto JSON, só v3 / v4)",
    "mqtt.topic": "Tópico",
    "mqtt.version": "Versão",
    "mqtt.client_id_hint": "vazio: o broker escolhe",
    "mqtt.clean": "Começar sessão limpa",
    "mqtt.keep_alive_field": "Keep-alive (s)",
    "mqtt.username": "Usuário",
    "mqtt.password": "Senha",
    "mqtt.subscriptions": "Assinaturas",
    "mqtt.filter": "Filtro de tópico",
    "mqtt.subscribe": "Assinar",
    "mqtt.subscribe_legend": "Assinar um tópico",
    "gql.variables": "Variáveis",
    "gql.operation": "Operação",
    "gql.init": "Payload do connection_init (objeto JSON)",
    "gql.running": "Operações em andamento",
    "close.by_protocol": "A página fechou a conexão: {why}",
    "param.rule.proto": "use raw, socketio, mqtt ou graphql",
    "proto.choice": "Escolha inválida para {name}.",
    "proto.in_field": "{name}: {detail}",
    "proto.json_kind": "{name}: escreva um objeto JSON, entre chaves, ou deixe vazio.",
    "proto.offline": (
        "Conecte-se a um servidor {name} antes de enviar: a mensagem continua no campo."
    ),
    "proto.offline_action": "Conecte-se a um servidor {name} para isso.",
    "proto.never_opened": (
        "Uma causa provável: o servidor não fala {name} neste endereço (a página pediu {need})."
    ),
    "proto.next": "O protocolo {name} vale a partir da próxima conexão; a atual fala {current}.",
    "proto.closing": "A página fecha a conexão: {why}",
    "proto.broken": (
        "Conectado, mas o servidor quebrou o protocolo {name}: {detail} O quadro está no log;"
        " a sessão continua."
    ),
    "proto.options": "Opções de {name}",
    "sio.namespace": (
        "Namespace inválido: {name}. Um namespace começa com / e não tem espaços nem vírgulas."
    ),
    "sio.auth_v2": "Servidores Socket.IO 2 não recebem auth: deixe o campo vazio ou escolha v3/v4.",
    "sio.engine_close": "o servidor Engine.IO pediu para fechar.",
    "sio.connected": "Socket.IO: conectado ao namespace {nsp} (sid {sid}).",
    "sio.refused": "Socket.IO: o servidor recusou o namespace {nsp}: {detail}",
    "sio.acked": 'Socket.IO: ack {id} do evento "{event}" em {ms} ms.',
    "sio.event_empty": "Escreva o nome do evento.",
    "sio.refused_emit": (
        "O servidor recusou o namespace {name}: nenhum evento vai. Mude o namespace ou o auth"
        " na aba Protocolo e conecte de novo."
    ),
    "sio.held": "O evento espera o servidor aceitar o namespace {nsp}.",
    "sio.timeout": "o servidor Socket.IO parou de responder aos pings.",
    "mqtt.keep_alive": "Keep-alive: escreva um número de segundos, de 0 a {limit}.",
    "mqtt.client_id": "No MQTT 3.1.1, uma sessão que não começa limpa precisa de um client id.",
    "mqtt.text": "O servidor mandou um quadro de texto; no MQTT todos os quadros são binários.",
    "mqtt.broken": "o fluxo MQTT ficou ilegível depois de um pacote malformado.",
    "mqtt.disconnect": "MQTT: o broker mandou DISCONNECT (código {code}).",
    "mqtt.unknown_id": "MQTT: {name} com id {id}, que nenhum fluxo espera.",
    "mqtt.refused": "MQTT: o broker recusou a conexão (código {code}).",
    "mqtt.connected": "MQTT: conectado ao broker, numa sessão nova.",
    "mqtt.resumed": "MQTT: conectado ao broker, que retomou a sessão anterior.",
    "mqtt.topic_empty": "Escreva o tópico.",
    "mqtt.topic_wildcard": "O tópico {name} tem + ou #, que só valem em filtros de assinatura.",
    "mqtt.filter_empty": "Escreva o filtro de tópico.",
    "mqtt.filter_bad": (
        "Filtro {name} inválido: # só vale sozinho no último nível (a/#), e + sozinho num"
        " nível (a/+/c)."
    ),
    "mqtt.timeout": "o broker MQTT não respondeu ao PINGREQ em {seconds} s.",
    "mqtt.sub_pending": "aguardando SUBACK",
    "mqtt.sub_later": "pedida de novo ao conectar",
    "mqtt.v5_refused": (
        "MQTT: o broker só fala 3.1.1 e recusou o 5.0. Escolha a versão 3.1.1 na aba"
        " Protocolo e conecte de novo."
    ),
    "mqtt.sub_refused": "recusada ({code})",
    "mqtt.sub_granted": "concedida com QoS {qos}",
    "mqtt.unsubscribe": "Cancelar assinatura",
    "mqtt.no_subs": "Nenhuma assinatura.",
    "gql.acked": "GraphQL: o servidor aceitou a conexão (connection_ack).",
    "gql.failed": "GraphQL: a operação {id} falhou: {detail}",
    "gql.completed": "GraphQL: a operação {id} terminou.",
    "gql.next_errors": "GraphQL: o resultado da operação {id} traz erros: {detail}",
    "gql.unknown_id": "GraphQL: {name} da operação {id}, que não está em andamento.",
    "gql.binary": "O servidor mandou um quadro binário; o graphql-transport-ws só usa texto.",
    "gql.query_empty": "Escreva a consulta GraphQL no campo de mensagem.",
    "gql.held": "A operação espera o connection_ack do servidor.",
    "gql.stop": "Parar",
    "gql.no_ops": "Nenhuma operação em andamento.",
    "script.proto_offline": "O {call}() do script não foi feito: a conexão não está aberta.",
    "script.proto_wrong": "O {call}() do script não foi feito: esta conexão fala {name}.",
    "decoded.raw": "Quadro",
    "decoded.frames": "Bytes, que vieram em {frames} quadros",
    "decoded.error": "Não decodificado: {detail}",
    "protocols.token": (
        "Subprotocolo inválido: “{name}” só pode ter letras, dígitos e !#$%&'*+-.^_`|~."
    ),
    "protocols.repeated": "Subprotocolo repetido: “{name}” aparece mais de uma vez.",
    "field.protocols": "Subprotocolos",
    "negotiated": "Subprotocolo: {protocol}. Extensões: {extensions}.",
    "negotiated.no_protocol": "nenhum",
    "negotiated.no_extensions": "nenhuma",
    "state.pending": "pendente",
    "state.failed": "não enviada: {detail}",
    "state.unconfirmed": "sem eco",
    "buffered.one": "{count} byte na fila do navegador (bufferedAmount)",
    "buffered.other": "{count} bytes na fila do navegador (bufferedAmount)",
    "state.pending_for": "pendente para {url}",
    "state.discarded": "descartada, não enviada",
    "button.discard": "Descartar",
    "button.discard_all": "Descartar pendentes",
    "discard.label": "Descartar a mensagem pendente “{text}”",
    "discard.all": "Descartar pendentes ({count})",
    "pending.one": "{count} mensagem pendente foi escrita para {owners}, não para {url}.",
    "pending.other": "{count} mensagens pendentes foram escritas para {owners}, não para {url}.",
    "pending.nowhere.one": (
        "{count} mensagem pendente foi escrita antes de você escolher um servidor."
    ),
    "pending.nowhere.other": (
        "{count} mensagens pendentes foram escritas antes de você escolher um servidor."
    ),
    "pending.no_server": "nenhum servidor",
    "pending.what": "O que fazer?",
    "pending.send": "Enviar para {url}",
    "pending.send_new": "Enviar para o novo servidor",
    "pending.discard": "Descartar",
    "pending.keep": "Manter na fila",
    "pending.moved": "Mensagens pendentes que vão agora para {url}: {count}.",
    "pending.dropped": "Mensagens pendentes descartadas: {count}.",
    "switch.closed": "A conexão com {old} foi fechada porque você conectou a {new}.",
    "switch.cancelled": (
        "A tentativa de conexão com {old} foi cancelada porque você conectou a {new}."
    ),
    "close.nothing": "Não há conexão para fechar.",
    "close.already": "A conexão já está sendo fechada.",
    "mode.text": "Texto",
    "mode.hex": "Hex",
    "mode.base64": "Base64",
    "mode.json": "JSON",
    "payload.hex": (
        "Hex inválido na linha {line}, coluna {column}: “{char}” não é um dígito hexadecimal."
    ),
    "gql.json": "Mensagem GraphQL que não é JSON, no caractere {position}.",
    "gql.object": "Mensagem GraphQL que não é um objeto JSON.",
    "gql.type": "Mensagem GraphQL de tipo desconhecido: {name}.",
    "gql.id": "Mensagem GraphQL {name} sem id.",
    "gql.payload": "Mensagem GraphQL {name} com um payload que o protocolo não aceita.",
    "eio.binary": "Quadro binário do Engine.IO 3 sem o byte de tipo 4 no início.",
    "eio.type": "Pacote Engine.IO de tipo desconhecido no caractere {position}.",
    "eio.open": "Abertura do Engine.IO sem um objeto com sid, no caractere {position}.",
    "sio.json": "JSON inválido no pacote Socket.IO, no caractere {position}.",
    "sio.type": "Pacote Socket.IO de tipo desconhecido no caractere {position}.",
    "sio.attachments": "Número de anexos inválido no pacote Socket.IO, no caractere {position}.",
    "sio.data": "Dados que um pacote {name} não pode ter, no caractere {position}.",
    "sio.placeholder": "Referência a um anexo que não veio: o pacote tem {count}.",
    "sio.attachments_missing": "Chegou outro pacote antes dos {count} anexos que faltavam.",
    "sio.attachment_unexpected": "Chegou um anexo binário sem pacote que o espere.",
    "mqtt.short": "Pacote MQTT cortado no byte {position}: faltam bytes que o cabeçalho promete.",
    "mqtt.varint": "Comprimento MQTT inválido no byte {position}: mais de quatro bytes.",
    "mqtt.utf8": "Texto MQTT que não é UTF-8 no byte {position}.",
    "mqtt.property": "Propriedade MQTT 5 desconhecida no byte {position}.",
    "mqtt.property_twice": "Propriedade MQTT 5 repetida no byte {position}.",
    "mqtt.too_long": "Pacote MQTT grande demais: o limite é {limit} bytes.",
    "mqtt.field_long": "Campo MQTT longo demais: o limite é {limit} bytes.",
    "mqtt.property_name": "Propriedade MQTT 5 desconhecida: {name}.",
    "mqtt.type": "Tipo de pacote MQTT desconhecido nesta versão: {name}.",
    "mqtt.type_number": "Tipo de pacote MQTT desconhecido no byte {position}.",
    "mqtt.flags": "Flags inválidas para este tipo de pacote MQTT no byte {position}.",
    "mqtt.qos": "PUBLISH com QoS 3, que não existe, no byte {position}.",
    "mqtt.extra": "Bytes a mais no fim do pacote MQTT, a partir do byte {position}.",
    "mqtt.protocol_name": "CONNECT sem o nome de protocolo MQTT no byte {position}.",
    "mqtt.level": "Versão de MQTT desconhecida no byte {position}.",
    "payload.hex_odd": (
        "Hex incompleto na linha {line}, coluna {column}: cada byte precisa de dois dígitos."
    ),
    "payload.base64": (
        "Base64 inválido na linha {line}, coluna {column}: caractere inesperado “{char}”."
    ),
    "payload.base64_length.one": (
        "Base64 incompleto: {count} caractere não forma bytes inteiros "
        "(falta ou sobra um caractere ou um “=” na linha {line}, coluna {column})."
    ),
    "payload.base64_length.other": (
        "Base64 incompleto: {count} caracteres não formam bytes inteiros "
        "(falta ou sobra um caractere ou um “=” na linha {line}, coluna {column})."
    ),
    "json.invalid": (
        "JSON inválido na linha {line}, coluna {column}: caractere inesperado “{char}”."
    ),
    "json.word": (
        "JSON inválido na linha {line}, coluna {column}: “{token}” não é um valor JSON "
        "(true, false e null se escrevem assim, em minúsculas)."
    ),
    "json.incomplete": (
        "JSON incompleto: o texto termina na linha {line}, coluna {column}, "
        "antes de o valor se fechar."
    ),
    "json.unreadable": "JSON válido, mas impossível de ler aqui: {detail}",
    "field.filter": "Filtrar",
    "show.legend": "Mostrar",
    "show.sent": "Enviadas",
    "show.received": "Recebidas",
    "show.system": "Sistema",
    "json.pretty": "JSON formatado",
    "button.clear": "Limpar log",
    "button.export": "Exportar",
    "button.copy": "Copiar",
    "button.show_all": "Mostrar tudo",
    "filter.count.one": "{matched} de {count} entrada",
    "filter.count.other": "{matched} de {count} entradas",
    "tools.copy_failed": "Não foi possível copiar: {detail}",
    "tools.exported.visible.other": "Exportadas {count} entradas visíveis.",
    "tools.exported.visible.one": "Exportada {count} entrada visível.",
    "tools.exported.all.other": "Exportadas todas as {count} entradas guardadas.",
    "tools.exported.all.one": "Exportada {count} entrada, a única guardada.",
    "tools.copied.visible.other": "Copiadas {count} entradas visíveis.",
    "tools.copied.visible.one": "Copiada {count} entrada visível.",
    "tools.copied.all.other": "Copiadas todas as {count} entradas guardadas.",
    "tools.copied.all.one": "Copiada {count} entrada, a única guardada.",
    "tools.outside.other": (
        "{count} quadros ficaram fora do orçamento de quadros: o arquivo traz só o começo deles."
    ),
    "tools.outside.one": (
        "{count} quadro ficou fora do orçamento de quadros: o arquivo traz só o começo dele."
    ),
    "field.scope": "Exportar e copiar",
    "scope.visible": "as entradas visíveis",
    "scope.all": "todas as guardadas",
    "button.show_more": "Mostrar mais",
    "button.json_tree": "Formatar JSON",
    "json.gone": "Este quadro não está mais guardado inteiro (orçamento de quadros).",
    "tree.keys.other": "{count} chaves",
    "tree.keys.one": "{count} chave",
    "tree.items.other": "{count} itens",
    "tree.items.one": "{count} item",
    "tree.more": "Mostrar mais {count}",
    "tree.error": "Não foi possível ler como JSON: {detail}",
    "text.outside": (
        "… (mostrando o começo de {size} bytes: o resto ficou fora do orçamento de quadros)"
    ),
    "param.rule.budget": "use um número de MiB de 0 a {most}",
    "tools.label": "Ferramentas do log",
    "tools.cleared.one": "Log limpo: {count} entrada removida.",
    "tools.cleared.other": "Log limpo: {count} entradas removidas.",
    "tools.already_empty": "O log já estava vazio.",
    "tools.waiting_stay.one": "Fica no log a entrada de {count} mensagem pendente.",
    "tools.waiting_stay.other": "Ficam no log as entradas de {count} mensagens pendentes.",
    "tools.restored.one": "Log restaurado: {count} entrada de volta.",
    "tools.restored.other": "Log restaurado: {count} entradas de volta.",
    "tools.undo_late": "Tarde demais para desfazer: a limpeza pode ser desfeita por {seconds} s.",
    "tools.counters_reset": "Contadores e RTT zerados.",
    "button.undo": "Desfazer",
    "button.reset_counters": "Zerar contadores",
    "field.mode": "Formato",
    "type.text": "texto",
    "type.binary": "binário",
    "binary.held": (
        "binário, {size} bytes; fora do orçamento de quadros, "
        "a página guarda só os primeiros {held}"
    ),
    "stats.label": "Medições",
    "stats.sent": "Enviadas: {messages} msg · {bytes} B · {rate} msg/s · {byte_rate} B/s",
    "stats.received": "Recebidas: {messages} msg · {bytes} B · {rate} msg/s · {byte_rate} B/s",
    "rtt.none": "RTT do eco: —",
    "rtt": "RTT do eco: última {last} ms · mediana {median} ms",
    "announce.one": "{count} nova mensagem",
    "announce.other": "{count} novas mensagens",
    "history.unavailable": "O histórico de envios não será salvo: {detail}",
    "vars.unknown": (
        "Variável desconhecida na linha {line}, coluna {column}: “{name}”. "
        "Defina-a em Variáveis, ou escreva {{{{{{{{ para enviar {{{{ como texto."
    ),
    "vars.after": "Com as variáveis preenchidas: {detail}",
    "vars.bad_name": (
        "“{name}” não serve de nome: comece com uma letra ou _, e use só letras, dígitos, _, - e ."
    ),
    "vars.repeated": "“{name}” já está definida numa linha acima; esta não vale.",
    "vars.no_name": "Esta linha tem um valor, mas não um nome.",
    "variables.unreadable": "As variáveis salvas não puderam ser lidas: {detail}",
    "saved.default_name": "Mensagem {count}",
    "saved.saved": "Mensagem salva: “{name}”.",
    "saved.sent": "Enviada: “{name}”.",
    "saved.refused": "“{name}” não foi enviada. {error}",
    "saved.no_name": "Uma mensagem salva precisa de um nome: “{name}” continua como estava.",
    "saved.renamed": "Renomeada para “{name}”.",
    "saved.updated": "“{name}” agora guarda o que está no campo de mensagem.",
    "saved.deleted": "“{name}” excluída.",
    "saved.restored": "“{name}” está de volta.",
    "saved.moved": "“{name}” agora é a {count}ª.",
    "saved.exported.one": "{count} mensagem salva exportada.",
    "saved.exported.other": "{count} mensagens salvas exportadas.",
    "saved.imported.one": "{count} mensagem importada, depois das que já estavam salvas.",
    "saved.imported.other": "{count} mensagens importadas, depois das que já estavam salvas.",
    "saved.unreadable_file": "O arquivo não pôde ser lido: {detail}. Nada foi importado.",
    "saved.not_json": "O arquivo não é JSON. Nada foi importado.",
    "saved.not_ours": (
        "O arquivo não é uma lista de mensagens salvas exportada por esta página. "
        "Nada foi importado."
    ),
    "saved.version": (
        "O arquivo é da versão {detail} das mensagens salvas, que esta página não lê. "
        "Nada foi importado."
    ),
    "saved.no_list": "O arquivo não tem a lista “messages”. Nada foi importado.",
    "saved.bad_item": (
        "A mensagem {count} do arquivo não tem “{detail}” válido. Nada foi importado."
    ),
    "saved.unreadable": "As mensagens salvas não puderam ser lidas: {detail}",
    "shortcuts.button": "Atalhos de teclado",
    "shortcuts.title": "Atalhos de teclado",
    "shortcuts.enter": "envia, no campo de mensagem (Shift+Enter: nova linha)",
    "shortcuts.ctrl_enter": "envia, de qualquer lugar do composer (⌘+Enter no macOS)",
    "shortcuts.clear": "limpa o log, de qualquer lugar (Control também no macOS)",
    "shortcuts.slash": "vai para o filtro, fora dos campos",
    "shortcuts.escape": (
        "sai do campo de mensagem para o log; fecha o painel aberto sobre o log"
        " (no editor de script, Esc e depois Tab sai do editor)"
    ),
    "shortcuts.tabs": "trocam a aba do painel, numa aba",
    "shortcuts.arrows": "mensagens enviadas antes, no campo de mensagem",
    "shortcuts.single": "Atalhos de uma tecla só (/)",
    "shortcuts.close": "Fechar",
    "saved.title": "Mensagens salvas",
    "saved.save": "Salvar mensagem",
    "saved.name_field": "Nome da mensagem",
    "saved.name_word": "Nome de",
    "saved.use": "Carregar",
    "saved.send": "Enviar",
    "saved.update": "Atualizar com o campo",
    "saved.up": "Subir",
    "saved.down": "Descer",
    "saved.delete": "Excluir",
    "saved.export": "Baixar arquivo",
    "saved.import": "Carregar arquivo",
    "saved.undo": "Restaurar",
    "saved.empty": "Nenhuma mensagem salva. Escreva uma no campo de mensagem e salve-a.",
    "panel.variables": "Variáveis",
    "panel.title": "Painel",
    "panel.toggle": "Painel",
    "tools.more": "Mais",
    "panel.name": "Nome",
    "panel.value": "Valor",
    "panel.add": "Adicionar variável",
    "panel.remove": "Remover",
    "panel.help": (
        "Escreva {{{{nome}}}} numa mensagem para enviar o valor da variável. Prontas: "
        "{{{{$timestamp}}}}, {{{{$isoTimestamp}}}}, {{{{$uuid}}}}, {{{{$randomInt}}}} e "
        "{{{{$counter}}}}."
    ),
    "features.fallback": (
        "Este navegador não tem {features}. A página usa código próprio no lugar: "
        "mensagens binárias funcionam, um pouco mais devagar."
    ),
}

_EN = {
    "title": "WebSockets with Python",
    "status.idle": "Enter a WebSocket server address and click Connect.",
    "status.connecting": "Connecting to {url}…",
    "status.open": "Connected to server {url}",
    "status.closed": "WebSocket disconnected.",
    "status.closing": "Closing the connection to {url}: waiting for the server to confirm…",
    "status.error": "Connection error with {url}.",
    "label.sent": "Sent:",
    "label.received": "Received:",
    "label.system": "System:",
    "label.script": "Script:",
    "label.check": "Check:",
    "script.starting": "starting…",
    "script.running": "running",
    "script.stopped": "stopped",
    "script.failed": "error",
    "script.failed_at": "error on line {line}",
    "script.rate": "stopped: the script sent more than {limit} messages in one second",
    "script.log_rate": "stopped: the script wrote more than {limit} lines to the log in one second",
    "script.broken": "The script could not run: {detail}",
    "script.pass": "passed",
    "script.fail": "failed",
    "script.check": "{name}: {verdict}",
    "script.dropped": "The script's before_send dropped the message, which was not sent: {text}",
    "script.unsent": (
        "Not sent: the script's before_send did not answer (it failed, or the script stopped):"
        " {text}"
    ),
    "script.early": (
        "Waiting for the script to start (its top-level code still runs): {text}. It goes"
        " when the script starts; if you stop the script, it goes as typed."
    ),
    "script.summary": "Script checks: {passed} passed, {failed} failed.",
    "script.garbled": "Unreadable message from the script's worker: {detail}",
    "script.first_name": "script 1",
    "script.tab": "Script",
    "script.name_field": "Script",
    "script.title_field": "Name",
    "script.new": "New",
    "script.delete": "Delete",
    "script.examples": "Examples",
    "script.example_pick": "pick one…",
    "script.open_example": "Open",
    "script.help": (
        "Python, in a worker: the script cannot freeze the page. In the editor, Tab indents;"
        " Esc then Tab leaves it."
    ),
    "script.loading": "Loading the editor…",
    "script.editor": "Script code",
    "script.no_editor": "The editor did not load ({detail}): write the script in this field.",
    "script.run": "Run",
    "script.stop": "Stop",
    "script.stop_label": "Stop script",
    "script.results": "Results",
    "script.col_check": "Check",
    "script.col_result": "Result",
    "script.col_message": "Message",
    "script.col_detail": "Detail",
    "script.col_time": "Time",
    "script.unreadable": "The stored scripts could not be read ({detail}): a new one starts.",
    "script.example_opened": "Example opened as a new script: read it, then press Run.",
    "script.deleted": "Script “{name}” deleted.",
    "script.name_blank": "Give the script a name.",
    "script.name_long": "The name is longer than {limit} characters.",
    "script.name_taken": "There is a script called “{name}” already.",
    "script.export": "Download file",
    "script.import": "Load file",
    "script.file_unread": "The file could not be read ({detail}). Nothing was imported.",
    "script.file_json": "The file is not JSON. Nothing was imported.",
    "script.file_shape": "The file has no “scripts” list. Nothing was imported.",
    "script.file_empty": "The file holds no script.",
    "script.file_item": "Script {count} lacks “name” and “source”. Nothing was imported.",
    "script.imported.one": "{count} script imported, as a new one. Read it: it runs on Run only.",
    "script.imported.other": (
        "{count} scripts imported, as new ones. Read them: they run on Run only."
    ),
    "example.auto_reply": "auto-reply (ping → pong)",
    "example.heartbeat": "heartbeat every 30 s",
    "example.echo_test": "echo test with check and expect",
    "example.json_rpc": "JSON-RPC 2.0: answers by id",
    "example.timestamp": "before_send: a timestamp",
    "button.connect": "Connect",
    "button.close": "Close connection",
    "button.send": "Send",
    "button.send_anyway": "Send anyway",
    "send.blank": (
        "The message is empty or only spaces, so nothing was sent. "
        "To send it as it is (an empty frame, say), use “Send anyway”."
    ),
    "field.url": "Server",
    "field.message": "Message",
    "placeholder.message": "Write your message here…",
    "close.clean": "clean close",
    "close.unclean": "unclean close",
    "close.detail": "Code {code} ({name}). Reason: {reason}. {clean}.",
    "close.noreason": "none",
    "close.abnormal_hint": (
        "The browser does not say why. Likely causes: connection refused "
        "(server down or wrong port), a TLS or certificate error, "
        "a proxy or firewall in the way, or the server died without sending a close frame."
    ),
    "error.send_failed": "The browser refused to send it: {detail}",
    "error.internal": "Internal page error: {detail}",
    "log.label": "Messages",
    "log.new_entries": "New entries ↓",
    "log.new.one": "{count} new ↓",
    "log.new.other": "{count} new ↓",
    "log.dropped.one": "{count} older message hidden",
    "log.dropped.other": "{count} older messages hidden",
    "binary.one": "binary, {count} byte",
    "binary.other": "binary, {count} bytes",
    "url.empty": "Enter the WebSocket server address (for example, ws://localhost:8765).",
    "url.spaces": "Invalid address: it contains spaces or control characters.",
    "url.noscheme": (
        "Invalid address: it must start with ws:// or wss:// (for example, ws://localhost:8765)."
    ),
    "url.scheme": "Invalid address: “{scheme}:” is not a WebSocket scheme; use ws:// or wss://.",
    "url.http": (
        "Invalid address: the scheme must be ws:// or wss://, not {scheme}:// (try {suggestion})."
    ),
    "url.slashes": "Invalid address: write two slashes after {scheme}: (like this: {scheme}://server).",
    "url.nohost": "Invalid address: the server name after {scheme}:// is missing.",
    "url.host": "Invalid address: “{host}” is not a valid server name.",
    "url.port": "Invalid address: the port must be a number from 1 to 65535, not “{port}”.",
    "url.fragment": (
        "Invalid address: WebSocket addresses cannot have a fragment (the part after #)."
    ),
    "url.refused": "The browser refused the address: {detail}",
    "reconnect.user": "No automatic reconnect: you closed the connection.",
    "reconnect.policy": (
        "No automatic reconnect: the server refused the connection by one of its rules "
        "(policy violation or missing authorization), and would refuse it again."
    ),
    "reconnect.unsupported": (
        "No automatic reconnect: the server does not accept the kind of data it received."
    ),
    "reconnect.rejected": (
        "No automatic reconnect: the connection to this server never opened. "
        "Check the address and whether the server is up."
    ),
    "reconnect.normal": "No automatic reconnect: the server closed the connection normally.",
    "reconnect.retry": "The connection dropped; the page will reconnect by itself.",
    "reconnect.countdown": "Attempt {attempt} in {seconds} s…",
    "reconnect.trying": "Attempt {attempt}: connecting…",
    "reconnect.tick": "Tick “Reconnect automatically” to try again.",
    "outage.status": (
        "WebSocket disconnected. Code {code}: {name}. Reconnecting to {url} automatically."
    ),
    "outage.begin": "Reconnecting automatically.",
    "outage.back": "— back after {seconds} s without a connection. Attempts: {attempts}.",
    "outage.stopped": "Automatic reconnect stopped. Attempts made: {attempts}.",
    "outage.resumed": "Automatic reconnect on: trying again.",
    "why.summary": "Why?",
    "reconnect.now": "Retry now",
    "reconnect.stop": "Stop",
    "reconnect.auto": "Reconnect automatically",
    "reconnect.attempt": "Attempt {attempt}",
    "param.bad": "Invalid parameter {name}={value}: {rule}. Using {used}.",
    "param.rule.cap": "use a number from {low} to {high}",
    "param.rule.lang": "use pt-BR, en or auto",
    "param.rule.mode": "use text, hex, base64 or json",
    "param.rule.reconnect": "use 1 or 0",
    "param.rule.interpreter": "use micropython or pyodide",
    "text.truncated": "… (showing the start of {size} bytes)",
    "url.kept": "The connection to {url} goes on.",
    "close.by_user": "You closed the connection.",
    "close.by_script": "The script closed the connection.",
    "field.proto": "Protocol",
    "proto.raw": "Raw",
    "proto.note": (
        "Raw sends and shows frames as they are. With Socket.IO, MQTT or GraphQL, the page "
        "speaks the protocol and names each packet in the log. Options apply from Connect on."
    ),
    "placeholder.socketio": 'Arguments as JSON, like ["hello", 1]; empty: none',
    "placeholder.mqtt": "The message's payload",
    "placeholder.graphql": "subscription { … }",
    "sio.event": "Event",
    "sio.ack": "Expect ack",
    "sio.version": "Server version",
    "sio.auth": "Auth (JSON object, v3 / v4 only)",
    "mqtt.topic": "Topic",
    "mqtt.version": "Version",
    "mqtt.client_id_hint": "empty: the broker picks one",
    "mqtt.clean": "Clean start",
    "mqtt.keep_alive_field": "Keep-alive (s)",
    "mqtt.username": "Username",
    "mqtt.password": "Password",
    "mqtt.subscriptions": "Subscriptions",
    "mqtt.filter": "Topic filter",
    "mqtt.subscribe": "Subscribe",
    "mqtt.subscribe_legend": "Subscribe to a topic",
    "gql.variables": "Variables",
    "gql.operation": "Operation",
    "gql.init": "connection_init payload (JSON object)",
    "gql.running": "Running operations",
    "close.by_protocol": "The page closed the connection: {why}",
    "param.rule.proto": "use raw, socketio, mqtt or graphql",
    "proto.choice": "Invalid choice for {name}.",
    "proto.in_field": "{name}: {detail}",
    "proto.json_kind": "{name}: write a JSON object, in braces, or leave it empty.",
    "proto.offline": (
        "Connect to a server that speaks {name} before sending: the message stays in the field."
    ),
    "proto.offline_action": "Connect to a server that speaks {name} for that.",
    "proto.never_opened": (
        "A likely cause: the server does not speak {name} at this address (the page asked"
        " for {need})."
    ),
    "proto.next": "{name} applies from the next connection; this one speaks {current}.",
    "proto.closing": "The page closes the connection: {why}",
    "proto.broken": (
        "Connected, but the server broke the {name} protocol: {detail} The frame is in the"
        " log; the session goes on."
    ),
    "proto.options": "{name} options",
    "sio.namespace": (
        "Invalid namespace: {name}. A namespace starts with / and has no spaces or commas."
    ),
    "sio.auth_v2": "Socket.IO 2 servers take no auth: leave the field empty or choose v3/v4.",
    "sio.engine_close": "the Engine.IO server asked to close.",
    "sio.connected": "Socket.IO: connected to namespace {nsp} (sid {sid}).",
    "sio.refused": "Socket.IO: the server refused namespace {nsp}: {detail}",
    "sio.acked": 'Socket.IO: ack {id} of event "{event}" in {ms} ms.',
    "sio.event_empty": "Write the event's name.",
    "sio.refused_emit": (
        "The server refused namespace {name}: no event goes. Change the namespace or the auth"
        " in the Protocol tab and connect again."
    ),
    "sio.held": "The event waits for the server to accept namespace {nsp}.",
    "sio.timeout": "the Socket.IO server stopped answering pings.",
    "mqtt.keep_alive": "Keep-alive: write a number of seconds, from 0 to {limit}.",
    "mqtt.client_id": "In MQTT 3.1.1, a session that does not start clean needs a client id.",
    "mqtt.text": "The server sent a text frame; in MQTT every frame is binary.",
    "mqtt.broken": "the MQTT stream became unreadable after a malformed packet.",
    "mqtt.disconnect": "MQTT: the broker sent DISCONNECT (code {code}).",
    "mqtt.unknown_id": "MQTT: {name} with id {id}, which no flow awaits.",
    "mqtt.refused": "MQTT: the broker refused the connection (code {code}).",
    "mqtt.connected": "MQTT: connected to the broker, in a new session.",
    "mqtt.resumed": "MQTT: connected to the broker, which resumed the earlier session.",
    "mqtt.topic_empty": "Write the topic.",
    "mqtt.topic_wildcard": "Topic {name} has + or #, which only topic filters may have.",
    "mqtt.filter_empty": "Write the topic filter.",
    "mqtt.filter_bad": (
        "Invalid filter {name}: # goes alone as the last level (a/#), + alone as a level (a/+/c)."
    ),
    "mqtt.timeout": "the MQTT broker did not answer PINGREQ within {seconds} s.",
    "mqtt.sub_pending": "awaiting SUBACK",
    "mqtt.sub_later": "asked for again on connecting",
    "mqtt.v5_refused": (
        "MQTT: the broker speaks 3.1.1 only and refused 5.0. Choose version 3.1.1 in the"
        " Protocol tab and connect again."
    ),
    "mqtt.sub_refused": "refused ({code})",
    "mqtt.sub_granted": "granted at QoS {qos}",
    "mqtt.unsubscribe": "Unsubscribe",
    "mqtt.no_subs": "No subscriptions.",
    "gql.acked": "GraphQL: the server accepted the connection (connection_ack).",
    "gql.failed": "GraphQL: operation {id} failed: {detail}",
    "gql.completed": "GraphQL: operation {id} completed.",
    "gql.next_errors": "GraphQL: the result of operation {id} carries errors: {detail}",
    "gql.unknown_id": "GraphQL: {name} for operation {id}, which is not running.",
    "gql.binary": "The server sent a binary frame; graphql-transport-ws uses text only.",
    "gql.query_empty": "Write the GraphQL query in the message field.",
    "gql.held": "The operation waits for the server's connection_ack.",
    "gql.stop": "Stop",
    "gql.no_ops": "No operations running.",
    "script.proto_offline": "The script's {call}() was not made: the connection is not open.",
    "script.proto_wrong": "The script's {call}() was not made: this connection speaks {name}.",
    "decoded.raw": "Frame",
    "decoded.frames": "Bytes, which came in {frames} frames",
    "decoded.error": "Not decoded: {detail}",
    "protocols.token": (
        "Invalid subprotocol: “{name}” may only have letters, digits and !#$%&'*+-.^_`|~."
    ),
    "protocols.repeated": "Repeated subprotocol: “{name}” appears more than once.",
    "field.protocols": "Subprotocols",
    "negotiated": "Subprotocol: {protocol}. Extensions: {extensions}.",
    "negotiated.no_protocol": "none",
    "negotiated.no_extensions": "none",
    "state.pending": "pending",
    "state.failed": "not sent: {detail}",
    "state.unconfirmed": "no echo",
    "buffered.one": "{count} byte queued in the browser (bufferedAmount)",
    "buffered.other": "{count} bytes queued in the browser (bufferedAmount)",
    "state.pending_for": "pending for {url}",
    "state.discarded": "discarded, not sent",
    "button.discard": "Discard",
    "button.discard_all": "Discard pending",
    "discard.label": "Discard the pending message “{text}”",
    "discard.all": "Discard pending ({count})",
    "pending.one": "{count} pending message was written for {owners}, not for {url}.",
    "pending.other": "{count} pending messages were written for {owners}, not for {url}.",
    "pending.nowhere.one": "{count} pending message was written before you chose a server.",
    "pending.nowhere.other": "{count} pending messages were written before you chose a server.",
    "pending.no_server": "no server",
    "pending.what": "What should the page do?",
    "pending.send": "Send to {url}",
    "pending.send_new": "Send to the new server",
    "pending.discard": "Discard",
    "pending.keep": "Keep queued",
    "pending.moved": "Pending messages that now go to {url}: {count}.",
    "pending.dropped": "Pending messages discarded: {count}.",
    "switch.closed": "The connection to {old} was closed because you connected to {new}.",
    "switch.cancelled": (
        "The attempt to connect to {old} was cancelled because you connected to {new}."
    ),
    "close.nothing": "There is no connection to close.",
    "close.already": "The connection is already closing.",
    "mode.text": "Text",
    "mode.hex": "Hex",
    "mode.base64": "Base64",
    "mode.json": "JSON",
    "payload.hex": "Invalid hex at line {line}, column {column}: “{char}” is not a hex digit.",
    "gql.json": "GraphQL message that is not JSON, at character {position}.",
    "gql.object": "GraphQL message that is not a JSON object.",
    "gql.type": "GraphQL message of unknown type: {name}.",
    "gql.id": "GraphQL {name} message without an id.",
    "gql.payload": "GraphQL {name} message with a payload the protocol does not accept.",
    "eio.binary": "Engine.IO 3 binary frame without the type byte 4 first.",
    "eio.type": "Engine.IO packet of unknown type at character {position}.",
    "eio.open": "Engine.IO open without an object with a sid, at character {position}.",
    "sio.json": "Invalid JSON in the Socket.IO packet at character {position}.",
    "sio.type": "Socket.IO packet of unknown type at character {position}.",
    "sio.attachments": "Invalid attachment count in the Socket.IO packet at character {position}.",
    "sio.data": "Data that a {name} packet cannot carry, at character {position}.",
    "sio.placeholder": "A reference to an attachment that never came: the packet has {count}.",
    "sio.attachments_missing": "Another packet came before the {count} attachments still due.",
    "sio.attachment_unexpected": "A binary attachment came with no packet waiting for it.",
    "mqtt.short": "MQTT packet cut short at byte {position}: its header promises more bytes.",
    "mqtt.varint": "Invalid MQTT length at byte {position}: more than four bytes.",
    "mqtt.utf8": "MQTT text that is not UTF-8 at byte {position}.",
    "mqtt.property": "Unknown MQTT 5 property at byte {position}.",
    "mqtt.property_twice": "Repeated MQTT 5 property at byte {position}.",
    "mqtt.too_long": "MQTT packet too large: the limit is {limit} bytes.",
    "mqtt.field_long": "MQTT field too long: the limit is {limit} bytes.",
    "mqtt.property_name": "Unknown MQTT 5 property: {name}.",
    "mqtt.type": "Unknown MQTT packet type for this version: {name}.",
    "mqtt.type_number": "Unknown MQTT packet type at byte {position}.",
    "mqtt.flags": "Invalid flags for this MQTT packet type at byte {position}.",
    "mqtt.qos": "PUBLISH with QoS 3, which does not exist, at byte {position}.",
    "mqtt.extra": "Extra bytes at the end of the MQTT packet, from byte {position}.",
    "mqtt.protocol_name": "CONNECT without the MQTT protocol name at byte {position}.",
    "mqtt.level": "Unknown MQTT version at byte {position}.",
    "payload.hex_odd": (
        "Incomplete hex at line {line}, column {column}: each byte needs two digits."
    ),
    "payload.base64": (
        "Invalid Base64 at line {line}, column {column}: unexpected character “{char}”."
    ),
    "payload.base64_length.one": (
        "Incomplete Base64: {count} character does not make whole bytes "
        "(a character or an “=” is missing or extra at line {line}, column {column})."
    ),
    "payload.base64_length.other": (
        "Incomplete Base64: {count} characters do not make whole bytes "
        "(a character or an “=” is missing or extra at line {line}, column {column})."
    ),
    "json.invalid": (
        "Invalid JSON at line {line}, column {column}: unexpected character “{char}”."
    ),
    "json.word": (
        "Invalid JSON at line {line}, column {column}: “{token}” is not a JSON value "
        "(true, false and null are written just so, in lower case)."
    ),
    "json.incomplete": (
        "Incomplete JSON: the text ends at line {line}, column {column}, "
        "before the value is closed."
    ),
    "json.unreadable": "Valid JSON that cannot be read here: {detail}",
    "field.filter": "Filter",
    "show.legend": "Show",
    "show.sent": "Sent",
    "show.received": "Received",
    "show.system": "System",
    "json.pretty": "Pretty JSON",
    "button.clear": "Clear log",
    "button.export": "Export",
    "button.copy": "Copy",
    "button.show_all": "Show all",
    "filter.count.one": "{matched} of {count} entry",
    "filter.count.other": "{matched} of {count} entries",
    "tools.copy_failed": "Could not copy: {detail}",
    "tools.exported.visible.other": "Exported {count} visible entries.",
    "tools.exported.visible.one": "Exported {count} visible entry.",
    "tools.exported.all.other": "Exported all {count} kept entries.",
    "tools.exported.all.one": "Exported {count} entry, the only one kept.",
    "tools.copied.visible.other": "Copied {count} visible entries.",
    "tools.copied.visible.one": "Copied {count} visible entry.",
    "tools.copied.all.other": "Copied all {count} kept entries.",
    "tools.copied.all.one": "Copied {count} entry, the only one kept.",
    "tools.outside.other": (
        "{count} frames fell outside the frame budget: the file holds only their start."
    ),
    "tools.outside.one": (
        "{count} frame fell outside the frame budget: the file holds only its start."
    ),
    "field.scope": "Export and copy",
    "scope.visible": "the visible entries",
    "scope.all": "all kept entries",
    "button.show_more": "Show more",
    "button.json_tree": "Format JSON",
    "json.gone": "This frame is no longer kept whole (frame budget).",
    "tree.keys.other": "{count} keys",
    "tree.keys.one": "{count} key",
    "tree.items.other": "{count} items",
    "tree.items.one": "{count} item",
    "tree.more": "Show {count} more",
    "tree.error": "Could not read it as JSON: {detail}",
    "text.outside": "… (showing the start of {size} bytes: the rest fell outside the frame budget)",
    "param.rule.budget": "use a number of MiB from 0 to {most}",
    "tools.label": "Log tools",
    "tools.cleared.one": "Log cleared: {count} entry removed.",
    "tools.cleared.other": "Log cleared: {count} entries removed.",
    "tools.already_empty": "The log was already empty.",
    "tools.waiting_stay.one": "The entry of {count} pending message stays.",
    "tools.waiting_stay.other": "The entries of {count} pending messages stay.",
    "tools.restored.one": "Log restored: {count} entry back.",
    "tools.restored.other": "Log restored: {count} entries back.",
    "tools.undo_late": "Too late to undo: a clear can be undone for {seconds} s.",
    "tools.counters_reset": "Counters and RTT reset.",
    "button.undo": "Undo",
    "button.reset_counters": "Reset counters",
    "field.mode": "Format",
    "type.text": "text",
    "type.binary": "binary",
    "binary.held": (
        "binary, {size} bytes; outside the frame budget, the page keeps only the first {held}"
    ),
    "stats.label": "Measurements",
    "stats.sent": "Sent: {messages} msg · {bytes} B · {rate} msg/s · {byte_rate} B/s",
    "stats.received": "Received: {messages} msg · {bytes} B · {rate} msg/s · {byte_rate} B/s",
    "rtt.none": "Echo RTT: —",
    "rtt": "Echo RTT: last {last} ms · median {median} ms",
    "announce.one": "{count} new message",
    "announce.other": "{count} new messages",
    "history.unavailable": "Send history will not be saved: {detail}",
    "vars.unknown": (
        "Unknown variable at line {line}, column {column}: “{name}”. "
        "Define it under Variables, or write {{{{{{{{ to send {{{{ as text."
    ),
    "vars.after": "With the variables filled in: {detail}",
    "vars.bad_name": (
        "“{name}” cannot be a name: it starts with a letter or _, then has only "
        "letters, digits, _, - or dots."
    ),
    "vars.repeated": "“{name}” is already defined in a row above; this one does not count.",
    "vars.no_name": "This row has a value but no name.",
    "variables.unreadable": "The saved variables could not be read: {detail}",
    "saved.default_name": "Message {count}",
    "saved.saved": "Message saved: “{name}”.",
    "saved.sent": "Sent: “{name}”.",
    "saved.refused": "“{name}” was not sent. {error}",
    "saved.no_name": "A saved message needs a name: “{name}” stays as it was.",
    "saved.renamed": "Renamed to “{name}”.",
    "saved.updated": "“{name}” now holds what is in the message field.",
    "saved.deleted": "“{name}” deleted.",
    "saved.restored": "“{name}” is back.",
    "saved.moved": "“{name}” is now number {count}.",
    "saved.exported.one": "{count} saved message exported.",
    "saved.exported.other": "{count} saved messages exported.",
    "saved.imported.one": "{count} message imported, after the ones already saved.",
    "saved.imported.other": "{count} messages imported, after the ones already saved.",
    "saved.unreadable_file": "The file could not be read: {detail}. Nothing was imported.",
    "saved.not_json": "The file is not JSON. Nothing was imported.",
    "saved.not_ours": (
        "The file is not a list of saved messages exported by this page. Nothing was imported."
    ),
    "saved.version": (
        "The file is version {detail} of the saved messages, which this page cannot read. "
        "Nothing was imported."
    ),
    "saved.no_list": "The file has no “messages” list. Nothing was imported.",
    "saved.bad_item": (
        "Message {count} of the file has no valid “{detail}”. Nothing was imported."
    ),
    "saved.unreadable": "The saved messages could not be read: {detail}",
    "shortcuts.button": "Keyboard shortcuts",
    "shortcuts.title": "Keyboard shortcuts",
    "shortcuts.enter": "sends, in the message field (Shift+Enter: new line)",
    "shortcuts.ctrl_enter": "sends, from anywhere in the composer (⌘+Enter on macOS)",
    "shortcuts.clear": "clears the log, from anywhere (Control on macOS too)",
    "shortcuts.slash": "goes to the filter, outside the fields",
    "shortcuts.escape": (
        "leaves the message field for the log; closes the panel over the log"
        " (in the script editor, Esc then Tab leaves the editor)"
    ),
    "shortcuts.tabs": "switch the panel's tab, on a tab",
    "shortcuts.arrows": "earlier sends, in the message field",
    "shortcuts.single": "Single-key shortcuts (/)",
    "shortcuts.close": "Close",
    "saved.title": "Saved messages",
    "saved.save": "Save message",
    "saved.name_field": "Message name",
    "saved.name_word": "Name of",
    "saved.use": "Load",
    "saved.send": "Send",
    "saved.update": "Update from the field",
    "saved.up": "Move up",
    "saved.down": "Move down",
    "saved.delete": "Delete",
    "saved.export": "Download file",
    "saved.import": "Load from file",
    "saved.undo": "Restore",
    "saved.empty": "No saved messages. Write one in the message field and save it.",
    "panel.variables": "Variables",
    "panel.title": "Panel",
    "panel.toggle": "Panel",
    "tools.more": "More",
    "panel.name": "Name",
    "panel.value": "Value",
    "panel.add": "Add variable",
    "panel.remove": "Remove",
    "panel.help": (
        "Write {{{{name}}}} in a message to send the variable's value. Built in: "
        "{{{{$timestamp}}}}, {{{{$isoTimestamp}}}}, {{{{$uuid}}}}, {{{{$randomInt}}}} and "
        "{{{{$counter}}}}."
    ),
    "features.fallback": (
        "This browser lacks {features}. The page uses its own code instead: "
        "binary messages work, a little slower."
    ),
}

_TEXTS = {"pt-BR": _PT, "en": _EN}


def _match(tag: object) -> "str | None":
    """Map a language tag such as "en-US" or "pt_br" to one of LANGS, or None."""
    if not isinstance(tag, str):
        return None
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    if primary == "en":
        return "en"
    if primary == "pt":
        return "pt-BR"
    return None


def matches(tag: object) -> bool:
    """Whether a language tag ("en-US", "pt_br") names one of LANGS."""
    return _match(tag) is not None


def pick_lang(query_lang: "str | None", navigator_langs: "Iterable[object] | None" = ()) -> str:
    """Choose the interface language.

    Args:
        query_lang: the value of ``?lang=``, or None / "" when absent.
        navigator_langs: the browser's ``navigator.languages``, most preferred first.

    Returns:
        "en" or "pt-BR": the query wins when it names one of them, then the first
        browser language that does, then pt-BR.
    """
    lang = _match(query_lang)
    if lang:
        return lang
    for tag in navigator_langs or ():
        lang = _match(tag)
        if lang:
            return lang
    return DEFAULT


def t(lang: str, key: str, **params: object) -> str:
    """Return the text for key in lang, formatted with params.

    A text about a number of things has a form for each plural (key.one, key.other):
    the param count picks it, and is written as the language writes numbers, so
    t("pt-BR", "binary", count=1000000) is "binário, 1.000.000 bytes".

    Never raises: an unknown lang falls back to pt-BR, an unknown key returns the key
    itself, and a template whose placeholders don't match params is returned unformatted.
    """
    texts = _TEXTS.get(lang, _PT)
    template = texts.get(key)
    count = params.get("count")
    if template is None and count is not None:
        template = texts.get(key + "." + numfmt.plural(count))
    if isinstance(count, (int, float)) and not isinstance(count, bool):
        params["count"] = numfmt.number(lang, count)
    if template is None:
        return key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return template
