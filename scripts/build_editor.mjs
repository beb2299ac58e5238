// Bundle the Script tab's editor (scripts/editor.js: CodeMirror 6 and its Python mode,
// from node_modules, pinned by package-lock.json) into one ES module the page serves
// from its own origin: site/editor/editor.js. Run by ./dev's set-up.
// Usage: node scripts/build_editor.mjs [OUTFILE]
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = process.argv[2] ?? `${root}site/editor/editor.js`;

// CodeMirror's licence travels with the bundle (its packages share one MIT licence).
const licence = readFileSync(`${root}node_modules/codemirror/LICENSE`, "utf8");

await build({
  banner: { js: `/* CodeMirror 6, bundled for the Script tab.\n\n${licence.replaceAll("*/", "* /")}*/` },
  entryPoints: [`${root}scripts/editor.js`],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "eof",
  outfile,
  logLevel: "warning",
});
