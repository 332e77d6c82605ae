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
import type { Command, Sim, SimView } from '../../sim/types';
import type { Speed } from '../../store/store';
import { touchOnly } from '../../ui/inputKind';
import { hideEventBanner } from '../../ui/eventBanner';
import { getApp, setProbe } from '../context';
import type { PlayLive } from '../hooks';
import { assignPlaces, buildBoard, shortDeskNames, type Place } from './boardModel';
import { Desks } from './Desks';
import { CustomerColumn } from './CustomerColumn';
import { CareMarks } from './careMarks';
import { ServeFirst } from './ServeFirst';
import type { DeptView } from './DeptView';
import type { EventFeed } from './eventFeed';
import { Hud } from './Hud';
import { frameSeconds } from './interpolate';
import { centre, type Rect } from './layout';
import { buildCards, syncCardText } from './playCards';
import { PointerRouting } from './PointerRouting';
import { applyEffects, changeSpeed, type EffectDeps } from './effects';
import { boardBanner, boardLoad, hudValues, stepLine } from './boardLines';
import { RoutingController, type BoardInfo, type Effect } from './routingController';
import { SidePanel } from './SidePanel';
import { makeAllTextures } from './textures';
import type { Toasts } from './Toasts';
import { TokenLayer } from './TokenLayer';
import { TicketLink } from './TicketLink';
import { attachRound, finishRound } from './playRound';
import { playKeyHandler } from './playKeys';
import { boardProbe } from './playProbe';
import { boardMessages } from './playMessages';
import { ScoreNote } from './scoreNote';
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
  private scoreNote = new ScoreNote();
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
    this.scoreNote = new ScoreNote();
    this.control.state = { mode: 'idle' };
    this.careMarks.clear();
    if (this.level) this.careMarks.forLevel(this.level.actions);
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
    // Live facilitation (facilitator or projector window) and the recording of this window's own play.
    const round = attachRound(this, {
      level: this.level,
      levelId: this.levelId,
      seed: this.seed,
      audience: this.audience,
      resume: this.resume,
      sim: () => this.sim,
      setSim: (sim) => (this.sim = sim),
      restart: () => {
        if (this.ending) return;
        this.ending = true;
        startScene(this.scene, SCENES.play, { level: this.level, levelId: this.levelId, seed: this.seed });
      },
      menu: () => this.goMenu(),
      apply: (cmd) => this.command(cmd),
      careMarks: this.careMarks,
    });
    this.live = round.live;
    this.recording = round.recording;
    this.view = this.sim.view();
    this.names = new Map(this.level.departments.map((d) => [d.id, d.name]));
    const handlers = {
      onPolicy: (id: string) => {
        const d = this.view.departments.find((x) => x.id === id);
        if (d)
          this.command({
            type: 'setPolicy',
            department: id,
            care: d.care === 'quick' ? 'thorough' : 'quick',
          });
      },
      onMoveStaff: (id: string) => this.runEffects(this.control.startStaffMove(id, this.board)),
    };
    ({
      cards: this.cards,
      depts: this.depts,
      order: this.order,
    } = buildCards(this, this.level, handlers, settings.reducedMotion));
    this.desks = new Desks(this.depts, this.level, (id) => this.tokens.letterOf(id));
    const shorts = shortDeskNames(this.level.departments.map((d) => d.name));
    const shortNames = new Map(this.level.departments.map((d, i) => [d.id, shorts[i]!]));
    this.customers = new CustomerColumn(
      this,
      (id) => this.deptName(id),
      settings.reducedMotion,
      (id) => shortNames.get(id) ?? this.deptName(id),
    );
    this.tokens = new TokenLayer(this, this.cards);
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
      onGrant: (request) => this.command({ type: 'grant', request }),
    });
    const msgs = boardMessages(this, {
      level: this.level,
      store,
      audio: app.audio,
      hud: this.hud,
      side: this.side,
      customers: this.customers,
      deptName: (id) => this.deptName(id),
      deptPos: (id) => this.deptPos(id),
      reducedMotion: reduced,
    });
    this.toasts = msgs.toasts;
    this.feed = msgs.feed;
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
      apply: (cmd) => this.command(cmd),
    });

    this.link = new TicketLink(this, {
      sim: () => this.sim,
      tokens: this.tokens,
      customers: this.customers,
      held: () => this.pointer.dragged()?.ticket ?? this.control.pickedTicket(),
    });
    this.cleanup.push(() => this.link.destroy());
    const onKey = playKeyHandler({
      ending: () => this.ending,
      control: this.control,
      board: () => this.board,
      serveFirst: this.serveFirst,
      run: (fx) => this.runEffects(fx),
      now: () => this.time.now,
    });
    this.cleanup.push(onEachKeyDown(this.input.keyboard, onKey));
    setProbe(
      boardProbe({
        sim: () => this.sim,
        levelId: () => this.levelId,
        cards: this.cards,
        tokens: this.tokens,
        link: this.link,
        desks: this.desks,
        depts: this.depts,
      }),
    );
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

  /** A command to the sim, as the controller's would go. */
  private command(cmd: Command): void {
    this.runEffects([{ type: 'command', cmd }]);
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
      const note = this.scoreNote.sample({ score: this.scoreValue, ...view.counts });
      if (note) getApp().store.getState().toast(note, 'info', now);
      getApp().audio?.setLoad(boardLoad(view));
    }
    this.hud.update(hudValues(view, this.scoreValue, st.speed), now);
    const mode = this.control.state.mode;
    const step = stepLine(this.sent, now, mode, () => this.control.hint(this.board));
    this.hud.setStep(this.live ? this.live.hint(step) : step);
    // Projector mode (V) hides the keys on the buttons at once, mid-round.
    const keys = (this.live?.keyHints?.() ?? true) && !touchOnly();
    this.hud.setKeyHints(keys);
    this.side.setKeyHints(keys);
    // ... and the desks' text takes its new size at once too (every card, then one fit across the board).
    syncCardText(this.depts, keys, st.settings.textScale);
    const banner = boardBanner(mode, st.speed, st.lastSpeed);
    this.hud.setBanner(this.live ? this.live.banner(banner) : banner);
    this.side.update(st.selection.care, view.requests, view.t);
    this.toasts.update(now, st.speed === 0);
  }

  private finish(): void {
    if (this.ending) return;
    this.ending = true;
    finishRound(this, {
      level: this.level,
      levelId: this.levelId,
      seed: this.seed,
      sim: this.sim,
      live: this.live,
    });
  }
}
