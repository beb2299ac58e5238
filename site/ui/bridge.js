// The little JavaScript the page needs, called from Python (site/ui/).
//
// It lives here, not in js.Function.new("...") strings: the page's own code then
// evaluates no string as JavaScript, and a Content-Security-Policy can say so once
// PyScript no longer needs 'unsafe-eval' (0.7.31 still does, for its hooks). Each
// function does in one FFI call what would take several from Python, or what
// MicroPython cannot do: catch a JavaScript exception, pass a string holding NUL,
// or read a whole number above 2**31.

// ---- the message field ----

// Whether the caret has a line above it (up) or below it (down): ↑/↓ recall
// earlier sends only from the first or the last line.
export function lineBeyond(field, up) {
  const text = field.value;
  return up
    ? text.slice(0, field.selectionStart).includes("\n")
    : text.slice(field.selectionEnd).includes("\n");
}

export function caretToEnd(field) {
  field.selectionStart = field.selectionEnd = field.value.length;
}

// ---- storage and files ----

// A failure comes back as text, not as an exception: on MicroPython a JavaScript
// exception thrown inside an FFI call never reaches Python's except.
export function store(key, value) {
  try {
    localStorage.setItem(key, value);
    return "";
  } catch (e) {
    return String(e);
  }
}

// [value, error]: value is "" when the key is missing or storage is off.
export function load(key) {
  try {
    return [localStorage.getItem(key) ?? "", ""];
  } catch (e) {
    return ["", String(e)];
  }
}

// text: a string, or an array of the file's parts (ui/frames.js builds the export so).
export function download(text, name, type = "application/x-ndjson") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob(Array.isArray(text) ? text : [text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: the download may not have started yet.
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// As text: MicroPython turns a whole-number JS value into a 32-bit int, so a
// timeOrigin that falls on a whole millisecond would arrive wrapped.
export function timeOrigin() {
  return String(performance.timeOrigin);
}

// ---- text that crosses intact ----

// MicroPython hands a str to JavaScript as a C string, so "a\0b" arrives as "a".
// Python sends the pieces between the NULs and this joins them again.
// parts: a JS array (to_js(list)) or any iterable.
export function callJoined(target, method, parts) {
  return target[method](Array.from(parts).join("\0"));
}

// The real UTF-16 length of target[key]: MicroPython may read a string that
// ends in a lone surrogate with a NUL added.
export function jsLength(target, key) {
  return target[key].length;
}

// ---- the log ----

// Clone the label template and add the payload as a text node (append() never
// parses HTML), the entry's number and the meta line: one FFI call per entry, not five.
export function makeItem(template, text, meta, seq) {
  const li = template.cloneNode(true);
  li.append(text);
  li.dataset.seq = seq;
  if (meta) li.setAttribute("data-meta", meta);
  return li;
}

// A new filter's result: keep the entries numbered in seqs (comma-separated, in
// order) that the list shows already, remove every other one, and return the
// numbers of those it lacks, comma-separated, for insertInOrder().
export function keepOnly(ul, seqs) {
  const wanted = new Set(seqs ? seqs.split(",") : []);
  for (const li of Array.from(ul.children)) {
    if (!wanted.delete(li.dataset.seq)) li.remove();
  }
  return Array.from(wanted).join(",");
}

// Put new entries (ascending numbers) in their places among the list's entries.
export function insertInOrder(ul, ...items) {
  let next = ul.firstElementChild;
  for (const li of items) {
    const seq = Number(li.dataset.seq);
    while (next && Number(next.dataset.seq) < seq) next = next.nextElementSibling;
    ul.insertBefore(li, next);
  }
}

// The height the list's first count entries take: read before a frame's writes, when
// the layout is the one painted, it costs no layout of its own.
export function leadingHeight(ul, count) {
  const items = ul.children;
  if (count <= 0 || items.length === 0) return 0;
  if (count >= items.length) {
    const last = items[items.length - 1];
    return last.offsetTop + last.offsetHeight - items[0].offsetTop;
  }
  return items[count].offsetTop - items[0].offsetTop;
}

const BARE = "li[data-seq]:not([data-meta])";

// The sequence numbers of the entries drawn without a meta line, comma-separated.
export function bareSeqs(ul) {
  return Array.from(ul.querySelectorAll(BARE), (li) => li.dataset.seq).join(",");
}

// Give those entries their meta lines, one per line of metas, in the same order.
export function setMetas(ul, metas) {
  const lines = metas.split("\n");
  ul.querySelectorAll(BARE).forEach((li, i) => {
    if (lines[i]) li.setAttribute("data-meta", lines[i]);
  });
}

// ---- the filter's timers ----

// Call fn after ms; a call replaces the one still waiting.
let laterTimer;
export function callLater(fn, ms) {
  clearTimeout(laterTimer);
  laterTimer = setTimeout(fn, ms);
}

// Call fn as soon as the browser has handled the input waiting: a chain of
// setTimeout(fn, 0) waits at least 4 ms a link, which a search of many slices would
// pay at every one. A call replaces the one still waiting.
const soon = new MessageChannel();
let soonFn = null;
soon.port1.onmessage = () => {
  const fn = soonFn;
  soonFn = null;
  fn?.();
};
export function callSoon(fn) {
  if (soonFn === null) soon.port2.postMessage(null);
  soonFn = fn;
}

// ---- the tools' notice ----

// How long a notice takes to fade out, at the end of its time.
const FADE_MS = 1000;
const noticeEnds = new WeakMap();

// Show the log tools' short message in the box's live region, with the buttons
// named in offers ("undo,reset"); after ms (0: never) it fades, then goes. The live
// region itself stays in place, so screen readers hear each new message.
export function showNotice(box, text, ms, offers) {
  clearTimeout(noticeEnds.get(box));
  box.getAnimations().forEach((animation) => animation.cancel());
  box.querySelector("[role=status]").textContent = text;
  const wanted = new Set(offers ? offers.split(",") : []);
  const active = document.activeElement;
  box.querySelectorAll("button[data-offer]").forEach((button) => {
    button.hidden = !wanted.has(button.dataset.offer);
  });
  if (active && box.contains(active) && active.hidden) refocus(box);
  if (!text || !ms) return;
  const still = Math.max(0, 1 - FADE_MS / ms);
  box.animate([{ opacity: 1 }, { opacity: 1, offset: still }, { opacity: 0 }], ms);
  noticeEnds.set(box, setTimeout(() => showNotice(box, "", 0, ""), ms));
}

// A button that had the focus went with its notice: the focus goes where the box says.
function refocus(box) {
  document.getElementById(box.dataset.focusAfter)?.focus();
}

// ---- binary payloads ----
//
// Bytes cross the FFI as one hex string: MicroPython reads a typed array one
// element per call (about 1.5 s per MiB), while bytes.fromhex() and .hex() run
// in C. The native Uint8Array hex and Base64 methods (Chrome 140, Firefox 133,
// Safari 18.2) are used when present; the fallbacks give the same results.

export const features = Object.freeze({
  fromHex: typeof Uint8Array.fromHex === "function",
  toHex: typeof Uint8Array.prototype.toHex === "function",
  fromBase64: typeof Uint8Array.fromBase64 === "function",
  toBase64: typeof Uint8Array.prototype.toBase64 === "function",
});

// The value of each hex digit by character code; -1 for every other ASCII code.
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  DIGIT["0123456789abcdef".charCodeAt(i)] = DIGIT["0123456789ABCDEF".charCodeAt(i)] = i;
}
// The two UTF-16 codes of each byte's lowercase hex, to build a string in one decode:
// adding to a string two characters at a time is ten times slower.
const HEX_CODES = new Uint16Array(512);
for (let i = 0; i < 256; i++) {
  const pair = i.toString(16).padStart(2, "0");
  HEX_CODES[2 * i] = pair.charCodeAt(0);
  HEX_CODES[2 * i + 1] = pair.charCodeAt(1);
}
const utf16 = new TextDecoder("utf-16le");

// Like Uint8Array.fromHex: a SyntaxError for an odd length or a non-hex digit.
function fromHexFallback(hex) {
  if (typeof hex !== "string" || hex.length % 2) throw new SyntaxError("not a hex string");
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0, j = 0; i < bytes.length; i++, j += 2) {
    const high = DIGIT[hex.charCodeAt(j)];
    const low = DIGIT[hex.charCodeAt(j + 1)];
    // Past 127 the lookup is undefined, which fails this test too.
    if (!(high >= 0 && low >= 0)) throw new SyntaxError("not a hex string");
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}

function toHexFallback(bytes) {
  const codes = new Uint16Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    codes[2 * i] = HEX_CODES[2 * bytes[i]];
    codes[2 * i + 1] = HEX_CODES[2 * bytes[i] + 1];
  }
  return utf16.decode(codes);
}

// atob() is forgiving-base64 like fromBase64's default "loose" mode: blanks are
// skipped and the padding may be left out.
function fromBase64Fallback(text) {
  let binary;
  try {
    binary = atob(text);
  } catch {
    // atob throws a DOMException; fromBase64 a SyntaxError.
    throw new SyntaxError("not a Base64 string");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Decided once, at import, so a call costs no feature test.
export const bytesFromHex = features.fromHex ? (hex) => Uint8Array.fromHex(hex) : fromHexFallback;
export const hexFromBytes = features.toHex ? (bytes) => bytes.toHex() : toHexFallback;
const decodeBase64 = features.fromBase64 ? (text) => Uint8Array.fromBase64(text) : fromBase64Fallback;

// Standard or URL-safe Base64, padded or not. Like bytesFromHex it throws a
// SyntaxError on bad input, which MicroPython cannot catch: pass checked text only.
export function bytesFromBase64(text) {
  return decodeBase64(text.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/")));
}

// Send bytes, given as hex, as one binary frame; "" or why the browser refused.
// MicroPython cannot catch a JavaScript exception at all: it escapes Python's
// try/except. So nothing that can fail at run time may throw across the FFI.
export function sendBytes(ws, hex) {
  try {
    ws.send(bytesFromHex(hex));
    return "";
  } catch (e) {
    return String(e);
  }
}

// The native methods this browser lacks, for the page to say so once: "" when none.
export function missingFeatures() {
  const names = {
    fromHex: "Uint8Array.fromHex",
    toHex: "Uint8Array.prototype.toHex",
    fromBase64: "Uint8Array.fromBase64",
    toBase64: "Uint8Array.prototype.toBase64",
  };
  return Object.keys(names).filter((name) => !features[name]).map((name) => names[name]).join(", ");
}

// ---- variables ----

// n random bytes as hex, from the browser's source: there even where crypto.randomUUID
// is not (a page served over plain HTTP from a LAN address is no secure context).
export function randomHex(n) {
  return toHexFallback(crypto.getRandomValues(new Uint8Array(n)));
}

// The file picked in input, as text: done(text, "") or done(null, why). The input is
// emptied, so picking the same file again is a change too.
export function readFile(input, done) {
  const file = input.files[0];
  input.value = "";
  if (file) file.text().then((text) => done(text, ""), (e) => done(null, String(e)));
}

// ---- the protocols ----

// Show the controls of protocol kind, hide the others': every element whose
// data-proto names it ("mqtt graphql") shows; the composer's fields (.proto-send)
// are those of protocol composer.
export function showProto(kind, composer) {
  for (const element of document.querySelectorAll("[data-proto]")) {
    const shown = element.classList.contains("proto-send") ? composer : kind;
    element.hidden = !element.dataset.proto.split(" ").includes(shown);
  }
}

// The fields of protocol kind's boxes of class group ("proto-opts", "proto-send"),
// as JSON text of {data-key: value}; a box's checkbox is "1" or "".
export function protoFields(kind, group) {
  const fields = {};
  const selector = `.${group}[data-proto="${kind}"]` + (group === "proto-send" ? ":not([hidden])" : "");
  for (const box of document.querySelectorAll(selector)) {
    for (const field of box.querySelectorAll("[data-key]")) {
      fields[field.dataset.key] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
    }
  }
  return JSON.stringify(fields);
}

// Fill the options of protocol kind from JSON text of {data-key: value}.
export function fillProto(kind, text) {
  const options = JSON.parse(text);
  for (const field of document.querySelectorAll(`.proto-opts[data-proto="${kind}"] [data-key]`)) {
    const value = options[field.dataset.key];
    if (typeof value !== "string") continue;
    if (field.type === "checkbox") field.checked = value === "1";
    else field.value = value;
  }
}
