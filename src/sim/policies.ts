/**
 * Headless players. They read the view and the level and return commands; they never touch state.
 *  - idle: does nothing.
 *  - random: routes outbox tickets to random departments with random care, grants now and then
 *    (own PRNG, separate from the sim's).
 *  - siloed: own desk first: passes finished work on only when its own queue is empty (or after
 *    SILO_PATIENCE s), to the first desk listed with the skill, always with quick notes; never grants
 *    requests, moves people, reprioritises or changes policies.
 *  - wholistic: routes right; thorough notes where the expected rework and bounce cost exceeds the extra
 *    note time; grants every open request; moves idle people toward the longest queue and reprioritises
 *    customers about to give up, when the level allows.
 *  - humanCareful, humanCareless: a person at the board (./humanPolicy.ts): notices things after a few
 *    seconds, does one thing at a time, now and then drops a ticket on the wrong desk.
 */
import { commandEnabled, playerGrants } from './actions';
import { humanPaced } from './humanPolicy';
import { bestFor, expectedHandoffCost, outboxTickets, SILO_PATIENCE, skillMap } from './policyKit';
import { rand, seedRng } from './rng';
import type { Care, Command, DepartmentView, Policy, TicketView } from './types';

export { expectedHandoffCost, SILO_PATIENCE };

export type PolicyName = 'idle' | 'random' | 'siloed' | 'wholistic' | 'humanCareful' | 'humanCareless';

function idle(): Policy {
  return { name: 'idle', decide: () => [] };
}

function random(seed: number): Policy {
  const rng = seedRng((seed ^ 0x5bd1e995) + 17, 1);
  return {
    name: 'random',
    decide(view, sim) {
      const cmds: Command[] = [];
      const D = view.departments;
      for (const T of outboxTickets(view, sim)) {
        const d = D[Math.floor(rand(rng, 0) * D.length)]!;
        const care: Care = rand(rng, 0) < 0.5 ? 'quick' : 'thorough';
        if (d.id !== T.dept) cmds.push({ type: 'route', ticket: T.id, to: d.id, care });
      }
      for (const r of view.requests) {
        if ((r.status === 'open' || r.status === 'late') && rand(rng, 0) < 0.1)
          cmds.push({ type: 'grant', request: r.id });
      }
      return cmds;
    },
  };
}

/**
 * Siloed play: each desk looks after its own queue first. Finished work waits in the outbox until the
 * desk has nothing of its own waiting (or the ticket has sat there SILO_PATIENCE seconds), then goes to
 * the first desk listed with the skill (never the least busy one), with quick notes. Never grants
 * requests, moves people or reprioritises.
 */
function siloed(): Policy {
  let skills: Map<string, number[]> | null = null;
  const seenAt = new Map<number, number>();
  return {
    name: 'siloed',
    decide(view, sim) {
      skills ??= skillMap(sim.level);
      const cmds: Command[] = [];
      const byId = new Map(view.departments.map((d) => [d.id, d] as const));
      for (const T of outboxTickets(view, sim)) {
        const first = seenAt.get(T.id) ?? view.t;
        seenAt.set(T.id, first);
        const home = byId.get(T.dept);
        const ownWorkWaiting = home !== undefined && home.inbox.length > 0;
        if (ownWorkWaiting && view.t - first < SILO_PATIENCE) continue;
        const list = skills.get(T.journey[T.step]!) ?? [];
        const i = list.find((k) => view.departments[k]!.id !== T.dept);
        if (i === undefined) continue;
        seenAt.delete(T.id);
        cmds.push({ type: 'route', ticket: T.id, to: view.departments[i]!.id, care: 'quick' });
      }
      return cmds;
    },
  };
}

function wholistic(): Policy {
  let skills: Map<string, number[]> | null = null;
  let setPolicies = false;
  let nextMove = 0;
  return {
    name: 'wholistic',
    decide(view, sim) {
      const level = sim.level;
      skills ??= skillMap(level);
      const cmds: Command[] = [];
      const A = level.actions;
      const risks = new Map(level.workTypes.map((w) => [w.id, w.handoffRisk] as const));
      if (commandEnabled(A, 'setPolicy') && !setPolicies) {
        setPolicies = true;
        let meanRisk = 0;
        let wsum = 0;
        for (const w of level.workTypes) {
          meanRisk += w.handoffRisk * w.weight;
          wsum += w.weight;
        }
        meanRisk = wsum > 0 ? meanRisk / wsum : 1;
        for (const d of view.departments) {
          const pick: Care =
            expectedHandoffCost(level, d, null, meanRisk, 'thorough') <
            expectedHandoffCost(level, d, null, meanRisk, 'quick')
              ? 'thorough'
              : 'quick';
          if (d.care !== pick) cmds.push({ type: 'setPolicy', department: d.id, care: pick });
        }
      }
      for (const T of outboxTickets(view, sim)) {
        const to = bestFor(view, skills.get(T.journey[T.step]!), T.dept);
        if (!to) continue;
        const from = view.departments.find((d) => d.id === T.dept)!;
        const risk = risks.get(T.workType) ?? 1;
        const care: Care =
          expectedHandoffCost(level, from, to, risk, 'thorough') <
          expectedHandoffCost(level, from, to, risk, 'quick')
            ? 'thorough'
            : 'quick';
        cmds.push({ type: 'route', ticket: T.id, to: to.id, care });
      }
      for (const r of view.requests) {
        const cfg = level.internalRequests.find((x) => x.id === r.id);
        if (
          cfg &&
          playerGrants(A, cfg) &&
          (r.status === 'open' || r.status === 'late') &&
          r.doneAt === null
        ) {
          cmds.push({ type: 'grant', request: r.id });
        }
      }
      if (commandEnabled(A, 'moveStaff') && view.t >= nextMove) {
        let hi: DepartmentView | null = null;
        let lo: DepartmentView | null = null;
        for (const d of view.departments) {
          const load = d.inbox.length / Math.max(1, d.staff);
          if (d.inbox.length >= 4 && (!hi || load > hi.inbox.length / Math.max(1, hi.staff))) hi = d;
          if (
            d.inbox.length === 0 &&
            d.pending.length === 0 &&
            d.staff - d.busy - d.away > 0 &&
            d.staff > 1 &&
            (!lo || d.staff > lo.staff)
          )
            lo = d;
        }
        if (hi && lo && hi !== lo) {
          cmds.push({ type: 'moveStaff', from: lo.id, to: hi.id });
          nextMove = view.t + 30;
        }
      }
      if (commandEnabled(A, 'prioritise')) {
        for (const d of view.departments) {
          let pick: TicketView | null = null;
          for (let i = 1; i < d.inbox.length; i++) {
            const T = sim.ticket(d.inbox[i]!);
            if (
              T &&
              T.abandonAt - view.t < 45 &&
              T.abandonAt > view.t &&
              (!pick || T.abandonAt < pick.abandonAt)
            )
              pick = T;
          }
          const head = d.inbox.length > 0 ? sim.ticket(d.inbox[0]!) : undefined;
          if (pick && (!head || head.abandonAt - view.t >= 45))
            cmds.push({ type: 'prioritise', department: d.id, ticket: pick.id });
        }
      }
      return cmds;
    },
  };
}

export const policies: Record<PolicyName, (seed: number) => Policy> = {
  idle,
  random,
  siloed,
  wholistic,
  humanCareful: (seed) => humanPaced(seed, true),
  humanCareless: (seed) => humanPaced(seed, false),
};
