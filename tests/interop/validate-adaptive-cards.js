// Parses Adaptive Cards with the official renderer library (npm adaptivecards) the way a Teams client would, and
// reports every parse error and warning. Usage: node validate-adaptive-cards.js <cards.json>
// where the file holds {"name": card, ...}. Prints {"name": {"version", "events": [{"phase","event","message"}...]}} (empty lists when clean).
'use strict';
const fs = require('fs');
// The UMD bundle: the package's lib/ is ES modules without file extensions, which Node cannot load as they are.
const AC = require('adaptivecards/dist/adaptivecards.js');

// Teams' people picker is an Input.ChoiceSet whose "choices.data" is a Data.Query on Teams' own people dataset
// (graph.microsoft.com/users): a Teams extension, documented for cards of any version, whose choices Teams fills in
// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/people-picker). The library reads
// "choices.data" only from 1.6 and wants static choices, so it reports exactly two things about such a picker, neither
// a problem in Teams; those two, for those elements only, are set aside. Anything else about them is still reported.
const isPeoplePicker = (e) => e && e.type === 'Input.ChoiceSet' && typeof e.id === 'string' &&
  e['choices.data'] && e['choices.data'].type === 'Data.Query' &&
  typeof e['choices.data'].dataset === 'string' && /^graph\.microsoft\.com\/users(\?scope=currentContext)?$/.test(e['choices.data'].dataset);
const peoplePickers = (node, ids = new Set()) => {
  if (Array.isArray(node)) { node.forEach((n) => peoplePickers(n, ids)); }
  else if (node && typeof node === 'object') {
    if (isPeoplePicker(node)) { ids.add(node.id); }
    Object.values(node).forEach((n) => peoplePickers(n, ids));
  }
  return ids;
};
const isTeamsPickerEvent = (e, pickers) => e.source && pickers.has(e.source.id) &&
  ((e.event === AC.ValidationEvent.UnsupportedProperty && e.message.startsWith('Property "choices.data"')) ||
   e.event === AC.ValidationEvent.CollectionCantBeEmpty);

const cards = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = {};
for (const [name, json] of Object.entries(cards)) {
  const pickers = peoplePickers(json);
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  const describe = (e) => ({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (!isTeamsPickerEvent(e, pickers)) { events.push(describe(e)); }
  }
  // validateProperties() checks the whole card tree: duplicate ids, required properties, unsupported values.
  for (const e of card.validateProperties().validationEvents) {
    if (!isTeamsPickerEvent(e, pickers)) { events.push(describe(e)); }
  }
  results[name] = { version: card.version ? card.version.toString() : null, events };
}
console.log(JSON.stringify(results));
