/**
 * `window.__ripple`: a small read-only window into the running game for browser tests and benches.
 * Installed only on a page that asked for it before its scripts ran (window.__rippleTest, see
 * ./testHookGate.ts): a player's page never fetches this module. Nothing in it changes the game. Positions come back in
 * client pixels, so a test can click and drag exactly where a player would.
 *
 * `window.__rippleDrive` is the one thing that does drive the game (plays a level out with a built-in
 * policy), kept apart so a reader of `__ripple` can never change what it reads.
 */
import type Phaser from 'phaser';
import type { DepartmentView, ScoreReport, TicketView, TimedCommand } from '../sim/types';
import type { AudienceInfo } from '../facilitator/live/audience';
import type { Revealed } from '../facilitator/live/sync';
import { getApp, type GamePoint } from '../game/context';
import type { policies, PolicyName } from '../sim/index';
import { shell } from '../game/shell';
import type { ShownResults } from '../game/scenes/resultsShown';
import type { KeptInfo } from './keptRound';

export const HOOK_VERSION = 1;

export interface ClientPoint {
  x: number;
  y: number;
}

export interface RippleHookState {
  screen: string;
  levelId: string | null;
  seed: number;
  speed: number;
  storageOk: boolean;
  storageMessage: string | null;
  toasts: string[];
  messages: string[];
  settings: Record<string, unknown>;
  progress: Record<string, { bestScore: number; stars: number }>;
  selection: { dept: string | null; ticket: number | null; care: string };
}

export interface RippleHookSim {
  t: number;
  end: number;
  over: boolean;
  counts: { arrived: number; resolved: number; abandoned: number; inSystem: number };
  /** Sim departments plus, from the level, their name and skills (so a test can pick the right desk). */
  departments: Array<DepartmentView & { name: string; skills: string[] }>;
  tickets: TicketView[];
  /** Commands the sim accepted so far, with their times. */
  commandLog: TimedCommand[];
  /** Hash of the full sim state (equal in a presenter and its projector window at equal times). */
  hash: string;
}

export interface RippleHook {
  version: number;
  state(): RippleHookState;
  sim(): RippleHookSim | null;
  /** Game point (1920x1080 design space) to client pixels. */
  toScreen(p: GamePoint): ClientPoint;
  deptScreenPos(id: string): ClientPoint | null;
  /**
   * Every visible text of the running scenes with its bounds, in game points (1920x1080 design space), and
   * `px`: its font size as drawn, in game points (the style's size times every scale on the way to the screen).
   */
  texts(): ShownText[];
  /**
   * Everything a finger can press on the running scenes, in game points: every enabled interactive object
   * (its hit area as drawn) and, on the board, the places pressed by position (desks, tray slots).
   */
  targets(): ShownTarget[];
  outboxScreenPos(id: string): ClientPoint | null;
  ticketScreenPos(id: number): ClientPoint | null;
  score(): ScoreReport | null;
  /** On the board: the ticket tied to its customer (dragged, picked or hovered) and the customer highlighted. */
  linked(): { ticket: number | null; customer: string | null } | null;
  /** On the board: how each desk reads ('target': can do the picked ticket's next step, 'cannot', 'from', ...). */
  deskKinds(): Record<string, string> | null;
  /** On the board: the number each desk shows (reading order), also its key while routing. */
  deskNumbers(): Record<string, number> | null;
  /** On the board: the letter on each drawn ticket, by ticket id. */
  ticketLetters(): Record<number, string> | null;
  /** On the board: the ring around the picked ticket (centre and outside radius, game points), or null. */
  pickedRing(): { x: number; y: number; r: number } | null;
  readonly audio: { ready: boolean; lastPlayed: string | null; playedCount: number };
  /** On the results screen: the score parts, causes and who gave up as shown; null before any results. */
  results(): ShownResults | null;
  /** In a projector (audience) window: what it follows and shows; otherwise null. */
  audience(): AudienceInfo | null;
  /** In a facilitator's window once live play began: the room's session, run and what it may see. */
  live(): LiveInfo | null;
  /** The game in progress kept in this browser's storage (read back from it), and how its writes went. */
  kept(): KeptInfo | null;
  /**
   * Every toast's text since the hook was installed, in order. A toast shows for seconds only, so a test on
   * a busy machine may look after it went: this says whether, and how often, it was shown.
   */
  toastLog(): string[];
}

export interface ShownText {
  scene: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  px: number;
}

export interface ShownTarget {
  scene: string;
  /** The button's words, or what the place is ("tray slot of Billing"). */
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

type Shown = Phaser.GameObjects.GameObject & {
  visible?: boolean;
  alpha?: number;
  scaleX?: number;
  scaleY?: number;
  parentContainer?: Phaser.GameObjects.Container | null;
};

/** Scale on the way to the screen: the object's and every container's above it. */
function worldScale(o: Shown): { x: number; y: number } {
  let x = o.scaleX ?? 1;
  let y = o.scaleY ?? 1;
  for (let c = o.parentContainer; c; c = c.parentContainer) {
    x *= c.scaleX;
    y *= c.scaleY;
  }
  return { x, y };
}

/** Shown: it and every container above it visible (and not faded out). */
function isShown(o: Shown): boolean {
  if (o.visible === false || o.alpha === 0) return false;
  for (let c = o.parentContainer; c; c = c.parentContainer) if (!c.visible || c.alpha === 0) return false;
  return true;
}

/** The words a pressable object shows: a Text beside it in its container, else its name. */
function targetWords(o: Shown): string {
  const list = o.parentContainer?.list ?? [];
  const t = list.find((x) => x.type === 'Text') as Phaser.GameObjects.Text | undefined;
  return (t?.text ?? o.name) || o.type;
}

export interface LiveInfo {
  sessionId: string;
  run: number;
  revealed: Revealed;
  simTime: number;
  paused: boolean;
}

/** `window.__rippleDrive`: drives the game, for tests and demos only. */
export interface RippleDrive {
  /**
   * Plays the running level with a built-in policy (the same ones `npm run levels:balance` uses) up to
   * sim time `untilT` (default: the end), as fast as the machine allows. The board then shows the result
   * and, at the end, the game moves on to the results screen by itself.
   */
  playOut(policy: PolicyName, untilT?: number): { t: number; over: boolean } | null;
}

/**
 * What the hook reads beyond the app context: the results as shown, the facilitator tools once (and if)
 * they are loaded. The caller hands them in, so this module's chunk (fetched only for a test, see
 * ./testHookGate.ts) imports nothing of the game's later chunks and splits none of them in two.
 */
export interface HookSources {
  game(): Phaser.Game | null;
  results?(): ShownResults | null;
  audience?(): AudienceInfo | null;
  live?(): LiveInfo | null;
  kept?(): KeptInfo | null;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createTestHook(src: HookSources | (() => Phaser.Game | null)): RippleHook {
  const sources: HookSources = typeof src === 'function' ? { game: src } : src;
  const game = sources.game;
  const toScreen = (p: GamePoint): ClientPoint => {
    const g = game();
    const canvas = g?.canvas;
    if (!g || !canvas) return { x: p.x, y: p.y };
    const r = canvas.getBoundingClientRect();
    const sx = r.width / g.scale.gameSize.width;
    const sy = r.height / g.scale.gameSize.height;
    return { x: r.left + p.x * sx, y: r.top + p.y * sy };
  };
  const via = (p: GamePoint | null | undefined): ClientPoint | null => (p ? toScreen(p) : null);
  const toasts: string[] = [];
  let lastToast = 0;
  try {
    getApp().store.subscribe((s) => {
      for (const t of s.toasts)
        if (t.id > lastToast) {
          lastToast = t.id;
          toasts.push(t.text);
        }
      toasts.splice(0, Math.max(0, toasts.length - 500));
    });
  } catch {
    // No app context (a hook made before the game's services): no toast log.
  }
  return {
    version: HOOK_VERSION,
    toastLog: () => [...toasts],
    texts() {
      const g = game();
      if (!g) return [];
      const out: ShownText[] = [];
      for (const sc of g.scene.getScenes(true)) {
        const walk = (list: readonly Phaser.GameObjects.GameObject[]): void => {
          for (const o of list) {
            const vis = (o as unknown as { visible?: boolean }).visible;
            if (vis === false) continue;
            if (o.type === 'Container') walk((o as Phaser.GameObjects.Container).list);
            else if (o.type === 'Text') {
              const t = o as Phaser.GameObjects.Text;
              if (t.text.trim() === '' || t.alpha <= 0) continue;
              const b = t.getBounds();
              const size = parseFloat(String(t.style.fontSize)) || 0;
              const px = size * Math.min(worldScale(t).x, worldScale(t).y);
              out.push({ scene: sc.scene.key, text: t.text, x: b.x, y: b.y, w: b.width, h: b.height, px });
            }
          }
        };
        walk(sc.children.list);
      }
      return out;
    },
    targets() {
      const g = game();
      if (!g) return [];
      const out: ShownTarget[] = [];
      for (const sc of g.scene.getScenes(true)) {
        const walk = (list: readonly Phaser.GameObjects.GameObject[]): void => {
          for (const o of list) {
            const obj = o as Shown;
            if (!isShown(obj)) continue;
            if (o.type === 'Container') walk((o as Phaser.GameObjects.Container).list);
            if (!o.input?.enabled) continue;
            const b = (o as unknown as Partial<Phaser.GameObjects.Components.GetBounds>).getBounds?.();
            if (!b) continue;
            out.push({ scene: sc.scene.key, what: targetWords(obj), x: b.x, y: b.y, w: b.width, h: b.height });
          }
        };
        walk(sc.children.list);
        if (sc.scene.key === 'play') for (const a of getApp().probe?.touchAreas?.() ?? []) out.push({ scene: 'play', ...a });
      }
      return out;
    },
    state() {
      const s = getApp().store.getState();
      return {
        screen: s.screen,
        levelId: s.levelId,
        seed: s.seed,
        speed: s.speed,
        storageOk: s.storageOk,
        storageMessage: s.storageMessage,
        toasts: s.toasts.map((t) => t.text),
        messages: [...shell.messages],
        settings: { ...s.settings },
        progress: clone(s.progress),
        selection: { ...s.selection },
      };
    },
    sim() {
      const probe = getApp().probe;
      if (!probe) return null;
      const sim = probe.sim();
      const v = sim.view();
      const tickets = [...v.tickets.values()];
      const defs = new Map(sim.level.departments.map((d) => [d.id, d]));
      const departments = v.departments.map((d) => ({
        ...d,
        name: defs.get(d.id)?.name ?? d.id,
        skills: [...(defs.get(d.id)?.skills ?? [])],
      }));
      return clone({
        t: v.t,
        end: v.end,
        over: sim.isOver(),
        counts: v.counts,
        departments,
        tickets,
        commandLog: sim.commandLog(),
        hash: sim.hash(),
      });
    },
    toScreen,
    deptScreenPos: (id) => via(getApp().probe?.deptPos(id)),
    outboxScreenPos: (id) => via(getApp().probe?.outboxPos(id)),
    ticketScreenPos: (id) => via(getApp().probe?.ticketPos(id)),
    linked: () => getApp().probe?.linked?.() ?? null,
    deskKinds: () => getApp().probe?.deskKinds?.() ?? null,
    deskNumbers: () => getApp().probe?.deskNumbers?.() ?? null,
    ticketLetters: () => getApp().probe?.ticketLetters?.() ?? null,
    pickedRing: () => getApp().probe?.pickedRing?.() ?? null,
    score() {
      const probe = getApp().probe;
      return probe ? clone(probe.sim().score()) : null;
    },
    results: () => {
      const r = sources.results?.() ?? null;
      return r && getApp().store.getState().screen === 'results' ? clone(r) : null;
    },
    audience: () => sources.audience?.() ?? null,
    live: () => {
      const info = sources.live?.() ?? null;
      return info ? clone(info) : null;
    },
    kept: () => {
      const info = sources.kept?.() ?? null;
      return info ? clone(info) : null;
    },
    get audio() {
      const a = getApp().audio;
      return {
        ready: a?.isReady() ?? false,
        lastPlayed: a?.lastPlayed() ?? null,
        playedCount: a?.playedCount() ?? 0,
      };
    },
  };
}

/** `list`: the sim's built-in policies (src/sim/policies.ts). */
export function createDrive(list: typeof policies): RippleDrive {
  return {
    playOut(policyName, untilT) {
      const probe = getApp().probe;
      if (!probe) return null;
      const sim = probe.sim();
      const make = list[policyName];
      if (!make) throw new Error(`No policy called "${policyName}"`);
      const policy = make(sim.seed);
      const stop = Math.min(untilT ?? Infinity, sim.view().end);
      while (!sim.isOver() && sim.now() < stop) {
        for (const cmd of policy.decide(sim.view(), sim)) sim.apply(cmd);
        if (!sim.step()) break;
      }
      if (!sim.isOver() && Number.isFinite(stop)) sim.advanceTo(stop);
      return { t: sim.now(), over: sim.isOver() };
    },
  };
}

export function installTestHook(sources: Omit<HookSources, 'game'> & { policies: typeof policies }): void {
  window.__ripple = createTestHook({ ...sources, game: () => shell.game });
  window.__rippleDrive = createDrive(sources.policies);
}
