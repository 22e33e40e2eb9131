// A client's answer in a few words: `200 ok`, `202 bulk_uuid`, `401 The signature is invalid`.
import { field } from './calls.mjs';

/** Magento's REST error `message` with its `parameters` put in (`%1`, `%name`), as Phrase renders it. */
export function renderMessage(message, parameters) {
  if (typeof message !== 'string') return null;
  if (Array.isArray(parameters)) return message.replace(/%(\d+)/g, (all, n) => String(parameters[n - 1] ?? all));
  if (parameters !== null && typeof parameters === 'object') {
    return message.replace(/%([a-zA-Z_]+)/g, (all, key) => String(parameters[key] ?? all));
  }
  return message;
}

/** The first sentence, without its full stop. */
function firstSentence(text) {
  return text.split(/\.(?:\s|$)/)[0].trim();
}

/**
 * @param call the call made
 * @param result what the adapter reported: `{na}`, or `{status?, body?, message?, error?}`
 * @param status the status seen on the wire (when the client does not report one)
 * @returns {{status: number|null, text: string}}
 */
export function describeOutcome(call, result, status) {
  if (result.na) return { status: null, text: result.na };
  if (status === null) return { status: null, text: `error: ${result.error ?? 'no answer'}` };
  if (status >= 200 && status < 300) {
    if (!call.check(result.body))
      return { status, text: `unexpected body: ${JSON.stringify(result.body).slice(0, 80)}` };
    return { status, text: status === 202 ? 'bulk_uuid' : 'ok' };
  }
  const message =
    renderMessage(field(result.body, 'message'), field(result.body, 'parameters')) ?? result.message ?? result.error;
  if (typeof message === 'string' && message !== '') return { status, text: firstSentence(message) };
  return { status, text: typeof result.body === 'string' ? result.body.slice(0, 60) : 'no message' };
}
