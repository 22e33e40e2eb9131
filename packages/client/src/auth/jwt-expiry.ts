/**
 * The `exp` claim (Unix seconds → ms) of a JWS token such as Magento 2.4.4+ issues for admins
 * and customers (`Magento\JwtUserToken\Model\Issuer`, docs/magento-behaviour.md §3.4), or null for opaque tokens. The signature is not checked: this
 * only schedules a refresh. Pure.
 */
export function readJwtExpiry(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const exp = (payload as { exp?: unknown })?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
