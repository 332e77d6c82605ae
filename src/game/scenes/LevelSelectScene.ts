/**
 * Level select: the campaign as cards (number, title, stars as shapes and words, lock, problem badge).
 * Arrows move, Enter opens the briefing, Escape goes back. Broken levels open their problem list.
 */
import Phaser from 'phaser';
import { getCampaign, getCampaignProblems, type CheckedLevel } from '../../level/catalog';
import { isError } from '../../level/check';
import { getApp } from '../context';
import { showProblems } from '../levelUi';
import { lockedText, starsOf, starsText, unlockedLevels } from '../unlock';
import { click, invalid, messageBox, paintBackground, SCENES, settings, shellMessages } from './common';
import { startScene } from './sceneData';
import { drawLock, drawStars, drawWarning } from './draw';
import { GAME_HEIGHT, GAME_WIDTH, palette, textStyle } from './theme';
import { touchOnly } from '../../ui/inputKind';
import { Button, FocusGroup, type Focusable } from './widgets';
import { SESSION_KEY_LABEL } from '../hooks';

const COLS = 4;
const CARD_W = 390;
const CARD_H = 330;
const GAP = 40;

/** Shrinks a text object until it fits the box: first a smaller font (not below 28px), then scale. */
export function fitText(t: Phaser.GameObjects.Text, maxW: number, maxH: number): void {
  t.setFontSize(fitPx(t, maxW, maxH));
  t.setScale(Math.min(1, maxW / Math.max(1, t.width), maxH / Math.max(1, t.height)));
}

/** The largest font size, from the text's own down to 28 px, at which it fits the box (28 if none). */
function fitPx(t: Phaser.GameObjects.Text, maxW: number, maxH: number): number {
  let px = Number.parseInt(String(t.style.fontSize), 10) || 32;
  t.setFontSize(px);
  while ((t.width > maxW || t.height > maxH) && px > 28) {
    px = Math.max(28, px - 2);
    t.setFontSize(px);
  }
  return px;
}

/** Card titles: the title's box, between the number and the lock (or stars) row. */
const TITLE_TOP = 112;
const TITLE_H = 96;

class LevelCard implements Focusable {
  readonly enabled = true;
  private readonly ring: Phaser.GameObjects.Graphics;
  readonly title: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    index: number,
    entry: CheckedLevel,
    unlocked: boolean,
    stars: number,
    onActivate: () => void,
    onHover: () => void,
  ) {
    const s = settings();
    const pal = palette(s);
    const broken = entry.level === null || entry.problems.some(isError);
    const warned = entry.problems.length > 0;
    this.ring = scene.add.graphics();
    const g = scene.add.graphics();
    g.fillStyle(pal.panel, unlocked ? 1 : 0.7);
    g.fillRoundedRect(x, y, CARD_W, CARD_H, 18);
    g.lineStyle(pal.edgeWidth, warned ? pal.warn : pal.panelEdge, 1);
    g.strokeRoundedRect(x, y, CARD_W, CARD_H, 18);
    g.fillStyle(unlocked ? pal.accent : pal.panelEdge, 1);
    g.fillCircle(x + 62, y + 62, 40);
    scene.add.text(x + 62, y + 62, String(index + 1), textStyle(s, 'sub', { bold: true, color: unlocked ? pal.accentText : pal.text })).setOrigin(0.5);
    if (warned) drawWarning(g, x + CARD_W - 56, y + 58, 56, pal.warn, pal.bg);

    const title = (this.title = scene.add.text(x + 28, y + TITLE_TOP, entry.title || entry.id || 'Untitled level', textStyle(s, 'sub', { bold: true, wrap: CARD_W - 56 })));
    if (!unlocked) title.setAlpha(0.75);

    const statusY = y + CARD_H - 44;
    if (broken) {
      scene.add.text(x + 28, statusY, 'Needs fixing: see why', textStyle(s, 'small', { color: pal.warnCss })).setOrigin(0, 0.5);
    } else if (!unlocked) {
      drawLock(g, x + 52, y + CARD_H - 88, 44, pal.icon);
      const why = scene.add.text(x + 96, y + CARD_H - 88, 'Locked', textStyle(s, 'small', { color: pal.textDim })).setOrigin(0, 0.5);
      fitText(why, CARD_W - 120, 40);
      const more = scene.add.text(x + 28, statusY, `Finish level ${index} first`, textStyle(s, 'small', { color: pal.textDim })).setOrigin(0, 0.5);
      fitText(more, CARD_W - 56, 40);
    } else {
      drawStars(g, x + CARD_W / 2, y + CARD_H - 92, 24, stars, pal.star);
      scene.add.text(x + CARD_W / 2, statusY, starsText(stars), textStyle(s, 'small', { color: pal.textDim })).setOrigin(0.5);
    }
    const hit = scene.add.zone(x, y, CARD_W, CARD_H).setOrigin(0).setInteractive({ useHandCursor: true });
    hit.on('pointerover', onHover);
    hit.on('pointerup', onActivate);
    this.activate = onActivate;
    this.bounds = { x, y };
  }

  private readonly bounds: { x: number; y: number };
  activate: () => void;

  setFocused(on: boolean): void {
    const pal = palette(settings());
    this.ring.clear();
    if (on) {
      this.ring.lineStyle(7, pal.focus, 1);
      this.ring.strokeRoundedRect(this.bounds.x - 10, this.bounds.y - 10, CARD_W + 20, CARD_H + 20, 24);
    }
  }
}

export class LevelSelectScene extends Phaser.Scene {
  private status!: Phaser.GameObjects.Text;

  constructor() {
    super(SCENES.select);
  }

  create(): void {
    const app = getApp();
    const st = app.store.getState();
    st.go('select');
    paintBackground(this);
    const s = settings();
    const pal = palette(s);
    const cx = GAME_WIDTH / 2;

    this.add.text(cx, 40, 'Choose a level', textStyle(s, 'heading')).setOrigin(0.5, 0);
    const messages = shellMessages();
    // Warnings (a work type that looks different in two levels) are for the trainer's check, not the room.
    const campaignProblems = getCampaignProblems().filter((p) => p.severity !== 'warning');
    if (campaignProblems.length) messages.push(`The campaign list has a problem: ${campaignProblems[0]?.message ?? ''}`);
    if (s.facilitator) messages.push('Facilitator mode: every level is open.');
    const msgH = messageBox(this, messages, 140);

    const campaign = getCampaign();
    const ids = campaign.map((c) => c.id);
    const open = unlockedLevels(ids, st.progress, s.facilitator);
    const rows = Math.max(1, Math.ceil(campaign.length / COLS));
    const cols = Math.min(COLS, Math.max(1, campaign.length));
    const gridW = cols * CARD_W + (cols - 1) * GAP;
    const gridTop = Math.max(msgH > 0 ? 140 + msgH + 40 : 190, 190);
    const room = GAME_HEIGHT - 170 - gridTop;
    const gridH = rows * CARD_H + (rows - 1) * GAP;
    // Never below half size (nor negative, which drew the grid upside down under a long message).
    const k = Math.max(0.5, Math.min(1, room / gridH));

    const sessionKeys = s.facilitator ? { [SESSION_KEY_LABEL.toLowerCase()]: () => getApp().hooks.facilitator.openSession() } : {};
    const focus = new FocusGroup(this, { cols, onBack: () => this.back(), keys: sessionKeys });
    const items: Focusable[] = [];
    const container = this.add.container(0, 0);
    campaign.forEach((entry, i) => {
      const x = (GAME_WIDTH - gridW) / 2 + (i % COLS) * (CARD_W + GAP);
      const y = gridTop + Math.floor(i / COLS) * (CARD_H + GAP);
      const before = this.children.list.length;
      const card = new LevelCard(
        this,
        x,
        y,
        i,
        entry,
        open[i] ?? false,
        starsOf(st.progress, entry.id),
        () => this.choose(entry, i, open[i] ?? false),
        () => focus.focusOf(card),
      );
      items.push(card);
      // Cards draw straight into the scene; gather them to scale the grid to fit.
      container.add(this.children.list.slice(before).filter((o) => o !== container));
    });
    // One title size on every card: the largest at which the longest title still fits its box.
    const cards = items.filter((c): c is LevelCard => c instanceof LevelCard);
    const px = cards.reduce((m, c) => Math.min(m, fitPx(c.title, CARD_W - 56, TITLE_H)), 40);
    for (const c of cards) fitText(c.title.setFontSize(px), CARD_W - 56, TITLE_H);
    if (k < 1) {
      container.setScale(k);
      container.setPosition((GAME_WIDTH * (1 - k)) / 2, gridTop * (1 - k));
    }
    if (campaign.length === 0) {
      this.add.text(cx, 460, 'No levels could be loaded. Load a level file from the title screen.', textStyle(s, 'sub', { align: 'center', wrap: 1400 })).setOrigin(0.5);
    }

    this.status = this.add.text(cx, GAME_HEIGHT - 150, '', textStyle(s, 'small', { color: pal.warnCss, align: 'center', wrap: 1500 })).setOrigin(0.5, 1);
    const back = new Button(this, s, { x: 220, y: GAME_HEIGHT - 80, width: 300, height: 84, label: 'Back', onActivate: () => this.back(), onHover: () => focus.focusOf(back) });
    // A touch-only device has no keys to read about (see ui/inputKind).
    this.add
      .text(GAME_WIDTH - 90, GAME_HEIGHT - 80, 'Arrows: choose  ·  Enter: open  ·  Escape: back', textStyle(s, 'small', { color: pal.textDim }))
      .setOrigin(1, 0.5)
      .setVisible(!touchOnly());
    items.push(back);
    if (s.facilitator) {
      const session: Button = new Button(this, s, { x: 580, y: GAME_HEIGHT - 80, width: 360, height: 84, label: `Session (${SESSION_KEY_LABEL})`, onActivate: () => getApp().hooks.facilitator.openSession(), onHover: () => focus.focusOf(session) });
      items.push(session);
    }
    const lastIndex = campaign.findIndex((c) => c.id !== null && c.id === st.levelId);
    const firstOpen = open.lastIndexOf(true);
    focus.setItems(items, lastIndex >= 0 ? lastIndex : Math.max(0, firstOpen));
  }

  private back(): void {
    click();
    startScene(this.scene, SCENES.title);
  }

  private choose(entry: CheckedLevel, i: number, unlocked: boolean): void {
    if (!entry.level || entry.problems.some(isError)) {
      invalid();
      this.status.setText(`Level ${i + 1} has problems in its file, so it cannot be played yet.`);
      showProblems(entry.problems, { title: `Level ${i + 1}: ${entry.title || entry.path} has problems`, onClose: () => {} });
      return;
    }
    if (!unlocked) {
      invalid();
      this.status.setText(lockedText(i + 1));
      return;
    }
    click();
    getApp().store.getState().go('select', entry.level.id);
    startScene(this.scene, SCENES.briefing, { levelId: entry.level.id, level: entry.level });
  }
}
