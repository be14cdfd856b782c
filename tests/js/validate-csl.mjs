// Validate CSL style files against the CSL schema (RELAX NG, run by rnv compiled to
// WebAssembly in the npm package csl-validator-wasm, the validator Zotero's style tools use).
//
// Usage: node validate-csl.mjs STYLE.csl...
// Prints one JSON object on stdout: { "<path>": "<the validator's messages, empty when valid>" }.
import fs from 'fs';
import { validateStyle } from 'csl-validator-wasm';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: node validate-csl.mjs STYLE.csl...\n');
  process.exit(2);
}
const out = {};
for (const path of paths) {
  out[path] = (await validateStyle(fs.readFileSync(path, 'utf8'))).trim();
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
