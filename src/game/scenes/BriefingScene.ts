/**
 * Briefing: what is at stake, what is new, the goal, the controls for this level's actions, and the
 * kinds of work (shape, name, journey). Enter starts, Escape goes back. When the kinds of work with
 * their step labels and branches do not fit beside the story at the smallest readable size, the first
 * page lists them shorter and a second page, "Kinds of work" (W, or its button), shows them in full
 * across the screen.
 */
import Phaser from 'phaser';
import { getCampaign } from '../../level/catalog';
import type { Level } from '../../level/schema';
import { getApp } from '../context';
import { shell } from '../shell';
import { briefingStory, controlsFor, journeyWords } from './briefingWords';
import { click, paintBackground, SCENES, settings } from './common';
import { startScene, type BriefingData } from './sceneData';
import { drawShape, type ShapeName } from './draw';
import { GAME_HEIGHT, GAME_WIDTH, MIN_TEXT, palette, scaled, SIZE, textStyle } from './theme';
import { Button, FocusGroup } from './widgets';
import { workColour } from '../play/playTheme';
import { forInput, keysOrTap, touchOnly } from '../../ui/inputKind';

/** A work type's colour: the board's own (playTheme), so a type looks the same on briefing and board. */
export const colourOf = (level: Level, i: number): number => workColour(level, i);

export class BriefingScene extends Phaser.Scene {
  constructor() {
    super(SCENES.briefing);
  }

  create(data: BriefingData): void {
    const level = data.level;
    const app = getApp();
    app.store.getState().go('briefing', data.levelId);
    paintBackground(this);
    const s = settings();
    const pal = palette(s);

    const campaign = getCampaign();
    const index = campaign.findIndex((c) => c.id === level.id);
    const where =
      shell.loose.get(level.id) === level
        ? 'From a level file'
        : index >= 0
          ? `Level ${index + 1} of ${campaign.length}`
          : 'Extra level';
    // A facilitator's session round: the team and the round, so everyone knows whose turn it is.
    const round = app.hooks.facilitator.round();
    const kicker = round ? `${round.label}  ·  ${where}` : where;

    // A scene object is reused: each visit starts on the first page.
    this.level = level;
    this.kicker = kicker;
    this.page = 'brief';
    this.shortened = false;
    this.drawn = [];
    this.kindsBtn = null;
    // Buttons.
    const focus = new FocusGroup(this, {
      onBack: () => (this.page === 'kinds' ? this.flip() : this.back()),
      // S opens the settings here too (the key line lists it), as on the title and the board.
      keys: {
        w: () => this.flip(),
        s: () => {
          click();
          shell.openSettings?.();
        },
      },
    });
    const start = new Button(this, s, {
      x: GAME_WIDTH - 110 - 230,
      y: GAME_HEIGHT - 95,
      width: 460,
      height: 100,
      label: 'Start',
      primary: true,
      size: 'heading',
      onActivate: () => this.start(data),
      onHover: () => focus.focusOf(start),
    });
    const back = new Button(this, s, {
      x: 110 + 160,
      y: GAME_HEIGHT - 95,
      width: 320,
      height: 90,
      label: 'Back',
      onActivate: () => (this.page === 'kinds' ? this.flip() : this.back()),
      onHover: () => focus.focusOf(back),
    });
    this.keyLine = this.add
      .text(
        GAME_WIDTH / 2,
        GAME_HEIGHT - 95,
        'Enter: start  ·  Escape: back',
        textStyle(s, 'small', { color: pal.textDim, align: 'center' }),
      )
      .setOrigin(0.5);
    if (touchOnly()) this.keyLine.setVisible(false);
    this.focus = focus;
    this.buttons = [start, back];
    this.draw();
    // Only when the first page had to shorten the kinds of work: a button to their page (W).
    if (this.shortened) {
      this.kindsBtn = new Button(this, s, {
        x: 690,
        y: GAME_HEIGHT - 95,
        width: 420,
        height: 90,
        label: 'Kinds of work (W)',
        onActivate: () => this.flip(),
        onHover: () => focus.focusOf(this.kindsBtn!),
      });
      this.keyLine.setX(1115).setText('Enter: start\nEscape: back');
      this.buttons = [start, this.kindsBtn, back];
    }
    focus.setItems(this.buttons, 0);
  }

  private level!: Level;
  private kicker = '';
  private page: 'brief' | 'kinds' = 'brief';
  /** The first page lists the kinds of work without all their steps' labels or branches. */
  private shortened = false;
  private drawn: Phaser.GameObjects.GameObject[] = [];
  private keyLine!: Phaser.GameObjects.Text;
  private kindsBtn: Button | null = null;
  private focus!: FocusGroup;
  private buttons: Button[] = [];

  /** The current page's content, above the buttons' row. */
  private draw(): void {
    for (const o of this.drawn) o.destroy();
    this.drawn = [];
    const level = this.level;
    const maxH = GAME_HEIGHT - 60 - 200;
    if (this.page === 'kinds') {
      this.column(100, GAME_WIDTH - 200, maxH, 1, (c, w, less) => this.kindsPage(c, w, level, less));
      return;
    }
    this.column(100, 880, maxH, 1, (c, w, less) => this.story(c, w, level, this.kicker, less > 0));
    const used = this.column(1060, 760, maxH, DETAIL.length, (c, w, less) => this.howTo(c, w, level, less));
    this.shortened = used >= 2;
  }

  /** Between the briefing and the kinds of work in full (only offered when the briefing shortened them). */
  private flip(): void {
    if (!this.kindsBtn) return;
    click();
    this.page = this.page === 'brief' ? 'kinds' : 'brief';
    this.kindsBtn.setLabel(this.page === 'kinds' ? 'Briefing (W)' : 'Kinds of work (W)');
    this.keyLine.setText(
      this.page === 'kinds' ? 'Enter: start\nEscape: briefing' : 'Enter: start\nEscape: back',
    );
    this.draw();
  }

  /**
   * Builds a column at the given width; when large text makes it too tall, rebuilds it with wider
   * lines and scales it down, so it still fills its width instead of leaving a gap. Too tall even at
   * the smallest readable size: built again with less in it (`less` from 0, at most `most`). Returns
   * the `less` it was built with.
   */
  private column(
    x: number,
    w: number,
    maxH: number,
    most: number,
    build: (c: Phaser.GameObjects.Container, w: number, less: number) => number,
  ): number {
    let wrap = w;
    let less = 0;
    const floor = MIN_TEXT / scaled(SIZE.small, settings());
    for (let attempt = 0; ; attempt++) {
      const c = this.add.container(x, 60);
      const h = build(c, wrap, less);
      if (h * floor > maxH && less < most) {
        c.destroy(true);
        less++;
        attempt--;
        continue;
      }
      // Never below the smallest readable size: the smallest text here is SIZE.small.
      const k = Math.max(floor, Math.min(1, maxH / Math.max(1, h)));
      // Height-limited (k below w/wrap) leaves a gap at the side: widen the lines and try again.
      if (k >= (w / wrap) * 0.97 || attempt >= 4) {
        c.setScale(Math.max(floor, Math.min(k, w / wrap)));
        this.drawn.push(c);
        return less;
      }
      c.destroy(true);
      wrap = Math.round(wrap * Math.sqrt(w / (wrap * k)));
    }
  }

  /**
   * The story column; returns its height. `less` (too tall even at the smallest readable size): the
   * briefing's lines run on as one paragraph and the gaps are tighter, so the goal stays above the buttons.
   */
  private story(
    c: Phaser.GameObjects.Container,
    colW: number,
    level: Level,
    kicker: string,
    less: boolean,
  ): number {
    const s = settings();
    const pal = palette(s);
    let y = 0;
    const add = (t: Phaser.GameObjects.Text, gapAfter: number) => {
      t.setY(y);
      c.add(t);
      y += t.height + gapAfter;
    };
    add(
      this.add.text(0, 0, kicker, textStyle(s, 'small', { color: pal.accentCss, bold: true })),
      less ? 4 : 8,
    );
    const told = briefingStory(level);
    add(this.add.text(0, 0, told.title, textStyle(s, 'heading', { wrap: colW })), less ? 14 : 30);
    // The level's words are written once for every device: a touch screen reads tap, not click or keys.
    const lines = less ? [told.story.join(' ')] : told.story;
    for (const line of lines)
      add(this.add.text(0, 0, forInput(line), textStyle(s, 'body', { wrap: colW })), less ? 8 : 16);
    y += less ? 6 : 14;
    told.boxes.forEach((b, i) => {
      const gap = i < told.boxes.length - 1 ? (less ? 12 : 24) : 0;
      y += this.callout(c, y, colW, b.label, forInput(b.text), b.kind === 'new' ? pal.accent : pal.star) + gap;
    });
    return y;
  }

  /**
   * Controls and kinds of work; returns the height. `less`: 1 the keys in one short line; 2 and more
   * the kinds of work shorter (see DETAIL), their full steps then on the "Kinds of work" page.
   */
  private howTo(c: Phaser.GameObjects.Container, rw: number, level: Level, less: number): number {
    const s = settings();
    const pal = palette(s);
    let ry = 0;
    const add = (t: Phaser.GameObjects.Text, gapAfter: number) => {
      t.setY(ry);
      c.add(t);
      ry += t.height + gapAfter;
    };
    add(this.add.text(0, 0, 'How to play', textStyle(s, 'sub', { bold: true })), 14);
    // What to do, one line each; then all the keys together (one short block instead of one per line).
    const lines = controlsFor(level);
    for (const line of lines)
      add(this.add.text(0, 0, `• ${forInput(line.text)}`, textStyle(s, 'small', { wrap: rw })), 8);
    // A touch-only device has no keys to read about (the buttons and the bottom line say tap).
    const keys = touchOnly() ? [] : lines.filter((l) => l.keys).map((l) => l.keys);
    if (keys.length > 0 && less > 0)
      add(
        this.add.text(
          0,
          0,
          'Keys: each button shows its key, and the bottom line says what to press next.',
          textStyle(s, 'small', { wrap: rw, color: pal.textDim }),
        ),
        8,
      );
    if (keys.length > 0 && less === 0)
      add(
        this.add.text(
          0,
          0,
          `Keys: ${keys.join(' · ')}`,
          textStyle(s, 'small', { wrap: rw, color: pal.textDim }),
        ),
        8,
      );
    ry += 18;
    add(this.add.text(0, 0, 'Kinds of work', textStyle(s, 'sub', { bold: true })), 14);
    const detail = DETAIL[Math.max(0, less - 1)]!;
    if (detail === 'none')
      add(
        this.add.text(
          0,
          0,
          keysOrTap("Each kind's steps in full: press W, or Kinds of work below.", "Each kind's steps in full: Kinds of work below."),
          textStyle(s, 'small', { wrap: rw, color: pal.textDim }),
        ),
        12,
      );
    // Two side by side when there are more than two kinds: the list stays short.
    return this.kinds(c, ry, rw, level, level.workTypes.length > 2 ? 2 : 1, detail);
  }

  /** The "Kinds of work" page: every kind with its steps' labels and branches, across the screen. */
  private kindsPage(c: Phaser.GameObjects.Container, w: number, level: Level, less: number): number {
    const s = settings();
    const pal = palette(s);
    const head = this.add.text(0, 0, 'Kinds of work', textStyle(s, 'heading'));
    const sub = this.add.text(
      0,
      head.height + 8,
      'Each kind step by step. In brackets: the skill a step needs, in the words on the desks.',
      textStyle(s, 'body', { wrap: w, color: pal.textDim }),
    );
    c.add([head, sub]);
    const cols = Math.min(level.workTypes.length, 2 + less);
    return this.kinds(c, head.height + 8 + sub.height + 30, w, level, cols, 'full');
  }

  /** The kinds of work in `cols` columns from `y`, their journeys in `detail`; returns the bottom. */
  private kinds(
    c: Phaser.GameObjects.Container,
    y: number,
    rw: number,
    level: Level,
    cols: number,
    detail: Detail,
  ): number {
    const s = settings();
    const pal = palette(s);
    const g = this.add.graphics();
    c.add(g);
    const cw = (rw - (cols - 1) * 24) / cols;
    let ry = y;
    let rowH = 0;
    level.workTypes.forEach((w, i) => {
      const cx = (i % cols) * (cw + 24);
      if (i % cols === 0 && i > 0) {
        ry += rowH;
        rowH = 0;
      }
      const name = this.add.text(cx + 56, ry, w.name, textStyle(s, 'body', { bold: true, wrap: cw - 56 }));
      drawShape(
        g,
        w.shape as ShapeName,
        cx + 22,
        ry + name.height / 2,
        20,
        colourOf(level, i),
        s.highContrast ? 0xffffff : 0x0b1520,
      );
      c.add(name);
      let h = name.height + 16;
      if (detail !== 'none') {
        const steps = this.add.text(
          cx + 56,
          ry + name.height + 2,
          journeyWords(journeyIn(w.journey, detail), level.skillNames),
          textStyle(s, 'small', { color: pal.textDim, wrap: cw - 56 }),
        );
        c.add(steps);
        h += 2 + steps.height;
      }
      rowH = Math.max(rowH, h);
    });
    return ry + rowH;
  }

  /** A labelled box; returns its height. */
  private callout(
    parent: Phaser.GameObjects.Container,
    y: number,
    w: number,
    label: string,
    body: string,
    edge: number,
  ): number {
    const s = settings();
    const pal = palette(s);
    const head = this.add.text(28, y + 18, label, textStyle(s, 'small', { bold: true, color: pal.textDim }));
    const text = this.add.text(28, y + 18 + head.height + 4, body, textStyle(s, 'body', { wrap: w - 56 }));
    const h = head.height + text.height + 44;
    const g = this.add.graphics();
    g.fillStyle(pal.panel, 1);
    g.fillRoundedRect(0, y, w, h, 16);
    g.fillStyle(edge, 1);
    g.fillRoundedRect(0, y, 10, h, { tl: 16, bl: 16, tr: 0, br: 0 });
    parent.add([g, head, text]);
    return h;
  }

  private back(): void {
    click();
    const fromCampaign = getCampaign().some((c) => c.id === getApp().store.getState().levelId);
    startScene(this.scene, fromCampaign ? SCENES.select : SCENES.title);
  }

  private start(data: BriefingData): void {
    click();
    getApp().audio?.unlock();
    const seed = getApp().store.getState().seed;
    startScene(this.scene, SCENES.play, { level: data.level, levelId: data.levelId, seed });
  }
}

/** How much of each journey the first page shows, from the most (steps' labels, branches) to the least. */
const DETAIL = ['full', 'branches', 'skills', 'none'] as const;
type Detail = (typeof DETAIL)[number];
type Journey = Level['workTypes'][number]['journey'];

/** A journey with less in it: no step labels ("branches"), nor branches ("skills"). */
function journeyIn(journey: Journey, detail: Detail): Parameters<typeof journeyWords>[0] {
  if (detail === 'full') return journey;
  if (detail === 'skills') return journey.map((j) => ({ skill: j.skill }));
  return journey.map((j) => ({
    skill: j.skill,
    then: j.then?.map((b) => ({ ...b, steps: b.steps.map((x) => ({ skill: x.skill })) })),
  }));
}
