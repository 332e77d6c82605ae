/**
 * The room's public picture, synced by Colyseus to every device (tables, projector, facilitator): the
 * session's code and, per table, who is connected, who plays which seat, how the round stands and the
 * score so far. Secrets (the facilitator key, device tokens) never go here.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';
import type { LiveSession, Table } from './session';

export const SeatState = schema(
  {
    /**
     * 'human' (a connected device), 'reconnecting' (its device dropped moments ago: the seat waits for
     * it), 'away' (dropped longer ago: the computer plays it meanwhile), 'computer' (nobody holds it).
     */
    who: t.string().default('computer'),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const TableState = schema(
  {
    id: t.string().default(''),
    team: t.string().default(''),
    devices: t.uint16().default(0),
    seats: t.map(SeatState),
    run: t.uint16().default(0),
    levelId: t.string().default(''),
    status: t.string().default('waiting'),
    simTime: t.float64().default(0),
    end: t.float64().default(0),
    score: t.float64().default(0),
    served: t.uint32().default(0),
    gaveUp: t.uint32().default(0),
    inSystem: t.uint32().default(0),
  },
  'TableState',
);
export type TableState = SchemaType<typeof TableState>;

export const LiveState = schema(
  {
    code: t.string().default(''),
    seatMode: t.string().default('board'),
    leaderboard: t.boolean().default(false),
    /** The table the facilitator puts on the projector ('' lets the projector pick the first with a round). */
    projector: t.string().default(''),
    /** The level of the next round, as the facilitator chose it (tables show its briefing meanwhile). */
    next: t.string().default(''),
    tables: t.map(TableState),
  },
  'LiveState',
);
export type LiveState = SchemaType<typeof LiveState>;

/** Copies a table's public picture (devices, who holds each seat, its round's clock and score) into `state`. */
export function copyTable(state: LiveState, session: LiveSession, table: Table): void {
  let s = state.tables.get(table.id);
  if (!s) {
    s = new TableState();
    s.id = table.id;
    state.tables.set(table.id, s);
  }
  s.team = table.team;
  s.devices = [...table.devices.values()].filter((d) => d.connected).length;
  const seats = session.seatNames(table);
  // In the level's order: a next level with other desks (or the same in another order) starts afresh.
  const kept = [...s.seats.keys()];
  if (kept.some((key, i) => key !== seats[i])) for (const key of kept) s.seats.delete(key);
  for (const seat of seats) {
    const who = session.holderOf(table, seat);
    let st = s.seats.get(seat);
    if (!st) {
      st = new SeatState();
      s.seats.set(seat, st);
    }
    st.who = who;
  }
  const round = table.round;
  if (!round) return;
  const counts = round.counts();
  s.run = round.run;
  s.levelId = round.level.id;
  s.status = round.status;
  s.simTime = round.now();
  s.end = round.end();
  s.score = round.score().total;
  s.served = counts.resolved;
  s.gaveUp = counts.abandoned;
  s.inSystem = counts.inSystem;
}
