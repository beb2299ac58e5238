"""The JavaScript the benchmark runs inside each page; it relies only on the shared markup."""

__all__ = [
    "BURST",
    "CLOSE_ARM",
    "CLOSE_DONE",
    "CLOSE_READY",
    "COUNT_LI",
    "FILTER_ARM",
    "FILTER_DONE",
    "INIT",
    "LATENCY",
    "WASM_BYTES",
]

# Installed before any of the page's scripts run (Playwright's add_init_script).
INIT = """
(() => {
  // Start: the first time #status has the class "open", on the navigation's clock.
  const watch = (status) => {
    const seen = () => {
      if (status.classList.contains("open")) {
        window.__openAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(seen);
    observer.observe(status, { attributes: true, attributeFilter: ["class"] });
    seen();
  };
  const finder = new MutationObserver(() => {
    const status = document.getElementById("status");
    if (status) {
      finder.disconnect();
      watch(status);
    }
  });
  finder.observe(document, { childList: true, subtree: true });

  // Every WebAssembly memory the page makes or instantiates, to report its size.
  const memories = new Set();
  window.__wasmMemories = memories;
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) memories.add(value);
    }
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then(keep);
    };
  }

  // Resolves with performance.now() when an li.received is added to #messages whose
  // text ends with `suffix`; with {failed: text} if an li.system is added first (our
  // page reports its own errors that way) or #status loses the class "open"; with
  // null after timeoutMs. Only the last node of each mutation is looked at: every
  // page appends the newest message last, and the article's page re-adds them all.
  window.__nextReceived = (suffix, timeoutMs) => new Promise((resolve) => {
    const list = document.getElementById("messages");
    const status = document.getElementById("status");
    const finish = (value) => {
      clearTimeout(timer);
      observer.disconnect();
      statusObserver.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const node = record.addedNodes[record.addedNodes.length - 1];
        if (!node || node.nodeName !== "LI") continue;
        if (node.classList.contains("received") && node.textContent.endsWith(suffix)) {
          return finish(performance.now());
        }
        if (node.classList.contains("system")) return finish({ failed: node.textContent });
      }
    });
    observer.observe(list, { childList: true, subtree: true });
    const statusObserver = new MutationObserver(() => {
      if (!status.classList.contains("open")) {
        finish({ failed: `#status is now "${status.className}": ${status.textContent}` });
      }
    });
    statusObserver.observe(status, { attributes: true, attributeFilter: ["class"] });
  });

  // Put `text` (unless null: keep what is there) in the form and submit it as a
  // user would; returns the time.
  window.__submit = (text) => {
    if (text !== null) document.getElementById("message").value = text;
    const t0 = performance.now();
    document.getElementById("input-form").requestSubmit();
    return t0;
  };
})();
"""

# Send `command` (null: what #message holds), wait for the received li ending with
# `suffix`; returns ms, {failed: text}, or null on timeout.
BURST = """
async ([command, suffix, timeoutMs]) => {
  const done = window.__nextReceived(suffix, timeoutMs);
  const t0 = window.__submit(command);
  const t1 = await done;
  return typeof t1 === "number" ? t1 - t0 : t1;
}
"""

# `count` sequential echoes of p0, p1…; the ms of each, or what BURST returns on failure.
LATENCY = """
async ([count, timeoutMs]) => {
  const times = [];
  for (let i = 0; i < count; i++) {
    const done = window.__nextReceived(`p${i}`, timeoutMs);
    const t0 = window.__submit(`p${i}`);
    const t1 = await done;
    if (typeof t1 !== "number") return t1;
    times.push(t1 - t0);
  }
  return times;
}
"""

# Focus #close, record the press on it and the first change of #status after the
# press, and when the flood's END arrived (if it did), then start the flood.
CLOSE_ARM = """
(command) => {
  const status = document.getElementById("status");
  const button = document.getElementById("close");
  window.__closeDelay = undefined;
  window.__pressedAt = undefined;
  window.__floodEndAt = undefined;
  const pressed = (event) => {
    window.__pressedAt ??= event.timeStamp;
  };
  for (const type of ["keydown", "pointerdown", "click"]) {
    button.addEventListener(type, pressed, { capture: true });
  }
  const observer = new MutationObserver(() => {
    if (window.__pressedAt !== undefined) {
      window.__closeDelay = performance.now() - window.__pressedAt;
      observer.disconnect();
    }
  });
  const all = { attributes: true, childList: true, characterData: true, subtree: true };
  observer.observe(status, all);
  window.__nextReceived("END", 2 ** 31 - 1).then((t) => {
    if (typeof t === "number") window.__floodEndAt = t;
  });
  button.focus();
  window.__floodAt = window.__submit(command);
}
"""

# True once the flood has run 100 ms and, on pages that show messages, the first arrived.
CLOSE_READY = """
(shows) => performance.now() - window.__floodAt >= 100
  && (!shows || document.querySelector("#messages li.received") !== null)
"""

# [delay, whether the flood had ended before the press], once the status has changed.
CLOSE_DONE = """
() => window.__closeDelay !== undefined && [
  window.__closeDelay,
  window.__floodEndAt !== undefined && window.__floodEndAt < window.__pressedAt,
]
"""

COUNT_LI = "() => document.querySelectorAll('#messages li').length"

WASM_BYTES = "() => [...window.__wasmMemories].reduce((sum, m) => sum + m.buffer.byteLength, 0)"

# Watch #filter while a test types `text`: how long each key held the page up, from
# the browser getting it (its event's timeStamp) to the next frame the page could
# paint (a requestAnimationFrame asked for from its keydown): at best a frame, at
# worst all the work the key set off or waited behind. And when, after the last key,
# #messages shows exactly `expected` entries, each holding text.
FILTER_ARM = """
([text, expected]) => {
  const field = document.getElementById("filter");
  const list = document.getElementById("messages");
  const needle = text.toLowerCase();
  const state = { waits: [], keys: 0, lastKey: null, shownAt: null };
  window.__filter = state;
  field.addEventListener("keydown", (event) => {
    if (event.key.length !== 1) return;  // a character, not Shift
    state.keys += 1;
    if (state.keys === text.length) state.lastKey = event.timeStamp;
    requestAnimationFrame(() => state.waits.push(performance.now() - event.timeStamp));
  }, { capture: true });
  const check = () => {
    if (state.lastKey === null || state.shownAt !== null) return;
    const items = list.children;
    if (items.length !== expected || field.value !== text) return;
    for (const li of items) {
      if (!li.textContent.toLowerCase().includes(needle)) return;
    }
    state.shownAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(list, { childList: true, subtree: true, characterData: true });
  field.addEventListener("keyup", () => setTimeout(check), { capture: true });
}
"""

# [ms from the last key to the result, the longest a key held the page], once both known.
FILTER_DONE = """
([count]) => window.__filter.shownAt !== null && window.__filter.waits.length === count && [
  window.__filter.shownAt - window.__filter.lastKey,
  Math.max(...window.__filter.waits),
]
"""
