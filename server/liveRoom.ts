/**
 * The Colyseus room of one live session. Its room id is the session's join code, so a table joins with
 * `joinById(code)`. The facilitator creates it with a key of its own making (only its digest is kept);
 * tables join with a team name and no account; the projector joins read-only.
 *
 * The room is only transport: every rule is in LiveSession and TableRound. Each message type is checked
 * at the edge (server/roomEdge.ts: size, shape, who may send it) before it reaches them; a refusal is
 * answered in plain words. The synced state's picture of a table is drawn by server/state.ts.
 */
import { ClientState, ErrorCode, Room, ServerError, type Client } from '@colyseus/core';
import {
  MAX_MESSAGES_PER_SECOND,
  type AckMessage,
  type ClientMessageType,
  type ResultMessage,
  type Role,
  type SeatsMessage,
  type TableLogMessage,
  type WelcomeMessage,
} from '../src/live/protocol';
import { keyDigest, newJoinCode } from './codes';
import type { JournalStore } from './journal';
import type { LevelShelf } from './levels';
import { LiveSession, noListener, type Table } from './session';
import { checked, readJoin, type Handler, type Who } from './roomEdge';
import { copyTable, LiveState } from './state';
import { publicResult } from './tableRound';

/** Least time between two whole rounds sent to one device for one table on its asking. */
const CATCHUP_MS = 250;

export interface LiveContext {
  store: JournalStore;
  levels: LevelShelf;
  /** Sessions read back from the journal at boot, waiting for their room (by restore ticket). */
  restores: Map<string, LiveSession>;
  /** Seconds a dropped device keeps its Colyseus reconnection (its seat is held longer, until claimed). */
  reconnectSeconds: number;
  /**
   * Seconds a dropped device's seats wait for it (nobody plays them, the others see "reconnecting")
   * before the computer plays them; default GRACE_SECONDS.
   */
  graceSeconds?: number;
  /** Milliseconds between clock steps of every round. */
  stepMs: number;
  /** Every this many steps: the overview and the clock in the journal. */
  tickEvery: number;
  /**
   * Every this many steps a tick (sim time, speed, pause) to the replicas, so a device's board runs
   * smoothly between them (default 2: five a second at the default 100 ms step).
   */
  beatEvery?: number;
  /** Wall clock in ms (tests pass their own). */
  now: () => number;
  /** Sim seconds per wall second (1 in a workshop; the bench plays faster). */
  speed: number;
  /** This server's addresses on the venue network, best first (server/addresses.ts), asked at each join. */
  addresses: () => string[];
}

let context: LiveContext | null = null;
export function setLiveContext(c: LiveContext): void {
  context = c;
}
function ctx(): LiveContext {
  if (!context) throw new Error('The live room needs setLiveContext() before the server starts.');
  return context;
}

export class LiveRoom extends Room<{ state: LiveState }> {
  session!: LiveSession;
  override maxClients = 400;
  override autoDispose = false;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  private steps = 0;
  private lastCatchup = new Map<string, number>();
  private last = 0;

  override onCreate(options: { restore?: unknown }): void {
    const c = ctx();
    const restored = typeof options.restore === 'string' ? c.restores.get(options.restore) : undefined;
    if (restored) {
      c.restores.delete(options.restore as string);
      this.session = restored;
    } else {
      const join = readJoin(options);
      if (join.role !== 'facilitator')
        throw new ServerError(ErrorCode.APPLICATION_ERROR, 'Only a facilitator can start a live session.');
      const code = newJoinCode();
      this.session = new LiveSession(code, keyDigest(join.key), join.seats ?? 'board', c.levels.get, (e) =>
        c.store.append(code, e),
      );
    }
    this.roomId = this.session.code;
    this.session.speed = c.speed;
    this.session.now = c.now;
    if (c.graceSeconds !== undefined) this.session.graceSeconds = c.graceSeconds;
    // After a restart every device is away: each gets the grace time from now to join again.
    if (restored)
      for (const t of this.session.tables.values())
        for (const d of t.devices.values()) if (!d.connected) d.awayAt = c.now();
    for (const t of this.session.tables.values()) if (t.round) t.round.speed = c.speed;
    this.state = new LiveState();
    this.state.code = this.session.code;
    this.state.seatMode = this.session.seatMode;
    this.state.leaderboard = this.session.leaderboard;
    this.state.projector = this.session.projector;
    this.state.next = this.session.defaultLevel;
    this.session.listener = {
      log: (table, msgs) => {
        for (const msg of msgs)
          this.sendToTable(table.id, 'log', { table: table.id, msg } satisfies TableLogMessage);
      },
      round: (table) => {
        if (table.round)
          this.sendToTable(table.id, 'log', {
            table: table.id,
            msg: table.round.snapshot(),
          } satisfies TableLogMessage);
        const result = this.resultOf(table);
        if (result) this.sendToTable(table.id, 'result', result);
        this.overview(table);
      },
      seats: (table) => {
        this.overview(table);
        this.sendSeats(table);
      },
    };
    for (const t of this.session.tables.values()) this.overview(t);
    this.last = c.now();
    this.clock.setInterval(() => this.step(), c.stepMs);
    this.listen();
  }

  override onAuth(_client: Client, options: unknown): Who {
    const join = readJoin(options);
    if (join.role === 'facilitator') {
      if (!this.session.isFacilitatorKey(join.key))
        throw new ServerError(ErrorCode.AUTH_FAILED, 'That facilitator key does not open this session.');
      return { role: 'facilitator' };
    }
    if (join.role === 'table')
      return { role: 'table', table: join.team, ...(join.device ? { device: join.device } : {}) };
    return { role: 'projector' };
  }

  override onJoin(client: Client, _options: unknown, auth: Who): void {
    const welcome: WelcomeMessage = { role: auth.role, code: this.session.code };
    if (auth.role === 'table') {
      const { table, device } = this.session.joinTable(auth.table ?? '', auth.device);
      client.userData = { role: 'table', table: table.id, device: device.token } satisfies Who;
      welcome.table = table.id;
      welcome.device = device.token;
      welcome.seats = [...device.seats];
      client.send('welcome', welcome);
      this.sendRound(client, table);
      return;
    }
    client.userData = { role: auth.role } satisfies Who;
    // The facilitator's page at localhost builds the tables' join link from these (a phone cannot open localhost).
    if (auth.role === 'facilitator') welcome.addresses = ctx().addresses().slice(0, 16);
    client.send('welcome', welcome);
    for (const t of this.session.tables.values()) this.sendRound(client, t);
  }

  override onDrop(client: Client): void {
    this.setConnected(client, false);
    // Refused while the room shuts down: the device then rejoins the restarted server with its token.
    this.allowReconnection(client, ctx().reconnectSeconds).catch(() => {});
  }

  override onReconnect(client: Client): void {
    this.setConnected(client, true);
    const who = client.userData as Who | undefined;
    const table = who?.table ? this.session.tables.get(who.table) : undefined;
    if (table) this.sendRound(client, table);
    else if (who?.role !== 'table') for (const t of this.session.tables.values()) this.sendRound(client, t);
  }

  override onLeave(client: Client): void {
    // A reload or a rejoin after a restart may have connected the same device again meanwhile. A device
    // that said goodbye, or whose reconnection window ran out, is not coming back soon: no grace time.
    this.setConnected(client, false, true);
    for (const key of this.lastCatchup.keys())
      if (key.startsWith(`${client.sessionId}|`)) this.lastCatchup.delete(key);
  }

  /** Ends the session for good: its journal is set aside and it is not resumed after a restart. */
  async close(): Promise<void> {
    this.session.listener = noListener;
    await ctx().store.close(this.session.code);
    await this.disconnect();
  }

  private setConnected(client: Client, connected: boolean, gone = false): void {
    const found = this.deviceOf(client);
    if (found)
      this.session.setConnected(
        found.table,
        found.device,
        connected || this.otherSocket(found.device.token, client),
        gone,
      );
  }

  /**
   * Whether another open connection uses this device token: a reload, or a rejoin after the device went
   * offline, connects again before the old socket's reconnection window runs out (and that one then leaves).
   */
  private otherSocket(token: string, except: Client): boolean {
    return this.clients.some(
      (c) =>
        c !== except && c.state !== ClientState.LEAVING && (c.userData as Who | undefined)?.device === token,
    );
  }

  private deviceOf(
    client: Client,
  ): { table: Table; device: NonNullable<ReturnType<Table['devices']['get']>> } | null {
    const who = client.userData as Who | undefined;
    if (who?.role !== 'table' || !who.table || !who.device) return null;
    const table = this.session.tables.get(who.table);
    const device = table?.devices.get(who.device);
    return table && device ? { table, device } : null;
  }

  private sendRound(client: Client, table: Table): void {
    if (!table.round) return;
    client.send('log', { table: table.id, msg: table.round.snapshot() } satisfies TableLogMessage);
    const result = this.resultOf(table);
    if (result) client.send('result', result);
  }

  /** The official result of the table's current round once it is over. */
  private resultOf(table: Table): ResultMessage | null {
    const round = table.round;
    if (!round || round.status !== 'over') return null;
    const r = table.results.find((x) => x.run === round.run);
    return r ? publicResult(r) : null;
  }

  /** Tells each device of the table which seats it holds now (a seat may go to another device while it is away). */
  private sendSeats(table: Table): void {
    for (const c of this.clients) {
      const who = c.userData as Who | undefined;
      const device = who?.table === table.id && who.device ? table.devices.get(who.device) : undefined;
      if (device) c.send('seats', { seats: [...device.seats] } satisfies SeatsMessage);
    }
  }

  private sendToTable(tableId: string, type: string, msg: unknown): void {
    for (const c of this.clients) {
      const who = c.userData as Who | undefined;
      if (!who) continue;
      if (who.role !== 'table' || who.table === tableId) c.send(type, msg);
    }
  }

  private step(): void {
    const c = ctx();
    const now = c.now();
    const seconds = Math.min(5, Math.max(0, (now - this.last) / 1000));
    this.last = now;
    this.steps += 1;
    const tick = this.steps % c.tickEvery === 0;
    const beat = this.steps % (c.beatEvery ?? Math.min(2, c.tickEvery)) === 0;
    const moved = this.session.advance(seconds, tick);
    if (!tick && !beat) return;
    // A seat's "reconnecting" turns "away" when its grace time runs out, even at a table that is paused.
    if (tick) {
      const lately = now - (this.session.graceSeconds + 5) * 1000;
      for (const table of this.session.tables.values())
        if (
          !moved.includes(table) &&
          [...table.devices.values()].some((d) => (d.awayAt ?? -Infinity) > lately)
        )
          this.overview(table);
    }
    for (const table of moved) {
      if (table.round && beat)
        this.sendToTable(table.id, 'log', {
          table: table.id,
          msg: table.round.tick(),
        } satisfies TableLogMessage);
      if (tick) this.overview(table);
    }
  }

  /** Copies a table's public picture into the synced state. */
  private overview(table: Table): void {
    copyTable(this.state, this.session, table);
  }

  private on<K extends ClientMessageType>(type: K, roles: Role[], handle: Handler<K>): void {
    this.onMessage(type, checked(type, roles, handle));
  }

  private listen(): void {
    this.onMessage('*', (client: Client, type: string | number) =>
      client.send('refused', {
        type: String(type).slice(0, 40),
        seq: -1,
        reason: 'The server does not know that message.',
      }),
    );
    this.on('cmd', ['table'], (client, msg) => {
      const found = this.deviceOf(client);
      if (!found) return;
      const r = this.session.command(found.table, found.device, msg.seq, msg.cmd);
      const ack: AckMessage = r.ok
        ? { seq: msg.seq, ok: true, index: r.index }
        : { seq: msg.seq, ok: false, reason: r.reason };
      client.send('ack', ack);
    });
    this.on('claim', ['table'], (client, msg) => {
      const found = this.deviceOf(client);
      if (!found) return;
      const r = this.session.claim(found.table, found.device, msg.seat);
      client.send(
        'seat',
        r.ok ? { seat: msg.seat, ok: true } : { seat: msg.seat, ok: false, reason: r.reason },
      );
    });
    this.on('release', ['table'], (client, msg) => {
      const found = this.deviceOf(client);
      if (!found) return;
      const r = this.session.release(found.table, found.device, msg.seat);
      client.send(
        'seat',
        r.ok ? { seat: msg.seat, ok: true, released: true } : { seat: msg.seat, ok: false, reason: r.reason },
      );
    });
    this.on('catchup', ['table', 'projector', 'facilitator'], (client, msg, who) => {
      if (who.role === 'table' && who.table !== msg.table)
        return client.send('refused', { type: 'catchup', seq: -1, reason: 'That is another table.' });
      // A whole round is the largest answer: at most a few a second per device and table.
      const key = `${client.sessionId}|${msg.table}`;
      const now = Date.now();
      if (now - (this.lastCatchup.get(key) ?? -Infinity) < CATCHUP_MS) return;
      this.lastCatchup.set(key, now);
      const table = this.session.tables.get(msg.table);
      if (table) this.sendRound(client, table);
    });
    this.on('next', ['facilitator'], (client, msg) => {
      const r = this.session.setNextLevel(msg.levelId);
      if (!r.ok) return client.send('refused', { type: 'next', seq: -1, reason: r.reason });
      this.state.next = this.session.defaultLevel;
    });
    this.on('control', ['facilitator'], (client, msg) => {
      const targets = this.targets(msg.table);
      const problems: string[] = [];
      // Starting a level makes it the next round's too (a table that joins later is seated for it).
      if (msg.action === 'start' && msg.levelId && this.session.setNextLevel(msg.levelId).ok)
        this.state.next = this.session.defaultLevel;
      for (const t of targets) {
        const r =
          msg.action === 'start'
            ? this.session.start(t, msg.levelId ?? this.session.defaultLevel, msg.seed ?? 1)
            : msg.action === 'pause'
              ? this.session.setStatus(t, 'paused')
              : msg.action === 'resume'
                ? this.session.setStatus(t, 'running')
                : msg.action === 'end'
                  ? this.session.setStatus(t, 'over')
                  : this.session.facilitatorCommand(t, { type: 'extend', seconds: 60 });
        if (!r.ok) problems.push(r.reason);
        // At once, also while paused (a paused table's card moves at no tick): "+1 minute" shows as "of 6:00".
        this.overview(t);
      }
      if (targets.length === 0)
        problems.push(msg.table ? 'There is no such table.' : 'No table has joined yet.');
      client.send('done', { action: msg.action, tables: targets.length, problems });
    });
    this.on('event', ['facilitator'], (client, msg) => {
      const problems = this.targets(undefined).flatMap((t) => {
        const r = this.session.facilitatorCommand(t, { type: 'inject', event: msg.event });
        return r.ok ? [] : [`${t.team}: ${r.reason}`];
      });
      client.send('done', { action: 'event', problems });
    });
    this.on('leaderboard', ['facilitator'], (_client, msg) => {
      this.session.setLeaderboard(msg.show);
      this.state.leaderboard = msg.show;
    });
    this.on('project', ['facilitator'], (client, msg) => {
      const r = this.session.setProjector(msg.table);
      if (!r.ok) return client.send('refused', { type: 'project', seq: -1, reason: r.reason });
      this.state.projector = this.session.projector;
    });
    this.onMessage('results', (client: Client) => {
      if ((client.userData as Who | undefined)?.role !== 'facilitator') return;
      client.send('results', this.session.results());
    });
  }

  private targets(tableId: string | undefined): Table[] {
    if (tableId === undefined) return [...this.session.tables.values()];
    const t = this.session.tables.get(tableId);
    return t ? [t] : [];
  }
}
