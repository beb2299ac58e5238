// The worker a user's script runs in, so that a script that loops forever never stops
// the page: the page ends this worker (terminate) to stop it, and starts a new one.
// It runs MicroPython, whichever interpreter the page uses: it starts in a fraction of
// a second, so Executar after Parar is quick (docs/scripting.md says more).
// The page and this worker exchange JSON text only; runtime.py reads and writes it.
import { loadMicroPython } from "../pyscript/micropython/micropython.mjs";

const SITE = new URL("../", import.meta.url);
const FILES = {
  "/lib/wsclient/__init__.py": "wsclient/__init__.py",
  "/lib/wsclient/varnames.py": "wsclient/varnames.py",
  "/lib/wsclient/scripting.py": "wsclient/scripting.py",
  "/lib/wsclient/scriptchecks.py": "wsclient/scriptchecks.py",
  "/lib/wsclient/scriptproto.py": "wsclient/scriptproto.py",
  "/lib/wsclient/mqtttopics.py": "wsclient/mqtttopics.py",
  "/lib/protoapi.py": "worker/protoapi.py",
  "/lib/runtime.py": "worker/runtime.py",
};
const waiting = [];
let handle = null;

function post(text) {
  self.postMessage(text);
}

function failed(error) {
  // Not the user's script: the worker itself could not start or went wrong.
  post(JSON.stringify({ t: "broken", why: String((error && error.message) || error) }));
}

async function fetchText(path) {
  const response = await fetch(new URL(path, SITE));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

async function start() {
  const paths = Object.keys(FILES);
  const [mp, ...texts] = await Promise.all([
    loadMicroPython({
      url: new URL("pyscript/micropython/micropython.wasm", SITE).href,
      stdout: (line) => post(JSON.stringify({ t: "log", text: line })),
      stderr: (line) => post(JSON.stringify({ t: "log", text: line })),
    }),
    ...paths.map((path) => fetchText(FILES[path])),
  ]);
  mp.FS.mkdirTree("/lib/wsclient");
  paths.forEach((path, i) => mp.FS.writeFile(path, texts[i]));
  mp.registerJsModule("host", { post });
  mp.runPython("import sys\nsys.path.append('/lib')\nfrom runtime import handle");
  handle = mp.globals.get("handle");
  post(JSON.stringify({ t: "ready" }));
  for (const text of waiting.splice(0)) receive(text);
}

function receive(text) {
  try {
    handle(text);
  } catch (error) {
    failed(error);
  }
}

self.onmessage = (event) => {
  if (handle === null) waiting.push(event.data);
  else receive(event.data);
};

start().catch(failed);
