/**
 * The real game board on a live workshop's device: a table's device (it plays its seats) or the
 * projector (it shows the table the facilitator picks). Either way the board is the solo game's own
 * play scene, fed by replicas (src/roundlog, through ../replicas.ts) of the room server's ordered log:
 *
 *  - every player action on a table's board is a contract command sent to the server with this
 *    device's next sequence number (kept in session storage, so a reload carries on above it); the
 *    device never applies it itself, it comes back in the log like everyone else's;
 *  - a command for a desk this device does not hold is refused at once with the server's words
 *    (../seatRules.ts); the server's own refusals come back in the 'ack' and show as in solo play;
 *  - the clock is the server's: speed, pause and leave do nothing here (the facilitator pauses,
 *    resumes, adds a minute or ends the round for the table), and the round's results screen shows the
 *    server's official result.
 *
 * No socket here: the page passes messages in and gives `send` (which drops a message while the room
 * is away; unacknowledged commands are sent again, same sequence number, once it is back).
 */
import Phaser from 'phaser';
import type { GameAudio } from '../../audio/index';
import type { AttachLive, PlayLive } from '../../game/hooks';
import { refusalToast } from '../../game/play/rippleText';
import { SCENES } from '../../game/scenes/common';
import { startScene } from '../../game/scenes/sceneData';
import type { Level } from '../../level/schema';
import type { ApplyResult, Command } from '../../sim/types';
import type { Speed, UiStoreApi } from '../../store/store';
import { BOARD_SEAT, type AckMessage, type ResultMessage, type SeatMode } from '../protocol';
import { createTableReplicas } from '../replicas';
import { followingSim, quietReplay } from '../../roundlog/forwardingSim';
import { commandDepartment, notYourDesk } from '../seatRules';
import { describeBoard, type LiveBoardInfo } from './boardInfo';
import { holdersOf, mountBoardOverlay } from './boardOverlay';

export type { LiveBoardInfo };

/** The room's public picture as the board reads it (the synced Colyseus state). */
export interface RoomView {
  seatMode: string;
  projector?: string;
  tables: ReadonlyMap<
    string,
    { team: string; status: string; run: number; seats: ReadonlyMap<string, { who: string }> }
  >;
}

export interface LiveBoard {
  /** A 'log' message of the room (a table's round-log message). */
  log(data: unknown): void;
  result(r: ResultMessage): void;
  ack(a: AckMessage): void;
  /** A 'refused' answer of the room (a command the room could not even read). */
  refused(r: { type: string; seq: number; reason: string }): void;
  /** The seats this device holds (from the welcome and every 'seats' message). */
  seats(seats: readonly string[]): void;
  /** The synced room state changed. */
  room(view: RoomView): void;
  /** The page's link to the room: up (with its send) or away. */
  link(send: ((type: string, msg: unknown) => void) | null): void;
  attachLive: AttachLive;
  /** The level of the shown table's round (its briefing, the seat buttons' names), once a round is known. */
  roundLevel(): Level | null;
  /** Called by the game's boot scene instead of the title. */
  booted(game: Phaser.Game): void;
  info(): LiveBoardInfo;
  /** What the board shows now, cheaply (the projector's words about it). */
  shown(): { table: string | null; showing: LiveBoardInfo['showing']; chosen: boolean };
}

export interface LiveBoardDeps {
  role: 'table' | 'projector';
  code: string;
  /** A table's own id (a table's device), once the welcome said it. */
  table?: () => string | null;
  store: UiStoreApi;
  audio: GameAudio | null;
  game: () => Phaser.Game | null;
  /** Where this device keeps its next sequence number (session storage). */
  seqStore?: { get(): number; set(n: number): void };
}

const PAUSED_WORDS = 'paused the round';
const toSpeed = (s: number, paused: boolean): Speed => (paused || s <= 0 ? 0 : s >= 4 ? 4 : s >= 2 ? 2 : 1);
/** Unanswered commands older than this are not sent again after a reconnect (the moment has passed). */
const RESEND_MS = 15_000;

/** A board never places a logged command itself: the room server orders the log. */
const SERVER_PLACES: ApplyResult = {
  ok: false,
  reason: 'Only the room server places commands in this round.',
};

export function createLiveBoard(deps: LiveBoardDeps): LiveBoard {
  const replicas = createTableReplicas(deps.code, quietReplay);
  let send: ((type: string, msg: unknown) => void) | null = null;
  let view: RoomView | null = null;
  let mine = new Set<string>();
  const results = new Map<string, ResultMessage>();
  let game: Phaser.Game | null = null;
  let shown: { key: string; showing: LiveBoardInfo['showing'] } = { key: '', showing: 'waiting' };
  const pending = new Map<number, { cmd: Command; at: number }>();
  const counts = { sent: 0, acked: 0, refused: 0 };
  let memSeq = 0;
  const seq = deps.seqStore ?? { get: () => memSeq, set: (n: number) => void (memSeq = n) };
  let lastAsk = 0;

  /** The projector shows the table the facilitator picked, not one it chose itself. */
  const chosen = (): boolean =>
    deps.role === 'projector' && !!view?.projector && !!replicas.get(view.projector);
  const shownTable = (): string | null => {
    if (deps.role === 'table') return deps.table?.() ?? null;
    const pick = view?.projector;
    if (pick && replicas.get(pick)) return pick;
    // The projector's own choice: the first table (in joining order) with a round.
    const ids = view ? [...view.tables.keys()] : replicas.tables();
    return ids.find((id) => replicas.get(id)?.target()?.level) ?? ids[0] ?? null;
  };
  const replica = () => {
    const id = shownTable();
    return id ? replicas.get(id) : undefined;
  };
  const seatMode = (): SeatMode => (view?.seatMode === 'departments' ? 'departments' : 'board');

  function askRound(table: string): void {
    const now = performance.now();
    if (now - lastAsk < 300) return;
    lastAsk = now;
    send?.('catchup', { table });
  }

  function toast(text: string, kind: 'info' | 'error' = 'error'): void {
    const now = game?.loop.time ?? performance.now();
    deps.store.getState().toast(text, kind, now);
    if (kind === 'error') deps.audio?.cue('invalid', now);
  }

  /** A player's command on this board: checked against this device's seats, then to the server. */
  function submit(cmd: Command): ApplyResult {
    if (deps.role !== 'table') return { ok: false, reason: 'The projector only shows the game.' };
    const r = replica();
    const sim = r?.sim();
    const level = r?.target()?.level;
    if (!sim || !level) return { ok: false, reason: 'The round has not started yet.' };
    if (r.target()?.paused)
      return { ok: false, reason: `The facilitator has ${PAUSED_WORDS}. Wait for it to go on.` };
    const dept = commandDepartment(cmd, level, (id) => sim.ticket(id)?.dept);
    if (dept === null) return { ok: false, reason: 'Only the facilitator can do that.' };
    const other = notMine(dept, level);
    if (other) return { ok: false, reason: other };
    if (!send)
      return { ok: false, reason: 'This device is not connected: wait a moment, it is joining again.' };
    const n = seq.get() + 1;
    seq.set(n);
    pending.set(n, { cmd, at: performance.now() });
    counts.sent += 1;
    send('cmd', { seq: n, cmd });
    return { ok: true };
  }

  /** Why this device may not act for a desk (another person or device holds it), or null when it may. */
  function notMine(dept: string, level: Level | null | undefined): string | null {
    if (deps.role !== 'table') return 'The projector only shows the game.';
    if (seatMode() === 'board')
      return mine.has(BOARD_SEAT) ? null : 'Another device at your table plays this board.';
    if (mine.has(dept)) return null;
    if (mine.size === 0) return 'Take a desk first (the buttons above the board).';
    return notYourDesk(level?.departments.find((d) => d.id === dept)?.name ?? null);
  }

  function render(): void {
    const g = game;
    if (!g) return;
    const id = shownTable();
    const r = id ? replicas.get(id) : undefined;
    const target = r?.target();
    if (!id || !r || !target?.level) {
      if (shown.key !== 'waiting') {
        shown = { key: 'waiting', showing: 'waiting' };
        for (const s of g.scene.getScenes(true)) g.scene.stop(s.scene.key);
        startScene(g.scene, SCENES.play, { waiting: true });
      }
      return;
    }
    const level = target.level;
    const res = results.get(id);
    if (res && res.run === target.run && deps.role === 'projector' && !chosen()) {
      // Nobody chose this table: the room sees every table's score (the page's words), not its results.
      if (shown.key === 'scores') return;
      shown = { key: 'scores', showing: 'scores' };
      for (const s of g.scene.getScenes(true)) g.scene.stop(s.scene.key);
      startScene(g.scene, SCENES.play, { waiting: true });
      return;
    }
    if (res && res.run === target.run) {
      const key = `${id}|${target.run}|results`;
      if (shown.key === key) return;
      r.sync();
      const sim = r.sim();
      if (!sim) return;
      shown = { key, showing: 'results' };
      for (const s of g.scene.getScenes(true)) g.scene.stop(s.scene.key);
      const team = view?.tables.get(id)?.team ?? '';
      startScene(g.scene, SCENES.results, {
        level,
        levelId: target.levelId ?? level.id,
        seed: target.seed,
        score: res.score,
        metrics: res.metrics,
        commandLog: sim.commandLog(),
        timeline: sim.timeline(),
        outcome: { savedRound: null },
        live: {
          note:
            deps.role === 'projector'
              ? `${team}: the room server's official result. The facilitator starts the next round.`
              : 'The room server\u2019s official result for your table. The facilitator starts the next round.',
        },
      });
      return;
    }
    const key = `${id}|${target.run}|play`;
    if (shown.key === key && g.scene.isActive(SCENES.play)) return;
    shown = { key, showing: 'play' };
    for (const s of g.scene.getScenes(true)) g.scene.stop(s.scene.key);
    startScene(g.scene, SCENES.play, {
      level,
      levelId: target.levelId ?? level.id,
      seed: target.seed,
      ...(deps.role === 'projector' ? { audience: true } : {}),
    });
  }

  const attachLive: AttachLive = (scene, ctx, fallback) => {
    const id = shownTable();
    const r = id ? replicas.get(id) : undefined;
    if (!r || !id) return null;
    const projector = deps.role === 'projector';
    if (projector) {
      if (scene.input) scene.input.enabled = false;
      if (scene.input?.keyboard) scene.input.keyboard.enabled = false;
    }
    const overlay = mountBoardOverlay(scene, ctx.level);
    const fb = fallback();
    const sim = followingSim(
      () => r.sim() ?? fb,
      submit,
      () => SERVER_PLACES,
    );
    let wasPaused = false;
    const onPre = (_t: number, delta: number) => {
      r.frame(Math.min(0.25, Math.max(0, delta / 1000)));
      const t = r.target();
      const paused = t?.paused ?? true;
      // The round goes on: a "paused" refusal from during the pause no longer holds.
      if (wasPaused && !paused) {
        const st = deps.store.getState();
        for (const x of st.toasts) if (x.text.includes(PAUSED_WORDS)) st.dropToast(x.id);
      }
      wasPaused = paused;
      const speed = toSpeed(t?.speed ?? 1, paused);
      if (deps.store.getState().speed !== speed) deps.store.getState().setSpeed(speed);
      const team = view?.tables.get(id)?.team;
      const holders = deskHolders(id);
      const own = ctx.level.departments.filter((d) => holders?.get(d.id) === 'mine').map((d) => d.name);
      const round = (t?.speed ?? 1) === 1 ? 'Live round' : `Live round at ${t?.speed ?? 1}x`;
      overlay.setClock(
        !send
          ? 'Connection lost: joining again\u2026'
          : paused
            ? 'Paused by the facilitator'
            : projector && team
              ? team
              : own.length > 0
                ? `${round} \u00b7 Your desk: ${own.join(', ')}`
                : round,
      );
      overlay.setDesks(holders);
    };
    scene.events.on(Phaser.Scenes.Events.PRE_UPDATE, onPre);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      scene.events.off(Phaser.Scenes.Events.PRE_UPDATE, onPre),
    );
    const live: PlayLive = {
      audience: projector,
      sim,
      clockElsewhere: true,
      hint: (text) => {
        if (projector) return '';
        // A device that holds no desk only watches: no keys to press, only how to take part.
        if (mine.size > 0 || text.startsWith('Leave')) return text;
        return seatMode() === 'board'
          ? 'Another device at your table plays the board: this one follows it.'
          : 'This device watches: take a desk with the buttons above the board to play it.';
      },
      banner(text) {
        if (!send)
          return projector
            ? 'Waiting for the room server\u2026'
            : 'Connection lost: joining again\nYour desks wait for you a few seconds, then the computer plays them until this device is back';
        if (text.startsWith('Leave')) return 'The facilitator ends this round\nEscape: keep playing';
        if (text.startsWith('Paused')) return projector ? 'Paused' : 'Paused by the facilitator';
        return text;
      },
      // The board stays on its last moment until the server's official result arrives.
      finish: () => true,
      notMine: (dept) => notMine(dept, ctx.level),
    };
    return live;
  };

  const deskHolders = (id: string) =>
    seatMode() === 'departments'
      ? holdersOf(
          replicas.get(id)?.target()?.level,
          view?.tables.get(id)?.seats,
          deps.role === 'table' ? mine : new Set(),
        )
      : null;

  // Between frames (and when no board is shown): keep every replica in step and ask for what is missing.
  window.setInterval(() => {
    const id = shownTable();
    for (const t of replicas.tables()) {
      const r = replicas.get(t)!;
      if (r.wantsRound()) askRound(t);
      // Boards not on screen: nobody drains their events, so drop them here.
      if (t !== id || shown.showing !== 'play') r.sim()?.drainEvents();
    }
    if (id && !replicas.get(id)) askRound(id);
    render();
  }, 250);

  return {
    log(data) {
      const want = replicas.receive(data);
      if (want) askRound(want);
      if (shown.showing !== 'play' || (data as { msg?: { kind?: string } })?.msg?.kind === 'round') render();
    },
    result(r) {
      results.set(r.table, r);
      render();
    },
    ack(a) {
      const p = pending.get(a.seq);
      pending.delete(a.seq);
      if (!p) return;
      counts.acked += 1;
      if (!a.ok) {
        counts.refused += 1;
        toast(refusalToast(a.reason));
      }
    },
    refused(r) {
      if (r.type !== 'cmd') return;
      const p = pending.get(r.seq);
      pending.delete(r.seq);
      if (p) {
        counts.refused += 1;
        toast(refusalToast(r.reason));
      }
    },
    seats(list) {
      mine = new Set(list);
    },
    room(v) {
      view = v;
      render();
    },
    link(s) {
      send = s;
      if (!s) return;
      const now = performance.now();
      for (const [n, p] of [...pending]) {
        if (now - p.at > RESEND_MS) pending.delete(n);
        else s('cmd', { seq: n, cmd: p.cmd });
      }
      const id = shownTable();
      if (id) s('catchup', { table: id });
    },
    attachLive,
    roundLevel: () => replica()?.target()?.level ?? null,
    booted(g) {
      game = g;
      shown = { key: 'waiting', showing: 'waiting' };
      render();
    },
    shown: () => ({ table: shownTable(), showing: shown.showing, chosen: chosen() }),
    info: () =>
      describeBoard({
        role: deps.role,
        table: shownTable(),
        showing: shown.showing,
        chosen: chosen(),
        replicas,
        results,
        seats: [...mine],
        counts,
        pending: pending.size,
        connected: send !== null,
      }),
  };
}
