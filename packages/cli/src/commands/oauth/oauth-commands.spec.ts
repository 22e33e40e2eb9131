import { readFixture, type SignVector, type VerifyVector } from '@magekit/oauth1/testing';
import { runBin, runInProcess } from '../../testing/fake-io';

const signVectors = readFixture<SignVector[]>('sign.json');
const verifyVectors = readFixture<VerifyVector[]>('verify.json');

describe('magekit sign (vectors through the built bin)', () => {
  it('signs every vector of sign.json, array in → array out, in order', () => {
    const { code, stdout, stderr } = runBin(['sign'], JSON.stringify(signVectors));
    expect(stderr.replace(/warning: .*\n/g, '')).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Array<{
      baseString: string;
      signature: string;
      signingKey: string;
      authorization: string;
    }>;
    expect(out).toHaveLength(signVectors.length);
    out.forEach((result, i) => {
      const v = signVectors[i];
      expect([v.id, result.baseString]).toEqual([v.id, v.expected.baseString]);
      expect([v.id, result.signingKey]).toEqual([v.id, v.expected.signingKey]);
      expect([v.id, result.signature]).toEqual([v.id, v.expected.signature]);
      expect(result.authorization).toMatch(/^OAuth oauth_/);
      expect(result.authorization).toContain(`oauth_consumer_key="${v.consumerKey}"`);
      expect(decodeURIComponent(/oauth_signature="([^"]+)"/.exec(result.authorization)?.[1] ?? '')).toBe(
        v.expected.signature,
      );
    });
  });
});

describe('magekit verify (vectors through the built bin)', () => {
  it("gives Magento's verdict for every vector of verify.json", () => {
    const { code, stdout } = runBin(['verify'], JSON.stringify(verifyVectors));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Array<{
      valid: boolean;
      httpStatus: number;
      error: string | null;
      responseBody: string | null;
    }>;
    expect(out).toHaveLength(verifyVectors.length);
    out.forEach((result, i) => {
      const { id, kind, expected } = verifyVectors[i];
      expect([id, result.valid, result.httpStatus, result.error]).toEqual([
        id,
        expected.valid,
        expected.httpStatus,
        expected.error,
      ]);
      if (kind === 'api') return;
      if (expected.responseBodyPattern) expect(result.responseBody).toMatch(new RegExp(expected.responseBodyPattern));
      else expect([id, result.responseBody]).toEqual([id, expected.responseBody]);
    });
  });
});

describe('magekit sign / verify in-process', () => {
  it('an object in gives an object out', async () => {
    const v = signVectors[0];
    const { code, stdout } = await runInProcess(['sign'], JSON.stringify(v));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ signature: v.expected.signature, baseString: v.expected.baseString });
  });

  it.each([
    ['sign', '', /No input/, 'EMPTY_INPUT'],
    ['sign', '{"method":', /Malformed JSON/, 'INVALID_JSON'],
    ['sign', '{"method":"GET"}', /"url" is missing/, 'MISSING_FIELD'],
    [
      'sign',
      '[{"method":"GET","url":"https://a.test/","consumerKey":"k","consumerSecret":"s"}, 5]',
      /element 1: expected a JSON object/,
      'INVALID_INPUT',
    ],
    [
      'sign',
      '{"method":"GET","url":"a.test/x","consumerKey":"k","consumerSecret":"s"}',
      /absolute http\(s\) URL/,
      'INVALID_URL',
    ],
    [
      'sign',
      '{"method":"GET","url":"https://a.test/","consumerKey":"k","consumerSecret":"s","profile":"2.4.6"}',
      /"profile" must be/,
      'INVALID_INPUT',
    ],
    ['verify', '{"kind":"api","method":"GET","url":"https://a.test/"}', /"now"/, 'MISSING_FIELD'],
    [
      'verify',
      '{"kind":"nope","method":"GET","url":"https://a.test/","now":1,"state":{}}',
      /"kind" must be/,
      'INVALID_INPUT',
    ],
  ])('%s with %j exits 2 with a clear message and no stdout', async (command, stdin, message, code) => {
    const result = await runInProcess([command], stdin);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(`[${code}]`);
  });

  it('bad input through the real bin: exit 2, nothing on stdout', () => {
    const result = runBin(['sign'], 'not json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Malformed JSON/);
  });
});

describe('magekit curl', () => {
  const env = { MAGEKIT_CONSUMER_KEY: 'k'.repeat(32), MAGEKIT_CONSUMER_SECRET: 's'.repeat(32) };

  it('prints a signed curl for the access-token step with the verifier', async () => {
    const { code, stdout, stderr } = await runInProcess(
      [
        'curl',
        'https://shop.example.com/oauth/token/access',
        '-X',
        'POST',
        '--token',
        't'.repeat(32),
        '--token-secret',
        'u'.repeat(32),
        '--verifier',
        'v'.repeat(32),
      ],
      '',
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^curl -sS --globoff -X POST https:\/\/shop\.example\.com\/oauth\/token\/access -H 'Authorization: OAuth /,
    );
    expect(stdout).toContain(`oauth_verifier="${'v'.repeat(32)}"`);
    expect(stdout).toContain(`oauth_token="${'t'.repeat(32)}"`);
    expect(stdout).not.toContain('s'.repeat(32));
    expect(stderr).toMatch(/run it once/);
  });

  it('quotes URLs with brackets and form bodies for the shell', async () => {
    const { stdout } = await runInProcess(
      ['curl', "https://s.test/rest/V1/products?searchCriteria[pageSize]=5&q=it's", '-d', 'a=1&b=2'],
      '',
      env,
    );
    expect(stdout).toContain(`'https://s.test/rest/V1/products?searchCriteria[pageSize]=5&q=it'\\''s'`);
    expect(stdout).toContain("--data-raw 'a=1&b=2'");
    expect(stdout).toContain("-H 'content-type: application/x-www-form-urlencoded'");
  });

  it('refuses to run without consumer credentials', async () => {
    const { code, stdout, stderr } = await runInProcess(['curl', 'https://s.test/oauth/token/request']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/MAGEKIT_CONSUMER_KEY/);
  });
});

describe('magekit explain and diff', () => {
  it('explains a request given on the command line', async () => {
    const { code, stdout } = await runInProcess([
      'explain',
      'https://shop.example.com/rest/V1/products/MH01%2F8?flag',
      '--consumer-key',
      'k'.repeat(32),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Profile latest/);
    expect(stdout).toMatch(/Profile laminas/);
    expect(stdout).toMatch(/DIFFERENT base strings/);
    expect(stdout).toMatch(/%2F, %2B or %26/);
  });

  it('explains a received request from stdin as JSON', async () => {
    const v = signVectors.find((s) => s.id === 'sign-pub-051-val-natural-trap-latest');
    const { code, stdout } = await runInProcess(
      ['explain', '--format', 'json'],
      JSON.stringify({ ...v, headers: { authorization: v?.authorizationHeader } }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).profiles[0].baseString).toBe(v?.expected.baseString);
  });

  it('diffs two base strings', async () => {
    const latest = signVectors.find((s) => s.id === 'sign-pub-051-val-natural-trap-latest')?.expected.baseString ?? '';
    const laminas =
      signVectors.find((s) => s.id === 'sign-pub-051-val-natural-trap-laminas')?.expected.baseString ?? '';
    const { stdout } = await runInProcess(['diff', latest, laminas]);
    expect(JSON.parse(stdout)).toMatchObject({ identical: false, cause: 'natural vs byte sort' });
  });
});
