/**
 * Results: stars, total, the score breakdown (customers first), customers served and lost, and the
 * largest ripples in plain words. Records the result (saved when storage allows). Retry keeps the seed.
 */
import Phaser from 'phaser';
import { getCampaign } from '../../level/catalog';
import { getApp } from '../context';
import { starsText, unlockedLevels } from '../unlock';
import { click, invalid, paintBackground, SCENES, settings } from './common';
import { drawStars } from './draw';
import { groupedParts, maxPointsOf, nextStarText, PART_LABELS, shownScore, verdict } from './resultsWords';
import { largestRipples, NO_RIPPLES } from './rippleWords';
import { GAME_HEIGHT, GAME_WIDTH, palette, textStyle } from './theme';
import { Button, FocusGroup } from './widgets';
import {
  DEBRIEF_KEY_LABEL,
  openDebriefFromGame,
  openSessionFromGame,
  SESSION_KEY_LABEL,
} from '../../facilitator/panel/panelGame';
import {
  buildRoundResult,
  recordRoundEnd,
  type FinishedPlay,
  type RecordOutcome,
} from '../../facilitator/session/roundRecorder';

/** What the play scene finishes with, plus what the results screen remembers across a restart. */
export interface ResultsData extends FinishedPlay {
  /** Set once the result is in the store, so a restart (new text size) does not record twice. */
  recorded?: boolean;
  /** What happened to the facilitator's active round, if any (set once, with `recorded`). */
  session?: RecordOutcome;
}

export class ResultsScene extends Phaser.Scene {
  constructor() {
    super(SCENES.results);
  }

  create(data: ResultsData): void {
    const app = getApp();
    const store = app.store;
    store.getState().go('results', data.levelId);
    app.audio?.stopAmbient();
    const stars = data.score.stars;
    const total = shownScore(data.score.total);
    if (!data.recorded) {
      data.session = recordRoundEnd(data);
      store.getState().recordResult(data.levelId, total, stars ?? 0);
      data.recorded = true;
      app.audio?.cue(stars === null || stars >= 1 ? 'won' : 'lost', performance.now());
    }
    paintBackground(this);
    const s = settings();
    const pal = palette(s);
    const cx = GAME_WIDTH / 2;

    // Header: title, stars, score.
    this.add
      .text(
        cx,
        36,
        `${data.level.title}: results`,
        textStyle(s, 'sub', { bold: true, align: 'center', wrap: 1700 }),
      )
      .setOrigin(0.5, 0);
    const g = this.add.graphics();
    const scoreText = this.add
      .text(cx, 180, `Score ${total} of 100`, textStyle(s, 'heading'))
      .setOrigin(0, 0.5);
    const starsW = stars !== null ? 46 * 2 * 3.5 : 0;
    const x0 = cx - (starsW + scoreText.width) / 2;
    if (stars !== null) drawStars(g, x0 + starsW / 2 - 23, 180, 46, stars, pal.star);
    scoreText.setX(x0 + starsW);
    const rippled = largestRipples(data.metrics.ripples, data.level).length > 0;
    const sub =
      stars !== null
        ? `${starsText(stars)}. ${verdict(stars, rippled)} ${nextStarText(stars, data.level.scoring.stars)}`.trim()
        : verdict(null);
    const subText = this.add
      .text(cx, 250, sub, textStyle(s, 'body', { color: pal.textDim, align: 'center', wrap: 1600 }))
      .setOrigin(0.5, 0);

    // Left: score breakdown. Label | bar | points, with columns sized to the text.
    const colTop = Math.max(330, subText.y + subText.height + 36);
    const left = this.add.container(110, colTop);
    let y = 0;
    const lg = this.add.graphics();
    left.add(lg);
    const rows: {
      label: Phaser.GameObjects.Text;
      pts: Phaser.GameObjects.Text;
      value: number;
      external: boolean;
    }[] = [];
    for (const group of groupedParts(data.score.parts)) {
      const head = this.add.text(
        0,
        y,
        group.label,
        textStyle(s, 'body', { bold: true, color: pal.accentCss }),
      );
      left.add(head);
      y += head.height + 6;
      for (const p of group.parts) {
        const label = this.add.text(0, y, PART_LABELS[p.key], textStyle(s, 'small'));
        const max = maxPointsOf(p, data.score.parts);
        const pts = this.add
          .text(
            0,
            y,
            `${p.points.toFixed(1)} of ${max.toFixed(1)}`,
            textStyle(s, 'small', { color: pal.textDim }),
          )
          .setOrigin(1, 0);
        left.add([label, pts]);
        rows.push({ label, pts, value: p.value, external: group.group === 'external' });
        y += label.height + 8;
      }
      y += 12;
    }
    const labelW = Math.max(0, ...rows.map((r) => r.label.width));
    const ptsW = Math.max(0, ...rows.map((r) => r.pts.width));
    const barW = Math.max(200, 840 - labelW - ptsW - 56);
    const bx = labelW + 28;
    for (const r of rows) {
      r.pts.setX(bx + barW + 28 + ptsW);
      const by = r.label.y + r.label.height / 2 - 11;
      lg.fillStyle(pal.panel, 1);
      lg.fillRoundedRect(bx, by, barW, 22, 8);
      lg.lineStyle(2, pal.panelEdge, 1);
      lg.strokeRoundedRect(bx, by, barW, 22, 8);
      lg.fillStyle(r.external ? pal.accent : pal.icon, 1);
      const v = Math.min(1, Math.max(0, r.value));
      if (v > 0) lg.fillRoundedRect(bx, by, Math.max(16, barW * v), 22, 8);
    }
    const colMaxH = GAME_HEIGHT - 90 - 46 - 70 - colTop - 20;
    fitColumn(left, 840, colMaxH);

    // Right: customers and ripples.
    const right = this.add.container(1030, colTop);
    const rw = 780;
    let ry = 0;
    const c = data.metrics.customers;
    const add = (t: Phaser.GameObjects.Text, gap: number) => {
      t.setY(ry);
      right.add(t);
      ry += t.height + gap;
    };
    add(this.add.text(0, 0, 'Customers', textStyle(s, 'body', { bold: true, color: pal.accentCss })), 6);
    const lost = c.abandoned;
    add(
      this.add.text(
        0,
        0,
        `${c.resolved} of ${c.arrived} served, ${lost} gave up${c.inSystem > 0 ? `, ${c.inSystem} still waiting at the end` : ''}.`,
        textStyle(s, 'small', { wrap: rw }),
      ),
      22,
    );
    add(
      this.add.text(0, 0, 'Biggest ripples', textStyle(s, 'body', { bold: true, color: pal.accentCss })),
      6,
    );
    const ripples = largestRipples(data.metrics.ripples, data.level);
    const rg = this.add.graphics();
    right.add(rg);
    for (const line of ripples.length ? ripples : [NO_RIPPLES]) {
      const t = this.add.text(44, ry, line, textStyle(s, 'small', { wrap: rw - 44 }));
      rg.lineStyle(3, pal.accent, 1);
      rg.strokeCircle(14, ry + 18, 6);
      rg.lineStyle(2, pal.accent, 0.6);
      rg.strokeCircle(14, ry + 18, 13);
      right.add(t);
      ry += t.height + 14;
    }
    if (!store.getState().storageOk) {
      ry += 8;
      add(
        this.add.text(
          0,
          0,
          "This result won't be kept after you close the page: this browser does not let the game save.",
          textStyle(s, 'small', { color: pal.warnCss, wrap: rw }),
        ),
        0,
      );
    }
    fitColumn(right, rw, colMaxH);

    // Buttons: levels, retry, next.
    const campaign = getCampaign();
    const idx = campaign.findIndex((e) => e.id === data.levelId);
    const next = idx >= 0 ? campaign[idx + 1] : undefined;
    const open = unlockedLevels(
      campaign.map((e) => e.id),
      store.getState().progress,
      store.getState().settings.facilitator,
    );
    const nextOpen = next !== undefined && (open[idx + 1] ?? false) && next.level !== null;
    const note = !next
      ? idx >= 0
        ? 'That was the last level of the campaign.'
        : ''
      : nextOpen
        ? ''
        : 'Earn at least one star to open the next level.';

    const facKeys = s.facilitator ? this.facilitatorButtons(data) : {};
    const focus = new FocusGroup(this, {
      cols: 3,
      onBack: () => this.toLevels(),
      keys: { r: () => this.retry(data), ...facKeys },
    });
    const by = GAME_HEIGHT - 90;
    const levels = new Button(this, s, {
      x: next !== undefined ? 330 : cx - 260,
      y: by,
      width: 440,
      height: 92,
      label: 'All levels',
      onActivate: () => this.toLevels(),
      onHover: () => focus.focusOf(levels),
    });
    const retry = new Button(this, s, {
      x: next !== undefined ? cx : cx + 260,
      y: by,
      width: 440,
      height: 92,
      label: 'Try again (R)',
      primary: !nextOpen,
      onActivate: () => this.retry(data),
      onHover: () => focus.focusOf(retry),
    });
    const nextBtn = new Button(this, s, {
      x: GAME_WIDTH - 330,
      y: by,
      width: 440,
      height: 92,
      label: 'Next level',
      primary: nextOpen,
      onActivate: () => {
        if (!nextOpen || !next?.level) {
          invalid();
          return;
        }
        click();
        this.scene.start(SCENES.briefing, { levelId: next.level.id, level: next.level });
      },
      onHover: () => focus.focusOf(nextBtn),
    });
    nextBtn.enabled = nextOpen;
    nextBtn.setFocused(false);
    nextBtn.container.setVisible(next !== undefined);
    if (note)
      this.add
        .text(cx, by - 70, note, textStyle(s, 'small', { color: pal.textDim, align: 'center' }))
        .setOrigin(0.5, 1);
    focus.setItems(next !== undefined ? [levels, retry, nextBtn] : [levels, retry], nextOpen ? 2 : 1);
  }

  /** Facilitator mode: Debrief (D) and Session (G) at the top corners; returns their keys. */
  private facilitatorButtons(data: ResultsData): Record<string, () => void> {
    const s = settings();
    const debrief = () => {
      click();
      if (data.session?.recorded) openDebriefFromGame({ roundId: data.session.roundId });
      else {
        const result = buildRoundResult(data, new Date().toISOString());
        openDebriefFromGame({
          round: {
            id: 'this-play',
            levelId: data.levelId,
            levelTitle: data.level.title,
            seed: data.seed,
            team: 'This play',
            status: 'finished',
            bookmarks: [],
            result,
          },
        });
      }
    };
    const session = () => {
      click();
      openSessionFromGame();
    };
    new Button(this, s, {
      x: GAME_WIDTH - 200,
      y: 180,
      width: 320,
      height: 84,
      label: `Debrief (${DEBRIEF_KEY_LABEL})`,
      primary: true,
      onActivate: debrief,
    });
    new Button(this, s, {
      x: 200,
      y: 180,
      width: 320,
      height: 84,
      label: `Session (${SESSION_KEY_LABEL})`,
      onActivate: session,
    });
    if (data.session?.recorded) {
      this.add
        .text(
          200,
          232,
          'Saved to the session',
          textStyle(s, 'small', { color: palette(s).textDim, align: 'center' }),
        )
        .setOrigin(0.5, 0);
    }
    return { [DEBRIEF_KEY_LABEL.toLowerCase()]: debrief, [SESSION_KEY_LABEL.toLowerCase()]: session };
  }

  private toLevels(): void {
    click();
    this.scene.start(SCENES.select);
  }

  private retry(data: ResultsData): void {
    click();
    this.scene.start(SCENES.play, { level: data.level, levelId: data.levelId, seed: data.seed });
  }
}

function fitColumn(c: Phaser.GameObjects.Container, w: number, maxH: number): void {
  const b = c.getBounds();
  c.setScale(Math.min(1, maxH / Math.max(1, b.height), w / Math.max(1, b.width)));
}
