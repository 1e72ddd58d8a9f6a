// Validates a Teams app manifest against Microsoft's official JSON Schema for its manifestVersion, shipped in the npm
// package @microsoft/app-manifest (draft-04); a localization file (one without a manifestVersion) against the
// localization schema of the version its $schema names. Usage: node validate-teams-manifest.js <manifest.json|sv.json>
// Prints {"valid":true|false,"schema":"<file>","errors":[...]}.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const localization = manifest.manifestVersion === undefined;
const version = localization ? (/\/teams\/v([0-9.]+)\//.exec(manifest.$schema || '') || [])[1] : manifest.manifestVersion;
if (!version) {
  console.error('a localization file must name its schema version in $schema');
  process.exit(2);
}
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', `v${version}`, localization ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// The localization schema's patterns are written for JavaScript's RegExp without the u flag (one has a lone "]"),
// as Microsoft's own tooling compiles them.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: !localization });
addFormats(ajv);
const validate = ajv.compile(schema);
const valid = validate(manifest);
console.log(JSON.stringify({ valid, schema: path.relative(process.cwd(), schemaFile), errors: valid ? [] : validate.errors }));
