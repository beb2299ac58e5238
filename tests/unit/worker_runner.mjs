// Runs the script worker's runtime (site/worker/runtime.py) under MicroPython in node,
// as site/worker/script.js does in the browser, and plays it a conversation.
// Usage: node worker_runner.mjs SITE_DIR < steps.json
// steps: a JSON list of ["page", text] (a message from the page to the worker) and
// ["until", fields] (wait until the worker posts a message with those fields; 10 s at
// most). Prints each message the worker posts, one JSON text a line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

// Timers as a browser has them: setTimeout gives a number (node's gives an object,
// which MicroPython's asyncio cannot hand back to clearTimeout).
const timers = new Map();
let lastTimer = 0;
const nodeSetTimeout = globalThis.setTimeout;
const nodeClearTimeout = globalThis.clearTimeout;
globalThis.setTimeout = (callback, ms, ...args) => {
  const id = ++lastTimer;
  timers.set(id, nodeSetTimeout(() => { timers.delete(id); callback(...args); }, ms));
  return id;
};
globalThis.clearTimeout = (id) => {
  nodeClearTimeout(timers.get(id));
  timers.delete(id);
};

const site = process.argv[2];
const steps = JSON.parse(readFileSync(0, "utf8"));
const posted = [];
let onPost = () => {};
const post = (text) => {
  process.stdout.write(text + "\n");
  posted.push(JSON.parse(text));
  onPost();
};
// Whether value has what wanted has: an object's listed fields, anything else equal.
const has = (value, wanted) =>
  wanted !== null && typeof wanted === "object" && !Array.isArray(wanted)
    ? value !== null && typeof value === "object" &&
      Object.entries(wanted).every(([key, inner]) => has(value[key], inner))
    : JSON.stringify(value) === JSON.stringify(wanted);
const matches = (fields) => posted.some((message) => has(message, fields));
function until(fields) {
  return new Promise((resolve, reject) => {
    const timer = nodeSetTimeout(() => reject(new Error("never posted " + JSON.stringify(fields))), 10000);
    onPost = () => {
      if (matches(fields)) {
        nodeClearTimeout(timer);
        resolve();
      }
    };
    onPost();
  });
}
const mp = await loadMicroPython({
  stdout: (line) => post(JSON.stringify({ t: "log", text: line })),
  stderr: (line) => post(JSON.stringify({ t: "log", text: line })),
});
mp.FS.mkdirTree("/lib/wsclient");
// The files the worker loads, as site/worker/script.js lists them ("/lib/…": "…").
const workerJs = readFileSync(join(site, "worker/script.js"), "utf8");
const files = [...workerJs.matchAll(/"(\/lib\/[^"]+)": "([^"]+)"/g)];
for (const [, target, source] of files) {
  mp.FS.writeFile(target, readFileSync(join(site, source)));
}
mp.registerJsModule("host", { post });
mp.runPython("import sys\nsys.path.append('/lib')\nfrom runtime import handle");
const handle = mp.globals.get("handle");
for (const [kind, value] of steps) {
  if (kind === "until") await until(value);
  else handle(value);
}
process.exit(0);
