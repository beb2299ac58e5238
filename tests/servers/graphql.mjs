// The reference graphql-transport-ws server (graphql-ws, from npm) on 127.0.0.1, on a
// free port. Prints "ready <port>"; stops when stdin closes.
//   query { hello }                      "Hi"
//   subscription { count(to: N) }        1, 2, … N, then complete
//   subscription { ticks }               1, 2, 3… every 50 ms, until the client stops it
import { createServer } from "node:http";
import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

const schema = buildSchema(`
  type Query { hello: String }
  type Subscription { count(to: Int!): Int, ticks: Int }
`);
const roots = {
  query: { hello: () => "Hi" },
  subscription: {
    count: async function* ({ to }) {
      for (let n = 1; n <= to; n++) yield { count: n };
    },
    ticks: async function* () {
      for (let n = 1; ; n++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        yield { ticks: n };
      }
    },
  },
};
const http = createServer();
useServer({ schema, roots }, new WebSocketServer({ server: http, path: "/graphql" }));
http.listen(0, "127.0.0.1", () => console.log(`ready ${http.address().port}`));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
