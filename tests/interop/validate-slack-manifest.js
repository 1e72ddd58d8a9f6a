// Validates a Slack app manifest (YAML) against Slack's own JSON Schema, offline.
// Usage: node validate-slack-manifest.js <manifest.yaml> <schema-directory>
// Prints {"valid":true} or {"valid":false,"errors":[...]} and exits 0 either way; a broken setup exits 2.
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [manifestPath, schemaDir] = process.argv.slice(2);
if (!manifestPath || !schemaDir) {
  console.error('usage: node validate-slack-manifest.js <manifest.yaml> <schema-directory>');
  process.exit(2);
}

const published = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const read = (file) => JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const version of ['1.0.0', '2.0.0']) {
  const file = `manifest.schema.${version}.json`;
  ajv.addSchema(read(file), published + file);
}

const validate = ajv.compile(read('manifest.schema.json'));
const manifest = yaml.load(fs.readFileSync(manifestPath, 'utf8'));
const valid = validate(manifest);
console.log(JSON.stringify({ valid, errors: valid ? [] : validate.errors, manifest }));
