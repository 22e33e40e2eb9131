import { MagentoException } from '../common/magento-exception';
import type { RawRequest } from '../common/http-request';
import { readContentType } from './content-type';
import { deserializeXmlBody } from './xml/xml-body';

/** `DeserializerFactory`'s list (`app/etc/di.xml`): media type → deserializer, compared with `==` (case-sensitive). */
const DESERIALIZERS: Record<string, (body: string) => unknown> = {
  'application/json': deserializeJsonBody,
  'application/xml': deserializeXmlBody,
  'application/xhtml+xml': deserializeXmlBody,
  'text/xml': deserializeXmlBody,
};

/**
 * The body parameters of a REST call as `Webapi\Rest\Request::getRequestData()` reads them: only POST
 * and PUT have them; an empty body (or PHP-falsy `"0"`) is `{}`; otherwise `getContentType()` checks
 * the header ({@link readContentType}), `DeserializerFactory::get()` picks JSON or XML (else 400
 * `Server cannot understand Content-Type HTTP header media type %1`), and the result is PHP's
 * `(array)` cast: `null` → `{}`, a scalar → `{0: value}`, a list → `{0: …, 1: …}`.
 * docs/magento-behaviour.md §12.2.
 * @throws MagentoException 400 for a bad Content-Type or an undecodable body (`Decoding error.`)
 */
export function readRestBody(req: RawRequest): Record<string, unknown> {
  if (req.method !== 'POST' && req.method !== 'PUT') return {};
  const bytes = req.rawBody;
  if (bytes === undefined || bytes.length === 0 || (bytes.length === 1 && bytes[0] === 0x30)) return {};
  const mediaType = readContentType(req.headers['content-type']);
  const deserialize = Object.hasOwn(DESERIALIZERS, mediaType) ? DESERIALIZERS[mediaType] : undefined;
  if (deserialize === undefined)
    throw new MagentoException(400, 'Server cannot understand Content-Type HTTP header media type %1', [mediaType]);
  return castToArray(deserialize(decodeUtf8(bytes)));
}

/** `Deserializer\Json`: `json_decode`; anything it refuses is `Decoding error.` (production mode). */
function deserializeJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new MagentoException(400, 'Decoding error.');
  }
}

/** Both decoders refuse bytes that are not UTF-8 (`json_decode`'s `JSON_ERROR_UTF8`, libxml's encoding error). */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new MagentoException(400, 'Decoding error.');
  }
}

/** PHP `(array)` of a decoded body. */
function castToArray(decoded: unknown): Record<string, unknown> {
  if (decoded === null || decoded === undefined) return {};
  if (Array.isArray(decoded)) return { ...decoded };
  if (typeof decoded === 'object') return decoded as Record<string, unknown>;
  return { 0: decoded };
}
