import { MagentoException } from '../common/magento-exception';
import { readRawBody, type RawRequest } from '../common/http-request';

/**
 * The JSON input of a REST call as Magento's REST request reads it
 * (`Webapi\Rest\Request::getBodyParams()` and the JSON deserializer): no body is `{}`; a body needs a
 * JSON content type; undecodable JSON is `Decoding error.` (400).
 */
export function readJsonBody(req: RawRequest): Record<string, unknown> {
  const raw = readRawBody(req);
  if (raw === null || raw.trim() === '' || req.method === 'GET' || req.method === 'DELETE') return {};
  const contentType = req.headers['content-type'];
  if (contentType === undefined || contentType === '') throw new MagentoException(400, 'Content-Type header is empty.');
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json')
    throw new MagentoException(400, 'Server cannot understand Content-Type HTTP header media type %1', [mediaType]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw);
  } catch {
    throw new MagentoException(400, 'Decoding error.');
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded))
    return { 0: decoded } as Record<string, unknown>;
  return decoded as Record<string, unknown>;
}
