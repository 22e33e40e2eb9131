import { buildStoreListSql, type SqlDialect } from './store-list-sql';

const SQLITE: SqlDialect = { createParameter: () => '?', escape: (name) => `"${name}"` };
const POSTGRES: SqlDialect = { createParameter: (_name, index) => `$${index + 1}`, escape: (name) => `"${name}"` };

describe('buildStoreListSql', () => {
  it('pages newest first with the vendor account joined, and counts with the same filter', () => {
    const { page, count } = buildStoreListSql({ status: null, search: null, page: 3, pageSize: 20 }, SQLITE);
    expect(page.sql).toMatch(
      /^SELECT s\.id AS "id", .* FROM magekit_stores s LEFT JOIN magekit_vendor_accounts a ON a\.id = s\.vendor_account_id ORDER BY s\.created_at DESC, s\.id DESC LIMIT \? OFFSET \?$/,
    );
    expect(page.parameters).toEqual([20, 40]);
    expect(count).toEqual({ sql: 'SELECT COUNT(*) AS "count" FROM magekit_stores s', parameters: [] });
  });

  it('reads no ciphertext, only whether the credential is there', () => {
    const { page } = buildStoreListSql({ status: null, search: null, page: 1, pageSize: 20 }, SQLITE);
    const selected = page.sql.slice(0, page.sql.indexOf(' FROM '));
    const outsideFlag = selected.replace(/CASE WHEN .* END AS "hasCredential"/, '');
    expect(outsideFlag).not.toMatch(/_enc|password_hash|probe_lease|handshake|created_from_address/);
    expect(selected).toContain(
      `CASE WHEN (s.auth_kind = 'ims' AND LENGTH(s.ims_client_secret_enc) > 0 AND LENGTH(s.ims_client_id) > 0) OR (s.auth_kind <> 'ims' AND LENGTH(s.access_token_enc) > 0 AND LENGTH(s.access_token_secret_enc) > 0 AND LENGTH(s.consumer_key) > 0 AND LENGTH(s.consumer_secret_enc) > 0) THEN 1 ELSE 0 END AS "hasCredential"`,
    );
  });

  it('filters by status and searches four columns with an escaped pattern, numbering PostgreSQL parameters', () => {
    const { page, count } = buildStoreListSql({ status: 'active', search: '50%', page: 1, pageSize: 10 }, POSTGRES);
    const where =
      " WHERE s.status = $1 AND (LOWER(s.store_base_url) LIKE $2 ESCAPE '!' OR LOWER(s.consumer_key) LIKE $3 ESCAPE '!' OR LOWER(s.ims_client_id) LIKE $4 ESCAPE '!' OR LOWER(s.tenant) LIKE $5 ESCAPE '!')";
    expect(page.sql).toContain(`${where} ORDER BY s.created_at DESC, s.id DESC LIMIT $6 OFFSET $7`);
    expect(page.parameters).toEqual(['active', '%50!%%', '%50!%%', '%50!%%', '%50!%%', 10, 0]);
    expect(count.sql).toBe(`SELECT COUNT(*) AS "count" FROM magekit_stores s${where}`);
    expect(count.parameters).toEqual(page.parameters.slice(0, 5));
  });

  it('never counts with a window function (it would read every match past the LIMIT)', () => {
    const { page } = buildStoreListSql({ status: 'failed', search: 'x', page: 1, pageSize: 20 }, SQLITE);
    expect(page.sql).not.toMatch(/OVER\s*\(/i);
  });
});
