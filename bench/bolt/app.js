// A Slack Bolt for JavaScript app doing what OneTimeBot's /onetime share does, for the benchmark to compare with:
// Bolt verifies Slack's signature, the handler stores the secret through the same Onetime Secret v1 backend, and acks
// with the same Block Kit card inline, or (when the backend is slower than 2 s) acks at once and posts the card
// to response_url, as OneTimeBot does. Environment: PORT, SLACK_SIGNING_SECRET, OTS_BASE_URL, OTS_USER, OTS_TOKEN.
'use strict';
const { App } = require('@slack/bolt');

const base = process.env.OTS_BASE_URL.replace(/\/?$/, '/');
const authorization = 'Basic ' + Buffer.from(`${process.env.OTS_USER}:${process.env.OTS_TOKEN}`).toString('base64');
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // An installation known up front, as a single-workspace app has: Bolt would otherwise ask slack.com (auth.test).
  authorize: async () => ({ botToken: 'xoxb-bench-not-used', botId: 'B0BENCH', botUserId: 'U0BENCHBOT' }),
});

function card(receipt) {
  const link = `${base}secret/${receipt.secret_key}`;
  const expires = Number(receipt.created) + Number(receipt.ttl);
  return {
    response_type: 'ephemeral',
    text: `One-time link: ${link} (expires in ${receipt.ttl} seconds)`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: ':lock: Your one-time link is ready', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: `*One-time link:*\n${link}` } },
      { type: 'section', fields: [
        { type: 'mrkdwn', text: `*Expires*\n<!date^${expires}^{date_short_pretty} at {time}|${new Date(expires * 1000).toISOString()}>` },
        { type: 'mrkdwn', text: `*Passphrase*\n${receipt.passphrase_required ? 'Required' : 'None'}` },
      ] },
      { type: 'actions', elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Check status' }, action_id: 'receipt_status', value: receipt.metadata_key },
        { type: 'button', text: { type: 'plain_text', text: 'Burn now' }, action_id: 'receipt_burn', value: receipt.metadata_key, style: 'danger' },
      ] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Paste the link only where its recipient will see it.' }] },
    ],
  };
}

async function share(secret) {
  const response = await fetch(`${base}api/v1/share`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ secret, ttl: '3600' }),
    signal: AbortSignal.timeout(25000),
  });
  if (!response.ok) throw new Error(`backend answered ${response.status}`);
  return card(await response.json());
}

app.command('/onetime', async ({ command, ack, respond }) => {
  const secret = command.text.startsWith('share ') ? command.text.slice(6) : command.text;
  const work = share(secret).catch((error) => {
    console.error(`share failed: ${error.message} ${error.cause ? error.cause.code || error.cause.message : ''}`);
    return { response_type: 'ephemeral', text: 'The secret service is not answering right now. Nothing was shared.' };
  });
  const inline = await Promise.race([work, new Promise((resolve) => setTimeout(() => resolve(null), 2000))]);
  if (inline) {
    await ack(inline);
    return;
  }
  await ack({ response_type: 'ephemeral', text: 'Creating your link…' });
  try {
    await respond(await work);
  } catch (error) {
    await respond({ response_type: 'ephemeral', text: 'The secret service is not answering right now. Nothing was shared.' });
  }
});

(async () => {
  await app.start(Number(process.env.PORT));
  console.log(`bolt listening on ${process.env.PORT}`);
})();
