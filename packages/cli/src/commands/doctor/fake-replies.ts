import { MagentoClientError, parseRestError } from '@magekit/client';
import type { StoreReply } from './store-reply';

/** For tests: the reply to an answer with this status and body (JSON when an object, else raw text). */
export function fakeReply(
  status: number,
  body: unknown = '',
  options: { contentType?: string; date?: string; receivedAt?: number; durationMs?: number; location?: string } = {},
): StoreReply {
  const json = typeof body !== 'string';
  const text = json ? JSON.stringify(body) : (body as string);
  const error =
    status >= 200 && status < 300
      ? null
      : status >= 300 && status < 400
        ? new MagentoClientError(`redirect (HTTP ${status})`, 'HTTP_ERROR', { status })
        : parseRestError(status, text);
  return {
    status,
    error,
    contentType: options.contentType ?? (json ? 'application/json; charset=utf-8' : 'text/html; charset=UTF-8'),
    location: options.location ?? null,
    dateHeader: options.date ?? null,
    receivedAt: options.receivedAt ?? null,
    durationMs: options.durationMs ?? 12,
  };
}

/** For tests: no answer at all (refused connection, DNS, timeout). */
export function fakeNoAnswer(message = 'GET http://127.0.0.1:9/rest/V1/x failed: ECONNREFUSED'): StoreReply {
  return {
    status: null,
    error: new MagentoClientError(message, 'NETWORK'),
    contentType: null,
    location: null,
    dateHeader: null,
    receivedAt: null,
    durationMs: null,
  };
}

/** For tests: Magento's 401 "The consumer isn't authorized to access %resources." */
export function fakeRefusal(resources: string): StoreReply {
  return fakeReply(401, { message: "The consumer isn't authorized to access %resources.", parameters: { resources } });
}
