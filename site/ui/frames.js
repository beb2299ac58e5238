// The frame store: every whole frame the page keeps, by its entry's number, and what
// is made from it: the socket's message handler that fills it, pages of a dump, the
// export, and the JSON tree.
//
// The frames stay here, on the JavaScript side: a received frame is put in the store
// by the socket's handler itself, so no whole frame crosses into Python. Which ones
// are kept is the core's decision (wsclient/frames.py): it answers each received
// frame with the number to keep it under (0: not at all), and later says which to
// let go. It lets go of them in the order they were kept, so "every frame below n"
// always names them.

import { bytesFromHex, download, features, hexFromBytes } from "./bridge.js";
import { feed } from "./scripttab.js";

// The Script tab's functions, for Python, which loads this module by name.
export { endWorker, openEditor, postToWorker, startWorker } from "./scripttab.js";

const frames = new Map();

// The frame the socket's handler is reading: onText reads it from here, inside its
// own error handling, so a text too big for Python's memory is caught there.
export const incoming = { data: null };

// The WebSocket's onmessage: onText() (the text is incoming.data) and onBinary(hex
// of the first headBytes bytes, size) run the core and return the number to keep the
// frame under. One call into Python per message and no event object made for it:
// this runs for every message of a flood.
export function receiver(onText, onBinary, headBytes) {
  return (event) => {
    const data = event.data;
    if (toScript) feed(data, event.timeStamp);
    let seq;
    if (typeof data === "string") {
      incoming.data = data;
      seq = onText();
      incoming.data = null;
    } else {
      const size = data.byteLength;
      const head = whole ? size : Math.min(size, headBytes);
      seq = onBinary(hexFromBytes(new Uint8Array(data, 0, head)), size);
    }
    if (seq > 0) frames.set(seq, data);
  };
}

// Whether each binary frame goes to the core whole (a protocol decodes it), or only
// its start (the core's WholeFrames).
let whole = false;

export function wholeFrames(on) {
  whole = on;
}

// Whether each received frame also goes to the user's script (the core's ScriptListens).
let toScript = false;

export function listenScript(on) {
  toScript = on;
}

// A frame the user sent: its text, or the pieces between its NULs (MicroPython cannot
// hand a NUL over inside a string); or its bytes as hex.
export function keepText(seq, text) {
  frames.set(seq, typeof text === "string" ? text : Array.from(text).join("\0"));
}

export function keepBytes(seq, hex) {
  frames.set(seq, bytesFromHex(hex));
}

// Let go of every frame numbered below `below`: the oldest, since the Map iterates
// in the order the frames were kept.
export function dropFrames(below) {
  for (const seq of frames.keys()) {
    if (seq >= below) break;
    frames.delete(seq);
  }
}

export function framesKept() {
  return frames.size;
}

const bytesOf = (data) => (data instanceof Uint8Array ? data : new Uint8Array(data));

// ---- pages of a dump ----

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const ASCII = Array.from({ length: 256 }, (_, b) =>
  b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".",
);

// The lines wsclient.binary.hex_dump gives for bytes that start at offset in the frame.
export function dumpLines(bytes, offset, width = 16) {
  const lines = [];
  // As wsclient/binary.py's hex_dump pads: the ASCII column lines up.
  const pad = 3 * width + Math.floor((width - 1) / 8) + 1;
  for (let start = 0; start < bytes.length; start += width) {
    let pairs = "";
    let text = "";
    const end = Math.min(start + width, bytes.length);
    for (let i = start; i < end; i++) {
      if (i > start) pairs += i - start === 8 ? "  " : " ";
      pairs += HEX[bytes[i]];
      text += ASCII[bytes[i]];
    }
    const at = (offset + start).toString(16).padStart(8, "0");
    lines.push(at + "  " + pairs.padEnd(pad) + "|" + text + "|");
  }
  return lines.join("\n");
}

// Add to a dump the lines of bytes start..end of kept frame seq; false when not kept.
export function appendDump(pre, seq, start, end, width = 16) {
  const data = frames.get(seq);
  if (data === undefined || typeof data === "string") return false;
  const lines = dumpLines(bytesOf(data).subarray(start, end), start, width);
  if (lines) pre.append((pre.textContent ? "\n" : "") + lines);
  return true;
}

// ---- the export ----

function base64Of(bytes) {
  if (features.toBase64) return bytes.toBase64();
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function frameJson(data) {
  if (data === undefined) return "null";
  if (typeof data === "string") return JSON.stringify(data);
  return '"' + base64Of(bytesOf(data)) + '"';
}

// Offer an export: the core's JSON Lines with a mark for each frame (see
// wsclient/export.py): "\x01seq\x02" for a kept frame, "\x03hex\x02" for bytes the
// core held. The file is built from parts, never as one string of every frame.
export function exportLog(template, name) {
  const parts = template.split("\x02");
  const out = [];
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    const at = Math.max(part.lastIndexOf("\x01"), part.lastIndexOf("\x03"));
    out.push(part.slice(0, at));
    const body = part.slice(at + 1);
    if (part[at] === "\x03") out.push('"' + base64Of(bytesFromHex(body)) + '"');
    else out.push(frameJson(frames.get(Number(body))));
  }
  out.push(parts[parts.length - 1]);
  download(out, name);
}

// ---- the JSON tree ----

// Children of an object or array drawn at a time: a "show more" gives the next ones.
const CHUNK = 500;

// A primitive as the frame spells it ("1.0" stays "1.0"), where the browser gives
// JSON.parse's reviver the source text; else as JSON.stringify writes it.
class Source {
  constructor(text) {
    this.text = text;
  }
}

function keepSource(key, value, context) {
  if (value !== null && typeof value === "object") return value;
  const source = context && context.source;
  return new Source(source === undefined ? JSON.stringify(value) : source);
}

const isContainer = (value) => value !== null && typeof value === "object" && !(value instanceof Source);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function counted(words, kind, count) {
  return (count === 1 ? words[kind + ".one"] : words[kind]).replace("{count}", String(count));
}

// One member: "key": value, or a collapsed "key": { 3 keys } that fills on opening.
function member(key, value, words, open) {
  const label = key === null ? null : element("span", "json-key", key);
  if (!isContainer(value)) {
    const row = element("div", "json-row");
    if (label) row.append(label, ": ");
    row.append(element("span", "json-value", value.text));
    return row;
  }
  const array = Array.isArray(value);
  const keys = array ? null : Object.keys(value);
  const count = array ? value.length : keys.length;
  const details = element("details", "json-node");
  const summary = element("summary");
  if (label) summary.append(label, ": ");
  summary.append(array ? "[ " : "{ ", counted(words, array ? "items" : "keys", count), array ? " ]" : " }");
  details.append(summary);
  const body = element("div", "json-body");
  details.append(body);
  let drawn = 0;
  const more = () => {
    const end = Math.min(count, drawn + CHUNK);
    for (; drawn < end; drawn++) {
      const name = array ? String(drawn) : JSON.stringify(keys[drawn]);
      body.append(member(name, array ? value[drawn] : value[keys[drawn]], words, false));
    }
    if (drawn < count) {
      const button = element("button", "json-more", counted(words, "more", Math.min(CHUNK, count - drawn)));
      button.type = "button";
      button.addEventListener("click", () => {
        button.remove();
        more();
      });
      body.append(button);
    }
  };
  // Members are made when their object is first opened: a big frame's tree costs
  // only what the user unfolds.
  details.addEventListener("toggle", () => {
    if (details.open && drawn === 0 && count) more();
  });
  details.open = open;
  return details;
}

// Show kept text frame seq of li as a tree of collapsible objects and arrays, in
// place of its text and buttons. Every text goes in as a text node, never as HTML.
// words: JSON of the labels, in the page's language.
export function jsonTree(li, seq, wordsJson) {
  const words = JSON.parse(wordsJson);
  const text = frames.get(seq);
  let value;
  try {
    if (typeof text !== "string") throw new Error("no text");
    value = JSON.parse(text, keepSource);
  } catch (e) {
    li.querySelector("button.format-json")?.remove();
    li.append(element("small", "meta", " " + words.error.replace("{detail}", e.message)));
    return;
  }
  for (const node of Array.from(li.childNodes).slice(2)) node.remove();
  const tree = element("div", "json-tree");
  tree.append(member(null, value, words, true));
  li.append(tree);
}
