// Runs search.js's engine in node over an index folder written by the Swift writer.
// usage: node js-harness.js <search.js> <index dir> <queries.json>
// queries.json: [{"text": "...", "filters": {...}, "limit": n}, …] → prints a JSON array of results.
'use strict';
const fs = require('fs');
const path = require('path');
const [searchJs, dir, queriesFile] = process.argv.slice(2);
const search = require(path.resolve(searchJs));

let files = 0, bytes = 0;
function loadShard(id) {
  const src = fs.readFileSync(path.join(dir, id + '.js'), 'utf8');
  files += 1;
  bytes += Buffer.byteLength(src);
  let registered;
  new Function('densho_search_register', src)((gotId, data) => {
    if (gotId !== id) throw new Error(`${id}.js registers ${gotId}`);
    registered = data;
  });
  return registered;
}

const engine = search.createEngine(loadShard);
(async () => {
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
  const out = [];
  for (const q of queries) out.push(await engine.query(q.text, q.filters || {}, q.limit));
  process.stdout.write(JSON.stringify({ results: out, files, bytes }));
})().catch((e) => { console.error(e && e.stack || e); process.exit(2); });
