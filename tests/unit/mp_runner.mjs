// Runs a Python script under MicroPython (the PyScript webassembly build) in node.
// Usage: node mp_runner.mjs SCRIPT.py PACKAGE_DIR...
// Each PACKAGE_DIR's .py files are mounted at /lib/<basename>/, on sys.path.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const [script, ...packages] = process.argv.slice(2);
const mp = await loadMicroPython({
  heapsize: 16 * 1024 * 1024,
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
mp.FS.mkdirTree("/lib");
for (const dir of packages) {
  const target = "/lib/" + basename(dir);
  mp.FS.mkdirTree(target);
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".py"))) {
    mp.FS.writeFile(target + "/" + name, readFileSync(join(dir, name)));
  }
}
try {
  mp.runPython(readFileSync(script, "utf8"));
} catch (error) {
  process.stderr.write(String(error.message ?? error) + "\n");
  process.exit(1);
}
