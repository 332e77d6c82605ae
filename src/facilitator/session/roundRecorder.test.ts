import { afterEach, describe, expect, it } from 'vitest';
import { createSim } from '../../sim/index';
import { getActiveRound, setActiveRound } from './activeRound';
import { createJourneyCollector } from './journeys';
import {
  bookmarkActiveRound,
  buildRoundResult,
  type FinishedPlay,
  recordRoundEnd,
  replayJourneys,
} from './roundRecorder';
import type { CustomerJourney } from './session';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';
import { createSessionStore } from './sessionStore';

const NOW = () => '2025-03-04T10:00:00.000Z';

function memoryStore() {
  let n = 0;
  return createSessionStore({ storage: null, now: NOW, newId: () => `sess-${++n}` });
}

/** The journeys the results service collected while the tiny level was played (see playTiny). */
const collected = new WeakMap<FinishedPlay, CustomerJourney[]>();
const journeysOf = (play: FinishedPlay): CustomerJourney[] => collected.get(play) ?? [];

/**
 * Plays the tiny level to the end with a scripted player, like the play scene would, handing every
 * drained batch of events to a journey collector as the results service does.
 */
function playTiny(seed: number, endedAt = Infinity): FinishedPlay {
  const sim = createSim(tinyLevel, seed);
  const rand = testRng(seed);
  const journeys = createJourneyCollector();
  while (!sim.isOver() && sim.now() < endedAt) {
    sim.advanceTo(Math.min(sim.now() + 2, sim.view().end, endedAt));
    routeOutboxes(sim, rand, 0.2);
    journeys.add(sim.drainEvents());
  }
  const play: FinishedPlay = {
    level: tinyLevel,
    levelId: tinyLevel.id,
    seed,
    score: sim.score(),
    metrics: sim.metrics(),
    commandLog: sim.commandLog(),
    timeline: sim.timeline(),
  };
  collected.set(play, journeys.all());
  return play;
}

afterEach(() => setActiveRound(null));

describe('buildRoundResult', () => {
  it('keeps what was played and every finished customer journey collected during play', () => {
    const play = playTiny(5);
    const result = buildRoundResult(play, journeysOf(play), NOW());
    expect(result.score).toBe(play.score);
    expect(result.commandLog).toBe(play.commandLog);
    const c = play.metrics.customers;
    expect(result.journeysTotal).toBe(c.resolved + c.abandoned);
    expect(result.journeys.length).toBe(result.journeysTotal);
    expect(result.departments.map((d) => d.name)).toEqual(['Front Desk', 'Billing', 'Tech Support']);
    // The journeys hold the same ripple time the sim attributed to rework, bounces and misroutes.
    const ripple = Object.entries(play.metrics.attribution)
      .filter(([k]) => /^(rework|clarify|misroute):/.test(k))
      .reduce((s, [, v]) => s + v, 0);
    const journeyRipple = result.journeys.reduce((s, j) => s + j.rippleSeconds, 0);
    expect(journeyRipple).toBeLessThanOrEqual(ripple + 1);
    expect(result.finishedAt).toBe(NOW());
  });

  it('rebuilds by replay, for a window that did not see the events, the same journeys as collected in play', () => {
    const play = playTiny(7);
    const byPlay = [...journeysOf(play)].sort((a, b) => a.ticket - b.ticket);
    expect(byPlay.length).toBeGreaterThan(0);
    expect(replayJourneys(play).sort((a, b) => a.ticket - b.ticket)).toEqual(byPlay);
  });

  it('rebuilds a round the facilitator ended early only up to its end: those still waiting did not give up', () => {
    const play = playTiny(7, tinyLevel.durationSeconds / 2);
    expect(play.metrics.customers.inSystem).toBeGreaterThan(0);
    const byPlay = [...journeysOf(play)].sort((a, b) => a.ticket - b.ticket);
    expect(replayJourneys(play).sort((a, b) => a.ticket - b.ticket)).toEqual(byPlay);
  });
});

describe('recordRoundEnd', () => {
  it('does nothing without an active round', () => {
    const store = memoryStore();
    expect(recordRoundEnd(playTiny(1), [], { store, now: NOW })).toEqual({
      recorded: false,
      reason: 'no-round',
    });
  });

  it('records the active round, keeps its bookmarks and clears the active round', () => {
    const store = memoryStore();
    store.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny desk', seed: 9, team: 'Blue' });
    store.getState().startRound('r1');
    setActiveRound({ sessionId: store.getState().session.id, roundId: 'r1' });
    expect(bookmarkActiveRound(30, 'Billing piles up', store)).toBe(true);
    const play = playTiny(9);
    const out = recordRoundEnd(play, journeysOf(play), { store, now: NOW });
    expect(out).toEqual({ recorded: true, roundId: 'r1' });
    const r1 = store.getState().session.rounds[0]!;
    expect(r1.status).toBe('finished');
    expect(r1.result?.score.total).toBe(play.score.total);
    expect(r1.bookmarks).toEqual([{ t: 30, note: 'Billing piles up' }]);
    expect(getActiveRound()).toBeNull();
    expect(bookmarkActiveRound(40, 'late', store)).toBe(false);
  });

  it('leaves the round alone when another level or seed was played', () => {
    const store = memoryStore();
    store.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny desk', seed: 9 });
    store.getState().startRound('r1');
    setActiveRound({ sessionId: store.getState().session.id, roundId: 'r1' });
    expect(recordRoundEnd(playTiny(4), [], { store, now: NOW })).toMatchObject({ reason: 'other-level' });
    expect(store.getState().session.rounds[0]!.status).toBe('playing');
    expect(getActiveRound()).not.toBeNull();
  });

  it('ignores an active round of another session', () => {
    const store = memoryStore();
    store.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny desk', seed: 9 });
    setActiveRound({ sessionId: 'someone-else', roundId: 'r1' });
    expect(recordRoundEnd(playTiny(9), [], { store, now: NOW })).toMatchObject({ reason: 'other-session' });
  });

  it('never overwrites a finished result', () => {
    const store = memoryStore();
    store.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny desk', seed: 9 });
    store.getState().startRound('r1');
    const sessionId = store.getState().session.id;
    setActiveRound({ sessionId, roundId: 'r1' });
    const first = playTiny(9);
    recordRoundEnd(first, journeysOf(first), { store, now: NOW });
    setActiveRound({ sessionId, roundId: 'r1' });
    const again = recordRoundEnd({ ...first, score: { ...first.score, total: 1 } }, journeysOf(first), {
      store,
      now: NOW,
    });
    expect(again).toMatchObject({ recorded: false, reason: 'refused' });
    expect(store.getState().session.rounds[0]!.result?.score.total).toBe(first.score.total);
  });
});
