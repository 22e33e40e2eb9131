// python `requests-oauthlib` (Debian's python3-requests-oauthlib): `OAuth1(…, signature_method=…)`
// signs in the Authorization header, HMAC-SHA1 by default, HMAC-SHA256 when asked. Any URL through
// `requests.request`; searchCriteria as `params` (brackets percent-encoded by requests).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { restUrl } from '../calls.mjs';
import { PYTHON } from '../install-clients.mjs';

export const name = 'requests-oauthlib (python)';

const SCRIPT = fileURLToPath(new URL('./requests_oauthlib_calls.py', import.meta.url));

/** One python process makes all calls of a profile in order; `send` hands out its answers. */
export function createAdapter(_require, baseUrl, credentials) {
  let batch = null;
  return {
    name,
    notes: 'searchCriteria as `params`',
    /** Runs every call once, before the first `send`. */
    async prepare(calls) {
      const spec = { credentials, calls: calls.map((call) => toPython(baseUrl, call)) };
      const results = await runPython(JSON.stringify(spec));
      batch = new Map(results.map((result) => [result.id, result]));
    },
    async send(call) {
      const result = batch?.get(call.id);
      if (result === undefined) return { error: 'no answer from the python script' };
      return result;
    },
  };
}

function toPython(baseUrl, call) {
  const params =
    call.searchCriteria === null
      ? null
      : Object.fromEntries(
          Object.entries(call.searchCriteria).map(([key, value]) => [`searchCriteria[${key}]`, value]),
        );
  return {
    id: call.id,
    method: call.method,
    url: restUrl(baseUrl, call),
    params,
    json: call.body ?? null,
    signature_method: call.signatureMethod,
  };
}

function runPython(input) {
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [SCRIPT], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${SCRIPT} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin.end(input);
  });
}
