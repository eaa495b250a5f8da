// Checks search.js's normaliser against the shared table (the Swift tests check the same table).
// usage: node normalize-check.js [search.js] [normalization-table.json]
'use strict';
const fs = require('fs');
const path = require('path');
const searchJs = process.argv[2] || path.join(__dirname, '../../themes/default/static/search.js');
const tableFile = process.argv[3] || path.join(__dirname, 'normalization-table.json');
const { normalize } = require(path.resolve(searchJs));

const hex = (s) => Array.from(s).map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase()).join(' ');
let failures = 0;
const table = JSON.parse(fs.readFileSync(tableFile, 'utf8'));
for (const row of table) {
  const got = normalize(row.input);
  if (got !== row.expected) {
    failures += 1;
    console.log(`MISMATCH ${JSON.stringify(row.input)}: expected ${JSON.stringify(row.expected)} (${hex(row.expected)}), got ${JSON.stringify(got)} (${hex(got)})`);
  }
}
console.log(`${table.length - failures}/${table.length} rows agree`);
process.exit(failures ? 1 : 0);
