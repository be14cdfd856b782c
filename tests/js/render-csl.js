#!/usr/bin/env node
// Render CSL-JSON items with citeproc-js and a CSL style.
//
// Usage: node render-csl.js ITEMS.json [STYLE.csl]
//   ITEMS.json holds a CSL-JSON array (what `teikit cite --format csl-json` prints);
//   STYLE.csl is a CSL style file (teikit's csl/teikit-frus.csl, say); without it, the CSL
//   project's Chicago full-note style.
// Prints a JSON object on stdout: { "<item id>": { "note": "...", "bibliography": "..." } },
// both in citeproc-js's plain-text output format (no italics), whitespace as citeproc gives it
// except the trailing newline of a bibliography entry.
//
// Nothing is fetched at run time: the style comes from the npm package
// @citation/csl-style-chicago-fullnote-bibliography (the CSL project's
// chicago-fullnote-bibliography.csl, 17th edition) and the en-US locale from the
// locales-en-US.xml that @citation-js/plugin-csl ships in lib/locales.json.
'use strict';

const fs = require('fs');
const CSL = require('citeproc');
const style = require('@citation/csl-style-chicago-fullnote-bibliography').default;
const locales = require('@citation-js/plugin-csl/lib/locales.json');

function main(argv) {
  if (argv.length < 1 || argv.length > 2) {
    process.stderr.write('usage: node render-csl.js ITEMS.json [STYLE.csl]\n');
    return 2;
  }
  const items = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  if (!Array.isArray(items)) {
    process.stderr.write('expected a CSL-JSON array\n');
    return 2;
  }
  const styleXml = argv.length === 2 ? fs.readFileSync(argv[1], 'utf8') : style.content;
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: (lang) => locales[lang] || locales['en-US'],
    retrieveItem: (id) => byId.get(String(id)),
  };
  const out = {};
  for (const id of byId.keys()) {
    // A fresh engine per item: every note is a first (full) citation, every
    // bibliography holds one entry, as teikit's Chicago output does.
    const engine = new CSL.Engine(sys, styleXml, 'en-US', true);
    engine.setOutputFormat('text');
    const note = engine.previewCitationCluster(
      { citationItems: [{ id }], properties: { noteIndex: 1 } }, [], [], 'text');
    engine.updateItems([id]);
    const [, entries] = engine.makeBibliography();
    out[id] = { note, bibliography: entries.join('').replace(/\n+$/, '') };
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
