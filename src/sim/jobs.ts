/** A person starts a job on a ticket: its kind, length and cause, and the event that ends it. */
import { setCause } from './attribution';
import { cService } from './compile';
import { setPhase, takePerson } from './desks';
import { sample } from './distributions';
import { E_JOB, schedule } from './events';
import { STREAM_SERVICE } from './rng';
import { J_WORK, JOB_NAMES, type Dept, type Ticket, type World } from './state';

/** `newPerson`: a free person takes the job (else the one already at it goes on, as with rework). */
export function beginJob(
  w: World,
  T: Ticket,
  d: Dept,
  di: number,
  kind: number,
  dur: number,
  cause: number,
  newPerson: boolean,
): void {
  const s = w.s;
  if (newPerson) takePerson(w, d);
  setPhase(s, T, 'service');
  T.jobKind = kind;
  const t = s.t;
  const end = t + dur;
  T.job = { kind: JOB_NAMES[kind]!, start: t, end };
  T.di = di;
  T.dept = d.id;
  setCause(w, T, T.override >= 0 ? T.override : cause);
  schedule(s, end, E_JOB, T.id, kind);
  if (w.rec) w.out.push({ type: 'jobStart', t, ticket: T.id, dept: d.id, kind: JOB_NAMES[kind]!, end });
}

/** The work of the ticket's current step, timed by the department's service time for that skill. */
export function startWork(w: World, T: Ticket, d: Dept, di: number, newPerson: boolean): void {
  const st = w.st;
  const dist = st.svc[di * st.S + T.sk[T.step]!]!;
  beginJob(w, T, d, di, J_WORK, sample(dist, w.s.rng, STREAM_SERVICE) * d.speedFactor, cService(di), newPerson);
}
