/**
 * The sim's read view is deep-readonly. The @ts-expect-error lines are the type-level test, checked by
 * `npx tsc --noEmit` (npm run typecheck): each must meet a compile error, or tsc fails with
 * "Unused '@ts-expect-error'". They sit in a function that never runs, so no sim state is touched.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { makeLevel } from './testing/levels';
import type { DeepReadonly, DepartmentState, RequestState, Sim, SimView, TicketState } from './types';

export function mutationsThatMustNotCompile(view: SimView, sim: Sim): void {
  // @ts-expect-error the clock is read-only
  view.t = 0;
  // @ts-expect-error the level end is read-only
  view.end += 60;
  // @ts-expect-error counts are read-only
  view.counts.resolved++;
  // @ts-expect-error the department list cannot grow
  view.departments.push(view.departments[0]!);
  // @ts-expect-error nor be sorted in place
  view.departments.sort((a, b) => a.busy - b.busy);
  const d = view.departments[0]!;
  // @ts-expect-error a department's fields are read-only
  d.staff = 9;
  // @ts-expect-error its queues are read-only arrays
  d.inbox.push(1);
  // @ts-expect-error and cannot be reordered in place
  d.outbox.reverse();
  // @ts-expect-error a view department is not a mutable DepartmentState
  const asState: DepartmentState = d;
  void asState;
  // @ts-expect-error tickets is a ReadonlyMap: no delete
  view.tickets.delete(1);
  // @ts-expect-error nor set
  view.tickets.set(1, view.tickets.get(1)!);
  const t = view.tickets.get(1)!;
  // @ts-expect-error a ticket's fields are read-only
  t.phase = 'outbox';
  // @ts-expect-error its journey is a read-only array
  t.journey.push('billing');
  // @ts-expect-error nested objects too
  if (t.job) t.job.end = 0;
  // @ts-expect-error a view ticket is not a mutable TicketState
  const asTicket: TicketState = t;
  void asTicket;
  const live = sim.ticket(1)!;
  // @ts-expect-error sim.ticket() hands out the same read-only ticket
  live.satisfaction = 1;
  const r = view.requests[0]!;
  // @ts-expect-error requests are read-only
  r.status = 'done';
  // @ts-expect-error and so is their list
  view.requests.splice(0, 1);
}

/** DeepReadonly leaves primitives and functions as they are and reaches into maps, sets and tuples. */
export function deepReadonlyShapes(): void {
  const n: DeepReadonly<number> = 3;
  const f: DeepReadonly<(x: number) => number> = (x) => x + 1;
  const m = new Map<string, { a: number[] }>() as DeepReadonly<Map<string, { a: number[] }>>;
  // @ts-expect-error map values are read-only
  m.get('x')!.a.push(n);
  const s = new Set<{ a: number }>() as DeepReadonly<Set<{ a: number }>>;
  // @ts-expect-error a readonly set has no add
  s.add({ a: f(n) });
  const pair: DeepReadonly<[RequestState, number]> = [
    { id: 'r', status: 'open', openedAt: 0, dueAt: null, doneAt: null, overdue: false },
    1,
  ];
  // @ts-expect-error tuple items are read-only
  pair[1] = 2;
}

describe('the read view', () => {
  it('is live: the same objects each call, changing as the sim runs, and copies sort without touching it', () => {
    const sim = createSim(makeLevel(), 3);
    const v = sim.view();
    sim.advanceTo(300);
    const again = sim.view();
    expect(again).toBe(v);
    expect(again.t).toBe(300);
    expect(again.counts.arrived).toBeGreaterThan(0);
    for (const [id, t] of again.tickets) expect(sim.ticket(id)).toBe(t);

    const order = [...again.tickets.values()].map((t) => t.id);
    const byMood = [...again.tickets.values()].sort((a, b) => a.satisfaction - b.satisfaction || b.id - a.id);
    expect(byMood).toHaveLength(order.length);
    expect([...again.tickets.values()].map((t) => t.id)).toEqual(order);
  });
});
