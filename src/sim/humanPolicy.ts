/**
 * Human-paced play: what a first-time workshop player can do at the board. A person notices a finished
 * ticket or an open request only after HUMAN_REACTION seconds, does one thing at a time (each drag or
 * click takes HUMAN_ACTION seconds), and now and then (HUMAN_WRONG_DROP) drops a ticket on a desk
 * that cannot do its next step.
 *  - careful: sets each desk's usual notes once at the start (thorough where it pays, as wholistic
 *    play does), routes to the least busy desk with the skill with the notes that pay, grants open
 *    requests, moves a customer close to giving up to the front of a line, and moves a free person
 *    to a long line now and then, when the level allows;
 *  - careless: siloed play at a person's pace: looks after its own line first (a finished ticket waits
 *    in the tray while the desk has customers of its own, up to SILO_PATIENCE seconds), then sends it
 *    to the first desk listed with the skill, with quick notes; nothing else.
 * Its own PRNG (separate from the sim's), so the same seed plays the same way.
 */
import type { Level } from '../level/schema';
import { bestFor, expectedHandoffCost, outboxTickets, SILO_PATIENCE, skillMap } from './policyKit';
import { rand, seedRng } from './rng';
import type { Care, Command, DepartmentView, Policy, SimView, TicketView } from './types';

/** Seconds before a person notices something new on the board. */
export const HUMAN_REACTION = 6;
/** Seconds one action (a drag, a click) takes. */
export const HUMAN_ACTION = 3;
/** Chance that a drop lands on a desk that cannot do the next step. */
export const HUMAN_WRONG_DROP = 0.04;
/** Seconds between two staff moves at most. */
const MOVE_EVERY = 45;

function careFor(level: Level, from: DepartmentView, to: DepartmentView | null, risk: number): Care {
  return expectedHandoffCost(level, from, to, risk, 'thorough') <
    expectedHandoffCost(level, from, to, risk, 'quick')
    ? 'thorough'
    : 'quick';
}

export function humanPaced(seed: number, careful: boolean): Policy {
  const rng = seedRng((seed ^ 0x2c1b3c6d) + (careful ? 101 : 202), 1);
  let skills: Map<string, number[]> | null = null;
  const seenAt = new Map<string, number>();
  let freeAt = 0;
  let policiesLeft: Command[] | null = null;
  let nextMove = 0;
  const noticed = (key: string, t: number): boolean => {
    const first = seenAt.get(key);
    if (first === undefined) {
      seenAt.set(key, t);
      return false;
    }
    return t - first >= HUMAN_REACTION;
  };
  const act = (view: SimView, cmd: Command): Command[] => {
    freeAt = view.t + HUMAN_ACTION;
    return [cmd];
  };
  return {
    name: careful ? 'humanCareful' : 'humanCareless',
    decide(view, sim) {
      const level = sim.level;
      skills ??= skillMap(level);
      const A = level.actions;
      // Notice what is new even while busy, so the reaction time runs meanwhile.
      const ready = outboxTickets(view, sim);
      for (const T of ready) noticed(`t${T.id}`, view.t);
      const open = view.requests.filter(
        (r) => (r.status === 'open' || r.status === 'late') && r.doneAt === null,
      );
      for (const r of open) noticed(`r${r.id}`, view.t);
      if (view.t < freeAt) return [];

      if (careful && A.handoffCare) {
        if (policiesLeft === null) {
          policiesLeft = [];
          let meanRisk = 0;
          let wsum = 0;
          for (const w of level.workTypes) {
            meanRisk += w.handoffRisk * w.weight;
            wsum += w.weight;
          }
          meanRisk = wsum > 0 ? meanRisk / wsum : 1;
          for (const d of view.departments) {
            const pick = careFor(level, d, null, meanRisk);
            if (d.care !== pick) policiesLeft.push({ type: 'setPolicy', department: d.id, care: pick });
          }
        }
        const next = policiesLeft.shift();
        if (next) return act(view, next);
      }

      if (careful && A.grantRequests) {
        const r = open.find((x) => {
          const cfg = level.internalRequests.find((c) => c.id === x.id);
          return cfg && !cfg.autoGrant && noticed(`r${x.id}`, view.t);
        });
        if (r) return act(view, { type: 'grant', request: r.id });
      }

      // The ticket that has waited longest in a tray, once noticed.
      let pick: TicketView | null = null;
      let pickSeen = Infinity;
      for (const T of ready) {
        const at = seenAt.get(`t${T.id}`)!;
        const home = careful ? undefined : view.departments.find((d) => d.id === T.dept);
        const ownFirst = home !== undefined && home.inbox.length > 0 && view.t - at < SILO_PATIENCE;
        if (view.t - at >= HUMAN_REACTION && at < pickSeen && !ownFirst) {
          pick = T;
          pickSeen = at;
        }
      }
      if (pick) {
        const T = pick;
        const need = T.journey[T.step]!;
        const list = skills.get(need) ?? [];
        const from = view.departments.find((d) => d.id === T.dept)!;
        let to: DepartmentView | null = careful
          ? bestFor(view, list, T.dept)
          : (view.departments[list.find((k) => view.departments[k]!.id !== T.dept) ?? -1] ?? null);
        if (!to) return [];
        if (rand(rng, 0) < HUMAN_WRONG_DROP) {
          const wrong = view.departments.filter(
            (d) =>
              d.id !== T.dept && !(level.departments.find((x) => x.id === d.id)?.skills ?? []).includes(need),
          );
          if (wrong.length > 0) to = wrong[Math.floor(rand(rng, 0) * wrong.length)]!;
        }
        seenAt.delete(`t${T.id}`);
        const risk = level.workTypes.find((w) => w.id === T.workType)?.handoffRisk ?? 1;
        const care: Care = careful && A.handoffCare ? careFor(level, from, to, risk) : 'quick';
        return act(view, { type: 'route', ticket: T.id, to: to.id, care });
      }

      if (careful && A.reprioritise) {
        // A customer close to giving up, behind one who is not: serve them first.
        for (const d of view.departments) {
          let near: TicketView | null = null;
          for (let i = 1; i < d.inbox.length; i++) {
            const T = sim.ticket(d.inbox[i]!);
            if (
              T &&
              T.abandonAt > view.t &&
              T.abandonAt - view.t < 45 &&
              (!near || T.abandonAt < near.abandonAt)
            )
              near = T;
          }
          const head = d.inbox.length > 0 ? sim.ticket(d.inbox[0]!) : undefined;
          if (near && (!head || head.abandonAt - view.t >= 45) && noticed(`p${near.id}`, view.t))
            return act(view, { type: 'prioritise', department: d.id, ticket: near.id });
        }
      }

      if (careful && A.moveStaff && view.t >= nextMove) {
        let hi: DepartmentView | null = null;
        let lo: DepartmentView | null = null;
        for (const d of view.departments) {
          const load = d.inbox.length / Math.max(1, d.staff);
          if (d.inbox.length >= 4 && (!hi || load > hi.inbox.length / Math.max(1, hi.staff))) hi = d;
          const idle = d.staff - d.busy - d.away;
          if (
            d.inbox.length === 0 &&
            d.pending.length === 0 &&
            idle > 0 &&
            d.staff > 1 &&
            (!lo || d.staff > lo.staff)
          )
            lo = d;
        }
        if (hi && lo && hi !== lo) {
          nextMove = view.t + MOVE_EVERY;
          return act(view, { type: 'moveStaff', from: lo.id, to: hi.id });
        }
      }
      return [];
    },
  };
}
