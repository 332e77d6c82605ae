/**
 * The board the participant plays on. Owns no game truth: each frame it advances the sim by real time
 * times the speed from the store, drains the sim's events into toasts, ripples and audio, and redraws
 * departments, tickets and customers from sim.view(). Player input goes through the RoutingController
 * and comes back as sim Commands.
 *
 * Started with startScene(.., SCENES.play, { level, levelId, seed }) (see scenes/sceneData.ts); ends
 * with the results scene when the sim is over, or the level select from the Menu button.
 */
import Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { createSim } from '../../sim/index';
import type { Sim, SimView } from '../../sim/types';
import type { Speed } from '../../store/store';
import { touchOnly } from '../../ui/inputKind';
import { isDomOverlayOpen } from '../../ui/overlay';
import { openSettingsPanel } from '../../ui/settingsPanel';
import { eventBannerShown, hideEventBanner, showEventBanner } from '../../ui/eventBanner';
import { getApp, setProbe } from '../context';
import type { FinishedPlay, PlayLive } from '../hooks';
import { assignPlaces, buildBoard, shortDeskNames, type Place } from './boardModel';
import { Desks } from './Desks';
import { CustomerColumn } from './CustomerColumn';
import { CareMarks } from './careMarks';
import { ServeFirst } from './ServeFirst';
import { DeptView } from './DeptView';
import { EventFeed } from './eventFeed';
import { Hud } from './Hud';
import { frameSeconds } from './interpolate';
import { centre, layoutCards, outboxCentre, readingOrder, type Rect } from './layout';
import { PointerRouting } from './PointerRouting';
import { RippleFx } from './RippleFx';
import { applyEffects, changeSpeed, pausedBanner, type EffectDeps } from './effects';
import { RoutingController, type BoardInfo, type Effect } from './routingController';
import { SidePanel } from './SidePanel';
import { makeAllTextures } from './textures';
import { toastArea, Toasts } from './Toasts';
import { TokenLayer } from './TokenLayer';
import { TicketLink } from './TicketLink';
import { SCENES } from '../scenes/common';
import { onEachKeyDown } from '../scenes/keys';
import { startScene, type PlayData, type ResumeData, type SceneData } from '../scenes/sceneData';

export class PlayScene extends Phaser.Scene {
  private level!: Level;
  private levelId = '';
  private seed = 1;
  private sim!: Sim;
  private view!: SimView;
  private places = new Map<number, Place>();
  private cards = new Map<string, Rect>();
  private depts: DeptView[] = [];
  /** Department indices in reading order: the numbers on the cards and the number keys. */
  private order: number[] = [];
  private tokens!: TokenLayer;
  private customers!: CustomerColumn;
  private hud!: Hud;
  private side!: SidePanel;
  private toasts!: Toasts;
  private serveFirst!: ServeFirst;
  /** Quick or thorough, on each ticket sent, while its notes matter. */
  private readonly careMarks = new CareMarks();
  private feed!: EventFeed;
  private pointer!: PointerRouting;
  private readonly control = new RoutingController();
  private board!: BoardInfo;
  private names = new Map<string, string>();
  private scoreValue = 0;
  private scoreAt = -Infinity;
  private ending = false;
  private cleanup: Array<() => void> = [];
  private live: PlayLive | null = null;
  private audience = false;
  private link!: TicketLink;
  private readonly effectDeps: EffectDeps = {
    sim: () => this.sim,
    now: () => this.time.now,
    deptName: (id) => this.deptName(id),
    clockElsewhere: () => this.live?.clockElsewhere === true,
    menu: () => this.goMenu(),
    say: (text, until) => (this.sent = { text, until }),
  };
  private desks!: Desks;
  /** "Sent Ben to Billing": the bottom line confirms a send for a few seconds. */
  private sent: { text: string; until: number } | null = null;
  private recording = false;
  private resume: ResumeData | null = null;

  constructor() {
    super(SCENES.play);
  }

  init(data: SceneData['play']): void {
    // The projector's waiting board has no round: create() then draws nothing until one starts.
    const run: Partial<PlayData> = 'level' in data ? data : {};
    this.level = run.level as Level;
    this.levelId = run.levelId ?? run.level?.id ?? '';
    this.seed = typeof run.seed === 'number' && Number.isFinite(run.seed) ? run.seed : 1;
    this.audience = run.audience === true;
    this.resume = run.resume ?? null;
    this.live = null;
    this.recording = false;
    this.ending = false;
    this.depts = [];
    this.cards = new Map();
    this.cleanup = [];
    this.scoreAt = -Infinity;
    this.control.state = { mode: 'idle' };
    this.careMarks.clear();
  }

  create(): void {
    // The projector's waiting board (or auto-started as a config's first scene): wait for a round.
    if (!this.level) return;
    const app = getApp();
    const store = app.store;
    const st = store.getState();
    st.go('play', this.levelId);
    st.startRun();
    // A resumed game starts paused where it was left; Space goes on at its speed.
    if (this.resume) {
      st.setSpeed(this.resume.speed);
      st.setSpeed(0);
    }
    const settings = st.settings;
    const reduced = () => store.getState().settings.reducedMotion;
    // No camera background fill: the game clears to the theme background already, and a full-screen
    // fill every frame costs as much as everything else on the board (frame-budget bench).
    makeAllTextures(this, this.level);
    this.sim = this.resume?.sim ?? createSim(this.level, this.seed, {});
    // Live facilitation (facilitator or projector window), wired by the app (src/app/compose.ts).
    const restart = () => {
      if (this.ending) return;
      this.ending = true;
      startScene(this.scene, SCENES.play, { level: this.level, levelId: this.levelId, seed: this.seed });
    };
    const liveCtx = {
      level: this.level,
      levelId: this.levelId,
      seed: this.seed,
      audience: this.audience,
      store,
      audio: app.audio,
      restart,
      menu: () => this.goMenu(),
    };
    this.live = app.hooks.attachLive(
      this,
      { ...liveCtx, sim: () => this.sim, apply: (cmd) => this.runEffects([{ type: 'command', cmd }]) },
      () => this.sim,
    );
    if (this.live?.sim) this.sim = this.live.sim;
    // The projector window mirrors someone else's play: only a window's own play is recorded.
    this.recording = !this.live?.audience;
    if (this.recording) {
      const play = { level: this.level, levelId: this.levelId, seed: this.seed };
      this.sim = app.hooks.kept.began({ ...play, sim: this.sim });
      app.hooks.play.started(play);
      // The rebuilt part of a resumed game: its customers' journeys, without a toast for each event.
      if (this.resume) {
        const rebuilt = this.sim.drainEvents();
        app.hooks.play.events(rebuilt);
        this.careMarks.handle(rebuilt);
      }
    }
    this.view = this.sim.view();
    this.names = new Map(this.level.departments.map((d) => [d.id, d.name]));
    const rects = layoutCards(this.level.departments.map((d) => d.position));
    const handlers = {
      onPolicy: (id: string) => {
        const d = this.view.departments.find((x) => x.id === id);
        if (d)
          this.runEffects([
            {
              type: 'command',
              cmd: { type: 'setPolicy', department: id, care: d.care === 'quick' ? 'thorough' : 'quick' },
            },
          ]);
      },
      onMoveStaff: (id: string) => this.runEffects(this.control.startStaffMove(id, this.board)),
    };
    this.order = readingOrder(rects);
    this.level.departments.forEach((def, i) => {
      const r = rects[i]!;
      this.cards.set(def.id, r);
      const n = this.order.indexOf(i) + 1;
      this.depts.push(new DeptView(this, def, n, r, this.level, handlers, settings.reducedMotion));
    });
    DeptView.fitEvenly(this.depts);
    this.desks = new Desks(this.depts, this.level);
    const shorts = shortDeskNames(this.level.departments.map((d) => d.name));
    const shortNames = new Map(this.level.departments.map((d, i) => [d.id, shorts[i]!]));
    this.customers = new CustomerColumn(
      this,
      (id) => this.deptName(id),
      settings.reducedMotion,
      (id) => shortNames.get(id) ?? this.deptName(id),
    );
    this.tokens = new TokenLayer(this, this.cards);
    const ripples = new RippleFx(this);
    this.hud = new Hud(
      this,
      this.level.title,
      this.level.texts.hints,
      { onSpeed: (s) => this.setSpeed(s), onMenu: () => this.menuButton() },
      settings.textScale,
      app.hooks.facilitator.round()?.label ?? null,
    );
    this.side = new SidePanel(this, this.level, {
      onCare: (care) => store.getState().select({ care }),
      onGrant: (request) => this.runEffects([{ type: 'command', cmd: { type: 'grant', request } }]),
    });
    const room = toastArea(this.side.bottom);
    const hud = this.hud;
    const bar = { stepLines: () => hud.stepLines(), cover: (n: 0 | 1 | 2) => hud.cover(n), taken: eventBannerShown };
    this.toasts = new Toasts(this, store, reduced, room ?? undefined, room ? null : bar);
    this.feed = new EventFeed({
      level: this.level,
      store,
      audio: app.audio,
      ripples,
      customers: this.customers,
      deptName: (id) => this.deptName(id),
      deptPos: (id) => this.deptPos(id),
      reducedMotion: reduced,
      banner: showEventBanner,
    });
    this.cleanup.push(hideEventBanner);
    this.board = this.makeBoard();
    this.pointer = new PointerRouting(this, this.control, {
      cards: () => this.depts.map((d) => ({ id: d.def.id, rect: d.rect })),
      board: () => this.board,
      view: () => this.view,
      run: (fx) => this.runEffects(fx),
      serveFirst: (dept) => this.serveFirst.open(dept),
    });
    this.serveFirst = new ServeFirst(this, this.cards, {
      view: () => this.view,
      deptName: (id) => this.deptName(id),
      letterOf: (id) => this.tokens.letterOf(id),
      apply: (cmd) => this.runEffects([{ type: 'command', cmd }]),
    });

    this.link = new TicketLink(this, {
      sim: () => this.sim,
      tokens: this.tokens,
      customers: this.customers,
      held: () => this.pointer.dragged()?.ticket ?? this.control.pickedTicket(),
    });
    this.cleanup.push(() => this.link.destroy());
    this.cleanup.push(onEachKeyDown(this.input.keyboard, (e) => this.onKey(e)));
    setProbe({
      sim: () => this.sim,
      levelId: () => this.levelId,
      deptPos: (id) => this.deptPos(id),
      outboxPos: (id) => {
        const r = this.cards.get(id);
        return r ? outboxCentre(r) : null;
      },
      ticketPos: (id) => this.tokens.posOf(id),
      linked: () => this.link.shown(),
      deskKinds: () => this.desks.kindsNow(),
      touchAreas: () => this.desks.touchAreas(),
      deskNumbers: () => Object.fromEntries(this.depts.map((d) => [d.def.id, d.number])),
      ticketLetters: () => this.tokens.letters(),
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.shutdown());
    this.syncViews(0, true);
  }

  private shutdown(): void {
    setProbe(null);
    for (const f of this.cleanup) f();
    this.cleanup = [];
    this.pointer?.destroy();
    try {
      getApp().audio?.stopAmbient();
    } catch {
      /* audio is optional */
    }
  }

  private deptName(id: string): string {
    return this.names.get(id) ?? id;
  }

  private deptPos(id: string): { x: number; y: number } | null {
    const r = this.cards.get(id);
    return r ? centre(r) : null;
  }

  private makeBoard(): BoardInfo {
    const board = buildBoard({
      level: this.level,
      view: this.view,
      positions: this.depts.map((d) => centre(d.rect)),
      care: getApp().store.getState().selection.care,
      order: this.order,
    });
    const live = this.live;
    if (live?.notMine) board.notMine = (dept) => live.notMine!(dept);
    return board;
  }

  private setSpeed(s: Speed): void {
    changeSpeed(s, this.time.now);
    getApp().audio?.cue('click', this.time.now);
  }

  /** The Menu button asks first, as Escape does (the game here would end); pressed again, it leaves. */
  private menuButton(): void {
    if (this.control.state.mode === 'quit') this.goMenu();
    else this.control.askQuit();
  }

  private goMenu(): void {
    if (this.ending) return;
    this.ending = true;
    startScene(this.scene, SCENES.select);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || isDomOverlayOpen() || this.ending) return;
    if (e.key === 's' || e.key === 'S') {
      e.preventDefault();
      this.openSettings();
      return;
    }
    // Escape closes the "Serve first" choice (and only that).
    if (e.key === 'Escape' && this.serveFirst.isOpen()) {
      e.preventDefault();
      this.serveFirst.close();
      return;
    }
    const fx = this.control.key(e.key, e.shiftKey, this.board);
    if (fx === null) return;
    e.preventDefault();
    if (e.repeat && (e.key === ' ' || e.key === 'Enter')) return;
    this.runEffects(fx);
  }

  /** S during play: pause, show the settings panel, and carry on at the same speed when it closes. */
  private openSettings(): void {
    const store = getApp().store;
    const speed = store.getState().speed;
    store.getState().setSpeed(0);
    openSettingsPanel(store, (changed) => {
      if (this.ending) return;
      store.getState().setSpeed(speed);
      if (changed)
        store
          .getState()
          .toast('New text size or contrast shows from the next level you start', 'info', this.time.now);
      document.querySelector<HTMLCanvasElement>('#game canvas')?.focus();
    });
  }

  /** Applies controller effects (see ./effects.ts), then reads the sim again. */
  private runEffects(fx: readonly Effect[]): void {
    applyEffects(fx, this.effectDeps);
    this.view = this.sim.view();
    this.board = this.makeBoard();
    this.syncSelection();
  }

  private syncSelection(): void {
    const st = getApp().store.getState();
    const dept = this.control.fromDept() ?? this.control.focusDept();
    const ticket = this.control.pickedTicket();
    if (st.selection.dept !== dept || st.selection.ticket !== ticket) st.select({ dept, ticket });
  }

  override update(time: number, delta: number): void {
    if (this.ending || !this.sim || !this.level) return;
    const st = getApp().store.getState();
    const dt = frameSeconds(delta);
    if (st.speed > 0 && !this.sim.isOver()) this.sim.advanceTo(this.sim.now() + dt * st.speed);
    // A toast that says the game is paused ("press Space to go on") goes when it goes on.
    if (st.speed > 0) st.withdraw('paused');
    this.view = this.sim.view();
    const events = this.sim.drainEvents();
    this.feed.handle(events, time);
    this.careMarks.handle(events);
    if (this.recording) getApp().hooks.play.events(events);
    this.board = this.makeBoard();
    this.control.sync(this.board);
    this.syncSelection();
    this.syncViews(dt, false);
    this.serveFirst.update();
    if (this.sim.isOver()) this.finish();
  }

  private syncViews(dt: number, snap: boolean): void {
    const st = getApp().store.getState();
    const view = this.view;
    const now = this.time.now;
    this.places = assignPlaces(view);
    const picked = this.control.pickedTicket();
    const pickedT = picked !== null ? this.sim.ticket(picked) : undefined;
    // The next step of the picked ticket: desks that can do it light up, the others say they can't.
    this.desks.sync(view, this.places, {
      from: this.control.fromDept(),
      focus: this.control.focusDept(),
      dragging: this.pointer.dragged() !== null,
      need: pickedT ? pickedT.journey[pickedT.step] : undefined,
    });
    this.tokens.sync(view, this.places, dt, {
      dragged: this.pointer.dragged(),
      picked: this.control.pickedTicket(),
      snap: snap || st.settings.reducedMotion,
      linked: this.link.ticket(),
      careOf: (id) => this.careMarks.of(id),
    });
    this.customers.sync(view);
    this.link.draw();
    // The last frame always shows the final score: the same the results will show.
    if (now - this.scoreAt > 500 || this.sim.isOver()) {
      this.scoreAt = now;
      this.scoreValue = this.sim.score().total;
      const staff = view.departments.reduce((s, d) => s + Math.max(1, d.staff), 0);
      getApp().audio?.setLoad(Math.min(1, view.counts.inSystem / (staff * 4)));
    }
    this.hud.update(
      {
        timeLeft: view.end - view.t,
        score: this.scoreValue,
        served: view.counts.resolved,
        waiting: view.counts.inSystem,
        lost: view.counts.abandoned,
        speed: st.speed,
      },
      now,
    );
    const sent =
      this.sent && now < this.sent.until && this.control.state.mode !== 'target' ? this.sent.text : null;
    const step = sent ?? this.control.hint(this.board);
    this.hud.setStep(this.live ? this.live.hint(step) : step);
    // Projector mode (V) hides the keys on the buttons at once, mid-round.
    const keys = (this.live?.keyHints?.() ?? true) && !touchOnly();
    this.hud.setKeyHints(keys);
    this.side.setKeyHints(keys);
    for (const d of this.depts) d.setKeyHints(keys);
    // ... and the desks' text takes its new size at once too (every card, then one fit across the board).
    const textScale = st.settings.textScale;
    if (this.depts.filter((d) => d.setTextScale(textScale)).length > 0) DeptView.fitEvenly(this.depts);
    const quitting = this.control.state.mode === 'quit';
    const banner = quitting
      ? 'Leave this level? This game ends.\nEnter or Menu again: leave  ·  Escape: keep playing'
      : st.speed === 0
        ? pausedBanner(st.lastSpeed)
        : '';
    this.hud.setBanner(this.live ? this.live.banner(banner) : banner);
    this.side.update(st.selection.care, view.requests, view.t);
    this.toasts.update(now, st.speed === 0);
  }

  private finish(): void {
    if (this.ending) return;
    this.ending = true;
    const sim = this.sim;
    if (this.live?.finish(sim)) return;
    const play: FinishedPlay = {
      level: this.level,
      levelId: this.levelId,
      seed: this.seed,
      score: sim.score(),
      metrics: sim.metrics(),
      commandLog: sim.commandLog(),
      timeline: sim.timeline(),
    };
    const outcome = getApp().hooks.play.finished(play);
    if (this.scene.manager.getScene(SCENES.results)) startScene(this.scene, SCENES.results, { ...play, outcome });
    else startScene(this.scene, SCENES.select);
  }
}
