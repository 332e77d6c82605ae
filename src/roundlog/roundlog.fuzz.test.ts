/**
 * Fuzz: whatever happens to the authority's messages on the way (dropped, repeated, overtaken, or
 * mixed with forgeries: another authority's, impossible times, commands the authority never sent), once
 * the authority pauses and answers the replica's requests, the replica's state hash equals the
 * authority's at the same sim time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSim, replay } from '../sim/index';
import type { Command } from '../sim/types';
import { routeOutboxes, testRng, tinyLevel } from '../facilitator/testing/simFixtures';
import { createAuthority } from './authority';
import type { LogMessage } from './messages';
import { createReplica } from './replica';

type Fate = 'deliver' | 'drop' | 'twice' | 'hold' | 'release' | 'swap';
type Forgery = { kind: 'tick' | 'entry' | 'check' | 'round' | 'foreign' | 'late-run'; n: number };

const fate = fc.constantFrom<Fate>('deliver', 'deliver', 'deliver', 'drop', 'twice', 'hold', 'release', 'swap');
const forgery = fc.record({
  kind: fc.constantFrom<Forgery['kind']>('tick', 'entry', 'check', 'round', 'foreign', 'late-run'),
  n: fc.nat(1000),
});
const step = fc.record({
  seconds: fc.double({ min: 0.2, max: 25, noNaN: true }),
  fates: fc.array(fate, { maxLength: 40 }),
  forge: fc.array(forgery, { maxLength: 3 }),
  extend: fc.boolean(),
});

const forgedCommands: Command[] = [
  { type: 'extend', seconds: 900 },
  { type: 'inject', event: 'flu' },
  { type: 'route', ticket: 1, to: 'tech' },
  { type: 'setPolicy', department: 'front', care: 'quick' },
];

describe('round log protocol fuzz', () => {
  it('the replica ends on the authority’s state hash, whatever the channel did', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.nat(50), (steps, seed) => {
        const auth = createAuthority({ id: 'genuine' });
        auth.begin({ level: tinyLevel, levelId: tinyLevel.id, seed });
        const sim = auth.attach(createSim(tinyLevel, seed));
        const rand = testRng(seed + 1);
        const rep = createReplica(replay);
        const held: LogMessage[] = [];
        const send = (m: LogMessage) => rep.receive(structuredClone(m));
        send(auth.snapshot(1, false));
        for (const s of steps) {
          const out: LogMessage[] = [];
          const until = Math.min(sim.view().end, sim.now() + s.seconds);
          while (sim.now() < until && !sim.isOver()) {
            sim.advanceTo(Math.min(until, sim.now() + 0.5 + rand()));
            routeOutboxes(sim, rand, 0.2);
            out.push(...auth.take(), auth.tick(2, false));
          }
          if (s.extend && !sim.isOver()) sim.apply({ type: 'extend', seconds: 30 });
          out.push(...auth.take(), auth.tick(2, false));
          out.forEach((m, i) => {
            switch (s.fates[i % Math.max(1, s.fates.length)] ?? 'deliver') {
              case 'deliver':
                send(m);
                break;
              case 'twice':
                send(m);
                send(m);
                break;
              case 'hold':
                held.push(m);
                break;
              case 'release':
                send(m);
                for (const h of held.splice(0).reverse()) send(h);
                break;
              case 'swap': // a forgery in place of the genuine command (which never arrives)
                if (m.kind === 'entry') send({ ...m, at: m.at, cmd: { type: 'extend', seconds: 1 + (i % 50) } });
                else send(m);
                break;
              case 'drop':
                break;
            }
          });
          for (const f of s.forge) {
            const run = auth.run();
            const index = auth.log().length + (f.n % 3) - 1;
            switch (f.kind) {
              case 'tick':
                send({ kind: 'tick', authority: 'genuine', run, t: 1e6 + f.n, speed: 4, paused: false, count: 0 });
                break;
              case 'entry':
                send({ kind: 'entry', authority: 'genuine', run, index: Math.max(0, index), at: sim.now(), cmd: forgedCommands[f.n % forgedCommands.length]! });
                break;
              case 'check':
                send({ kind: 'check', authority: 'genuine', run, t: sim.now(), count: auth.log().length, hash: 'deadbeef' });
                break;
              case 'round':
                send({ ...auth.snapshot(4, false), authority: 'forger', log: [], t: 1 });
                break;
              case 'foreign':
                send({ kind: 'entry', authority: 'forger', run, index: auth.log().length, at: sim.now(), cmd: forgedCommands[f.n % 4]! });
                break;
              case 'late-run':
                send({ kind: 'tick', authority: 'genuine', run: run - 1 - (f.n % 3), t: 2, speed: 1, paused: true, count: 0 });
                break;
            }
          }
          rep.frame(0.2);
        }
        // Quiet: the authority pauses; whatever the replica asks for, it gets.
        for (let i = 0; i < 4; i++) {
          send(auth.tick(0, true));
          send(auth.checkNow()!);
          rep.sync();
          if (!rep.wantsRound()) break;
          send(auth.snapshot(0, true));
        }
        expect(rep.wantsRound()).toBe(false);
        expect(rep.sim()!.now()).toBe(sim.now());
        expect(rep.sim()!.hash()).toBe(sim.hash());
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });
});
