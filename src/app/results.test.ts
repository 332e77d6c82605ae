/**
 * A trainer's preview never writes campaign progress, and a draft with a campaign level's id never
 * lands in a facilitator's round (issue 14, item 7). Every round keeps the level it was played with.
 */
import { describe, expect, it } from 'vitest';
import type { FinishedPlay } from '../game/hooks';
import { createUiStore } from '../store/store';
import { createResultsService } from './results';
import { tinyLevel } from '../facilitator/testing/simFixtures';
import { makeMetrics, makeScore } from '../facilitator/testing/testFixtures';
import { buildRoundResult } from '../facilitator/session/roundRecorder';
import { sessionFromJSON, sessionToJSON } from '../facilitator/session/exporters';
import * as S from '../facilitator/session/session';

const play = (level = tinyLevel): FinishedPlay => ({
  level,
  levelId: level.id,
  seed: 1,
  score: makeScore(90, 3),
  metrics: makeMetrics(),
  commandLog: [],
  timeline: [],
});

function service(kind: 'no' | 'own-id' | 'shadows') {
  const store = createUiStore();
  const recorded: string[] = [];
  const results = createResultsService({
    store,
    rounds: () => (p) => (recorded.push(p.levelId), { savedRound: 'r1' }),
    preview: () => kind,
  });
  return { store, recorded, results };
}

describe('results of a level from a dropped file', () => {
  it('a campaign level records progress and the round', () => {
    const { store, recorded, results } = service('no');
    expect(results.finished(play())).toEqual({ savedRound: 'r1' });
    expect(store.getState().progress[tinyLevel.id]).toMatchObject({ stars: 3 });
    expect(recorded).toEqual([tinyLevel.id]);
  });
  it("a draft with a campaign level's id records neither progress (no unlock) nor a round", () => {
    const { store, recorded, results } = service('shadows');
    expect(results.finished(play())).toEqual({ savedRound: null });
    expect(store.getState().progress).toEqual({});
    expect(recorded).toEqual([]);
  });
  it('a file level with its own id can be a round, but writes no progress', () => {
    const { store, recorded, results } = service('own-id');
    expect(results.finished(play())).toEqual({ savedRound: 'r1' });
    expect(store.getState().progress).toEqual({});
    expect(recorded).toEqual([tinyLevel.id]);
  });
});

describe('a recorded round keeps the level it was played with', () => {
  it('in the result, through an export and an import', () => {
    const draft = { ...tinyLevel, title: 'Edited copy', durationSeconds: tinyLevel.durationSeconds + 60 };
    const result = buildRoundResult(play(draft), [], '2025-01-01T10:00:00Z');
    expect(result.level).toBe(draft);
    let s = S.createSession({ id: 's', createdAt: 'x' });
    s = S.addRound(s, { levelId: draft.id, levelTitle: draft.title, seed: 1, team: 'A' }).session;
    s = S.finishRound(s, 'r1', { ...result, score: makeScore(70) }).session;
    const back = sessionFromJSON(sessionToJSON(s));
    if (!('session' in back)) throw new Error(back.error);
    expect(back.session.rounds[0]?.result?.level).toEqual(draft);
  });
});
