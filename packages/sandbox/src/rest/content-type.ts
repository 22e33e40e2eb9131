import { MagentoException } from '../common/magento-exception';

/**
 * `Magento\Framework\Webapi\Rest\Request::getContentType()`'s pattern, `~^([a-z\d/\-+.]+)(?:; *charset=(.+))?$~Ui`:
 * a media type, then optionally `;`, spaces and `charset=` (any case) up to the end. Any other
 * parameter, or space before the `;`, does not match. (`U` makes quantifiers lazy; anchored at both
 * ends it matches the same strings.)
 */
const CONTENT_TYPE = /^([a-z\d/\-+.]+?)(?:; *charset=(.+?))?\n?$/i;

/** `Request::REQUEST_CHARSET`, compared with `strtolower()` of the header's charset. */
const REQUEST_CHARSET = 'utf-8';

/**
 * The media type of a REST request body as `Request::getContentType()` reads it, checking in its
 * order: no header → 400 `Content-Type header is empty.`; a header the pattern does not match → 400
 * `Content-Type header is invalid.`; a charset other than `utf-8` (any case, no quotes) → 400 `UTF-8
 * is the only supported charset.`. The media type is returned as sent (the deserializer lookup is
 * case-sensitive). docs/magento-behaviour.md §12.2.
 * @throws MagentoException 400 (`InputException`)
 */
export function readContentType(header: string | undefined): string {
  // `if (!$headerValue)`: PHP's falsy strings are '' and '0'.
  if (header === undefined || header === '' || header === '0')
    throw new MagentoException(400, 'Content-Type header is empty.');
  const match = CONTENT_TYPE.exec(header);
  if (match === null) throw new MagentoException(400, 'Content-Type header is invalid.');
  const charset = match[2];
  if (charset !== undefined && charset.toLowerCase() !== REQUEST_CHARSET)
    throw new MagentoException(400, 'UTF-8 is the only supported charset.');
  return match[1];
}
