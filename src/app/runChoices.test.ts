/**
 * A round left in progress in the board's terms (time left, after the facilitator's extensions) and the
 * notes choice read back from its log, so a resumed board goes on with the player's own choice.
 */
import { describe, expect, it } from 'vitest';
import { replay, runPolicy } from '../sim/index';
import { makeLevel } from '../sim/testing/levels';
import { createUiStore } from '../store/store';
import type { TimedCommand } from '../sim/types';
import { choicesFromLog, endOf, timeLeftText } from './runChoices';
import { createKeptService } from './keptRound';
import type { KeptStorage } from '../roundlog/kept';

const level = makeLevel({ actions: { route: true, handoffCare: true } });
const route = (at: number, care?: 'quick' | 'thorough'): TimedCommand => ({ at, cmd: { type: 'route', ticket: 1, to: 'billing', ...(care ? { care } : {}) } });

describe('a round left in progress, in the board terms', () => {
  it('time left counts the facilitator\u2019s extra time, as the board\u2019s clock shows it', () => {
    const log: TimedCommand[] = [{ at: 5, cmd: { type: 'extend', seconds: 60 } }];
    expect(endOf(level, [])).toBe(600);
    expect(endOf(level, log)).toBe(660);
    expect(timeLeftText(600, 30)).toBe('9:30');
    expect(timeLeftText(600, 29.5)).toBe('9:31'); // the board rounds time left up
    expect(timeLeftText(600, 700)).toBe('0:00');
  });

  it('the notes choice is that of the last handoff sent, only where the level lets players choose', () => {
    expect(choicesFromLog(level, [])).toEqual({ care: null });
    expect(choicesFromLog(level, [route(1, 'thorough'), route(2)])).toEqual({ care: 'thorough' });
    expect(choicesFromLog(level, [route(1, 'thorough'), route(2, 'quick')])).toEqual({ care: 'quick' });
    const fixed = makeLevel({ actions: { route: true, handoffCare: false } });
    expect(choicesFromLog(fixed, [route(1, 'thorough')])).toEqual({ care: null });
  });
});

describe('a resumed board goes on with the notes the player chose', () => {
  const storage: KeptStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
  function resumeAt(policy: 'wholistic' | 'siloed', startWith: 'quick' | 'thorough') {
    const log = runPolicy(level, 5, policy).commandLog();
    const k = log.findLastIndex((e) => e.cmd.type === 'route' && e.cmd.care !== undefined);
    expect(k, `${policy} sends handoffs with notes`).toBeGreaterThanOrEqual(0);
    const entry = log[k]!;
    const store = createUiStore();
    store.getState().select({ care: startWith });
    const kept = createKeptService({
      store,
      storage,
      levelOf: () => level,
      adoptLevel: () => {},
      session: () => null,
      resumeSession: () => Promise.resolve(null),
      dropSession: () => Promise.resolve(),
      start: () => {},
      messages: [],
      nowMs: () => 0,
    });
    store.getState().go('play', level.id);
    kept.began({ level, levelId: level.id, seed: 5, sim: replay(level, 5, log.slice(0, k + 1), entry.at + 1) });
    return { store, care: (entry.cmd as { care: string }).care };
  }

  it('careful play resumes on thorough, careless on quick, whatever the board started with', () => {
    const careful = resumeAt('wholistic', 'quick');
    expect(careful.care).toBe('thorough');
    expect(careful.store.getState().selection.care).toBe('thorough');
    const careless = resumeAt('siloed', 'thorough');
    expect(careless.care).toBe('quick');
    expect(careless.store.getState().selection.care).toBe('quick');
    const toast = careful.store.getState().toasts.at(-1)!.text;
    expect(toast).toMatch(/with \d+:\d\d left\. Notes for the next handoff: thorough\./);
  });
});
