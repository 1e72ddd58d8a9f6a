// Validates a Teams app manifest against Microsoft's official JSON Schema for its manifestVersion, shipped in the npm
// package @microsoft/app-manifest (draft-04). Usage: node validate-teams-manifest.js <manifest.json>
// Prints {"valid":true|false,"schema":"<file>","errors":[...]}.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const valid = validate(manifest);
console.log(JSON.stringify({ valid, schema: path.relative(process.cwd(), schemaFile), errors: valid ? [] : validate.errors }));
