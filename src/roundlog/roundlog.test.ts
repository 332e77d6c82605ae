/**
 * The round log against the real sim: an authority and its replicas agree bit for bit, a late joiner
 * catches up from the whole log, and what does not fit is refused or repaired.
 */
import { describe, expect, it } from 'vitest';
import { createSim, replay } from '../sim/index';
import type { Sim } from '../sim/types';
import { routeOutboxes, testRng, tinyLevel } from '../facilitator/testing/simFixtures';
import { createAuthority, type Authority } from './authority';
import { CHECK_EVERY, parseLogMessage, type LogMessage } from './messages';
import { createReplica, type Replica } from './replica';

interface Rig {
  auth: Authority;
  sim: Sim;
  /** Plays on by `seconds` in uneven frames, routing as it goes; returns what the authority sent. */
  play(seconds: number): LogMessage[];
}

function rig(seed = 3): Rig {
  const auth = createAuthority({ id: 'presenter-a' });
  auth.begin({ level: tinyLevel, levelId: tinyLevel.id, seed });
  const sim = auth.attach(createSim(tinyLevel, seed));
  const rand = testRng(seed);
  return {
    auth,
    sim,
    play(seconds) {
      const out: LogMessage[] = [];
      const until = Math.min(sim.view().end, sim.now() + seconds);
      while (sim.now() < until && !sim.isOver()) {
        sim.advanceTo(Math.min(until, sim.now() + 0.1 + rand() * 0.9));
        routeOutboxes(sim, rand, 0.1);
        out.push(...auth.take(), auth.tick(2, false));
      }
      return out;
    },
  };
}

/** Pauses the authority and hands the replica what a pause sends. */
function pauseAndSend(r: Rig, rep: Replica): void {
  rep.receive(r.auth.tick(0, true));
  rep.receive(r.auth.checkNow()!);
  rep.sync();
}

const deliver = (rep: Replica, msgs: readonly LogMessage[]) => {
  for (const m of msgs) rep.receive(structuredClone(m));
};

describe('authority and replica', () => {
  it('stay in step over a whole round, checking hashes on the way', () => {
    const r = rig();
    const rep = createReplica(replay);
    rep.receive(r.auth.snapshot(2, false));
    while (!r.sim.isOver()) {
      deliver(rep, r.play(7));
      rep.frame(0.05);
    }
    deliver(rep, [r.auth.tick(2, true), r.auth.checkNow()!]);
    rep.sync();
    expect(rep.sim()!.isOver()).toBe(true);
    expect(rep.sim()!.hash()).toBe(r.sim.hash());
    const s = rep.status();
    expect(s.checked).toBeGreaterThan(Math.floor(tinyLevel.durationSeconds / CHECK_EVERY) / 2);
    expect(s.diverged).toBe(0);
    expect(r.auth.log().length).toBeGreaterThan(10);
  });

  it('lets a replica that joins late catch up from the whole log', () => {
    const r = rig(8);
    r.play(95);
    const late = createReplica(replay);
    expect(late.wantsRound()).toBe(true);
    expect(late.receive(r.auth.tick(1, false))).toBe('resync');
    late.receive(r.auth.snapshot(1, false));
    expect(late.wantsRound()).toBe(false);
    pauseAndSend(r, late);
    expect(late.sim()!.now()).toBe(r.sim.now());
    expect(late.sim()!.hash()).toBe(r.sim.hash());
    expect(late.status().checked).toBe(1);
  });

  it('refuses another authority, an old run, and times the level can never reach', () => {
    const r = rig();
    const rep = createReplica(replay);
    rep.receive(r.auth.snapshot(1, false));
    deliver(rep, r.play(20));
    const t = rep.target()!.t;
    expect(rep.receive({ ...r.auth.tick(1, false), authority: 'someone-else' })).toBe('rejected');
    expect(rep.receive({ ...r.auth.snapshot(1, false), authority: 'someone-else' })).toBe('rejected');
    expect(rep.receive({ ...r.auth.tick(1, false), t: 1e12 })).toBe('rejected');
    expect(rep.receive({ ...r.auth.tick(1, false), run: r.auth.run() - 1, t: 50 })).toBe('ignored');
    expect(rep.receive({ ...r.auth.tick(1, false), t: t - 5 })).toBe('ignored'); // overtaken
    expect(rep.target()!.t).toBe(t);
    expect(rep.status().rejected).toBe(3);
    expect(rep.wantsRound()).toBe(false);
  });

  it('asks for the round after a gap, and takes the whole log in its place', () => {
    const r = rig(4);
    const rep = createReplica(replay);
    rep.receive(r.auth.snapshot(1, false));
    const msgs = r.play(60);
    const entries = msgs.filter((m) => m.kind === 'entry');
    expect(entries.length).toBeGreaterThan(3);
    deliver(rep, msgs.filter((m) => m !== entries[1]));
    expect(rep.wantsRound()).toBe(true);
    expect(rep.status().lastReason).toMatch(/missing/);
    rep.receive(r.auth.snapshot(1, false));
    pauseAndSend(r, rep);
    expect(rep.sim()!.hash()).toBe(r.sim.hash());
  });

  it('notices a forged command by its hash and repairs itself from the log', () => {
    const r = rig(6);
    const rep = createReplica(replay);
    rep.receive(r.auth.snapshot(1, false));
    deliver(rep, r.play(30));
    const index = r.auth.log().length;
    // A command the authority never sent, in the next free place, with the authority's name on it.
    rep.receive({ kind: 'entry', authority: 'presenter-a', run: r.auth.run(), index, at: r.sim.now(), cmd: { type: 'extend', seconds: 600 } });
    rep.sync();
    const rest = r.play(30).filter((m) => !(m.kind === 'entry' && m.index === index));
    deliver(rep, rest);
    pauseAndSend(r, rep);
    expect(rep.wantsRound()).toBe(true);
    rep.receive(r.auth.snapshot(0, true));
    pauseAndSend(r, rep);
    expect(rep.wantsRound()).toBe(false);
    expect(rep.sim()!.hash()).toBe(r.sim.hash());
    expect(rep.sim()!.view().end).toBe(r.sim.view().end);
  });

  it('follows a restart (a new run) and never mixes it with the old one', () => {
    const r = rig(2);
    const rep = createReplica(replay);
    rep.receive(r.auth.snapshot(1, false));
    const oldTick = r.play(40).at(-1)!;
    r.auth.begin({ level: tinyLevel, levelId: tinyLevel.id, seed: 2 });
    const sim = r.auth.attach(createSim(tinyLevel, 2));
    expect(rep.receive(r.auth.tick(1, false))).toBe('resync');
    rep.receive(r.auth.snapshot(1, false));
    expect(rep.receive(oldTick)).toBe('ignored');
    sim.advanceTo(12);
    deliver(rep, [...r.auth.take(), r.auth.tick(0, true), r.auth.checkNow()!]);
    rep.sync();
    expect(rep.sim()!.hash()).toBe(sim.hash());
  });

  it('takes commands from outside only when they are commands (the server path)', () => {
    const r = rig();
    r.play(20);
    expect(r.auth.submit({ type: 'launch', target: 'moon' })).toMatchObject({ ok: false });
    const grant = r.auth.submit({ type: 'extend', seconds: 30 });
    expect(grant).toMatchObject({ ok: true, result: { ok: true }, entry: { kind: 'entry', cmd: { type: 'extend', seconds: 30 } } });
    expect(r.sim.view().end).toBe(tinyLevel.durationSeconds + 30);
  });

  it('parses only well-formed messages, with a valid level and known commands', () => {
    const r = rig();
    r.play(10);
    const round = r.auth.snapshot(1, false);
    expect(parseLogMessage(structuredClone(round))).toMatchObject({ kind: 'round', levelId: tinyLevel.id });
    expect(parseLogMessage({ ...round, level: { id: 'x' } })).toBeNull();
    expect(parseLogMessage({ kind: 'tick', authority: 'a', run: 1, t: Infinity, speed: 1, paused: false, count: 0 })).toBeNull();
    expect(parseLogMessage({ kind: 'entry', authority: 'a', run: 1, index: 0, at: 1, cmd: { type: 'nuke' } })).toBeNull();
    expect(parseLogMessage({ kind: 'check', authority: 'a', run: 1, t: 5, count: 0, hash: '<script>' })).toBeNull();
    expect(parseLogMessage('hello')).toBeNull();
  });
});
