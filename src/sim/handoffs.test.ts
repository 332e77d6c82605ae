import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { makeLevel } from './testing/levels';

describe('handoff notes', () => {
  it('the ticket says where it goes while the sender writes the notes, and forgets it once it leaves', () => {
    // Triage takes 20 s at Tier 1; quick notes 5 s; transfer 3 s (defaults checked below).
    const lvl = makeLevel({ arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'invoice' }] } });
    const sim = createSim(lvl, 1);
    sim.advanceTo(21);
    expect(sim.ticket(1)).toMatchObject({ phase: 'outbox', sendingTo: null });
    expect(sim.apply({ type: 'route', ticket: 1, to: 'billing', care: 'quick' })).toMatchObject({ ok: true });
    const writing = sim.ticket(1)!;
    expect(writing.dept).toBe('tier-1');
    expect(writing.sendingTo).toBe('billing');
    expect(lvl.handoffs.quickNoteSeconds).toBeGreaterThan(0);
    sim.advanceTo(21 + lvl.handoffs.quickNoteSeconds + 0.01);
    const gone = sim.ticket(1)!;
    expect(gone.phase).toBe('transit');
    expect(gone.transit?.to).toBe('billing');
    expect(gone.sendingTo).toBeNull();
  });

  it('with no note time the ticket leaves at once and never waits at the sender', () => {
    const lvl = makeLevel({
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'invoice' }] },
      handoffs: { quickNoteSeconds: 0 },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(21);
    sim.apply({ type: 'route', ticket: 1, to: 'billing', care: 'quick' });
    expect(sim.ticket(1)).toMatchObject({ phase: 'transit', sendingTo: null });
  });
});
