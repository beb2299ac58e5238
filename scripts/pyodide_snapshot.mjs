// Build Pyodide's memory snapshot: the interpreter's memory once Python has initialised.
// The page's Pyodide start (site/ui/pyodide.mjs) restores it instead of initialising
// Python again, which is most of loadPyodide's time. A snapshot only fits the build
// that made it (Pyodide checks its build id), so vendoring rebuilds it with the runtime.
//   node scripts/pyodide_snapshot.mjs site/pyscript/pyodide
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [directory] = process.argv.slice(2);
if (!directory) {
  console.error("usage: node scripts/pyodide_snapshot.mjs <pyodide directory>");
  process.exit(2);
}
const indexURL = resolve(directory) + "/";
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(indexURL + "snapshot.bin", snapshot);
console.log(`Wrote Pyodide's memory snapshot (${(snapshot.length / 2 ** 20).toFixed(1)} MiB)`);
