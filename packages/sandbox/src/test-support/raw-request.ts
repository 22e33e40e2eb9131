import { request } from 'node:http';

/** A response as received. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request byte for byte (request URI, `Host` header and body as given), which `fetch` cannot:
 * it normalises the URL and refuses to set `Host`.
 */
export function sendRaw(
  port: number,
  method: string,
  requestUri: string,
  headers: Record<string, string>,
  body: string | null,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: requestUri, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** `https://host:port/path?q` → scheme, authority and request URI, without any normalisation. */
export function splitRawUrl(url: string): { scheme: string; authority: string; requestUri: string } {
  const match = /^([a-z]+):\/\/([^/?#]+)(.*)$/i.exec(url);
  if (match === null) throw new Error(`Not an absolute URL: ${url}`);
  return { scheme: match[1].toLowerCase(), authority: match[2], requestUri: match[3] === '' ? '/' : match[3] };
}
