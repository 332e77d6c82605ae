/**
 * Results: stars, total, the score breakdown (customers first), customers served and lost, and the
 * largest ripples in plain words. The app's results service has
 * recorded it already (see src/app/results.ts). Retry keeps the seed.
 */
import Phaser from 'phaser';
import { getCampaign } from '../../level/catalog';
import { getApp } from '../context';
import { NEXT_LOCKED_NOTE, starsText, unlockedLevels } from '../unlock';
import { click, invalid, paintBackground, SCENES, settings } from './common';
import { startScene, type ResultsData } from './sceneData';
import { drawStars } from './draw';
import { nextStarText, shownScore, verdict } from './resultsWords';
import { explainPlay, minColumnScale, scoreColumn, timeColumn } from './resultsPanels';
import { noteAdvice, noteColumnScale } from './resultsShown';
import { tryNext } from './resultsAdvice';
import { largestRipples } from './rippleWords';
import { GAME_HEIGHT, GAME_WIDTH, palette, scaled, SIZE, textStyle } from './theme';
import { keysOrTap } from '../../ui/inputKind';
import { Button, FocusGroup } from './widgets';
import { DEBRIEF_KEY_LABEL, SESSION_KEY_LABEL } from '../hooks';

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
    if (!data.cued) {
      data.cued = true;
      app.audio?.cue(stars === null || stars >= 1 ? 'won' : 'lost', performance.now());
    }
    paintBackground(this);
    const s = settings();
    const pal = palette(s);
    const cx = GAME_WIDTH / 2;

    // Header: title, stars, score. The title keeps to one line between the facilitator's corner buttons
    // (a little smaller when it must); only one too long even then wraps, and the score line moves down.
    // Facilitator mode: Debrief and Session in the top corners (made first, so the title knows its room).
    const fac = s.facilitator && !data.live ? this.facilitatorButtons(data) : null;
    const room = fac ? 2 * Math.min(cx - fac.left, fac.right - cx) - 2 * TITLE_GAP : TITLE_ROOM;
    const title = fitTitle(this, `${data.level.title}: results`, s, room);
    title.setName('results-title');
    const g = this.add.graphics();
    const scoreText = this.add
      .text(cx, 120, `Score ${total} of 100`, textStyle(s, 'heading'))
      .setOrigin(0, 0.5);
    const scoreY = Math.max(120, title.y + title.displayHeight + scoreText.height / 2 + 4);
    scoreText.setY(scoreY);
    const starsW = stars !== null ? 40 * 2 * 3.5 : 0;
    const x0 = cx - (starsW + scoreText.width) / 2;
    if (stars !== null) drawStars(g, x0 + starsW / 2 - 20, scoreY, 40, stars, pal.star);
    scoreText.setX(x0 + starsW);
    const rippled = largestRipples(data.metrics.ripples, data.level).length > 0;
    // "Try this next time" under the stars: the one or two things this run says to change. It takes the
    // place of the verdict's pointer to what is below.
    const exp = explainPlay(data);
    const advice = exp ? tryNext(exp, data.level, data.metrics) : [];
    const sub =
      stars !== null
        ? `${starsText(stars)}. ${advice.length > 0 && stars < 3 ? '' : `${verdict(stars, rippled)} `}${nextStarText(stars, data.level.scoring.stars)}`.trim()
        : verdict(null);
    // Projector-size text: these lines may run under the corner buttons (they sit below them), so they
    // take fewer lines and leave the score parts their full size.
    const big = s.textScale >= 1.4;
    // Under the score's whole line (at projector size its box reaches past 48 points below its middle).
    const subText = this.add
      .text(cx, scoreY + Math.max(48, scoreText.height / 2 + 2), sub, textStyle(s, 'small', { color: pal.textDim, align: 'center', wrap: big ? 1800 : 1300 }))
      .setOrigin(0.5, 0);
    let adviceBottom = subText.y + subText.height;
    if (advice.length > 0) {
      // Two lines at most: the second suggestion only when both fit (and not at projector size).
      const tipText = (list: readonly string[]) =>
        this.add
          .text(cx, adviceBottom + 6, `Try this next time: ${list.join(' ')}`, textStyle(s, 'small', { color: pal.accentCss, align: 'center', wrap: big ? 1860 : 1560 }))
          .setOrigin(0.5, 0);
      const probe = tipText(['x']);
      const lineH = probe.height;
      probe.destroy();
      let tip = tipText(advice);
      // At projector size one: the room reads one thing to change, and the columns under it keep room
      // for text no smaller than 14 CSS px on a 1024x768 projector.
      if (advice.length > 1 && (big || tip.height > 2.5 * lineH)) {
        tip.destroy();
        advice.splice(1);
        tip = tipText(advice);
      }
      tip.setName('results-advice');
      adviceBottom = tip.y + tip.height;
    }
    // A session round: whose round it was and that it is kept, on a line of its own under the stars.
    const round = s.facilitator ? app.hooks.facilitator.round(data.outcome.savedRound) : null;
    let headBottom = adviceBottom;
    if (round && data.outcome.savedRound !== null) {
      const saved = this.add
        .text(cx, headBottom + 10, `${round.label}: saved to the session`, textStyle(s, 'small', { bold: true, color: pal.accentCss, align: 'center', wrap: 1300 }))
        .setOrigin(0.5, 0);
      saved.setName('results-saved');
      headBottom = saved.y + saved.height;
    }

    // Left: what each part measured and the points it earned. Right: where the customers' time went.
    const colTop = Math.max(236, headBottom + 24);
    const sessionRound = round !== null && data.outcome.savedRound !== null;
    // Where the buttons lead, and the note over them (the columns keep clear of it).
    const campaign = getCampaign();
    const idx = campaign.findIndex((e) => e.id === data.levelId);
    const next = idx >= 0 ? campaign[idx + 1] : undefined;
    const open = unlockedLevels(
      campaign.map((e) => e.id),
      store.getState().progress,
      store.getState().settings.facilitator,
    );
    const nextOpen = next !== undefined && (open[idx + 1] ?? false) && next.level !== null;
    // A session round goes on to the session's next round, not the campaign's next level.
    const note = sessionRound
      ? 'Try again plays this level once more for practice: that run is not saved to the session.'
      : !next
        ? idx >= 0
          ? 'That was the last level of the campaign.'
          : ''
        : nextOpen
          ? ''
          : NEXT_LOCKED_NOTE;
    // The note over the buttons ("That was the last level", or that Try again is not saved to the
    // session) has its own line under the columns, at any text size.
    const noteRoom = note && !data.live ? Math.round(scaled(SIZE.small, s) * 1.3) + 8 : 0;
    const colMaxH = GAME_HEIGHT - 90 - 46 - 40 - colTop - noteRoom;
    // Projector-size text: the score parts take more of the width (their rows then stay on one or two
    // lines instead of shrinking), and the time column shows fewer causes rather than smaller type.
    const wide = s.textScale >= 1.4;
    // Normal text: the parts' names, measures, figures and bars on one line each where they can.
    const lw = wide ? 1120 : 1040;
    const left = scoreColumn(this, s, data, lw, colMaxH);
    left.setPosition(wide ? 50 : 40, colTop);
    fitColumn(left, lw, colMaxH, minColumnScale(s), true);
    // Normal text: the time column starts after the parts (narrower without their measures) and ends
    // 30 points from the edge, at most 960 wide.
    const leftEnd = left.x + Number(left.getData('columnWidth') ?? lw) * left.scaleX;
    const rx = wide ? 1200 : Math.min(1105, Math.max(leftEnd + 60, 1890 - 960));
    const rw = wide ? 680 : 1890 - rx;
    // Room kept for the line saying this result won't be kept, only when it will be shown.
    const storageOk = store.getState().storageOk;
    const right = timeColumn(this, s, data, exp, rw, colMaxH - (storageOk ? 0 : 60));
    noteAdvice(advice);
    right.setPosition(rx, colTop);
    if (!storageOk) {
      const b = right.getBounds();
      right.add(
        this.add.text(
          0,
          b.height + 12,
          "This result won't be kept after you close the page: this browser does not let the game save.",
          textStyle(s, 'small', { color: pal.warnCss, wrap: rw }),
        ),
      );
    }
    fitColumn(right, rw, colMaxH, minColumnScale(s));

    if (data.live) {
      this.add
        .text(cx, GAME_HEIGHT - 90, data.live.note, textStyle(s, 'body', { align: 'center', wrap: 1600 }))
        .setOrigin(0.5);
      return;
    }
    // Buttons: levels, retry, next.

    const facKeys = fac?.keys ?? {};
    const focus = new FocusGroup(this, {
      cols: 3,
      onBack: () => this.toLevels(),
      keys: { r: () => this.retry(data), ...facKeys },
    });
    const by = GAME_HEIGHT - 90;
    const third = sessionRound || next !== undefined;
    const levels = new Button(this, s, {
      x: third ? 330 : cx - 260,
      y: by,
      width: 440,
      height: 92,
      label: 'All levels',
      onActivate: () => this.toLevels(),
      onHover: () => focus.focusOf(levels),
    });
    const retry = new Button(this, s, {
      x: third ? cx : cx + 260,
      y: by,
      width: 440,
      height: 92,
      label: keysOrTap('Try again (R)', 'Try again'),
      primary: !nextOpen && !sessionRound,
      onActivate: () => this.retry(data),
      onHover: () => focus.focusOf(retry),
    });
    const nextRound = sessionRound ? round.next : null;
    const nextEnabled = sessionRound || nextOpen;
    const nextBtn = new Button(this, s, {
      x: GAME_WIDTH - 330,
      y: by,
      width: 440,
      height: 92,
      label: sessionRound ? (nextRound ? nextRound.team.length <= 16 ? `Next round: ${nextRound.team}` : 'Next round' : 'Back to the session') : 'Next level',
      primary: nextEnabled,
      onActivate: () => {
        if (sessionRound) {
          click();
          // After this frame: the key that pressed the button must not also press the next briefing's Start.
          window.setTimeout(() => (nextRound ? nextRound.start() : app.hooks.facilitator.openSession()), 0);
          return;
        }
        if (!nextOpen || !next?.level) {
          invalid();
          return;
        }
        click();
        startScene(this.scene, SCENES.briefing, { levelId: next.level.id, level: next.level });
      },
      onHover: () => focus.focusOf(nextBtn),
    });
    nextBtn.enabled = nextEnabled;
    nextBtn.setFocused(false);
    nextBtn.container.setVisible(third);
    if (note)
      this.add
        .text(cx, by - 70, note, textStyle(s, 'small', { color: pal.textDim, align: 'center' }))
        .setOrigin(0.5, 1);
    focus.setItems(third ? [levels, retry, nextBtn] : [levels, retry], nextEnabled ? 2 : 1);
  }

  /**
   * Facilitator mode: Debrief (D) and Session (G) at the top corners; returns their keys, and the inner
   * edges of the two (the title goes between them; at projector size the buttons grow with their text).
   */
  private facilitatorButtons(data: ResultsData): { keys: Record<string, () => void>; left: number; right: number } {
    const s = settings();
    const tools = getApp().hooks.facilitator;
    const debrief = () => {
      click();
      tools.openDebrief(data, data.outcome);
    };
    const session = () => {
      click();
      tools.openSession();
    };
    const right = new Button(this, s, {
      x: GAME_WIDTH - 200,
      y: 110,
      width: 320,
      height: 84,
      label: `Debrief (${DEBRIEF_KEY_LABEL})`,
      primary: true,
      onActivate: debrief,
    });
    const left = new Button(this, s, {
      x: 200,
      y: 110,
      width: 320,
      height: 84,
      label: `Session (${SESSION_KEY_LABEL})`,
      onActivate: session,
    });
    const lb = left.container.getBounds();
    const rb = right.container.getBounds();
    return {
      keys: { [DEBRIEF_KEY_LABEL.toLowerCase()]: debrief, [SESSION_KEY_LABEL.toLowerCase()]: session },
      left: lb.right,
      right: rb.left,
    };
  }

  private toLevels(): void {
    click();
    startScene(this.scene, SCENES.select);
  }

  private retry(data: ResultsData): void {
    click();
    startScene(this.scene, SCENES.play, { level: data.level, levelId: data.levelId, seed: data.seed });
  }
}

/** The title's room without the facilitator's corner buttons, and its gap to them when they are there. */
const TITLE_ROOM = 1760;
const TITLE_GAP = 20;

/**
 * The results title on one line within `room`, shrunk to no less than the smallest text anywhere (the
 * score parts' size); a title too long even then wraps at full size (the caller puts the score line under it).
 */
function fitTitle(scene: Phaser.Scene, text: string, s: ReturnType<typeof settings>, room: number): Phaser.GameObjects.Text {
  const t = scene.add.text(GAME_WIDTH / 2, 22, text, textStyle(s, 'sub', { bold: true, align: 'center' })).setOrigin(0.5, 0);
  if (t.width <= room) return t;
  const k = room / t.width;
  if (k >= scaled(SIZE.small, s) / scaled(SIZE.sub, s)) return t.setScale(k);
  return t.setWordWrapWidth(room, true);
}

/** Scales a column to fit `w` by `maxH`, but never below `least` (its text stays readable at 1024 wide). */
function fitColumn(c: Phaser.GameObjects.Container, w: number, maxH: number, least: number, parts = false): void {
  const b = c.getBounds();
  const scale = Math.max(least, Math.min(1, maxH / Math.max(1, b.height), w / Math.max(1, b.width)));
  c.setScale(scale);
  noteColumnScale(scale, parts ? { x: c.x, y: c.y } : undefined);
}
