// Drives the npm package onetimesecret-api (an independent v1 client, MIT, by Thomas Gamauf), unchanged, through
// every call it has against the server at OTS_URL. Prints one JSON object of observations for the C# test to check;
// it never prints a secret value.
"use strict";

const { OneTimeSecretApi } = require("onetimesecret-api/index.js");

async function main() {
  const url = process.env.OTS_URL.replace(/\/$/, "");
  const ots = new OneTimeSecretApi(process.env.OTS_USER, process.env.OTS_TOKEN, { url, apiVersion: "v1" });
  const secret = "interop secret \u00e9\u00e8 & = + ?";
  const out = {};

  out.status = await ots.status();

  const shared = await ots.share(secret, { passphrase: "interop-pass", ttl: 3600 });
  out.shareTtl = shared.ttl;
  out.shareLink = shared.share_link || null;
  out.passphraseRequired = shared.passphrase_required;

  const before = await ots.retrieveMetadata(shared.metadata_key);
  out.stateBefore = before.state;

  const revealed = await ots.retrieveSecret(shared.secret_key, { passphrase: "interop-pass" });
  out.revealedMatches = revealed.value === secret;

  const after = await ots.retrieveMetadata(shared.metadata_key);
  out.stateAfter = after.state;

  try {
    await ots.retrieveSecret(shared.secret_key, { passphrase: "interop-pass" });
    out.secondReveal = "succeeded";
  } catch (error) {
    out.secondReveal = error.constructor.name;
  }

  const generated = await ots.generate({ ttl: 600 });
  out.generatedLength = generated.value.length;
  const burned = await ots.burn(generated.metadata_key);
  out.burnedState = burned.state && burned.state.state;

  const recent = await ots.recentMetadata();
  out.recentCount = recent.length;

  console.log(JSON.stringify(out));
}

main().catch((error) => {
  console.error(`${error.constructor.name}: ${error.message}`);
  process.exit(1);
});
