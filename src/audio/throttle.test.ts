import { describe, expect, it } from 'vitest';
import { createThrottle, DEFAULT_THROTTLE, type ThrottleConfig } from './throttle';

describe('throttle', () => {
  it('lets fifty arrivals within a second make one sound', () => {
    const th = createThrottle();
    let allowed = 0;
    for (let i = 0; i < 50; i++) if (th.allow('arrive', 1000 + i * 19)) allowed++;
    expect(allowed).toBe(1);
  });

  it('allows a sound again once its minimum interval has passed', () => {
    const th = createThrottle();
    const gap = DEFAULT_THROTTLE.minIntervalMs.arrive ?? 0;
    expect(gap).toBeGreaterThanOrEqual(1000);
    expect(th.allow('arrive', 0)).toBe(true);
    expect(th.allow('arrive', gap - 1)).toBe(false);
    expect(th.allow('arrive', gap)).toBe(true);
    expect(th.allow('arrive', gap + 1)).toBe(false);
  });

  it('a refused play does not push the next one further away', () => {
    const th = createThrottle();
    expect(th.allow('bounce', 0)).toBe(true);
    expect(th.allow('bounce', 200)).toBe(false);
    expect(th.allow('bounce', 300)).toBe(true);
  });

  it('throttles each sound on its own', () => {
    const th = createThrottle();
    expect(th.allow('arrive', 0)).toBe(true);
    expect(th.allow('click', 0)).toBe(true);
    expect(th.allow('arrive', 10)).toBe(false);
    expect(th.allow('click', 50)).toBe(true);
  });

  it('uses the default interval for sounds without their own', () => {
    const cfg: ThrottleConfig = {
      minIntervalMs: {},
      defaultMinIntervalMs: 500,
      window: { ms: 100, max: 10 },
    };
    const th = createThrottle(cfg);
    expect(th.allow('ripple', 0)).toBe(true);
    expect(th.allow('ripple', 499)).toBe(false);
    expect(th.allow('ripple', 500)).toBe(true);
  });

  it('caps how many different sounds start within the shared window', () => {
    const th = createThrottle();
    const { ms, max } = DEFAULT_THROTTLE.window;
    const names = ['bounce', 'ripple', 'delighted', 'customerLost', 'warning'] as const;
    const results = names.map((n, i) => th.allowLimited(n, 1000 + i));
    expect(results.filter(Boolean)).toHaveLength(max);
    // The refused ones were not recorded: they can play as soon as the window has room.
    expect(th.allowLimited('warning', 1000 + ms)).toBe(true);
  });

  it('does not count UI plays (allow) against the shared window', () => {
    const th = createThrottle();
    for (let i = 0; i < 10; i++) th.allow('click', i * 50);
    expect(th.allowLimited('bounce', 460)).toBe(true);
  });

  it('starts afresh when the clock goes backwards, and refuses non-finite times', () => {
    const th = createThrottle();
    expect(th.allow('warning', 100_000)).toBe(true);
    expect(th.allow('warning', 5)).toBe(true);
    expect(th.allow('warning', Number.NaN)).toBe(false);
    expect(th.allowLimited('warning', Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('reset forgets everything', () => {
    const th = createThrottle();
    expect(th.allow('arrive', 0)).toBe(true);
    th.reset();
    expect(th.allow('arrive', 1)).toBe(true);
  });
});
