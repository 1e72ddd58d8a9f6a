// Parses a YAML file (every document in it) with js-yaml, strictly, and prints the documents as one JSON array.
// Usage: node yaml-to-json.js <file.yaml>. A file that does not parse exits 1 with the parser's message on stderr.
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node yaml-to-json.js <file.yaml>');
  process.exit(2);
}

try {
  const documents = yaml.loadAll(fs.readFileSync(file, 'utf8'), null, { filename: file, json: false });
  console.log(JSON.stringify(documents));
} catch (error) {
  console.error(String(error && error.message ? error.message : error));
  process.exit(1);
}
