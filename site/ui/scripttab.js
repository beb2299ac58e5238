// The Script tab's JavaScript: the user's script's worker as the page sees it (start
// it, post to it, end it, pass it each received frame while it listens), and the code
// editor, loaded the first time the tab opens.
//
// Frames go from the socket's handler (ui/frames.js) straight to the worker, in one
// post per batch, without Python: a burst costs the page its post and no more. Every
// other post flushes the batch first, so the worker hears the conversation in order.
import { hexFromBytes } from "./bridge.js";

let worker = null;
let batch = [];
let flushing = false;

// Start a new worker; onPost(text) gets each message it posts (JSON text).
export function startWorker(onPost) {
  endWorker();
  const started = new Worker(new URL("../worker/script.js", import.meta.url), {
    type: "module",
    name: "script",
  });
  started.onmessage = (event) => onPost(event.data);
  started.onerror = (event) => {
    event.preventDefault(); // said on the page, not in the console
    onPost(JSON.stringify({ t: "broken", why: event.message || "the worker did not start" }));
  };
  worker = started;
}

export function postToWorker(text) {
  if (worker === null) return;
  flush();
  worker.postMessage(text);
}

export function endWorker() {
  if (worker !== null) {
    worker.terminate();
    worker = null;
  }
  batch = [];
}

// A received frame, with the time the page got it (seconds since 1970).
export function feed(data, timeStamp) {
  if (worker === null) return;
  const time = (performance.timeOrigin + timeStamp) / 1000;
  batch.push(
    typeof data === "string" ? ["t", data, time] : ["b", hexFromBytes(new Uint8Array(data)), time],
  );
  if (!flushing) {
    flushing = true;
    setTimeout(flush, 0);
  }
}

function flush() {
  flushing = false;
  if (worker !== null && batch.length) {
    worker.postMessage(JSON.stringify({ t: "messages", items: batch }));
  }
  batch = [];
}

// ---- the editor ----

// Load the editor (site/editor/editor.js, CodeMirror, built at set-up) into parent.
// onChange(text) runs after each edit; done(editor) once it is ready, or
// done(null, why) if it cannot load: the page then offers a plain text field.
export function openEditor(parent, text, onChange, label, done) {
  import(new URL("../editor/editor.js", import.meta.url).href).then(
    (module) => {
      parent.replaceChildren(); // the "loading" line
      done(module.createEditor(parent, text, onChange, label), "");
    },
    (error) => done(null, String((error && error.message) || error)),
  );
}
