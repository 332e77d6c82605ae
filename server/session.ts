/**
 * A live session on the server, apart from any transport: its tables, who holds which seat, every
 * table's current round (server/tableRound.ts) and the results of finished ones. The Colyseus room
 * (server/liveRoom.ts) turns messages into calls here and sends out what the listener hears.
 *
 * Every change that must survive a restart goes to the journal as one small JSON event (seed, commands
 * with their sim times, seats, clock); `restoreSession` (server/restore.ts) folds a journal back into a session.
 */
import type { Level } from '../src/level/schema';
import { BOARD_SEAT, type SeatMode } from '../src/live/protocol';
import type { LogMessage } from '../src/roundlog/index';
import type { Command } from '../src/sim/types';
import { keyDigest, newToken, sameSecret } from './codes';
import type { JournalEvent } from './journal';
import { COMPUTER, FACILITATOR, TableRound, type RoundResult } from './tableRound';

export interface Device {
  token: string;
  seats: Set<string>;
  /** Highest command sequence number taken from this device (a resend at or below it is a repeat). */
  lastSeq: number;
  /** The answer to that last command, given again to a resend. */
  lastOutcome: CommandOutcome;
  connected: boolean;
  /**
   * When (wall ms, the session's clock) the device dropped; unset while it is connected. For the grace
   * time after it its seats wait for it (nobody plays them); after that the computer plays them.
   */
  awayAt?: number;
}

/** Who plays a seat now, as the facilitator and the other devices see it. */
export type SeatHolder = 'human' | 'reconnecting' | 'away' | 'computer';

/** Seconds a dropped device's seats wait for it before the computer plays them (a reload takes 2 to 5). */
export const GRACE_SECONDS = 20;

export interface Table {
  id: string;
  team: string;
  devices: Map<string, Device>;
  /** Seat -> device token holding it. A seat missing here is free (the computer plays it). */
  seats: Map<string, string>;
  round: TableRound | null;
  results: RoundResult[];
}

export interface SessionListener {
  /** Round-log messages of a table's round, to send to its replicas in this order. */
  log(table: Table, msgs: LogMessage[]): void;
  /** A table's round began, paused, resumed or ended: its replicas get the whole round again. */
  round(table: Table): void;
  seats(table: Table): void;
}

export type Outcome = { ok: true } | { ok: false; reason: string };
export type CommandOutcome =
  { ok: true; index: number; repeat?: boolean } | { ok: false; reason: string; repeat?: boolean };

export const noListener: SessionListener = { log() {}, round() {}, seats() {} };

export class LiveSession {
  readonly tables = new Map<string, Table>();
  leaderboard = false;
  /** The table the facilitator puts on the projector ('' lets the projector pick the first with a round). */
  projector = '';
  /** Sim seconds per wall second for every round (1 in a workshop). */
  speed = 1;
  listener: SessionListener = noListener;
  /** Wall clock in ms (the room gives its own; tests move it by hand). */
  now: () => number = Date.now;
  /** Seconds a dropped device's seats wait for it before the computer takes them over. */
  graceSeconds = GRACE_SECONDS;
  private nextTable = 1;
  private restoring = false;

  constructor(
    readonly code: string,
    readonly keyHash: string,
    readonly seatMode: SeatMode,
    readonly levels: (id: string) => Level | undefined,
    private journal: (e: JournalEvent) => void,
    record = true,
  ) {
    if (record) this.journal({ e: 'session', code, key: keyHash, seats: seatMode });
  }

  isFacilitatorKey(key: string): boolean {
    return sameSecret(keyDigest(key), this.keyHash);
  }

  private write(e: JournalEvent): void {
    if (!this.restoring) this.journal(e);
  }

  /** Finds the team's table by name (case and spacing ignored) or sets up a new one. */
  joinTable(team: string, deviceToken?: string): { table: Table; device: Device } {
    const name = team.toLocaleLowerCase();
    let table = [...this.tables.values()].find((t) => t.team.toLocaleLowerCase() === name);
    if (!table) table = this.addTable(`t${this.nextTable}`, team);
    let device = deviceToken ? table.devices.get(deviceToken) : undefined;
    if (!device) device = this.addDevice(table, deviceToken ?? newToken());
    device.connected = true;
    delete device.awayAt;
    // A whole-board table's first device takes the board at once, as at a laptop; so does a new device
    // while the board's device is away (a tab closed and opened again has lost its token), even during
    // the grace time: a person at the table is better than a board that waits.
    const holder = table.seats.get(BOARD_SEAT);
    if (this.seatMode === 'board' && (holder === undefined || !table.devices.get(holder)?.connected))
      this.claim(table, device, BOARD_SEAT, true);
    this.listener.seats(table);
    return { table, device };
  }

  addTable(id: string, team: string): Table {
    const table: Table = { id, team, devices: new Map(), seats: new Map(), round: null, results: [] };
    this.tables.set(id, table);
    this.nextTable = Math.max(this.nextTable, Number(id.slice(1)) + 1);
    this.write({ e: 'table', id, team });
    return table;
  }

  addDevice(table: Table, token: string): Device {
    const device: Device = {
      token,
      seats: new Set(),
      lastSeq: -1,
      lastOutcome: { ok: true, index: -1 },
      connected: false,
    };
    table.devices.set(token, device);
    this.write({ e: 'device', table: table.id, device: token });
    return device;
  }

  /**
   * The seats of a table: the board, or one per department of the level it plays now (its round's, while
   * one is on; else the next round's, so people take their desks for it before it starts).
   */
  seatNames(table: Table): string[] {
    if (this.seatMode === 'board') return [BOARD_SEAT];
    const level = this.seatLevel(table);
    return level ? level.departments.map((d) => d.id) : [];
  }

  private seatLevel(table: Table): Level | undefined {
    const round = table.round;
    return round && round.status !== 'over' ? round.level : this.levels(this.defaultLevel);
  }
  /** The level of the next round (the facilitator's choice): seats and briefings before a round follow it. */
  defaultLevel = 'right-desk';

  /** The facilitator chooses the next round's level; refused for a level this server does not have. */
  setNextLevel(levelId: string): Outcome {
    if (!this.levels(levelId)) return { ok: false, reason: `There is no level "${levelId}" on this server.` };
    if (levelId === this.defaultLevel) return { ok: true };
    this.defaultLevel = levelId;
    this.write({ e: 'next', level: levelId });
    for (const table of this.tables.values())
      if (!table.round || table.round.status === 'over') this.listener.seats(table);
    return { ok: true };
  }

  /**
   * Takes a seat for a device. A seat held by another device that is still connected is refused, and so
   * is one whose device is reconnecting (within the grace time), unless `evenReconnecting`.
   */
  claim(table: Table, device: Device, seat: string, evenReconnecting = false): Outcome {
    if (!this.seatNames(table).includes(seat))
      return { ok: false, reason: `This table has no seat "${seat}".` };
    const holder = table.seats.get(seat);
    if (holder === device.token) return { ok: true };
    const now = this.holderOf(table, seat);
    const name = seat === BOARD_SEAT ? 'the board' : this.seatLabel(table, seat);
    if (now === 'human') return { ok: false, reason: `Someone else at ${table.team} already plays ${name}.` };
    if (now === 'reconnecting' && !evenReconnecting)
      return {
        ok: false,
        reason: `The person at ${name} is reconnecting: the seat is kept for them for ${this.graceSeconds} seconds.`,
      };
    if (holder !== undefined) table.devices.get(holder)?.seats.delete(seat);
    table.seats.set(seat, device.token);
    device.seats.add(seat);
    this.write({ e: 'seat', table: table.id, seat, device: device.token });
    this.listener.seats(table);
    return { ok: true };
  }

  release(table: Table, device: Device, seat: string): Outcome {
    if (table.seats.get(seat) !== device.token) return { ok: false, reason: 'You do not hold that seat.' };
    table.seats.delete(seat);
    device.seats.delete(seat);
    this.write({ e: 'seat', table: table.id, seat, device: null });
    this.listener.seats(table);
    return { ok: true };
  }

  /**
   * A device connects or drops. A dropped device's seats wait for it for the grace time, unless it left
   * for good (`gone`: it said goodbye, or its reconnection window ran out): then the computer plays them now.
   */
  setConnected(table: Table, device: Device, connected: boolean, gone = false): void {
    if (connected) delete device.awayAt;
    else if (gone) device.awayAt = -Infinity;
    else if (device.connected || device.awayAt === undefined) device.awayAt = this.now();
    device.connected = connected;
    this.listener.seats(table);
  }

  /** A department's name in this table's level (the seat id when the level does not know it). */
  seatLabel(table: Table, seat: string): string {
    return this.seatLevel(table)?.departments.find((d) => d.id === seat)?.name ?? seat;
  }

  /**
   * Who plays a seat now: its connected device ('human'); its device dropped less than the grace time ago
   * ('reconnecting': the seat waits for it, nobody plays it); dropped longer ago ('away': the computer
   * plays it until it is back); nobody holds it ('computer').
   */
  holderOf(table: Table, seat: string): SeatHolder {
    const token = table.seats.get(seat);
    const device = token === undefined ? undefined : table.devices.get(token);
    if (!device) return 'computer';
    if (device.connected) return 'human';
    return this.inGrace(device) ? 'reconnecting' : 'away';
  }

  /** Whether a dropped device is still within its grace time. */
  inGrace(device: Device): boolean {
    return (
      !device.connected &&
      device.awayAt !== undefined &&
      this.now() - device.awayAt < this.graceSeconds * 1000
    );
  }

  /** Departments the computer plays now: seats nobody holds, or whose device is away past the grace time. */
  freeDepartments(table: Table): Set<string> {
    const round = table.round;
    if (!round) return new Set();
    const held = (seat: string) => {
      const who = this.holderOf(table, seat);
      return who === 'human' || who === 'reconnecting';
    };
    if (this.seatMode === 'board') return new Set(held(BOARD_SEAT) ? [] : round.departments());
    return new Set(round.departments().filter((d) => !held(d)));
  }

  /** A table's command, checked against the device's seats and applied once whatever the resends. */
  command(table: Table, device: Device, seq: number, cmd: Command): CommandOutcome {
    if (seq <= device.lastSeq)
      return seq === device.lastSeq
        ? { ...device.lastOutcome, repeat: true }
        : { ok: true, index: -1, repeat: true };
    const round = table.round;
    if (!round) return { ok: false, reason: 'No round is on at this table yet.' };
    const dept = round.departmentOf(cmd);
    if (dept === null) return { ok: false, reason: 'Only the facilitator can do that.' };
    const mine = this.seatMode === 'board' ? device.seats.has(BOARD_SEAT) : device.seats.has(dept);
    if (!mine)
      return {
        ok: false,
        reason:
          this.seatMode === 'board'
            ? 'Another device plays this board.'
            : `That is ${dept || 'another desk'}'s work, and you do not hold that seat.`,
      };
    const r = round.submit(cmd, this.seatMode === 'board' ? BOARD_SEAT : dept);
    if (r.entry === undefined || r.index === undefined)
      return r.ok ? { ok: true, index: -1 } : { ok: false, reason: r.reason };
    device.lastSeq = seq;
    device.lastOutcome = r.ok ? { ok: true, index: r.index } : { ok: false, reason: r.reason };
    this.write({ e: 'cmd', table: table.id, run: round.run, entry: r.entry, device: device.token, seq });
    this.flush(table);
    return device.lastOutcome;
  }

  /** The facilitator's own command (a live event, more time) for one table. */
  facilitatorCommand(table: Table, cmd: Command): CommandOutcome {
    const round = table.round;
    if (!round) return { ok: false, reason: `${table.team} has no round on.` };
    const r = round.submit(cmd, FACILITATOR);
    if (r.entry !== undefined && r.index !== undefined) {
      this.write({ e: 'cmd', table: table.id, run: round.run, entry: r.entry });
      this.flush(table);
    }
    return r.ok ? { ok: true, index: r.index } : { ok: false, reason: r.reason };
  }

  start(table: Table, levelId: string, seed: number): Outcome {
    const level = this.levels(levelId);
    if (!level) return { ok: false, reason: `There is no level "${levelId}" on this server.` };
    this.finish(table);
    const run = (table.round?.run ?? 0) + 1;
    table.round = new TableRound(table.id, run, level, seed, this.authorityId(table));
    table.round.status = 'running';
    table.round.speed = this.speed;
    this.write({ e: 'round', table: table.id, run, level: levelId, seed });
    this.write({ e: 'status', table: table.id, run, status: 'running', t: 0 });
    this.listener.round(table);
    this.listener.seats(table);
    return { ok: true };
  }

  setStatus(table: Table, status: 'running' | 'paused' | 'over'): Outcome {
    const round = table.round;
    if (!round) return { ok: false, reason: `${table.team} has no round on.` };
    if (round.status === 'over') return { ok: false, reason: `${table.team}'s round is over.` };
    round.status = status;
    this.write({ e: 'status', table: table.id, run: round.run, status, t: round.now() });
    if (status === 'over') this.finish(table);
    this.flush(table, status !== 'running');
    this.listener.round(table);
    return { ok: true };
  }

  /** Keeps the official result of a table's round once it is over (once per run). */
  private finish(table: Table): void {
    const round = table.round;
    if (!round || round.status !== 'over') return;
    if (table.results.some((r) => r.run === round.run)) return;
    table.results.push(round.result(table.team));
  }

  /**
   * Runs every running round on by `seconds` of sim time, lets the computer play the free seats, and
   * notes the clock in the journal when `noteTime` (a restart resumes from there; the room notes it about
   * once a second). Returns the tables that ran.
   */
  advance(seconds: number, noteTime = true): Table[] {
    const moved: Table[] = [];
    for (const table of this.tables.values()) {
      const round = table.round;
      if (!round || round.status !== 'running') continue;
      const ended = round.advance(seconds * this.speed);
      for (const { entry } of round.computerTurn(this.freeDepartments(table)))
        this.write({ e: 'cmd', table: table.id, run: round.run, entry });
      if (noteTime && !ended) this.write({ e: 'time', table: table.id, run: round.run, t: round.now() });
      if (ended) {
        this.write({ e: 'status', table: table.id, run: round.run, status: 'over', t: round.now() });
        this.finish(table);
        this.flush(table, true);
        this.listener.round(table);
      } else this.flush(table);
      moved.push(table);
    }
    return moved;
  }

  /** The replicas' trusted authority for a table's rounds: stable across restarts of the server. */
  authorityId(table: Table): string {
    return `room:${this.code}:${table.id}`;
  }

  /** Sends what the table's authority queued (entries, checks), plus its hash now when `checkNow`. */
  flush(table: Table, checkNow = false): void {
    const round = table.round;
    if (!round) return;
    const msgs = round.take();
    const check = checkNow ? round.checkNow() : null;
    if (check) msgs.push(check);
    if (msgs.length > 0) this.listener.log(table, msgs);
  }

  setLeaderboard(show: boolean): void {
    this.leaderboard = show;
    this.write({ e: 'leaderboard', show });
  }

  /** Puts a table on the projector ('' lets the projector pick); refused for a table that is not here. */
  setProjector(tableId: string): Outcome {
    if (tableId !== '' && !this.tables.has(tableId)) return { ok: false, reason: 'There is no such table.' };
    if (tableId === this.projector) return { ok: true };
    this.projector = tableId;
    this.write({ e: 'projector', table: tableId });
    return { ok: true };
  }

  /** Every official result of every table, finished rounds first, in table order. */
  results(): RoundResult[] {
    return [...this.tables.values()].flatMap((t) => t.results);
  }

  /** Restore only: replays journal events without writing them again. */
  withoutJournal(fn: () => void): void {
    this.restoring = true;
    try {
      fn();
    } finally {
      this.restoring = false;
    }
  }
}

export { COMPUTER };
