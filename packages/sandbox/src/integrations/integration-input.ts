import { BadRequestException } from '@nestjs/common';
import type { MagentoModel } from '@magekit/acl';

/** What the admin API accepts to create an integration. */
export interface IntegrationInput {
  name: string;
  email: string | null;
  endpointUrl: string | null;
  identityLinkUrl: string | null;
  /** `'all'` ("All resources") or the ticked ACL resource ids. */
  resources: string[] | 'all';
}

/**
 * Reads `{name, email?, endpoint_url|endpointUrl?, identity_link_url|identityLinkUrl?, resources: "all" | string[]}`;
 * every problem named in one 400. Resource ids must exist in the store's ACL tree.
 */
export function readIntegrationInput(body: unknown, model: MagentoModel): IntegrationInput {
  const input = (body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const name = input['name'];
  if (typeof name !== 'string' || name.trim() === '') problems.push('"name" is required');
  const email = readOptional(input, ['email'], problems);
  if (email !== null && !/^[^@\s]+@[^@\s]+$/.test(email)) problems.push('"email" is not a valid e-mail address');
  const endpointUrl = readUrl(input, ['endpoint_url', 'endpointUrl', 'endpoint'], problems);
  const identityLinkUrl = readUrl(input, ['identity_link_url', 'identityLinkUrl'], problems);
  const resources = readResources(input['resources'], model, problems);
  if (problems.length > 0) throw new BadRequestException(`Invalid integration: ${problems.join('; ')}.`);
  return { name: (name as string).trim(), email, endpointUrl, identityLinkUrl, resources };
}

function readOptional(input: Record<string, unknown>, names: string[], problems: string[]): string | null {
  const name = names.find(
    (candidate) => input[candidate] !== undefined && input[candidate] !== null && input[candidate] !== '',
  );
  if (name === undefined) return null;
  const value = input[name];
  if (typeof value !== 'string') {
    problems.push(`"${name}" must be a string`);
    return null;
  }
  return value;
}

function readUrl(input: Record<string, unknown>, names: string[], problems: string[]): string | null {
  const value = readOptional(input, names, problems);
  if (value !== null && !/^https?:\/\/[^/\s]+/i.test(value)) problems.push(`"${names[0]}" must be an http(s) URL`);
  return value;
}

function readResources(value: unknown, model: MagentoModel, problems: string[]): string[] | 'all' {
  if (value === 'all') return 'all';
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    problems.push('"resources" must be "all" or an array of ACL resource ids');
    return [];
  }
  const unknown = value.filter((id) => !model.tree.nodes.has(id));
  if (unknown.length > 0) problems.push(`unknown ACL resource ids: ${unknown.join(', ')}`);
  return [...new Set(value as string[])];
}
