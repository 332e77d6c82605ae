/**
 * Nothing lost (issue 14, items 4, 5, 6 and 12; issue 13, item 15): two facilitator tabs, a file of
 * the same session, another table's file, a huge file and forged numbers.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SESSION_FILE_CHARS, sessionFromJSON, sessionToJSON, tooBigMessage } from './exporters';
import * as S from './session';
import type { StorageLike } from './sessionStore';
import { createSessionStore, followOtherTabs, SESSION_KEY } from './sessionStore';
import { planImport } from '../panel/panelModel';
import { makeResult, makeSession } from '../testing/testFixtures';
import { tinyLevel } from '../testing/simFixtures';

class MemStorage implements StorageLike {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const finished = (s: S.Session) => S.finishedRounds(s).map((r) => [r.team, r.result.score.total]);
const resultAt = (total: number, finishedAt: string) => ({ ...makeResult(total), finishedAt });

describe('two facilitator tabs on one browser', () => {
  it("a tab that missed the other one's save never overwrites a round the other just finished", () => {
    const storage = new MemStorage();
    let n = 0;
    const opts = { storage, now: () => '2025-03-04T09:00:00.000Z', newId: () => `sess-${++n}` };
    const a = createSessionStore(opts);
    a.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Blue' });
    a.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Red' });
    const b = createSessionStore(opts); // opened now: same session, same two planned rounds
    expect(b.getState().session.id).toBe(a.getState().session.id);
    a.getState().startRound('r1');
    a.getState().finishRound('r1', resultAt(96.1, 'A'));
    // Tab B never saw that (no storage event followed) and finishes Red.
    b.getState().startRound('r2');
    b.getState().finishRound('r2', resultAt(5, 'B'));
    const saved = sessionFromJSON(storage.getItem(SESSION_KEY) ?? '');
    if (!('session' in saved)) throw new Error(saved.error);
    expect(finished(saved.session)).toEqual([
      ['Blue', 96.1],
      ['Red', 5],
    ]);
    expect(b.getState().otherTab).toMatch(/open in another tab too. A round finished there was added here/);
    expect(finished(b.getState().session)).toEqual(finished(saved.session));
  });

  it('both tabs finish the same round: both results are kept as separate rounds', () => {
    const storage = new MemStorage();
    const opts = { storage, now: () => 'x', newId: () => 'same' };
    const a = createSessionStore(opts);
    a.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Blue' });
    const b = createSessionStore(opts);
    a.getState().startRound('r1');
    b.getState().startRound('r1');
    a.getState().finishRound('r1', resultAt(96.1, 'A'));
    b.getState().finishRound('r1', resultAt(5, 'B'));
    const saved = sessionFromJSON(storage.getItem(SESSION_KEY) ?? '');
    if (!('session' in saved)) throw new Error(saved.error);
    expect(
      finished(saved.session)
        .map((x) => x[1])
        .sort(),
    ).toEqual([5, 96.1]);
  });

  it('follows the other tab through the storage event and keeps its own finished results', () => {
    const storage = new MemStorage();
    const opts = { storage, now: () => 'x', newId: () => 'same' };
    const a = createSessionStore(opts);
    a.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Blue' });
    const b = createSessionStore(opts);
    const listeners: Array<(e: StorageEvent) => void> = [];
    const target = {
      addEventListener: (_: string, f: (e: StorageEvent) => void) => void listeners.push(f),
      removeEventListener: () => {},
    } as unknown as Window;
    followOtherTabs(b, target);
    a.getState().startRound('r1');
    a.getState().finishRound('r1', resultAt(96.1, 'A'));
    for (const f of listeners)
      f({ key: SESSION_KEY, newValue: storage.getItem(SESSION_KEY) } as StorageEvent);
    expect(finished(b.getState().session)).toEqual([['Blue', 96.1]]);
    b.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Green' });
    expect(b.getState().session.rounds.map((r) => r.team)).toEqual(['Blue', 'Green']);
  });
});

describe('importing a session file', () => {
  it('the same session id with a different result keeps both, and the message says so', () => {
    const here = makeSession(); // r1 "Blue" finished with 70
    const theirs = {
      ...here,
      rounds: here.rounds.map((r) => (r.result ? { ...r, result: resultAt(5, 'elsewhere') } : r)),
    };
    const plan = planImport(here, sessionToJSON(theirs));
    if (plan.kind !== 'merge') throw new Error(plan.kind);
    expect(finished(plan.session)).toEqual([
      ['Blue', 70],
      ['Blue', 5],
    ]);
    expect(new Set(plan.session.rounds.map((r) => r.id)).size).toBe(plan.session.rounds.length);
    expect(plan.message).toMatch(/1 finished round added/);
    expect(plan.message).toMatch(/both results are kept as separate rounds/);
    // The same file again adds nothing, and says that.
    const again = planImport(plan.session, sessionToJSON(theirs));
    if (again.kind !== 'merge') throw new Error(again.kind);
    expect(finished(again.session)).toHaveLength(2);
    expect(again.message).toMatch(/Nothing new|already here/);
  });

  it("another table's file can be merged in: every finished round of both sessions", () => {
    const here = makeSession();
    let other = S.createSession({ id: 'table-2', name: 'Table 2', createdAt: 'x' });
    other = S.addRound(other, { levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 1, team: 'Green' }).session;
    other = S.finishRound(other, 'r1', resultAt(81, 'g')).session;
    const plan = planImport(here, sessionToJSON(other));
    if (plan.kind !== 'replace') throw new Error(plan.kind);
    expect(plan.merged.id).toBe(here.id);
    expect(finished(plan.merged)).toEqual([...finished(here), ['Green', 81]]);
    expect(plan.mergeMessage).toMatch(/Merged "Table 2": 1 finished round added/);
  });

  it('a file over the size limit gets a plain message before it is read', () => {
    expect(tooBigMessage(69_000_000)).toMatch(
      /This file is 69 MB, more than a session file can be \(at most 10 MB\)/,
    );
    expect(tooBigMessage(200_000)).toBeNull();
    const r = sessionFromJSON(' '.repeat(MAX_SESSION_FILE_CHARS + 1));
    expect('error' in r && r.error).toMatch(/more than a session file can be/);
  });

  it('names over their limits, a null score and impossible totals or stars are refused with where', () => {
    const base = makeSession();
    const withRound = (f: (r: S.Round) => unknown) =>
      sessionToJSON({ ...base, rounds: base.rounds.map((r, i) => (i === 0 ? (f(r) as S.Round) : r)) });
    const err = (text: string) => {
      const r = planImport(makeSession(), text, [{ id: base.rounds[0]!.levelId, level: tinyLevel }]);
      return r.kind === 'error' ? r.message : `accepted (${r.kind})`;
    };
    expect(err(withRound((r) => ({ ...r, team: 'x'.repeat(3000) })))).toMatch(
      /round 1 .*team is too long \(at most 40\)/,
    );
    expect(err(sessionToJSON({ ...base, name: 'n'.repeat(500) }))).toMatch(/name is too long \(at most 80\)/);
    const score = (s: object) =>
      withRound((r) => ({ ...r, result: { ...r.result!, score: { ...r.result!.score, ...s } } }));
    expect(err(score({ total: null }))).toMatch(/total should be a number, not null/);
    expect(err(score({ total: 150 }))).toMatch(/between 0 and 100/);
    expect(err(score({ total: 5 }))).toMatch(/its parts add up to 70/);
    const stars = tinyLevel.scoring.stars;
    if (stars)
      expect(err(score({ stars: 3 }))).toMatch(/says 3 stars, but on "[^"]+" a score of 70 earns \d/);
    expect(err(sessionToJSON(base))).toMatch(/accepted/);
  });
});
