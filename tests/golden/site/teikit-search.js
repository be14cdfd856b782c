// teikit-search.js: the search page's script (written beside search.html by the edition and
// linked with defer, or copied into the page by search-page.xsl). A classic script, so that
// it runs from file:// too (where it says the edition must be served); it keeps its names to
// itself. It loads the Pagefind bundle named by the form's data-bundle, runs the reader's
// words with a year filter built from the from/to fields, and lists the documents found,
// grouped by volume in the order of the volumes' ids, and by number within a volume.
(() => {
'use strict';
const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const results = document.getElementById('search-results');
const words = document.getElementById('search-q');
const yearFrom = document.getElementById('search-from');
const yearTo = document.getElementById('search-to');
const knownYears = (form.dataset.years || '').split(' ').filter(Boolean);
// Results link relative to this page, so the site works in any folder of a server.
const here = new URL('.', location.href).pathname;

function say(text) {
  status.textContent = text;
}

function element(name, attrs, text) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

// The years of the edition inside the range the reader gave; null when no range is set.
function chosenYears() {
  const from = parseInt(yearFrom.value, 10);
  const to = parseInt(yearTo.value, 10);
  if (Number.isNaN(from) && Number.isNaN(to)) return null;
  return knownYears.filter(y => (Number.isNaN(from) || +y >= from) && (Number.isNaN(to) || +y <= to));
}

function show(found, total) {
  results.replaceChildren();
  const groups = new Map();
  for (const hit of found) {
    const key = hit.meta.volumeid || '';
    if (!groups.has(key)) groups.set(key, {label: hit.meta.volume || 'Documents without a volume', hits: []});
    groups.get(key).hits.push(hit);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
  keys.forEach((key, index) => {
    const group = groups.get(key);
    group.hits.sort((a, b) => (+a.meta.number || 0) - (+b.meta.number || 0));
    const section = element('section', {class: 'search-volume', 'aria-labelledby': 'result-volume-' + index});
    section.append(element('h2', {id: 'result-volume-' + index}, group.label));
    const list = element('ol', {class: 'search-hits'});
    for (const hit of group.hits) {
      const item = element('li');
      const href = hit.url.startsWith(here) ? hit.url.slice(here.length) : hit.url;
      const link = element('a', {href}, hit.meta.title || href);
      const facts = [hit.meta.number && 'Document ' + hit.meta.number, hit.meta.date].filter(Boolean);
      item.append(link);
      if (facts.length) item.append(element('span', {class: 'search-facts'}, ' · ' + facts.join(', ')));
      const excerpt = element('p', {class: 'search-excerpt'});
      excerpt.innerHTML = hit.excerpt;  // Pagefind escapes the text and marks the words
      item.append(excerpt);
      list.append(item);
    }
    section.append(list);
    results.append(section);
  });
  const volumes = keys.length === 1 ? '1 volume' : keys.length + ' volumes';
  say(total === 0 ? 'No documents found.'
    : (total === 1 ? '1 document' : total + ' documents') + ' found, in ' + volumes + '.');
}

// The form never leaves the page: until the index is loaded (or when there is none) a
// search says why it cannot run yet, instead of reloading the page.
let runSearch = null;
let notice = 'Loading the search index…';
form.addEventListener('submit', event => {
  event.preventDefault();
  if (runSearch) runSearch();
  else say(notice);
});
for (const field of [yearFrom, yearTo]) {
  field.addEventListener('change', () => { if (runSearch) runSearch(); });
}

async function main() {
  if (location.protocol === 'file:') {
    notice = 'Search needs the edition to be served (browsers refuse its index from a file): ' +
        'run "teikit serve" and open http://127.0.0.1:8000/search.html.';
    say(notice);
    return;
  }
  let pagefind;
  try {
    const bundle = new URL(form.dataset.bundle, location.href);
    pagefind = await import(bundle.href);
    await pagefind.options({baseUrl: here});
    // A large edition is indexed in parts (teikit.search): merge the others it lists.
    const listed = await fetch(new URL('teikit-indexes.json', bundle));
    for (const part of listed.ok ? await listed.json() : []) {
      await pagefind.mergeIndex(new URL(part, bundle).href, {baseUrl: here});
    }
  } catch (error) {
    notice = 'This build has no search index (teikit build writes it when Pagefind is installed).';
    say(notice);
    return;
  }
  say('Ready: type words and press Search.');
  let run = 0;
  async function search() {
    const mine = ++run;
    const term = words.value.trim();
    const years = chosenYears();
    if (!term && !years) {
      results.replaceChildren();
      say('Ready: type words and press Search.');
      return;
    }
    const filters = years ? {year: {any: years.length ? years : ['none']}} : {};
    say('Searching…');
    const answer = await pagefind.search(term || null, {filters});
    const hits = await Promise.all(answer.results.slice(0, 100).map(r => r.data()));
    if (mine === run) show(hits, answer.results.length);
  }
  runSearch = search;
  const asked = new URLSearchParams(location.search);
  if (asked.get('q')) words.value = asked.get('q');
  if (asked.get('from')) yearFrom.value = asked.get('from');
  if (asked.get('to')) yearTo.value = asked.get('to');
  if (asked.get('q') || asked.get('from') || asked.get('to')) search();
}

main();
})();
