/**
 * Shared fixtures of the token-service specs (not a suite: Jest runs `*.spec.ts` only, and `*.test.ts`
 * stays out of the app build). A sandbox on an injected clock, HTTP helpers, and accounts created
 * through the repositories so the specs do not depend on the seed.
 */
import { DataSource } from 'typeorm';
import { hashPassword } from '../common/password';
import { CustomerEntity } from '../db/customer.entity';
import { AdminUserEntity } from '../db/user-account.entity';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../testing';

/** 2024-01-15T12:00:10Z: 10 s into a TOTP step, so one step back and forth is unambiguous. */
export const T0 = Date.UTC(2024, 0, 15, 12, 0, 10);

export const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms: number = T0) {}
  now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface TokenSandbox {
  sandbox: RunningSandbox;
  clock: ManualClock;
}

/** A sandbox with no seed data (the admin user is always created) on a manual clock. */
export async function startTokenSandbox(options: Partial<SandboxOptions> = {}): Promise<TokenSandbox> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ seed: false, clock, ...options });
  return { sandbox, clock };
}

export interface JsonAnswer {
  status: number;
  /** The raw body text. */
  text: string;
  body: unknown;
}

/** POSTs a JSON body (a string is sent as is) to `rest/<path>`. */
export async function postRest(
  sandbox: RunningSandbox,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<JsonAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer !== undefined) headers['authorization'] = `Bearer ${bearer}`;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return readAnswer(await fetch(new URL(`rest/${path}`, sandbox.baseUrl), { method: 'POST', headers, body: payload }));
}

/** GETs `rest/<path>` with an optional `Authorization` header value. */
export async function getRest(sandbox: RunningSandbox, path: string, authorization?: string): Promise<JsonAnswer> {
  return readAnswer(
    await fetch(new URL(`rest/${path}`, sandbox.baseUrl), {
      headers: authorization === undefined ? {} : { authorization },
    }),
  );
}

async function readAnswer(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  return { status: response.status, text, body: text === '' ? undefined : JSON.parse(text) };
}

/** Status and parsed body, for exact comparisons. */
export function statusAndBody(answer: JsonAnswer): { status: number; body: unknown } {
  return { status: answer.status, body: answer.body };
}

/** A token from a 200 answer (fails the test with the body otherwise). */
export function tokenOf(answer: JsonAnswer): string {
  if (answer.status !== 200 || typeof answer.body !== 'string')
    throw new Error(`expected a token, got HTTP ${answer.status} ${answer.text}`);
  return answer.body;
}

/** The header and claims of a compact JWS, decoded without verification. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  headerJson: string;
  claims: Record<string, unknown>;
} {
  const [header, claims] = token.split('.').map((part) => Buffer.from(part, 'base64url').toString('utf8'));
  return { header: JSON.parse(header), headerJson: header, claims: JSON.parse(claims) };
}

export interface CustomerInput {
  email: string;
  websiteId?: number;
  password?: string;
  /** A pending confirmation key (e-mail not confirmed). */
  confirmation?: string;
}

export async function createCustomer(sandbox: RunningSandbox, input: CustomerInput): Promise<CustomerEntity> {
  const repo = sandbox.app.get(DataSource).getRepository(CustomerEntity);
  const websiteId = input.websiteId ?? 1;
  const data: Record<string, unknown> = {
    email: input.email,
    firstname: 'Test',
    lastname: 'Customer',
    website_id: websiteId,
    store_id: websiteId,
    group_id: 1,
  };
  if (input.confirmation !== undefined) data['confirmation'] = input.confirmation;
  return repo.save(
    repo.create({
      email: input.email,
      websiteId,
      passwordHash: await hashPassword(input.password ?? 'Customer123!'),
      data,
    }),
  );
}

export interface AdminInput {
  username: string;
  password?: string;
  isActive?: boolean;
  tfaSecret?: string;
}

export async function createAdmin(sandbox: RunningSandbox, input: AdminInput): Promise<AdminUserEntity> {
  const repo = sandbox.app.get(DataSource).getRepository(AdminUserEntity);
  return repo.save(
    repo.create({
      username: input.username,
      passwordHash: await hashPassword(input.password ?? 'Admin123!'),
      email: `${input.username}@example.com`,
      firstname: 'Test',
      lastname: 'Admin',
      isActive: input.isActive ?? true,
      tfaSecret: input.tfaSecret ?? '',
    }),
  );
}
