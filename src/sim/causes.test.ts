import { describe, expect, it } from 'vitest';
import { causeOwner, causePlace, formatCause, isRipple, parseCause, type Cause } from './causes';
import { compileLevel } from './compile';
import { createSim } from './index';
import { makeLevel } from './testing/levels';

const examples: [Cause, string][] = [
  [{ kind: 'service', dept: 'tier-1' }, 'service:tier-1'],
  [{ kind: 'queue', dept: 'billing' }, 'queue:billing'],
  [{ kind: 'outbox', dept: 'it' }, 'outbox:it'],
  [{ kind: 'notes', dept: 'it' }, 'notes:it'],
  [{ kind: 'transit' }, 'transit'],
  [{ kind: 'rework', from: 'tier-1', to: 'billing' }, 'rework:tier-1>billing'],
  [{ kind: 'clarify', from: 'tier-1', to: 'billing' }, 'clarify:tier-1>billing'],
  [{ kind: 'misroute', from: 'tier-1', to: 'it' }, 'misroute:tier-1>it'],
  [{ kind: 'event', event: 'absence-1' }, 'event:absence-1'],
];

describe('causes', () => {
  it('have one string form, and parse back to the same cause', () => {
    for (const [c, key] of examples) {
      expect(formatCause(c)).toBe(key);
      expect(parseCause(key)).toEqual(c);
    }
  });

  it('parse every key a level compiles to, and nothing a sim never writes', () => {
    const st = compileLevel(makeLevel());
    expect(st.causes.length).toBe(st.causeOf.length);
    st.causes.forEach((key, i) => expect(parseCause(key)).toEqual(st.causeOf[i]));
    for (const bad of ['', 'nonsense', 'queue:', ':billing', 'rework:tier-1', 'rework:a>b>c', 'misroute:>it', 'service:a>b', 'event:'])
      expect(parseCause(bad)).toBeNull();
  });

  it('name where the time passed and who caused it', () => {
    const rework = parseCause('rework:tier-1>billing')!;
    const bounce = parseCause('clarify:tier-1>billing')!;
    expect([causePlace(rework), causeOwner(rework)]).toEqual(['billing', 'tier-1']);
    expect([causePlace(bounce), causeOwner(bounce)]).toEqual(['tier-1', 'tier-1']);
    expect(causePlace(parseCause('queue:it')!)).toBe('it');
    expect(causePlace({ kind: 'transit' })).toBeNull();
    expect(examples.filter(([c]) => isRipple(c)).map(([c]) => c.kind)).toEqual(['rework', 'clarify', 'misroute']);
    expect(isRipple(null)).toBe(false);
  });

  it('every attribution key and segment cause of a run parses, and segments sit where the cause places them', () => {
    const sim = createSim(makeLevel({ autoRoute: 'all', arrivals: { ratePerMinute: 6 } }), 3);
    sim.runToEnd();
    const keys = Object.keys(sim.metrics().attribution);
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect(parseCause(k), k).not.toBeNull();
    let segments = 0;
    for (const e of sim.drainEvents()) {
      if (e.type !== 'resolved' && e.type !== 'abandoned') continue;
      for (const s of e.segments) {
        const c = parseCause(s.cause)!;
        if (c.kind !== 'event') expect(s.dept).toBe(causePlace(c));
        segments++;
      }
    }
    expect(segments).toBeGreaterThan(20);
  });
});
