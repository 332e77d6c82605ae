/**
 * Top bar (title, time left, speed, live score, customers served / waiting / gave up, menu), the
 * bottom hint lines (the current step, and the level's tips one at a time) and the paused banner.
 * Texts change only when their value does.
 */
import type Phaser from 'phaser';
import type { Speed } from '../../store/store';
import { BOARD, BOTTOM, centre, GAME_W, TOP_BAR, type Rect } from './layout';
import { BOARD_COLOURS } from './playTheme';
import { formatClock } from './rippleText';
import { bakedShape, minScale, PlayButton, shrinkTo, style } from './ui';
import { shownScore } from '../scenes/resultsWords';
import { forInput } from '../../ui/inputKind';

/** A text's words in lines no wider than `w` at its size (measured with the text object itself). */
function linesOf(t: Phaser.GameObjects.Text, text: string, w: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const word of words) {
    const next = cur ? `${cur} ${word}` : word;
    t.setText(next);
    if (t.width > w && cur) {
      lines.push(`${cur} …`);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** The speed buttons' labels with their keys; projector mode shows them without (see setKeyHints). */
const SPEED_LABELS: Record<Speed, string> = { 0: 'Pause (Space)', 1: '1x (1)', 2: '2x (2)', 4: '4x (3)' };
const withoutKey = (label: string) => label.replace(/ \([^)]*\)$/, '');
/** While paused, the Pause button goes on (tapped again on a touch screen, it used to do nothing). */
const RESUME_LABEL = 'Resume (Space)';

/** The speed buttons in the top bar, left to right from SPEED_X, SPEED_GAP apart, and Menu (by its centre). */
const SPEED_X = 688;
const SPEED_GAP = 8;
const SPEEDS: ReadonlyArray<{ s: Speed; w: number }> = [
  { s: 0, w: 204 },
  { s: 1, w: 108 },
  { s: 2, w: 108 },
  { s: 4, w: 108 },
];
const BUTTON_H = 56;
const MENU = { x: 1848, w: 128 };
/**
 * The clock ("4:30 left") starts at TIME_X and keeps TIME_GAP clear of the speed buttons; the title has
 * the room before it, TITLE_GAP short of it (playtest 6: at projector size the level's name ran into
 * "Time left 5:29", and level 7's name took two lines).
 */
const TITLE_X = 20;
const TIME_X = 530;
const TITLE_GAP = 28;
const TIME_GAP = 16;
const TITLE_W = TIME_X - TITLE_GAP - TITLE_X;
const TIME_W = SPEED_X - TIME_GAP - TIME_X;

/**
 * Where the top bar's buttons sit, in game points (the projector covers them with its own speed line):
 * the speed buttons as one rectangle, and Menu. Derived from the same numbers the buttons are laid out by.
 */
export const HUD_BUTTONS: { speeds: Rect; menu: Rect } = {
  speeds: {
    x: SPEED_X,
    y: TOP_BAR.h / 2 - BUTTON_H / 2,
    w: SPEEDS.reduce((sum, sp) => sum + sp.w, 0) + SPEED_GAP * (SPEEDS.length - 1),
    h: BUTTON_H,
  },
  menu: { x: MENU.x - MENU.w / 2, y: TOP_BAR.h / 2 - BUTTON_H / 2, w: MENU.w, h: BUTTON_H },
};

/** Widest the bottom lines may run: clear of the paused pill at the right end. */
const LINE_W = 1470;

export interface HudHandlers {
  onSpeed(s: Speed): void;
  onMenu(): void;
}

export interface HudValues {
  timeLeft: number;
  score: number;
  served: number;
  waiting: number;
  lost: number;
  speed: Speed;
}

export class Hud {
  private readonly time: Phaser.GameObjects.Text;
  private readonly score: Phaser.GameObjects.Text;
  private readonly counts: Phaser.GameObjects.Text;
  private readonly step: Phaser.GameObjects.Text;
  private readonly tip: Phaser.GameObjects.Text;
  private readonly paused: Phaser.GameObjects.Container;
  private readonly pausedText: Phaser.GameObjects.Text;
  /** "Paused" sits in the bottom bar's right end, so it never covers a department while people think. */
  private readonly pausePill: Phaser.GameObjects.Container;
  private readonly pillText: Phaser.GameObjects.Text;
  private readonly speedBtns: Array<{ s: Speed; b: PlayButton }> = [];
  private last = { time: '', score: '', counts: '', step: '', speed: -1 as number, banner: '' };
  private tipIndex = -1;
  /** The parts of the current tip still to show. */
  private tipPages: string[] = [];
  private keyHints = true;
  private countsAt = -Infinity;
  private tipAt = -Infinity;

  constructor(
    scene: Phaser.Scene,
    title: string,
    private readonly tips: readonly string[],
    handlers: HudHandlers,
    scale: number,
    round: string | null = null,
  ) {
    const fs = (px: number) => px * Math.min(scale, 1.25);
    // The two bars, baked into textures (see bakedShape): the line sits on the board side of each.
    bakedShape(scene, 'top-bar', TOP_BAR.x, TOP_BAR.y, TOP_BAR.w, TOP_BAR.h, (g) => {
      g.fillStyle(0x08131f, 1).fillRect(0, 0, TOP_BAR.w, TOP_BAR.h);
      g.lineStyle(3, 0x3a5878, 1).lineBetween(0, TOP_BAR.h, TOP_BAR.w, TOP_BAR.h);
    }).setDepth(50);
    bakedShape(scene, 'bottom-bar', BOTTOM.x, BOTTOM.y, BOTTOM.w, BOTTOM.h, (g) => {
      g.fillStyle(0x08131f, 1).fillRect(0, 0, BOTTOM.w, BOTTOM.h);
      g.lineStyle(3, 0x3a5878, 1).lineBetween(0, 0, BOTTOM.w, 0);
    }).setDepth(50);
    const cy = TOP_BAR.h / 2;
    // A long title takes two lines rather than shrinking below the smallest readable size. A session
    // round puts the team and round under a one-line title instead ("Blue table · round 2 of 3").
    const t = scene.add
      .text(TITLE_X, round ? cy - 17 : cy, title, style(round ? fs(26) : fs(30), { bold: true }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    if (!round && t.width * minScale(t) > TITLE_W) t.setWordWrapWidth(TITLE_W / minScale(t), true);
    shrinkTo(t, TITLE_W);
    if (round) {
      const r = scene.add
        .text(TITLE_X, cy + 19, round, style(fs(24), { bold: true, color: '#ffe066' }))
        .setOrigin(0, 0.5)
        .setDepth(51);
      r.setName('hud-round');
      shrinkTo(r, TITLE_W);
    }
    this.time = scene.add
      .text(TIME_X, cy, '', style(fs(30), { bold: true }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    let x = SPEED_X;
    for (const sp of SPEEDS) {
      const b = new PlayButton(scene, {
        x: x + sp.w / 2,
        y: cy,
        w: sp.w,
        h: BUTTON_H,
        label: SPEED_LABELS[sp.s],
        px: 27,
        onClick: () => handlers.onSpeed(sp.s),
      });
      b.container.setDepth(51);
      this.speedBtns.push({ s: sp.s, b });
      x += sp.w + SPEED_GAP;
    }
    // The live score is the score if the level ended now (customers still waiting count as not
    // served), so it says so: it climbs as they are served, and at the end it is the results' score.
    this.score = scene.add
      .text(1252, cy - 16, '', style(fs(30), { bold: true, color: '#ffe066' }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    scene.add
      .text(1252, cy + 20, 'if it ended now', style(27, { color: BOARD_COLOURS.dim }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    this.counts = scene.add
      .text(1478, cy, '', style(fs(27), { align: 'left' }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    const menu = new PlayButton(scene, {
      x: MENU.x,
      y: cy,
      w: MENU.w,
      h: BUTTON_H,
      label: 'Menu',
      px: 26,
      onClick: () => handlers.onMenu(),
    });
    menu.container.setDepth(51);
    this.step = scene.add
      .text(24, BOTTOM.y + 26, '', style(fs(28), { bold: true, color: '#ffe066' }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    this.tip = scene.add
      .text(24, BOTTOM.y + 66, '', style(27, { color: BOARD_COLOURS.dim }))
      .setOrigin(0, 0.5)
      .setDepth(51);
    const c = centre(BOARD);
    const bg = bakedShape(scene, 'banner', -430, -90, 860, 180, (g) => {
      g.fillStyle(0x000000, 0.78).fillRoundedRect(0, 0, 860, 180, 24);
      g.lineStyle(5, BOARD_COLOURS.focus, 1).strokeRoundedRect(0, 0, 860, 180, 24);
    });
    this.pausedText = scene.add.text(0, 0, '', style(fs(56), { bold: true, align: 'center' })).setOrigin(0.5);
    this.paused = scene.add
      .container(c.x, BOARD.y + 100, [bg, this.pausedText])
      .setDepth(55)
      .setVisible(false);
    const pill = bakedShape(scene, 'pausePill', -195, -40, 390, 80, (g) => {
      g.fillStyle(0x000000, 0.85).fillRoundedRect(0, 0, 390, 80, 18);
      g.lineStyle(5, BOARD_COLOURS.focus, 1).strokeRoundedRect(0, 0, 390, 80, 18);
    });
    this.pillText = scene.add
      .text(0, 0, '', style(fs(30), { bold: true, align: 'center', color: '#ffe066' }))
      .setOrigin(0.5);
    this.pausePill = scene.add
      .container(GAME_W - 205, BOTTOM.y + 45, [pill, this.pillText])
      .setDepth(55)
      .setVisible(false);
  }

  update(v: HudValues, nowMs: number): void {
    const l = this.last;
    const time = `${formatClock(v.timeLeft)} left`;
    if (time !== l.time) {
      this.time.setText((l.time = time));
      // Large text: keep the clock clear of the Pause button.
      shrinkTo(this.time, TIME_W);
    }
    const score = `Score ${shownScore(v.score)}`;
    if (score !== l.score) this.score.setText((l.score = score));
    const counts = `Served ${v.served} · Waiting ${v.waiting}\nGave up ${v.lost}`;
    // A busy board changes these many times a second: redraw the text at most every 200 ms.
    if (counts !== l.counts && nowMs - this.countsAt >= 200) {
      this.countsAt = nowMs;
      this.counts.setText((l.counts = counts));
      shrinkTo(this.counts, 296);
    }
    if (v.speed !== l.speed) {
      l.speed = v.speed;
      for (const { s, b } of this.speedBtns) b.setOn(s === v.speed);
      this.labelSpeeds();
    }
    // A tip too long for its one line shows in parts, each for half the time.
    if (this.tips.length > 0 && nowMs - this.tipAt > (this.tipPages.length > 0 ? 10_000 : 20_000)) {
      this.tipAt = nowMs;
      if (this.tipPages.length === 0) {
        this.tipIndex = (this.tipIndex + 1) % this.tips.length;
        this.tipPages = linesOf(
          this.tip,
          `Tip ${this.tipIndex + 1}/${this.tips.length}: ${forInput(this.tips[this.tipIndex]!)}`,
          LINE_W,
        );
      }
      this.tip.setText(this.tipPages.shift() ?? '');
    }
  }

  /** Key hints on the buttons ("Pause (Space)") or none (projector mode), switched at once. */
  setKeyHints(on: boolean): void {
    if (on === this.keyHints) return;
    this.keyHints = on;
    this.labelSpeeds();
  }

  private labelSpeeds(): void {
    for (const { s, b } of this.speedBtns) {
      const label = s === 0 && this.last.speed === 0 ? RESUME_LABEL : SPEED_LABELS[s];
      b.setLabel(this.keyHints ? label : withoutKey(label));
    }
  }

  /** The current step: one line, or two over the tip's line when it is long (never shrunk past readable). */
  setStep(text: string): void {
    if (text !== this.last.step) {
      this.step.setWordWrapWidth(null).setText((this.last.step = text));
      const two = this.step.width > LINE_W / minScale(this.step);
      if (two) this.step.setWordWrapWidth(LINE_W / minScale(this.step));
      shrinkTo(this.step, LINE_W);
      this.step.setY(two ? BOTTOM.y + BOTTOM.h / 2 : BOTTOM.y + 26);
      this.stepTwo = two;
      this.applyCover();
    }
  }

  private stepTwo = false;
  private covered: 0 | 1 | 2 = 0;

  /** Lines of the bottom bar the step uses now: two when it is long (over the tip's line). */
  stepLines(): 1 | 2 {
    return this.stepTwo ? 2 : 1;
  }

  /** A toast lies over the bar's second line (1) or both (2): what it covers is hidden meanwhile. */
  cover(lines: 0 | 1 | 2): void {
    if (lines === this.covered) return;
    this.covered = lines;
    this.applyCover();
  }

  private applyCover(): void {
    this.step.setVisible(this.covered < 2);
    this.tip.setVisible(!this.stepTwo && this.covered === 0);
  }

  /** The big banner over the board: paused, or asking to confirm leaving. Empty hides it. */
  setBanner(text: string): void {
    if (text === this.last.banner) return;
    this.last.banner = text;
    // Paused: a pill in the bottom bar's right end; anything else (leaving?) is a question over the board.
    const paused = text.startsWith('Paused');
    this.pausePill.setVisible(paused);
    this.pillText.setText(paused ? text.replace('\nPress ', '\n').replace(' to continue', ': go on') : '');
    this.pillText.setScale(
      Math.min(1, 370 / Math.max(1, this.pillText.width), 74 / Math.max(1, this.pillText.height)),
    );
    if (paused) text = '';
    this.paused.setVisible(text.length > 0);
    this.pausedText.setText(text);
    this.pausedText.setScale(
      Math.min(1, 820 / Math.max(1, this.pausedText.width), 168 / Math.max(1, this.pausedText.height)),
    );
  }
}
