/** Absences, outages and surges: scheduled at `at`, or started by a facilitator inject. */
import { queueCause, setCause } from './attribution';
import { cEvent } from './compile';
import { resetArrivals } from './customers';
import { E_EVEND, schedule } from './events';
import { refreshAway, startJobs, touch } from './jobs';
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

export function startLevelEvent(w: World, e: number): void {
  const s = w.s;
  const info = w.st.events[e]!;
  if (s.evActive[e]) return;
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
  if (w.rec) {
    w.out.push({
      type: 'levelEvent', t: s.t, event: info.key, kind: info.kind, phase: 'start',
      dept: di >= 0 ? w.st.deptIds[di]! : null, text: info.text,
    });
  }
}

export function endLevelEvent(w: World, e: number): void {
  const s = w.s;
  const info = w.st.events[e]!;
  if (!s.evActive[e]) return;
  s.evActive[e] = false;
  const di = info.dept;
  if (info.kind === 'surge') {
    const i = s.surges.indexOf(e);
    if (i >= 0) s.surges.splice(i, 1);
    resetArrivals(w);
  } else if (di >= 0) {
    const d = s.depts[di]!;
    touch(s, d);
    if (info.kind === 'absence') d.absent -= info.staff;
    else d.outage--;
    const i = d.evCauses.indexOf(cEvent(w.st.D, e));
    if (i >= 0) d.evCauses.splice(i, 1);
    refreshAway(w, d);
    recauseQueue(w, di);
    startJobs(w, d, di);
  }
  if (w.rec) {
    w.out.push({
      type: 'levelEvent', t: s.t, event: info.key, kind: info.kind, phase: 'end',
      dept: di >= 0 ? w.st.deptIds[di]! : null, text: info.text,
    });
  }
}
