/**
 * Briefing: what is at stake, what is new, the goal, the controls for this level's actions, and the
 * kinds of work (shape, name, journey). Enter starts, Escape goes back.
 */
import Phaser from 'phaser';
import { getCampaign } from '../../level/catalog';
import type { Level } from '../../level/schema';
import { getApp } from '../context';
import { shell } from '../shell';
import { controlsFor, journeyWords } from './briefingWords';
import { click, paintBackground, SCENES, settings } from './common';
import { startScene, type BriefingData } from './sceneData';
import { drawShape, type ShapeName } from './draw';
import { GAME_HEIGHT, GAME_WIDTH, MIN_TEXT, palette, scaled, SIZE, textStyle } from './theme';
import { Button, FocusGroup } from './widgets';
import { workColour } from '../play/playTheme';

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
    const where = shell.loose.get(level.id) === level ? 'From a level file' : index >= 0 ? `Level ${index + 1} of ${campaign.length}` : 'Extra level';
    // A facilitator's session round: the team and the round, so everyone knows whose turn it is.
    const round = app.hooks.facilitator.round();
    const kicker = round ? `${round.label}  ·  ${where}` : where;

    const maxH = GAME_HEIGHT - 60 - 200;
    this.column(100, 880, maxH, (c, w, less) => this.story(c, w, level, kicker, less));
    this.column(1060, 760, maxH, (c, w, less) => this.howTo(c, w, level, less));

    // Buttons.
    const focus = new FocusGroup(this, { onBack: () => this.back() });
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
    const back = new Button(this, s, { x: 110 + 160, y: GAME_HEIGHT - 95, width: 320, height: 90, label: 'Back', onActivate: () => this.back(), onHover: () => focus.focusOf(back) });
    this.add
      .text(GAME_WIDTH / 2, GAME_HEIGHT - 95, 'Enter: start  ·  Escape: back', textStyle(s, 'small', { color: pal.textDim }))
      .setOrigin(0.5);
    focus.setItems([start, back], 0);
  }

  /**
   * Builds a column at the given width; when large text makes it too tall, rebuilds it with wider
   * lines and scales it down, so it still fills its width instead of leaving a gap.
   */
  private column(
    x: number,
    w: number,
    maxH: number,
    build: (c: Phaser.GameObjects.Container, w: number, less: boolean) => number,
  ): void {
    let wrap = w;
    let less = false;
    const floor = MIN_TEXT / scaled(SIZE.small, settings());
    for (let attempt = 0; ; attempt++) {
      const c = this.add.container(x, 60);
      const h = build(c, wrap, less);
      // Too tall even at the smallest readable size: build it again with less in it (the keys block:
      // the board's buttons and bottom line show the keys too; the steps' skills without their labels).
      if (!less && h * floor > maxH) {
        c.destroy(true);
        less = true;
        attempt--;
        continue;
      }
      // Never below the smallest readable size: the smallest text here is SIZE.small.
      const k = Math.max(floor, Math.min(1, maxH / Math.max(1, h)));
      // Height-limited (k below w/wrap) leaves a gap at the side: widen the lines and try again.
      if (k >= (w / wrap) * 0.97 || attempt >= 4) {
        c.setScale(Math.max(MIN_TEXT / scaled(SIZE.small, settings()), Math.min(k, w / wrap)));
        return;
      }
      c.destroy(true);
      wrap = Math.round(wrap * Math.sqrt(w / (wrap * k)));
    }
  }

  /**
   * The story column; returns its height. `less` (too tall even at the smallest readable size): the
   * briefing's lines run on as one paragraph and the gaps are tighter, so the goal stays above the buttons.
   */
  private story(c: Phaser.GameObjects.Container, colW: number, level: Level, kicker: string, less: boolean): number {
    const s = settings();
    const pal = palette(s);
    let y = 0;
    const add = (t: Phaser.GameObjects.Text, gapAfter: number) => {
      t.setY(y);
      c.add(t);
      y += t.height + gapAfter;
    };
    add(this.add.text(0, 0, kicker, textStyle(s, 'small', { color: pal.accentCss, bold: true })), less ? 4 : 8);
    add(this.add.text(0, 0, level.title, textStyle(s, 'heading', { wrap: colW })), less ? 14 : 30);
    const lines = less ? [level.texts.briefing.join(' ')] : level.texts.briefing;
    for (const line of lines) add(this.add.text(0, 0, line, textStyle(s, 'body', { wrap: colW })), less ? 8 : 16);
    y += less ? 6 : 14;
    if (level.texts.newThisLevel) y += this.callout(c, y, colW, 'New here', level.texts.newThisLevel, pal.accent) + (less ? 12 : 24);
    y += this.callout(c, y, colW, 'Your goal', level.texts.goal, pal.star);
    return y;
  }

  /** Controls and kinds of work; returns the height. */
  private howTo(c: Phaser.GameObjects.Container, rw: number, level: Level, less = false): number {
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
    for (const line of lines) add(this.add.text(0, 0, `• ${line.text}`, textStyle(s, 'small', { wrap: rw })), 8);
    const keys = lines.filter((l) => l.keys).map((l) => l.keys);
    if (keys.length > 0 && less)
      add(this.add.text(0, 0, 'Keys: each button shows its key, and the bottom line says what to press next.', textStyle(s, 'small', { wrap: rw, color: pal.textDim })), 8);
    if (keys.length > 0 && !less) add(this.add.text(0, 0, `Keys: ${keys.join(' · ')}`, textStyle(s, 'small', { wrap: rw, color: pal.textDim })), 8);
    ry += 18;
    add(this.add.text(0, 0, 'Kinds of work', textStyle(s, 'sub', { bold: true })), 14);
    const g = this.add.graphics();
    c.add(g);
    // Two side by side when there are more than two kinds: the list stays short.
    const cols = level.workTypes.length > 2 ? 2 : 1;
    const cw = (rw - (cols - 1) * 24) / cols;
    let rowH = 0;
    level.workTypes.forEach((w, i) => {
      const cx = (i % cols) * (cw + 24);
      if (i % cols === 0 && i > 0) {
        ry += rowH;
        rowH = 0;
      }
      const name = this.add.text(cx + 56, ry, w.name, textStyle(s, 'body', { bold: true, wrap: cw - 56 }));
      drawShape(g, w.shape as ShapeName, cx + 22, ry + name.height / 2, 20, colourOf(level, i), s.highContrast ? 0xffffff : 0x0b1520);
      const steps = this.add.text(cx + 56, ry + name.height + 2, journeyWords(less ? w.journey.map((j) => ({ skill: j.skill })) : w.journey, level.skillNames), textStyle(s, 'small', { color: pal.textDim, wrap: cw - 56 }));
      c.add([name, steps]);
      rowH = Math.max(rowH, name.height + 2 + steps.height + 16);
    });
    return ry + rowH;
  }

  /** A labelled box; returns its height. */
  private callout(parent: Phaser.GameObjects.Container, y: number, w: number, label: string, body: string, edge: number): number {
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
