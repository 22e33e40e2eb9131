import { verifyRequest } from './verify';
import { createVectorStore, readFixture, type VerifyVector } from './testing/vectors';

const vectors = readFixture<VerifyVector[]>('verify.json');

describe('verifyRequest on the Magento verdicts (shared/vectors/oauth/verify.json)', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s', async (_id, vector) => {
    const store = createVectorStore(vector.state, vector.now);
    const result = await verifyRequest(vector, store, { clock: () => vector.now * 1000 });
    const { expected } = vector;
    expect(result.valid).toBe(expected.valid);
    expect(result.httpStatus).toBe(expected.httpStatus);
    expect(result.error).toBe(expected.error);
    if (expected.exception) expect(result.exception).toBe(expected.exception);
    if (vector.kind !== 'api') expect(result.responseBody).toBe(expected.responseBody);
    if (expected.treatedAsGuest) expect(result.treatedAsGuest).toBe(true);
    if (expected.restError && !JSON.stringify(expected.restError).includes('<resources of the route>')) {
      expect(result.restError).toEqual(expected.restError);
    }
    if (!expected.valid) expect(result.code).toMatch(/^MAGENTO_/);
  });
});
