import { describe, expect, it } from 'vitest';
import * as S from './session';
import { makeResult, makeSession } from '../testing/testFixtures';
import { selectJourneys, createJourneyCollector } from './journeys';
import type { CustomerJourney } from './session';
import type { SimEvent } from '../../sim/types';

describe('session model', () => {
  it('creates an empty session with a default name', () => {
    const s = S.createSession({ id: 'x', createdAt: '2025-01-01T00:00:00.000Z' });
    expect(s).toEqual({
      version: 1,
      id: 'x',
      name: 'Workshop session',
      createdAt: '2025-01-01T00:00:00.000Z',
      rounds: [],
    });
  });

  it('adds rounds with fresh ids and reuses the seed for every team', () => {
    const s = makeSession();
    expect(s.rounds.map((r) => [r.id, r.team, r.seed, r.status])).toEqual([
      ['r1', 'Blue', 7, 'finished'],
      ['r2', 'Green', 7, 'planned'],
    ]);
    const removed = S.removeRound(s, 'r2').session;
    expect(S.addRound(removed, { levelId: 'x', levelTitle: 'X', seed: 7 }).session.rounds.at(-1)?.id).toBe(
      'r2',
    );
    const kept = S.addRound(s, { levelId: 'x', levelTitle: 'X', seed: 7 }).session;
    expect(kept.rounds.at(-1)?.id).toBe('r3');
    expect(kept.rounds.at(-1)?.team).toBe('Team 3');
  });

  it('refuses bad seeds and unknown rounds, leaving the session as it was', () => {
    const s = makeSession();
    const bad = S.addRound(s, { levelId: 'x', levelTitle: 'X', seed: -1 });
    expect(bad.ok).toBe(false);
    expect(bad.session).toBe(s);
    expect(S.startRound(s, 'nope')).toMatchObject({
      ok: false,
      message: 'There is no round "nope" in this session.',
    });
  });

  it('plays one round at a time', () => {
    let s = makeSession();
    s = S.addRound(s, { levelId: 'x', levelTitle: 'X', seed: 1 }).session;
    s = S.startRound(s, 'r2').session;
    s = S.startRound(s, 'r3').session;
    expect(s.rounds.map((r) => r.status)).toEqual(['finished', 'planned', 'playing']);
  });

  it('never loses or overwrites a finished result', () => {
    const s = makeSession();
    const original = s.rounds[0]?.result;
    expect(S.removeRound(s, 'r1')).toMatchObject({ ok: false });
    expect(S.finishRound(s, 'r1', makeResult(5))).toMatchObject({ ok: false });
    expect(S.startRound(s, 'r1')).toMatchObject({ ok: false });
    expect(S.finishRound(s, 'r1', makeResult(5)).session.rounds[0]?.result).toBe(original);
    const renamed = S.renameTeam(s, 'r1', '  Team   Blue  ').session;
    expect(renamed.rounds[0]?.team).toBe('Team Blue');
    expect(renamed.rounds[0]?.result).toBe(original);
  });

  it('does not remove a round being played', () => {
    const s = S.startRound(makeSession(), 'r2').session;
    expect(S.removeRound(s, 'r2')).toMatchObject({
      ok: false,
      message: 'This round is being played. Stop it first.',
    });
  });

  it('drops a round on purpose, even a finished one, and puts it back in its place', () => {
    let s = S.startRound(makeSession(), 'r2').session;
    expect(S.discardRound(s, 'r2', 'r2')).toMatchObject({ ok: false, message: 'This round is being played. Finish or leave it first.' });
    // A round left "playing" by a page that is gone can be dropped.
    const stale = S.discardRound(s, 'r2', null);
    expect(stale.ok && stale.session.rounds.map((r) => r.id)).toEqual(['r1']);
    const finished = s.rounds[0]!;
    const dropped = S.discardRound(s, 'r1', 'r2');
    expect(dropped.ok).toBe(true);
    s = dropped.session;
    expect(s.rounds.map((r) => r.id)).toEqual(['r2']);
    s = S.putBackRound(s, finished, 0).session;
    expect(s.rounds[0]).toBe(finished);
    expect(S.putBackRound(s, finished, 0)).toMatchObject({ ok: false });
  });

  it('keeps bookmarks in time order, only once a round has started', () => {
    let s = makeSession();
    expect(S.addBookmark(s, 'r2', 10, 'early')).toMatchObject({ ok: false });
    s = S.startRound(s, 'r2').session;
    s = S.addBookmark(s, 'r2', 90, 'Billing piles up').session;
    s = S.addBookmark(s, 'r2', 30, '').session;
    expect(S.findRound(s, 'r2')?.bookmarks).toEqual([
      { t: 30, note: 'Bookmark' },
      { t: 90, note: 'Billing piles up' },
    ]);
    expect(S.addBookmark(s, 'r2', Number.NaN, 'x')).toMatchObject({ ok: false });
    s = S.removeBookmark(s, 'r2', 0).session;
    expect(S.findRound(s, 'r2')?.bookmarks).toHaveLength(1);
  });

  it('limits and trims names typed by people', () => {
    const s = S.renameTeam(makeSession(), 'r2', 'x'.repeat(100)).session;
    expect(s.rounds[1]?.team).toHaveLength(S.MAX_TEAM_NAME);
    expect(S.renameTeam(s, 'r2', '   ')).toMatchObject({ ok: false });
  });

  it('keepFinished puts back a finished round that the incoming copy lacks', () => {
    const current = makeSession();
    const incoming = {
      ...current,
      rounds: current.rounds.map((r) => ({ ...r, status: 'planned' as const, result: undefined })),
    };
    const merged = S.keepFinished(current, incoming);
    expect(merged.rounds[0]?.result).toBe(current.rounds[0]?.result);
  });
});

describe('journeys', () => {
  const j = (
    ticket: number,
    ripple: number,
    outcome: CustomerJourney['outcome'],
    total: number,
  ): CustomerJourney => ({
    ticket,
    customer: `c${ticket}`,
    workType: 'w',
    outcome,
    arrivedAt: 0,
    endedAt: total,
    totalSeconds: total,
    satisfaction: 1,
    rippleSeconds: ripple,
    segments: [],
  });

  it('keeps everyone with ripples first, then those who gave up, then the longest', () => {
    const all = [
      j(1, 0, 'resolved', 10),
      j(2, 5, 'resolved', 10),
      j(3, 0, 'abandoned', 5),
      j(4, 0, 'resolved', 99),
      j(5, 9, 'resolved', 1),
    ];
    expect(selectJourneys(all, 3).map((x) => x.ticket)).toEqual([2, 3, 5]);
    expect(selectJourneys(all, 4).map((x) => x.ticket)).toEqual([2, 3, 4, 5]);
    expect(selectJourneys(all).length).toBe(5);
  });

  it('collects finished customers from sim events, rounding times', () => {
    const c = createJourneyCollector();
    const events: SimEvent[] = [
      { type: 'arrive', t: 1, ticket: 1, customer: 'Ana', workType: 'w', dept: 'a' },
      {
        type: 'resolved',
        t: 50.123456,
        ticket: 1,
        customer: 'Ana',
        workType: 'w',
        totalSeconds: 49.123456,
        satisfaction: 0.81234,
        segments: [
          { cause: 'queue:a', dept: 'a', from: 1, to: 20.555555 },
          { cause: 'rework:a>b', dept: 'b', from: 20.555555, to: 50.123456 },
        ],
      },
    ];
    c.add(events);
    const [only] = c.all();
    expect(c.count()).toBe(1);
    expect(only).toMatchObject({
      ticket: 1,
      outcome: 'resolved',
      arrivedAt: 1,
      endedAt: 50.12,
      satisfaction: 0.812,
      rippleSeconds: 29.57,
    });
    expect(only?.segments[0]?.to).toBe(20.56);
  });
});
