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
import { drawShape, type ShapeName } from './draw';
import { GAME_HEIGHT, GAME_WIDTH, palette, textStyle } from './theme';
import { Button, FocusGroup } from './widgets';

export interface BriefingData {
  levelId: string;
  level: Level;
}

/** Colour-blind-safe defaults (Okabe-Ito) for work types without a colour. */
export const WORK_COLOURS = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xffffff];

export function colourOf(level: Level, i: number): number {
  const c = level.workTypes[i]?.color;
  return c ? Number.parseInt(c.slice(1), 16) : (WORK_COLOURS[i % WORK_COLOURS.length] ?? 0xffffff);
}

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
    const kicker = index >= 0 ? `Level ${index + 1} of ${campaign.length}` : shell.loose.has(level.id) ? 'From a level file' : 'Extra level';

    // Left column: the story and the goal.
    const left = this.add.container(110, 60);
    const colW = 960;
    let y = 0;
    const add = (t: Phaser.GameObjects.Text, gapAfter: number) => {
      t.setY(y);
      left.add(t);
      y += t.height * t.scaleY + gapAfter;
      return t;
    };
    add(this.add.text(0, 0, kicker, textStyle(s, 'small', { color: pal.accentCss, bold: true })), 8);
    add(this.add.text(0, 0, level.title, textStyle(s, 'heading', { wrap: colW })), 30);
    for (const line of level.texts.briefing) add(this.add.text(0, 0, line, textStyle(s, 'body', { wrap: colW })), 16);
    y += 14;
    if (level.texts.newThisLevel) {
      const box = this.callout(left, y, colW, 'New here', level.texts.newThisLevel, pal.accent);
      y += box + 24;
    }
    y += this.callout(left, y, colW, 'Your goal', level.texts.goal, pal.star);
    this.fit(left, colW, GAME_HEIGHT - 60 - 190);

    // Right column: controls and kinds of work.
    const right = this.add.container(1170, 60);
    const rw = 660;
    let ry = 0;
    const addR = (t: Phaser.GameObjects.Text, gapAfter: number) => {
      t.setY(ry);
      right.add(t);
      ry += t.height + gapAfter;
      return t;
    };
    addR(this.add.text(0, 0, 'How to play', textStyle(s, 'sub', { bold: true })), 14);
    for (const c of controlsFor(level)) {
      addR(this.add.text(0, 0, c.text, textStyle(s, 'small', { wrap: rw })), 2);
      if (c.keys) addR(this.add.text(24, 0, `Keys: ${c.keys}`, textStyle(s, 'small', { wrap: rw - 24, color: pal.textDim })), 14);
      else ry += 12;
    }
    ry += 14;
    addR(this.add.text(0, 0, 'Kinds of work', textStyle(s, 'sub', { bold: true })), 14);
    const g = this.add.graphics();
    right.add(g);
    level.workTypes.forEach((w, i) => {
      const name = this.add.text(70, ry, w.name, textStyle(s, 'body', { bold: true, wrap: rw - 70 }));
      drawShape(g, w.shape as ShapeName, 26, ry + name.height / 2, 22, colourOf(level, i), s.highContrast ? 0xffffff : 0x0b1520);
      right.add(name);
      ry += name.height + 2;
      const steps = this.add.text(70, ry, journeyWords(w.journey), textStyle(s, 'small', { color: pal.textDim, wrap: rw - 70 }));
      right.add(steps);
      ry += steps.height + 16;
    });
    this.fit(right, rw, GAME_HEIGHT - 60 - 190);

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

  /** Scales a column down if large text made it taller than the room it has. */
  private fit(c: Phaser.GameObjects.Container, w: number, maxH: number): void {
    const b = c.getBounds();
    const k = Math.min(1, maxH / Math.max(1, b.height), (w + 40) / Math.max(1, b.width));
    c.setScale(k);
  }

  private back(): void {
    click();
    const fromCampaign = getCampaign().some((c) => c.id === getApp().store.getState().levelId);
    this.scene.start(fromCampaign ? SCENES.select : SCENES.title);
  }

  private start(data: BriefingData): void {
    click();
    getApp().audio?.unlock();
    const seed = getApp().store.getState().seed;
    this.scene.start(SCENES.play, { level: data.level, levelId: data.levelId, seed });
  }
}
