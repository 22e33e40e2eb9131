import { BadRequestException } from '@nestjs/common';
import type { MagentoModel } from '@magekit/acl';
import { checkTokenLifetime } from './saas-options';

/** What the admin API accepts to create an IMS credential (every field optional). */
export interface ImsCredentialInput {
  name?: string;
  clientId?: string;
  clientSecret?: string;
  orgId?: string;
  /** Scopes the credential may request; default Adobe's list for Commerce. */
  scopes?: string[];
  /** `'all'` (the default) or ACL resource ids. */
  resources?: 'all' | string[];
  /** `expires_in` of its tokens; null for the sandbox's. */
  tokenLifetimeSeconds?: number | null;
}

/** What may change on an existing credential. */
export type ImsCredentialPatch = Pick<
  ImsCredentialInput,
  'name' | 'orgId' | 'scopes' | 'resources' | 'tokenLifetimeSeconds'
>;

const TEXT = /^[\x21-\x7e]{1,255}$/;
const SCOPE = /^[\x21-\x2b\x2d-\x7e]{1,255}$/;
const CREATE_FIELDS = ['name', 'clientId', 'clientSecret', 'orgId', 'scopes', 'resources', 'tokenLifetimeSeconds'];
const PATCH_FIELDS = ['name', 'orgId', 'scopes', 'resources', 'tokenLifetimeSeconds'];

/**
 * Reads `{name?, clientId?, clientSecret?, orgId?, scopes?, resources?, tokenLifetimeSeconds?}`;
 * every problem named in one 400. Resource ids must exist in the store's ACL tree.
 */
export function readImsCredentialInput(body: unknown, model: MagentoModel): ImsCredentialInput {
  return readFields(body, model, CREATE_FIELDS, 'IMS credential');
}

/** Reads a change of `{name?, orgId?, scopes?, resources?, tokenLifetimeSeconds?}` (a 400 names every problem). */
export function readImsCredentialPatch(body: unknown, model: MagentoModel): ImsCredentialPatch {
  return readFields(body, model, PATCH_FIELDS, 'IMS credential change');
}

function readFields(body: unknown, model: MagentoModel, allowed: string[], what: string): ImsCredentialInput {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems = Object.keys(input)
    .filter((key) => !allowed.includes(key))
    .map((key) => `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  const out: ImsCredentialInput = {};
  if (input['name'] !== undefined) {
    if (typeof input['name'] !== 'string' || input['name'].trim() === '' || input['name'].length > 255)
      problems.push('"name" must be a non-empty string');
    else out.name = input['name'].trim();
  }
  for (const key of ['clientId', 'clientSecret', 'orgId'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !TEXT.test(value))
      problems.push(`"${key}" must be 1 to 255 printable characters without spaces`);
    else out[key] = value;
  }
  if (input['scopes'] !== undefined) out.scopes = readScopes(input['scopes'], problems);
  if (input['resources'] !== undefined) out.resources = readResources(input['resources'], model, problems);
  const lifetime = input['tokenLifetimeSeconds'];
  if (lifetime === null) out.tokenLifetimeSeconds = null;
  else if (lifetime !== undefined) {
    const lifetimeProblems = checkTokenLifetime(lifetime, '"tokenLifetimeSeconds"');
    problems.push(...lifetimeProblems);
    if (lifetimeProblems.length === 0) out.tokenLifetimeSeconds = lifetime as number;
  }
  if (problems.length > 0) throw new BadRequestException(`Invalid ${what}: ${problems.join('; ')}.`);
  return out;
}

function readScopes(value: unknown, problems: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((s) => typeof s !== 'string' || !SCOPE.test(s))) {
    problems.push('"scopes" must be a non-empty array of scope names (no commas or spaces)');
    return [];
  }
  return [...new Set(value as string[])];
}

function readResources(value: unknown, model: MagentoModel, problems: string[]): 'all' | string[] {
  if (value === 'all') return 'all';
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    problems.push('"resources" must be "all" or an array of ACL resource ids');
    return [];
  }
  const unknown = value.filter((id) => !model.tree.nodes.has(id));
  if (unknown.length > 0) problems.push(`unknown ACL resource ids: ${unknown.join(', ')}`);
  return [...new Set(value as string[])];
}
