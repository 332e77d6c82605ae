/**
 * The two columns of the results screen. Left: each score part with its own measure, target and
 * points, and the customers not served as one line. Right: "Where the time went" (every second of
 * customer time by cause, adding up to 100%), who gave up and why, and the staff time notes took.
 * What was shown is kept in `shownResults` for the browser tests (window.__ripple.results()).
 */
import Phaser from 'phaser';
import type { Settings } from '../../store/store';
import { explainRun, type RunExplanation } from '../../sim/explain';
import { PART_GROUP } from '../../sim/scoring';
import type { Level } from '../../level/schema';
import { setShownResults, shownResults, type ShownResults } from './resultsShown';
import { causeLines, causeLineText, gaveUpLines, notesLine, scoreRows, type PartRow } from './resultsExplain';
import { GROUP_LABELS, keepTogether } from './resultsWords';
import { largestRipples } from './rippleWords';
import { palette, scaled, SIZE, textStyle } from './theme';
import type { Metrics, ScorePart, ScoreReport, TimedCommand } from '../../sim/types';

/** What the results screen explains: a finished play. */
export interface FinishedRun {
  level: Level;
  levelId: string;
  seed: number;
  score: ScoreReport;
  metrics: Metrics;
  commandLog: TimedCommand[];
}

type Cfg = Pick<Settings, 'textScale' | 'highContrast'>;


/** The smallest scale the score parts keep their measures at (28 px text stays 14 CSS px at 1024 wide). */
const MEASURES_MIN_SCALE = 0.94;

/** The smallest text a column may be drawn at, in game points: 14 CSS px on a 1024 px wide screen. */
const MIN_TEXT_POINTS = (14 * 1920) / 1024;

/** The smallest scale a column of `small` text may be drawn at (its text no smaller than MIN_TEXT_POINTS). */
export function minColumnScale(s: Cfg): number {
  return Math.min(1, MIN_TEXT_POINTS / scaled(SIZE.small, s));
}

const pts = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/**
 * Left column: the score parts. Returns the container (at 0,0 inside it). Each part names its measure
 * ("average mood 76%, target 100%") while that fits `maxHeight`; at projector-size text they do not, and
 * the parts show on one line each (name, points, and the bar of how much they earned) rather than in
 * smaller type. The measures stay in the debrief.
 */
export function scoreColumn(
  scene: Phaser.Scene,
  s: Cfg,
  play: FinishedRun,
  width: number,
  maxHeight = Infinity,
): Phaser.GameObjects.Container {
  const full = buildScoreColumn(scene, s, play, width, true);
  const h = full.getBounds().height;
  // At normal text sizes the measures are the point of the column: they stay while a slight scaling
  // (to MEASURES_MIN_SCALE, still readable at 1024x768) fits them.
  if (h <= maxHeight || (s.textScale < 1.4 && h * MEASURES_MIN_SCALE <= maxHeight)) return full;
  full.destroy(true);
  return buildScoreColumn(scene, s, play, width, false);
}

function buildScoreColumn(
  scene: Phaser.Scene,
  s: Cfg,
  play: FinishedRun,
  width: number,
  withMeasures: boolean,
): Phaser.GameObjects.Container {
  const pal = palette(s);
  const c = scene.add.container(0, 0);
  const g = scene.add.graphics();
  c.add(g);
  const { rows, unserved } = scoreRows(play.level, play.metrics, play.score);
  // The fixed columns grow with the text size, so "17.1 of 23.1" never runs into its measure.
  const k = Number.isFinite(s.textScale) ? Math.min(1.5, Math.max(1, s.textScale)) : 1;
  // Each part's bar sits beside its figure, on the figure's line, with a track behind it: a gauge of how
  // much of its points the part earned, never a line under the text.
  const barW = Math.round(80 * k);
  const barH = Math.round(14 * k);
  const barGap = Math.round(12 * k);
  const pointsOf = (r: { points: number; maxPoints: number }): string => `${pts(r.points)} of ${pts(r.maxPoints)}`;
  const probe = scene.add.text(0, 0, '', textStyle(s, 'small'));
  const widthOf = (t: string): number => probe.setText(t).width;
  // Room for the widest figure and the widest name, so each part's name stays on one line (names never
  // take more than about a third of the column: a longer one wraps).
  const ptsW = Math.ceil(rows.reduce((w, r) => Math.max(w, widthOf(pointsOf(r))), Math.round(120 * k)));
  const labelW = Math.ceil(Math.min(width * 0.36, rows.reduce((w, r) => Math.max(w, widthOf(r.label)), Math.round(200 * k))));
  // Without the measures (many parts), the column is only as wide as a name, its figure and its bar (and
  // room for the line of those not served): the time column beside it gets the rest.
  if (!withMeasures && s.textScale < 1.4) {
    const names = rows.reduce((w, r) => Math.max(w, widthOf(r.label)), 0);
    width = Math.min(width, Math.max(Math.round(640 * k), Math.ceil(names + 40 * k + ptsW + barGap + barW)));
  }
  probe.destroy();
  // The width laid out (the bars are graphics, which a container's bounds leave out).
  c.setData('columnWidth', width);
  const ptsRight = width - barW - barGap;
  const measureX = labelW + 20;
  const measureW = ptsRight - ptsW - 20 - measureX;
  let y = 0;
  const groups: ScorePart['group'][] = ['external', 'internal', 'cost'];
  const shownParts: ShownResults['parts'] = [];
  for (const group of groups) {
    const list = rows.filter((r) => PART_GROUP[r.key] === group);
    if (list.length === 0) continue;
    // One line per part: the group's name at the parts' size (bold, coloured), so the rows keep theirs.
    const head = scene.add.text(
      0,
      y,
      GROUP_LABELS[group],
      textStyle(s, withMeasures ? 'body' : 'small', { bold: true, color: pal.accentCss }),
    );
    c.add(head);
    y += head.height + 2;
    for (const r of list) y = row(r, y);
    y += withMeasures ? 4 : 2;
  }
  function row(r: PartRow, y0: number): number {
    const label = scene.add.text(0, y0, r.label, textStyle(s, 'small', { wrap: withMeasures ? labelW : ptsRight - ptsW - 16 }));
    const measure = withMeasures
      ? scene.add.text(measureX, y0, keepTogether(r.measure), textStyle(s, 'small', { color: pal.textDim, wrap: measureW }))
      : null;
    const points = pointsOf(r);
    const p = scene.add.text(ptsRight, y0, points, textStyle(s, 'small')).setOrigin(1, 0);
    c.add(measure ? [label, measure, p] : [label, p]);
    const h = Math.max(label.height, measure?.height ?? 0);
    // The bar on the figure's line, centred on it: a rounded track and its filled share.
    const bx = width - barW;
    const by = Math.round(y0 + p.height / 2 - barH / 2);
    const radius = barH / 2;
    g.fillStyle(pal.panel, 1);
    g.fillRoundedRect(bx, by, barW, barH, radius);
    g.fillStyle(PART_GROUP[r.key] === 'external' ? pal.accent : pal.icon, 1);
    if (r.raw > 0) g.fillRoundedRect(bx, by, Math.max(barH, barW * Math.min(1, r.raw)), barH, radius);
    // The track's edge shows how far the bar could go (also in high contrast, where the fill is white).
    g.lineStyle(2, pal.panelEdge, 1);
    g.strokeRoundedRect(bx, by, barW, barH, radius);
    shownParts.push({ key: r.key, label: r.label, measure: measure ? r.measure : '', points, bar: { x: bx, y: by, w: barW, h: barH } });
    // Projector-size rows sit a little closer: nine parts then keep a readable size in little room.
    return y0 + h + (withMeasures ? 10 : s.textScale >= 1.4 ? 4 : 7);
  }
  let unservedText: string | null = null;
  if (unserved) {
    unservedText = `${unserved.text}.`;
    // The points it takes off, under the parts' figures; its words wrap just short of them.
    const p = scene.add
      .text(ptsRight, y, `-${pts(unserved.points)}`, textStyle(s, 'small', { bold: true, color: pal.warnCss }))
      .setOrigin(1, 0);
    const t = scene.add.text(
      0,
      y,
      unservedText,
      textStyle(s, 'small', { color: pal.warnCss, wrap: ptsRight - p.width - 24 }),
    );
    c.add([t, p]);
  }
  setShownResults({ ...emptyShown(play), parts: shownParts, unserved: unservedText });
  return c;
}

function emptyShown(play: FinishedRun): ShownResults {
  return {
    levelId: play.levelId,
    seed: play.seed,
    commandLog: play.commandLog,
    parts: [],
    unserved: null,
    causes: [],
    totalSeconds: 0,
    gaveUp: [],
    notes: null,
    advice: [],
    scale: 1,
    partsScale: 1,
  };
}

/** The run explained (replayed from its commands); null if the replay failed (logged). */
export function explainPlay(play: FinishedRun): RunExplanation | null {
  try {
    return explainRun(play.level, play.seed, play.commandLog, play.metrics.simulatedSeconds);
  } catch (err) {
    console.error('Could not explain this run', err);
    return null;
  }
}

/** Right column: where the customers' time went, who gave up, the notes' staff time. */
export function timeColumn(
  scene: Phaser.Scene,
  s: Cfg,
  play: FinishedRun,
  exp: RunExplanation | null,
  width: number,
  maxHeight = Infinity,
): Phaser.GameObjects.Container {
  // The most causes that fit: fewer lines rather than smaller type (the rest grouped by kind and place).
  // The biggest ripple's sentence stays while seven causes fit; "Try this next time" under the stars
  // carries the lesson in words, so after that the causes come first.
  // Many customers who gave up: their lines get shorter (grouped by kind of wait, then all in one line)
  // before the causes drop below five.
  const tries: Array<[number, boolean, 0 | 1 | 2 | 3]> = [
    [8, true, 0], [7, true, 0], [8, false, 0], [7, false, 0], [6, false, 0], [6, false, 1], [5, false, 1],
    [6, false, 2], [5, false, 2], [4, false, 2], [3, false, 2], [4, false, 3], [3, false, 3],
  ];
  // When even three causes do not fit at full size (projector-size text in little room), the column is
  // laid out wider by as much as it will be drawn smaller (down to minColumnScale), so it keeps its lines
  // long instead of being shrunk below a readable size.
  const least = minColumnScale(s);
  for (const scale of [1, 0.9, 0.8, 0.7, least].filter((k) => k >= least)) {
    for (const [max, ripple, compact] of tries) {
      const c = buildTimeColumn(scene, s, play, exp, width / scale, max, ripple, compact);
      if (c.getBounds().height * scale <= maxHeight) return c;
      c.destroy(true);
    }
  }
  return buildTimeColumn(scene, s, play, exp, width / least, 3, false, 3);
}

function buildTimeColumn(
  scene: Phaser.Scene,
  s: Cfg,
  play: FinishedRun,
  exp: RunExplanation | null,
  width: number,
  maxCauses: number,
  withRipple: boolean,
  compact: 0 | 1 | 2 | 3,
): Phaser.GameObjects.Container {
  const pal = palette(s);
  const c = scene.add.container(0, 0);
  let y = 0;
  const add = (t: Phaser.GameObjects.Text, gap: number): void => {
    t.setY(y);
    c.add(t);
    y += t.height + gap;
  };
  const head = (text: string): void =>
    add(scene.add.text(0, 0, text, textStyle(s, 'body', { bold: true, color: pal.accentCss })), 4);
  const line = (text: string, color?: string): void =>
    add(scene.add.text(0, 0, text, textStyle(s, 'small', { wrap: width, color })), 6);
  const cu = play.metrics.customers;
  line(
    `${cu.resolved} of ${cu.arrived} customers served, ${cu.abandoned} gave up${cu.inSystem > 0 ? `, ${cu.inSystem} still waiting at the end` : ''}.`,
  );
  y += 8;
  const next: ShownResults = {
    ...(shownResults()?.levelId === play.levelId ? shownResults()! : emptyShown(play)),
    causes: [],
    totalSeconds: 0,
    gaveUp: [],
    notes: null,
    advice: shownResults()?.levelId === play.levelId ? shownResults()!.advice : [],
  };
  if (exp) {
    head('Where the customers\u2019 time went, added up');
    const lines = causeLines(exp, play.level, maxCauses);
    for (const l of lines) line(causeLineText(l));
    next.causes = lines.map((l) => ({ text: l.text, seconds: l.seconds, causes: l.causes }));
    next.totalSeconds = exp.totalSeconds;
    y += 8;
    const gone = gaveUpLines(exp, play.level, compact === 3 ? 2 : compact);
    if (gone.length > 0) {
      head('Who gave up');
      for (const l of gone) line(l, pal.warnCss);
      y += 8;
    }
    next.gaveUp = gone;
    // The tightest fit (compact 3) leaves out the line of the notes' staff time (a detail beside the causes).
    const notes = compact < 3 ? notesLine(exp, play.metrics) : null;
    if (notes) line(notes, pal.textDim);
    next.notes = notes;
    const ripple = withRipple ? largestRipples(play.metrics.ripples, play.level, 1)[0] : undefined;
    if (ripple) line(`Biggest ripple: ${ripple}`, pal.textDim);

  } else {
    line('The time breakdown could not be worked out for this run.', pal.warnCss);
  }
  setShownResults(next);
  return c;
}
