/**
 * The sim state: plain, JSON-serialisable data (the ticket Map is an index rebuilt on restore; the
 * snapshot stores tickets as an array). Internal fields sit next to the public ones of the contract.
 */
import type { DepartmentState, RequestState, SimEvent, TicketState, TimedCommand, TimelineSample } from './types';
import type { Static } from './compile';
import { newHeap, type HeapData } from './heap';
import type { NameBook } from './nameBook';
import type { TicketIndex } from './ticketIndex';
import { TicketMap } from './ticketMap';
import { seedRng } from './rng';
import { HIST_BINS } from './histogram';

export const J_WORK = 0;
export const J_REWORK = 1;
export const J_NOTES = 2;
export const J_CLARIFY = 3;
export const J_TRIAGE = 4;
export const JOB_NAMES = ['work', 'rework', 'notes', 'clarify', 'triage'] as const;

/** Where a ticket in transit goes: into the inbox, back to the outbox (misroute), to a clarify job. */
export const TM_INBOX = 0;
export const TM_OUTBOX = 1;
export const TM_CLARIFY = 2;

/** Triage outcome pending at a receiver: none, misroute, clarify bounce, entry without the skill. */
export const B_NONE = 0;
export const B_MISROUTE = 1;
export const B_CLARIFY = 2;
export const B_NOSKILL = 3;

export interface Ticket extends TicketState {
  wt: number;
  /** Department index (for transit: destination). */
  di: number;
  sk: number[];
  patience: number;
  willEscalate: boolean;
  penalty: number;
  moodTok: number;
  /** Open attribution segment: cause index and start. */
  cause: number;
  segStart: number;
  /** Closed segments, flat triples [cause, from, to]. */
  segs: number[];
  /** Cause index that overrides phase causes until the ticket is back in an outbox (-1 none). */
  override: number;
  qSeq: number;
  qEnter: number;
  /** In the department's pending list (notes/clarify) rather than its inbox. */
  inPending: boolean;
  /** Last handoff: sender index, receiver, care, chances; hOpen while its outcome is undecided. */
  hFrom: number;
  hTo: number;
  hOpen: boolean;
  hMis: boolean;
  hThorough: boolean;
  hAt: number;
  pBounce: number;
  pRework: number;
  bKind: number;
  tMode: number;
  jobKind: number;
  abandonDue: boolean;
  waited: number;
  /** Ripple keys (cause indices) this customer already counts in, null until the first. */
  rippleKeys: number[] | null;
  /** bit 1: patience event scheduled, bit 2: abandon event scheduled */
  timers: number;
}

export interface Dept extends DepartmentState {
  pendKind: number[];
  reqQ: number[];
  reqSeq: number[];
  absent: number;
  outage: number;
  evCauses: number[];
  moves: number[];
  seqBack: number;
  seqFront: number;
  lastT: number;
  busyInt: number;
  presentInt: number;
  qInt: number;
  arrivals: number;
  completed: number;
  waitSum: number;
  waitN: number;
}

export interface Req extends RequestState {
  granted: boolean;
  steps: number;
}

export interface Agg {
  finished: number;
  satSum: number;
  waitSum: number;
  resTimeSum: number;
  fcr: number;
  effortSum: number;
  hoTotal: number;
  hoQuick: number;
  hoThorough: number;
  hoRework: number;
  hoBounced: number;
  hoMisrouted: number;
  reqOnTime: number;
  reqLate: number;
  reqOpened: number;
  /** Only in levels where a work type's scoreWeight is not 1: weighted arrived, resolved, satisfaction. */
  wArrived?: number;
  wResolved?: number;
  wSatSum?: number;
}

export interface State {
  t: number;
  end: number;
  over: boolean;
  processed: number;
  rng: number[];
  /** Every event but the customers' own timers; its seq numbers the events of both heaps. */
  heap: HeapData;
  /** Patience and abandon timers in `timers` whose customer has left (see events.ts timersLeft). */
  stale: number;
  nextId: number;
  tickets: TicketMap<Ticket>;
  depts: Dept[];
  reqs: Req[];
  evActive: boolean[];
  surges: number[];
  arrTok: number;
  rate: number;
  scriptPos: number;
  nameIdx: number;
  counts: { arrived: number; resolved: number; abandoned: number; inSystem: number };
  serving: number;
  agg: Agg;
  attrib: number[];
  ripH: number[];
  ripC: number[];
  hist: number[];
  attention: number;
  log: TimedCommand[];
  timeline: TimelineSample[];
  nextSample: number;
  /**
   * The customers' own timers (patience, abandon, mood), numbered from heap.seq: most of the pending
   * events, and most never fire, so the heap the other events go through stays small. Saved and hashed
   * as part of `heap` (snapshot.ts), so the state's saved form is the same as with one heap.
   */
  timers: HeapData;
}

export interface World {
  s: State;
  st: Static;
  rec: boolean;
  out: SimEvent[];
  sampleEvery: number;
  /**
   * Only for the headless players (run.ts): the moments of the stale timers taken out of the heap. They
   * are asked when the clock passes such a moment, as they were when stale timers stayed in the heap,
   * so their runs (and the balance table) do not depend on when stale timers are swept out.
   */
  ticks?: HeapData;
  /** The customer names in use: a cache derived from s.tickets, never saved. */
  names?: NameBook;
  /** The tickets by id for the hot path: a cache of s.tickets, never saved (ticketIndex.ts). */
  ix: TicketIndex<Ticket>;
}

export function newAgg(): Agg {
  return {
    finished: 0, satSum: 0, waitSum: 0, resTimeSum: 0, fcr: 0, effortSum: 0,
    hoTotal: 0, hoQuick: 0, hoThorough: 0, hoRework: 0, hoBounced: 0, hoMisrouted: 0,
    reqOnTime: 0, reqLate: 0, reqOpened: 0,
  };
}

export function newState(st: Static, seed: number): State {
  const level = st.level;
  const depts: Dept[] = level.departments.map((d) => ({
    id: d.id, staff: d.staff, away: 0, busy: 0, inbox: [], outbox: [], pending: [], requestQueue: [],
    care: d.handoffCare, speedFactor: 1, qualityFactor: 1, status: 'green',
    pendKind: [], reqQ: [], reqSeq: [], absent: 0, outage: 0, evCauses: [], moves: [],
    seqBack: 0, seqFront: 0, lastT: 0, busyInt: 0, presentInt: 0, qInt: 0,
    arrivals: 0, completed: 0, waitSum: 0, waitN: 0,
  }));
  const reqs: Req[] = level.internalRequests.map((r) => ({
    id: r.id, status: 'pending', openedAt: null, dueAt: null, doneAt: null, overdue: false, granted: false, steps: 0,
  }));
  return {
    t: 0,
    end: level.durationSeconds,
    over: false,
    processed: 0,
    rng: seedRng(seed),
    heap: newHeap(),
    stale: 0,
    nextId: 1,
    tickets: new TicketMap<Ticket>(),
    depts,
    reqs,
    evActive: st.events.map(() => false),
    surges: [],
    arrTok: 0,
    rate: 0,
    scriptPos: 0,
    nameIdx: 0,
    counts: { arrived: 0, resolved: 0, abandoned: 0, inSystem: 0 },
    serving: 0,
    agg: newAgg(),
    attrib: new Array<number>(st.causes.length).fill(0),
    ripH: new Array<number>(st.causes.length).fill(0),
    ripC: new Array<number>(st.causes.length).fill(0),
    hist: new Array<number>(HIST_BINS).fill(0),
    attention: 0,
    log: [],
    timeline: [],
    nextSample: 0,
    timers: newHeap(),
  };
}
