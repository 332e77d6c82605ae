/**
 * Desk bookkeeping, in one place: time integrals, people away, queue status, who is being served, and
 * taking, freeing and moving a person. The flows (customers, handoffs, jobs, requests, level events)
 * and the dispatcher import it; it imports no flow.
 */
import type { TicketPhase } from './types';
import type { Dept, State, Ticket, World } from './state';

/** Bring the department's time integrals up to now (call before changing busy, staff, away or inbox). */
export function touch(s: State, d: Dept): void {
  const dt = s.t - d.lastT;
  if (dt > 0) {
    const busy = d.busy;
    const present = d.staff - d.away;
    d.busyInt += dt * busy;
    d.presentInt += dt * (present > busy ? present : busy);
    d.qInt += dt * d.inbox.length;
    d.lastT = s.t;
  }
}

/** Recompute people away: absent ones leave once they finish their job; an outage idles everyone. */
export function refreshAway(w: World, d: Dept): void {
  const idle = Math.max(0, d.staff - d.busy);
  const away = d.outage > 0 ? idle : Math.min(d.absent, idle);
  if (away !== d.away) {
    touch(w.s, d);
    d.away = away;
    if (w.rec) w.out.push({ type: 'staff', t: w.s.t, dept: d.id, staff: d.staff, away });
  }
}

export function updateStatus(w: World, d: Dept, di: number): void {
  const st = w.st;
  const n = d.inbox.length;
  const status = n >= st.queueLimit[di]! ? 'red' : n >= st.queueWarning[di]! ? 'amber' : 'green';
  if (status !== d.status) {
    d.status = status;
    if (w.rec) w.out.push({ type: 'status', t: w.s.t, dept: d.id, status });
  }
}

export function setPhase(s: State, T: Ticket, phase: TicketPhase): void {
  if (T.phase === phase) return;
  if (T.phase === 'service') s.serving--;
  else if (phase === 'service') s.serving++;
  T.phase = phase;
}

/** People at d who could start a job now (present, not busy; none during an outage). */
export function freePeople(d: Dept): number {
  return d.outage === 0 ? d.staff - d.absent - d.busy : 0;
}

/** A person at d starts a job. */
export function takePerson(w: World, d: Dept): void {
  touch(w.s, d);
  d.busy++;
  if (d.absent > 0 || d.outage > 0) refreshAway(w, d);
}

/** One person leaves `from` for `to` at once (the caller refreshes who is away and starts jobs). */
export function movePerson(w: World, from: number, to: number): void {
  const s = w.s;
  const d = s.depts[from]!;
  const dt = s.depts[to]!;
  touch(s, d);
  touch(s, dt);
  d.staff--;
  dt.staff++;
  if (w.rec) {
    w.out.push({ type: 'staff', t: s.t, dept: d.id, staff: d.staff, away: d.away });
    w.out.push({ type: 'staff', t: s.t, dept: dt.id, staff: dt.staff, away: dt.away });
  }
}

/**
 * A person at `di` finished a job, whatever it was. If a staff move is waiting, they are the one who
 * moves: returns the department they moved to, else -1. Pending moves lapse when the desk is down to
 * its last person (it lost staff meanwhile).
 */
export function releasePerson(w: World, di: number): number {
  const d = w.s.depts[di]!;
  touch(w.s, d);
  d.busy--;
  if (d.moves.length > 0 && d.staff <= 1) d.moves.length = 0;
  if (d.moves.length === 0) return -1;
  const to = d.moves.shift()!;
  movePerson(w, di, to);
  return to;
}
