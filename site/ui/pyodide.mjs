// Pyodide for PyScript (the `interpreter` of the page's py-config), started from a
// memory snapshot: the interpreter's memory once Python has initialised, built with
// the runtime by scripts/pyodide_snapshot.mjs. Restoring it skips Python's own start,
// which is most of loadPyodide's time.
//
// A snapshot fits only the Pyodide build that made it. If it is missing or does not
// fit, Pyodide starts the usual way and the console says why; the page is the same.
import { loadPyodide as load, version } from "../pyscript/pyodide/pyodide.mjs";

export { version };

// PyScript passes the folder of this module as Pyodide's own; the runtime is elsewhere.
const indexURL = new URL("../pyscript/pyodide/", import.meta.url).href;
const SNAPSHOT = indexURL + "snapshot.bin";

async function fetchSnapshot() {
  const response = await fetch(SNAPSHOT);
  if (!response.ok) throw new Error(`${SNAPSHOT} answered ${response.status}`);
  return response.arrayBuffer();
}

export async function loadPyodide(options = {}) {
  try {
    const snapshot = await fetchSnapshot();
    return await load({ ...options, indexURL, _loadSnapshot: snapshot });
  } catch (error) {
    console.warn(`Pyodide starts without its snapshot (${error.message}).`);
    return load({ ...options, indexURL });
  }
}
