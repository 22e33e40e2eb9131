// tools/interop/RESULTS.md: when, with what and by which command the table was made, the table, the
// differences from Magento and how each client was driven.

function clientVersions(prepared) {
  const npm = Object.entries(prepared.npm.versions).map(([name, version]) => `\`${name}\` ${version}`);
  const { python } = prepared;
  return [
    `npm: ${npm.join(', ')} (installed with \`npm install --no-save --prefix <temporary folder>\`)`,
    `python3: \`requests-oauthlib\` ${python['requests-oauthlib']}, \`oauthlib\` ${python.oauthlib}, \`requests\` ${python.requests} (Debian \`python3-requests-oauthlib\`)`,
  ];
}

/** Per client: how it was driven, and how many of its calls succeeded under each profile. */
function clientNotes(rows, profiles) {
  const clients = [...new Set(rows.map((row) => row.client))];
  return clients.map((client) => {
    const own = rows.filter((row) => row.client === client);
    const counts = profiles.map((profile) => {
      const made = own.map((row) => row.byProfile[profile.version]).filter((result) => result.sent !== null);
      const succeeded = made.filter(({ outcome }) => outcome.status >= 200 && outcome.status < 300);
      return `${profile.version} ${succeeded.length} of ${made.length}`;
    });
    return `- ${client}: ${own[0].notes}. Calls made that succeeded: ${counts.join(', ')}.`;
  });
}

/** The whole file. */
export function renderResults({ rows, table, differences, prepared, profiles, seconds }) {
  const stores = profiles.map(
    (profile) => `\`--magento ${profile.version}\` (signature profile \`${profile.signatureProfile}\`)`,
  );
  return [
    '# Third-party Magento clients against the sandbox store',
    '',
    `Made on ${new Date().toISOString().slice(0, 10)} by \`npx nx run interop:interop\` (\`node tools/interop/run.mjs\`), Node ${process.version}, in ${seconds.toFixed(0)} s.`,
    '',
    ...clientVersions(prepared).map((line) => `- ${line}`),
    `- sandbox: the built \`magekit-sandbox\` bin, started as ${stores.join(' and ')}, one integration with all resources per client, activated through the admin API`,
    '',
    'Each cell is the HTTP status and the outcome the client reports: `ok` when a 2xx body is what the call',
    "asked for, `bulk_uuid` for a 202 with one, otherwise the first sentence of Magento's error message with",
    'its parameters. `sent` is the request on the wire under 2.4.8. The last column says what Magento answers',
    'the same request: `same` when the sandbox answers as Magento does, with the rule when the answer is not a',
    'plain success (§ numbers are [docs/magento-behaviour.md](../../docs/magento-behaviour.md)); **differs**',
    "marks a sandbox answer Magento would not give. Magento's answer is derived from the request as sent: an",
    'anonymous route is never authenticated, any method but HMAC-SHA256 is refused, the signature is checked',
    "against an independent RFC 5849 computation of the request, and 2.4.4–2.4.6's Laminas quirks are applied.",
    '',
    table,
    '',
    '## Where the sandbox differs from Magento',
    '',
    ...(differences.length === 0
      ? ['Nowhere: every answer above is the one Magento gives the same request.']
      : differences),
    '',
    '## How each client was driven, and what succeeded',
    '',
    ...clientNotes(rows, profiles),
    '',
  ].join('\n');
}
