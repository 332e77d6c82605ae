/**
 * forwardingSim: every member reads the sim that is current at the call, overrides replace only what
 * they name, and a following board never moves the game or takes a command itself.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from '../sim/index';
import type { Command, Sim } from '../sim/types';
import { routeOutboxes, testRng, tinyLevel } from '../facilitator/testing/simFixtures';
import { followingSim, forwardingSim, quietReplay } from './forwardingSim';

function played(seed: number, seconds: number): Sim {
  const sim = createSim(tinyLevel, seed, { recordEvents: true });
  const rand = testRng(seed);
  while (sim.now() < seconds) {
    sim.advanceTo(Math.min(seconds, sim.now() + 0.5));
    routeOutboxes(sim, rand, 0.2);
  }
  return sim;
}

describe('forwardingSim', () => {
  it('forwards every member to the sim current at the call', () => {
    const a = played(3, 20);
    const b = played(4, 40);
    let cur = a;
    const f = forwardingSim(() => cur);
    for (const s of [a, b]) {
      cur = s;
      expect(f.seed).toBe(s.seed);
      expect(f.level).toBe(s.level);
      expect(f.now()).toBe(s.now());
      expect(f.hash()).toBe(s.hash());
      expect(f.view()).toEqual(s.view());
      expect(f.commandLog()).toEqual(s.commandLog());
      expect(f.eventsProcessed()).toBe(s.eventsProcessed());
      expect(f.pendingEvents()).toBe(s.pendingEvents());
      expect(f.score()).toEqual(s.score());
      expect(f.snapshot()).toEqual(s.snapshot());
    }
    expect(a.hash()).not.toBe(b.hash());
    // Moving through the forwarder moves the current sim.
    f.advanceTo(50);
    expect(b.now()).toBe(50);
    expect(a.now()).toBe(20);
  });

  it('uses an override only for the member it names', () => {
    const s = played(5, 10);
    const seen: Command[] = [];
    const f = forwardingSim(() => s, {
      apply: (cmd) => {
        seen.push(cmd);
        return s.apply(cmd);
      },
    });
    const cmd: Command = { type: 'extend', seconds: 30 };
    const end = s.view().end;
    expect(f.apply(cmd).ok).toBe(true);
    expect(seen).toEqual([cmd]);
    expect(s.view().end).toBe(end + 30);
    f.advanceTo(12);
    expect(s.now()).toBe(12);
  });

  it('a following board neither advances nor applies by itself', () => {
    const s = played(6, 15);
    const before = s.hash();
    const sent: Command[] = [];
    const f = followingSim(
      () => s,
      (cmd) => {
        sent.push(cmd);
        return { ok: false, reason: 'sent on' };
      },
      () => ({ ok: false, reason: 'no' }),
    );
    f.advanceTo(100);
    f.runToEnd();
    expect(f.step()).toBe(false);
    const cmd: Command = { type: 'extend', seconds: 30 };
    expect(f.apply(cmd)).toEqual({ ok: false, reason: 'sent on' });
    expect(f.applyAfter({ at: 1, cmd })).toEqual({ ok: false, reason: 'no' });
    expect(sent).toEqual([cmd]);
    expect(s.now()).toBe(15);
    expect(s.hash()).toBe(before);
  });

  it('quietReplay rebuilds the same state with its event backlog drained', () => {
    const s = played(7, 30);
    const r = quietReplay(tinyLevel, 7, s.commandLog(), 30);
    expect(r.hash()).toBe(s.hash());
    expect(r.drainEvents()).toEqual([]);
    r.advanceTo(60);
    s.advanceTo(60);
    expect(r.hash()).toBe(s.hash());
  });
});
