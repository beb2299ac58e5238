// A Socket.IO 4 server (socket.io, from npm) on 127.0.0.1, on a free port, speaking
// Engine.IO 4 and, with allowEIO3, the Engine.IO 3 of Socket.IO 2 clients. Pings every
// second, so a test sees the heartbeat. Prints "ready <port>"; stops when stdin closes.
//   "echo" with an ack: the ack gets the arguments back; without: an "echo" event does.
//   namespace /admin: refuses a CONNECT whose auth has no token "ok" (CONNECT_ERROR).
import { createServer } from "node:http";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, {
  allowEIO3: true,
  transports: ["websocket"],
  pingInterval: 1000,
  pingTimeout: 1000,
});

function echo(socket) {
  socket.on("echo", (...args) => {
    const ack = typeof args.at(-1) === "function" ? args.pop() : null;
    if (ack) ack(...args);
    else socket.emit("echo", ...args);
  });
}

io.on("connection", echo);
io.of("/admin")
  .use((socket, next) =>
    socket.handshake.auth?.token === "ok" ? next() : next(new Error("Not authorized")),
  )
  .on("connection", echo);
http.listen(0, "127.0.0.1", () => console.log(`ready ${http.address().port}`));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
