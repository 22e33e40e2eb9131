import { classifySaasClockSkew } from './check-saas-clock-skew';

describe('classifySaasClockSkew', () => {
  it('passes within 60 s, naming the answer it read', () => {
    const result = classifySaasClockSkew(-800, 'authenticated call');
    expect(result.status).toBe('pass');
    expect(result.finding).toBe(
      "the tenant's clock agrees with this machine's (within 1 s by the Date header of the authenticated call)",
    );
    expect(classifySaasClockSkew(42_000, 'x').finding).toContain('+42 s');
  });

  it('only warns beyond 60 s, either way and however far: nothing on SaaS is signed with a timestamp', () => {
    for (const skewMs of [61_000, -61_000, 900_000, -900_000, -86_400_000]) {
      const result = classifySaasClockSkew(skewMs, "gateway's 401");
      expect(result.status).toBe('warn');
      expect(result.details['skewSeconds']).toBe(Math.round(skewMs / 1000));
      expect(result.hint).toContain('NTP');
    }
    expect(classifySaasClockSkew(-900_000, 'x').finding).toContain('900 s behind');
    expect(classifySaasClockSkew(900_000, 'x').finding).toContain('900 s ahead of');
  });

  it('is skipped without a Date header', () => {
    expect(classifySaasClockSkew(null, "gateway's 401")).toMatchObject({
      status: 'skipped',
      finding: "not checked: the gateway's 401 had no Date header",
    });
  });
});
