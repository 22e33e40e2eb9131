import { readFixture, type SignVector } from '@magekit/oauth1/testing';
import { diffBaseStrings } from './diff-base-strings';

const vectors = readFixture<SignVector[]>('sign.json');
const pair = (slug: string) => {
  const latest = vectors.find((v) => v.id === `sign-pub-${slug}-latest`);
  const laminas = vectors.find((v) => v.id === `sign-pub-${slug}-laminas`);
  if (!latest || !laminas) throw new Error(`missing ${slug}`);
  return [latest.expected.baseString, laminas.expected.baseString] as const;
};

describe('diffBaseStrings on the profile-divergent vectors', () => {
  it.each([
    ['051-val-natural-trap', 'natural vs byte sort', 'parameters'],
    ['053-path-sku-slash', 'path encoding differs', 'uri'],
    ['045-val-plus-space', '`+` as plus vs space', 'parameters'],
    ['064-net-host-443', 'host port differs', 'uri'],
    ['067-net-upper-host', 'host case differs', 'uri'],
    ['075-q-flag-no-value', 'parameter set differs', 'parameters'],
  ])('%s → %s', (slug, cause, part) => {
    const [latest, laminas] = pair(slug);
    const diff = diffBaseStrings(latest, laminas);
    expect(diff.identical).toBe(false);
    expect(diff.part).toBe(part);
    expect(diff.cause).toBe(cause);
    expect(diff.explanation).toBeTruthy();
    expect(latest.slice(0, diff.offset ?? 0)).toBe(laminas.slice(0, diff.offset ?? 0));
  });

  it('reports identical strings', () => {
    const [a] = pair('051-val-natural-trap');
    expect(diffBaseStrings(a, a)).toMatchObject({ identical: true, part: null });
  });

  it("names the causes of oauth-1.0a's mistakes on raw URLs", () => {
    const expected = (id: string) => vectors.find((v) => v.id === id)?.expected.baseString ?? '';
    const doubled = expected('sign-pub-029-sc-encoded-latest');
    expect(diffBaseStrings(doubled.replace('%255B', '%25255B'), doubled).cause).toBe('`%5B` double-encoded');
    const cut = expected('sign-pub-076-q-raw-equals-latest');
    expect(diffBaseStrings(cut.replace('ks60ai327yun%253D%253D', 'ks60ai327yun'), cut).cause).toBe('value cut at `=`');
    const json = expected('sign-pub-023-api-put-json-latest');
    expect(diffBaseStrings(json + '%26%257B%2522a%2522%253A1%257D%3D', json).cause).toBe('JSON body signed');
  });

  it('names method, scheme and nonce differences', () => {
    expect(diffBaseStrings('GET&https%3A%2F%2Fa%2Fx&a%3D1', 'POST&https%3A%2F%2Fa%2Fx&a%3D1').cause).toBe(
      'method differs',
    );
    expect(diffBaseStrings('GET&http%3A%2F%2Fa%2Fx&a%3D1', 'GET&https%3A%2F%2Fa%2Fx&a%3D1').cause).toBe(
      'scheme differs',
    );
    expect(
      diffBaseStrings('GET&https%3A%2F%2Fa%2Fx&oauth_nonce%3D1', 'GET&https%3A%2F%2Fa%2Fx&oauth_nonce%3D2').cause,
    ).toBe('different nonce or timestamp');
  });
});
