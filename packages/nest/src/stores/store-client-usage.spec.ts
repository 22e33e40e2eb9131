import { createConcurrencyLimiter } from '@magekit/client';
import { createManualClock } from '@magekit/client/testing';
import { trackUsage } from './store-client-usage';

describe('trackUsage', () => {
  it('notes when a call asks for a slot and when it gives it back, and shows the limiter it wraps', async () => {
    const clock = createManualClock(1000);
    const inner = createConcurrencyLimiter(1);
    const limiter = trackUsage(inner, clock);
    expect(limiter.lastUsedAt).toBe(1000);
    expect(limiter.max).toBe(1);
    clock.advance(500);
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const first = limiter.run(() => held);
    const second = limiter.run(async () => 'second');
    expect(limiter.lastUsedAt).toBe(1500);
    expect([limiter.active, limiter.waiting]).toEqual([1, 1]);
    clock.advance(700);
    finish();
    await first;
    expect(limiter.lastUsedAt).toBe(2200);
    await expect(second).resolves.toBe('second');
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
    clock.advance(100);
    limiter.touch();
    expect(limiter.lastUsedAt).toBe(2300);
  });
});
