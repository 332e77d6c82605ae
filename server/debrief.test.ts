/**
 * The side-by-side debrief of a live session from the server's official results: the facilitator's
 * 'results' answer, through JSON as on the wire, becomes a session file (src/live/debriefRounds.ts)
 * that the solo debrief's comparison reads, with the server's scores and a replay that matches its hash.
 */
import { describe, expect, it } from 'vitest';
import { compareRounds, PART_LABELS as COMPARE_LABELS } from '../src/facilitator/debrief/compare';
import { outcomeWords } from '../src/facilitator/debrief/debriefView';
import { scoreRows } from '../src/game/scenes/resultsExplain';
import { liveDebrief, liveRoundId, sideBySide } from '../src/live/debriefRounds';
import { loadLevels } from './levels';
import { LiveSession } from './session';

const levels = loadLevels();

function playedSession(): LiveSession {
  const session = new LiveSession('ABC234', 'digest', 'board', levels.get, () => {});
  const one = session.joinTable('Blue <b>Team</b>').table;
  const two = session.joinTable('Red').table;
  // Blue's device left for good: the computer plays Blue's board.
  session.setConnected(one, [...one.devices.values()][0]!, false, true);
  for (const t of [one, two]) expect(session.start(t, 'right-desk', 5)).toEqual({ ok: true });
  for (let i = 0; i < 400 && [one, two].some((t) => t.round!.status !== 'over'); i++) session.advance(5);
  // A second round for Red on another seed: not side by side with the first ones.
  expect(session.start(two, 'right-desk', 6)).toEqual({ ok: true });
  expect(session.setStatus(two, 'over')).toEqual({ ok: true });
  return session;
}

describe('live debrief from the official results', () => {
  const session = playedSession();
  const wire = JSON.parse(JSON.stringify(session.results())) as unknown[];

  it('every finished round becomes a session round with the server score, replayed to the same hash', () => {
    const d = liveDebrief('ABC234', wire, '2026-12-01T14:00:00.000Z');
    expect(d.problems).toEqual([]);
    const rounds = d.session!.rounds;
    expect(rounds.map((r) => [r.id, r.team, r.seed])).toEqual([
      [liveRoundId('t1', 1), 'Blue <b>Team</b>', 5],
      [liveRoundId('t2', 1), 'Red', 5],
      [liveRoundId('t2', 2), 'Red', 6],
    ]);
    const official = session.results();
    rounds.forEach((r, i) => {
      expect(r.result!.score).toEqual(official[i]!.score);
      expect(r.result!.metrics.customers).toEqual(official[i]!.metrics.customers);
      // Samples every 10 s of the replay (Red's second round ended as it began).
      expect(r.result!.timeline.length).toBe(i < 2 ? Math.floor(official[i]!.simTime / 10) + 1 : 1);
      expect(r.result!.commandLog.length).toBe(official[i]!.commands);
    });
    // The computer played Blue's board and nobody played Red's: different rounds, same customers.
    expect(official[0]!.score.total).not.toBe(official[1]!.score.total);
    expect(rounds[0]!.result!.journeysTotal).toBeGreaterThan(0);
  });

  it('side by side: each table once, same level and seed as the round in focus, the solo comparison reads them', () => {
    const d = liveDebrief('ABC234', wire, '2026-12-01T14:00:00.000Z');
    const [blue, red1, red2] = d.session!.rounds;
    const both = sideBySide(d, blue!);
    expect(both.map((r) => r.id)).toEqual([blue!.id, red1!.id]);
    expect(sideBySide(d, red2!).map((r) => r.id)).toEqual([red2!.id]);
    const cmp = compareRounds(both);
    expect(cmp.sameSetup).toBe(true);
    expect(cmp.rounds.map((r) => r.team)).toEqual(['Blue <b>Team</b>', 'Red']);
    const total = cmp.rows.find((r) => r.key === 'total')!;
    expect(total.values).toEqual(
      session
        .results()
        .slice(0, 2)
        .map((r) => r.score.total),
    );
  });

  it('says what it could not read or match, and keeps the rest', () => {
    const tampered = structuredClone(wire) as Array<Record<string, unknown>>;
    tampered[1]!.hash = 'ffff';
    (tampered[2]!.score as Record<string, unknown>).total = 'lots';
    const d = liveDebrief('ABC234', tampered, 'now');
    expect(d.problems).toEqual([
      "Red's round 1 replays differently here than on the server: its charts may not match its score.",
      'Result 3 cannot be read: score.total should be a number, not "lots".',
    ]);
    expect(d.session!.rounds.map((r) => r.id)).toEqual(['t1-1', 't2-1']);
    expect(liveDebrief('ABC234', { no: 'list' }, 'now').problems).toEqual([
      'The server sent no list of results.',
    ]);
  });
});

/**
 * Blind playtest 8, findings 5 and 6: the debrief's figures are the table's. "Points towards the score"
 * has the results screen's points (each part's own, then what the customers not served cost), and "How
 * the customers fared" reaches the moment the round stopped, with the sentence under it in its figures.
 */
describe('the debrief says what the table’s results say', () => {
  const session = new LiveSession('ABC235', 'digest', 'board', levels.get, () => {});
  const early = session.joinTable('Otters').table;
  const timed = session.joinTable('Badgers').table;
  for (const t of [early, timed]) expect(session.start(t, 'right-desk', 1)).toEqual({ ok: true });
  // "End all" for Otters at 1:29 (between two samples), Badgers play to the end.
  for (let i = 0; i < 89; i++) session.advance(1);
  expect(session.setStatus(early, 'over')).toEqual({ ok: true });
  for (let i = 0; i < 400 && timed.round!.status !== 'over'; i++) session.advance(5);
  const official = session.results();
  const d = liveDebrief('ABC235', JSON.parse(JSON.stringify(official)), 'now');

  it.each([
    ['ended early', 0],
    ['ended by time', 1],
  ])('%s: the same points, and the chart ends where the round did', (_how, i) => {
    const o = official[i]!;
    const round = d.session!.rounds[i]!;
    const cmp = compareRounds([round]);
    const table = scoreRows(o.level, o.metrics, o.score);
    const debriefParts = cmp.rows.filter((r) => r.key.startsWith('part:') && r.key !== 'part:unserved');
    expect(debriefParts.map((r) => [r.label, r.values[0]])).toEqual(
      table.rows.map((p) => [COMPARE_LABELS[p.key], p.points]),
    );
    const unserved = cmp.rows.find((r) => r.key === 'part:unserved');
    expect(unserved?.values[0] ?? null).toEqual(table.unserved ? -table.unserved.points : null);
    // The parts and the customers not served add up to the score both screens show (kept to 0.1).
    const sum = cmp.rows.filter((r) => r.key.startsWith('part:')).reduce((a, r) => a + r.values[0]!, 0);
    expect(Math.abs(sum - o.score.total)).toBeLessThanOrEqual(0.05 + 1e-9);

    const end = round.result!.timeline.at(-1)!;
    expect(end.t).toBe(o.simTime);
    expect([end.resolved, end.abandoned]).toEqual([o.metrics.customers.resolved, o.metrics.customers.abandoned]);
    const c = o.metrics.customers;
    const words = outcomeWords(c, end);
    expect(words.startsWith(`${c.resolved} helped, ${c.abandoned} gave up, ${c.inSystem} still waiting at the end (of ${c.arrived})`)).toBe(true);
    if (c.inSystem > end.waiting) expect(words).toContain(`: ${end.waiting} waiting for a person, ${c.inSystem - end.waiting} being helped.`);
  });

  it('the early round stopped between two samples and still has customers not served', () => {
    expect(official[0]!.simTime % 10).not.toBe(0);
    expect(scoreRows(official[0]!.level, official[0]!.metrics, official[0]!.score).unserved).not.toBeNull();
  });
});
