/**
 * The side-by-side debrief of a live session from the server's official results: the facilitator's
 * 'results' answer, through JSON as on the wire, becomes a session file (src/live/debriefRounds.ts)
 * that the solo debrief's comparison reads, with the server's scores and a replay that matches its hash.
 */
import { describe, expect, it } from 'vitest';
import { compareRounds } from '../src/facilitator/debrief/compare';
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
