/**
 * The kept round in progress: written as the round grows, read back through the round log's gate and
 * rebuilt at the same state hash; anything broken, from another version or for a changed level is set
 * aside with a message (never thrown); a full or blocked storage says so and touches nothing else.
 */
import { describe, expect, it } from 'vitest';
import { createSim, replay } from '../sim/index';
import type { Sim } from '../sim/types';
import type { Level } from '../level/schema';
import { routeOutboxes, testRng, tinyLevel } from '../facilitator/testing/simFixtures';
import {
  clearKept,
  keptFrom,
  KEPT_KEY,
  KEPT_SET_ASIDE_KEY,
  levelHash,
  readKept,
  rebuildKept,
  writeKept,
  type KeptRound,
  type KeptStorage,
} from './kept';

class MemoryStorage implements KeptStorage {
  readonly data = new Map<string, string>();
  failWith: Error | null = null;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });
const levelOf = (id: string): Level | null => (id === tinyLevel.id ? tinyLevel : null);

/** A sim played for `seconds` with routing along the way (commands in the log). */
function played(seconds: number, seed = 5): Sim {
  const sim = createSim(tinyLevel, seed, {});
  const rand = testRng(seed);
  while (sim.now() < seconds) {
    sim.advanceTo(Math.min(seconds, sim.now() + 0.3 + rand()));
    routeOutboxes(sim, rand, 0.2);
  }
  return sim;
}

const header = { levelId: tinyLevel.id, attempt: 1, session: null };

function stored(s: MemoryStorage): KeptRound {
  return JSON.parse(s.getItem(KEPT_KEY)!) as KeptRound;
}

describe('kept round in progress', () => {
  it('round trip: what is written reads back and rebuilds at the same time and state hash', () => {
    const sim = played(150);
    expect(sim.commandLog().length).toBeGreaterThan(2);
    const s = new MemoryStorage();
    const session = { sessionId: 's-1', roundId: 'r2', attempt: 2, team: 'Blue table' };
    expect(writeKept(s, keptFrom(sim, { ...header, session, attempt: 2 }, 2, true))).toEqual({ ok: true });
    const read = readKept(s, levelOf);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.kept.session).toEqual(session);
    expect(read.kept.round.t).toBe(sim.now());
    expect(read.kept.round.speed).toBe(2);
    expect(read.kept.round.paused).toBe(true);
    expect(read.kept.round.log).toEqual(sim.commandLog());
    const back = rebuildKept(read.kept, replay);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.sim.now()).toBe(sim.now());
    expect(back.sim.hash()).toBe(sim.hash());
    // The rebuilt round goes on exactly as the original does.
    sim.advanceTo(200);
    back.sim.advanceTo(200);
    expect(back.sim.hash()).toBe(sim.hash());
  });

  it('keeps the latest write only, and a cleared round leaves nothing to resume', () => {
    const sim = played(10);
    const s = new MemoryStorage();
    writeKept(s, keptFrom(sim, header, 1, false));
    sim.advanceTo(20);
    writeKept(s, keptFrom(sim, header, 1, false));
    expect(stored(s).round.t).toBe(20);
    clearKept(s);
    expect(readKept(s, levelOf)).toEqual({ kind: 'none' });
  });

  it('sets aside unreadable text with a message, keeping a copy, and never throws', () => {
    for (const text of ['{not json', '"a string"', JSON.stringify({ format: 'something-else' }), '[]']) {
      const s = new MemoryStorage();
      s.setItem(KEPT_KEY, text);
      const read = readKept(s, levelOf);
      expect(read.kind).toBe('set-aside');
      if (read.kind === 'set-aside') expect(read.message).toMatch(/could not be read.*set aside/);
      expect(s.getItem(KEPT_KEY)).toBeNull();
      expect(s.getItem(KEPT_SET_ASIDE_KEY)).toBe(text);
    }
  });

  it('sets aside a record whose log breaks the command contract', () => {
    const s = new MemoryStorage();
    writeKept(s, keptFrom(played(20), header, 1, false));
    const rec = stored(s);
    (rec.round.log as unknown[]).push({ at: 5, cmd: { type: 'teleport', ticket: 1 } });
    s.setItem(KEPT_KEY, JSON.stringify(rec));
    expect(readKept(s, levelOf).kind).toBe('set-aside');
  });

  it('sets aside a record of another version, saying so', () => {
    const s = new MemoryStorage();
    writeKept(s, keptFrom(played(10), header, 1, false));
    s.setItem(KEPT_KEY, JSON.stringify({ ...stored(s), version: 2 }));
    const read = readKept(s, levelOf);
    expect(read).toMatchObject({ kind: 'set-aside' });
    if (read.kind === 'set-aside') expect(read.message).toContain('another version');
    expect(s.getItem(KEPT_SET_ASIDE_KEY)).not.toBeNull();
  });

  it('sets aside a round whose level changed since (same id, other content)', () => {
    const s = new MemoryStorage();
    writeKept(s, keptFrom(played(10), header, 1, false));
    const edited: Level = { ...tinyLevel, durationSeconds: tinyLevel.durationSeconds + 60 };
    expect(levelHash(edited)).not.toBe(levelHash(tinyLevel));
    const read = readKept(s, (id) => (id === tinyLevel.id ? edited : null));
    expect(read.kind).toBe('set-aside');
    if (read.kind === 'set-aside') expect(read.message).toContain('has changed');
  });

  it('resumes on the kept level when the game has no level of that id (a trainer file)', () => {
    const s = new MemoryStorage();
    const sim = played(15);
    writeKept(s, keptFrom(sim, header, 1, false));
    const read = readKept(s, () => null);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(rebuildKept(read.kept, replay)).toMatchObject({ ok: true });
  });

  it('refuses to rebuild a log that does not add up or a state hash that differs', () => {
    const sim = played(120);
    const good = keptFrom(sim, header, 1, false);
    // A command stamped after the round's time cannot be true: the replica refuses it.
    const late: KeptRound = { ...good, round: { ...good.round, log: [...good.round.log, { at: 121, cmd: { type: 'extend', seconds: 5 } }] } };
    expect(rebuildKept(late, replay)).toMatchObject({ ok: false, message: expect.stringContaining('does not add up') });
    const other: KeptRound = { ...good, hash: '0123456789abcdef' };
    expect(rebuildKept(other, replay)).toMatchObject({ ok: false, message: expect.stringContaining('rebuilt exactly') });
  });

  it('a full storage says so, keeps the last good copy and touches no other key', () => {
    const s = new MemoryStorage();
    s.setItem('ripple-effect:session:v1', 'the session');
    const sim = played(10);
    writeKept(s, keptFrom(sim, header, 1, false));
    const before = s.getItem(KEPT_KEY);
    sim.advanceTo(25);
    s.failWith = quota();
    expect(writeKept(s, keptFrom(sim, header, 1, false))).toEqual({ ok: false, reason: 'full' });
    expect(s.getItem(KEPT_KEY)).toBe(before);
    expect(s.getItem('ripple-effect:session:v1')).toBe('the session');
    s.failWith = Object.assign(new Error('no'), { name: 'SecurityError' });
    expect(writeKept(s, keptFrom(sim, header, 1, false))).toEqual({ ok: false, reason: 'blocked' });
    expect(writeKept(null, keptFrom(sim, header, 1, false))).toEqual({ ok: false, reason: 'blocked' });
  });

  it('blocked storage reads as nothing kept', () => {
    const blocked: KeptStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readKept(blocked, levelOf)).toEqual({ kind: 'none' });
    expect(readKept(null, levelOf)).toEqual({ kind: 'none' });
    expect(() => clearKept(blocked)).not.toThrow();
  });
});
