import { PROFILE_VERSIONS, type RequestExplanation } from '@magekit/oauth1';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The explanation as a human-readable report, with the notes on what each profile does surprisingly. */
export function formatExplanation(explanation: RequestExplanation, notes: readonly string[]): string {
  const lines = [`Request      ${explanation.method} ${explanation.requestUrl}`];
  for (const profile of explanation.profiles) {
    lines.push('', `Profile ${profile.profile}: ${PROFILE_VERSIONS[profile.profile]}`);
    if (profile.error) {
      lines.push(`  ${profile.error}`);
      continue;
    }
    lines.push(`  Base URI   ${profile.baseUri}`, '  Parameters (in signing order):');
    const nameWidth = Math.min(48, Math.max(4, ...profile.parameters.map((p) => p.name.length)));
    lines.push(`    ${pad('source', 7)} ${pad('name', nameWidth)}  value`);
    for (const p of profile.parameters)
      lines.push(`    ${pad(p.source, 7)} ${pad(p.name, nameWidth)}  ${JSON.stringify(p.value)}`);
    lines.push('  Base string:', `    ${profile.baseString}`);
  }
  lines.push(
    '',
    explanation.profilesAgree
      ? 'Both profiles compute the same base string.'
      : "The profiles compute DIFFERENT base strings: sign with the profile of the store's Magento version.",
  );
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((note) => `  - ${note}`));
  return lines.join('\n') + '\n';
}
