import type { VerifyVector } from '@magekit/oauth1/testing';
import { CliError } from '../../cli-error';
import { expectObject, optionalString, requireString } from '../../json-input';

type State = VerifyVector['state'];
type VectorConsumer = State['consumer'];

function readConsumer(value: unknown, where: string): VectorConsumer {
  const obj = expectObject(value, where);
  const id = obj.id;
  const offset = obj.updatedAtOffsetSeconds ?? 0;
  if (typeof id !== 'number') throw new CliError(`${where}: "id" must be a number.`, 'INVALID_INPUT');
  if (typeof offset !== 'number')
    throw new CliError(`${where}: "updatedAtOffsetSeconds" must be a number.`, 'INVALID_INPUT');
  return {
    id,
    key: requireString(obj, 'key', where),
    secret: requireString(obj, 'secret', where),
    updatedAtOffsetSeconds: offset,
  };
}

function readToken(value: unknown, where: string): State['token'] {
  if (value === null || value === undefined) return null;
  const obj = expectObject(value, where);
  const type = requireString(obj, 'type', where);
  if (!['verifier', 'request', 'access'].includes(type)) {
    throw new CliError(`${where}: "type" must be verifier, request or access, got "${type}".`, 'INVALID_INPUT');
  }
  if (obj.revoked !== undefined && typeof obj.revoked !== 'boolean')
    throw new CliError(`${where}: "revoked" must be a boolean.`, 'INVALID_INPUT');
  return {
    token: requireString(obj, 'token', where),
    secret: requireString(obj, 'secret', where),
    type: type as 'verifier' | 'request' | 'access',
    revoked: obj.revoked === true,
    consumerKey: optionalString(obj, 'consumerKey', where),
  };
}

function readStringArray(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new CliError(`${where}: must be an array of strings.`, 'INVALID_INPUT');
  }
  return value as string[];
}

/** The `state` of a verify case: the store's consumer, token row, verifier and used nonces. */
export function readVerifyState(value: unknown, where: string): State {
  const obj = expectObject(value, `${where}: "state"`);
  const others = obj.otherConsumers;
  if (others !== undefined && !Array.isArray(others))
    throw new CliError(`${where}: "state.otherConsumers" must be an array.`, 'INVALID_INPUT');
  return {
    consumer: readConsumer(obj.consumer, `${where}: "state.consumer"`),
    token: readToken(obj.token, `${where}: "state.token"`),
    verifier: optionalString(obj, 'verifier', `${where}: "state"`) ?? null,
    usedNonces: readStringArray(obj.usedNonces, `${where}: "state.usedNonces"`),
    otherConsumers: (others ?? []).map((c, i) => readConsumer(c, `${where}: "state.otherConsumers[${i}]"`)),
  };
}
