// Parses Adaptive Cards with the official renderer library (npm adaptivecards) the way a Teams client would, and
// reports every parse error and warning. Usage: node validate-adaptive-cards.js <cards.json> [version, default 1.5]
// where the file holds {"name": card, ...}. Prints {"name": {"version", "events": [{"phase","event","message"}...]}} (empty lists when clean).
'use strict';
const fs = require('fs');
// The UMD bundle: the package's lib/ is ES modules without file extensions, which Node cannot load as they are.
const AC = require('adaptivecards/dist/adaptivecards.js');

const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const [major, minor] = (process.argv[3] || '1.5').split('.').map(Number);
const results = {};
for (const [name, json] of Object.entries(cards)) {
  const context = new AC.SerializationContext(new AC.Version(major, minor));
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  const describe = (e) => ({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  for (let i = 0; i < context.eventCount; i++) {
    events.push(describe(context.getEventAt(i)));
  }
  // validateProperties() checks the whole card tree: duplicate ids, required properties, unsupported values.
  for (const e of card.validateProperties().validationEvents) {
    events.push(describe(e));
  }
  results[name] = { version: card.version ? card.version.toString() : null, events };
}
console.log(JSON.stringify(results));
