// The requests node's http client sends and the statuses it receives, from node:diagnostics_channel:
// what the npm clients put on the wire, whatever their own API reports.
import diagnostics from 'node:diagnostics_channel';

/** Starts recording; `take()` returns and forgets what was sent since the last `take()`. */
export function recordWire() {
  let sent = [];
  const onStart = ({ request }) => {
    sent.push({
      request,
      method: request.method,
      url: `http://${request.getHeader('host')}${request.path}`,
      authorization: request.getHeader('authorization') ?? null,
      status: null,
    });
  };
  const onResponse = ({ request, response }) => {
    const entry = sent.find((item) => item.request === request);
    if (entry !== undefined) entry.status = response.statusCode;
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onResponse);
  return {
    take() {
      const taken = sent.map(({ request: _request, ...entry }) => entry);
      sent = [];
      return taken;
    },
    stop() {
      diagnostics.unsubscribe('http.client.request.start', onStart);
      diagnostics.unsubscribe('http.client.response.finish', onResponse);
    },
  };
}
