// The markdown table: client × call, one column per sandbox profile, and Magento's answer where the
// sandbox's differs (with the rule behind every answer that is not a plain success).

const escape = (text) => String(text).replace(/\|/g, '\\|');
const code = (text) => `\`${String(text).replace(/`/g, "'")}\``;
const cell = (outcome) => (outcome.status === null ? outcome.text : `${outcome.status} ${outcome.text}`);

/** Whether the sandbox answered as Magento does (status and outcome). */
export function matchesMagento(result) {
  return (
    result.magento === null ||
    (result.outcome.status === result.magento.status && result.outcome.text === result.magento.text)
  );
}

function magentoCell(row, profiles) {
  const parts = [];
  const bases = new Set();
  for (const profile of profiles) {
    const result = row.byProfile[profile.version];
    if (result.magento === null) continue;
    if (!matchesMagento(result)) {
      parts.push(
        `**differs**: Magento ${profile.version} answers ${cell(result.magento)} (${result.magento.basis || 'success'})`,
      );
    } else if (result.magento.basis !== '') {
      bases.add(result.magento.basis);
    }
  }
  if (parts.length === 0 && bases.size === 0) return row.byProfile[profiles[0].version].magento === null ? '' : 'same';
  return [...parts, ...[...bases].map((basis) => `same: ${basis}`)].join('<br>');
}

/** Rows of `{client, call, byProfile: {version: result}}` → the markdown table. */
export function renderTable(rows, profiles) {
  const header = [
    'client',
    'call',
    'sent (as the client sends it)',
    ...profiles.map((profile) => `sandbox ${profile.version} (\`${profile.signatureProfile}\`)`),
    'Magento',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const first = row.byProfile[profiles[0].version];
    lines.push(
      `| ${[
        escape(row.client),
        code(row.call.label),
        first.sent === null ? '' : code(first.sent),
        ...profiles.map((profile) => escape(cell(row.byProfile[profile.version].outcome))),
        escape(magentoCell(row, profiles)),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The cells where the sandbox answers differently from Magento, one line each. */
export function listDifferences(rows, profiles) {
  const lines = [];
  for (const row of rows) {
    for (const profile of profiles) {
      const result = row.byProfile[profile.version];
      if (matchesMagento(result)) continue;
      lines.push(
        `- ${row.client}, ${row.call.label}, ${profile.version}: the sandbox answers ${cell(result.outcome)}, Magento ${cell(result.magento)} (${result.magento.basis || 'success'}).`,
      );
    }
  }
  return lines;
}
