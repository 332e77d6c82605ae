/** Absences, outages and surges: scheduled at `at`, or started by a facilitator inject. */
import { queueCause, setCause } from './attribution';
import { cEvent } from './compile';
import { resetArrivals } from './customers';
import { E_EVEND, schedule } from './events';
import { refreshAway, touch } from './desks';
import type { World } from './state';

/** Re-attribute the waiting of every inbox ticket at di (an absence/outage started or ended). */
function recauseQueue(w: World, di: number): void {
  const s = w.s;
  const d = s.depts[di]!;
  const c = queueCause(d, di);
  for (const id of d.inbox) {
    const T = s.tickets.get(id)!;
    if (T.override < 0) setCause(w, T, c);
  }
}

/** The event starts (false when it already runs). The dispatcher records it. */
export function beginLevelEvent(w: World, e: number): boolean {
  const s = w.s;
  const info = w.st.events[e]!;
  if (s.evActive[e]) return false;
  s.evActive[e] = true;
  const di = info.dept;
  if (info.kind === 'surge') {
    s.surges.push(e);
    resetArrivals(w);
  } else if (di >= 0) {
    const d = s.depts[di]!;
    touch(s, d);
    if (info.kind === 'absence') d.absent += info.staff;
    else d.outage++;
    d.evCauses.push(cEvent(w.st.D, e));
    refreshAway(w, d);
    recauseQueue(w, di);
  }
  schedule(s, s.t + info.duration, E_EVEND, e, 0);
  return true;
}

/**
 * The event ends. Returns null when it was not running, else the department whose people are back
 * (the dispatcher starts their jobs, then records the end), or -1 for a surge.
 */
export function finishLevelEvent(w: World, e: number): number | null {
  const s = w.s;
  const info = w.st.events[e]!;
  if (!s.evActive[e]) return null;
  s.evActive[e] = false;
  const di = info.dept;
  if (info.kind === 'surge') {
    const i = s.surges.indexOf(e);
    if (i >= 0) s.surges.splice(i, 1);
    resetArrivals(w);
    return -1;
  }
  if (di < 0) return -1;
  const d = s.depts[di]!;
  touch(s, d);
  if (info.kind === 'absence') d.absent -= info.staff;
  else d.outage--;
  const i = d.evCauses.indexOf(cEvent(w.st.D, e));
  if (i >= 0) d.evCauses.splice(i, 1);
  refreshAway(w, d);
  recauseQueue(w, di);
  return di;
}

export function recordLevelEvent(w: World, e: number, phase: 'start' | 'end'): void {
  if (!w.rec) return;
  const info = w.st.events[e]!;
  const di = info.dept;
  w.out.push({
    type: 'levelEvent', t: w.s.t, event: info.key, kind: info.kind, phase,
    dept: di >= 0 ? w.st.deptIds[di]! : null, text: info.text,
  });
}
