// An MQTT 3.1.1 broker (aedes, from npm) over WebSocket on 127.0.0.1, on a free port.
// Prints "ready <port>" once it listens; stops when its stdin closes, so a test's
// fixture ends it by ending the process or closing the pipe.
import { createServer } from "node:http";
import { Aedes } from "aedes";
import { WebSocketServer, createWebSocketStream } from "ws";

const broker = await Aedes.createBroker();
const http = createServer();
const wss = new WebSocketServer({
  server: http,
  handleProtocols: (protocols) => (protocols.has("mqtt") ? "mqtt" : false),
});
wss.on("connection", (socket, request) => broker.handle(createWebSocketStream(socket), request));
http.listen(0, "127.0.0.1", () => console.log(`ready ${http.address().port}`));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
