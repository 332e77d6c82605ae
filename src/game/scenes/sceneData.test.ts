/**
 * The scene-data map in use: startScene hands the key and exactly its data to Phaser, restartScene
 * keeps the data (no argument), and the compiler refuses a wrong, missing or extra field or data for a
 * scene that takes none (each `@ts-expect-error` below fails `npm run typecheck` if it stops being an error).
 */
import { describe, expect, it } from 'vitest';
import { makeLevel } from '../../sim/testing/levels';
import { lateScenes, restartScene, startScene, type SceneKey, type SceneStarter } from './sceneData';

function recorder(): SceneStarter & { calls: Array<[string, object | undefined]> } {
  const calls: Array<[string, object | undefined]> = [];
  return { calls, start: (key: string, data?: object) => void calls.push([key, data]) };
}

const level = makeLevel({});

describe('startScene', () => {
  it('waits for the later scenes to load before starting one of them; boot and title start at once', async () => {
    const r = recorder();
    let arrive = () => {};
    const loaded = new Promise<void>((ok) => (arrive = ok));
    let loads = 0;
    lateScenes.ready = false;
    lateScenes.load = () => {
      loads++;
      return loaded.then(() => void (lateScenes.ready = true));
    };
    try {
      startScene(r, 'title');
      startScene(r, 'select');
      expect(r.calls).toEqual([['title', undefined]]);
      expect(loads).toBe(1);
      arrive();
      await loaded;
      await Promise.resolve();
      expect(r.calls).toEqual([
        ['title', undefined],
        ['select', undefined],
      ]);
      startScene(r, 'briefing', { levelId: 'a', level });
      expect(r.calls).toHaveLength(3);
      expect(loads).toBe(1);
    } finally {
      lateScenes.ready = true;
      lateScenes.load = null;
    }
  });

  it('starts the scene under its key with exactly the data given', () => {
    const r = recorder();
    const data = { level, levelId: level.id, seed: 7 };
    startScene(r, 'play', data);
    startScene(r, 'briefing', { levelId: 'a', level });
    startScene(r, 'play', { waiting: true });
    expect(r.calls).toEqual([
      ['play', data],
      ['briefing', { levelId: 'a', level }],
      ['play', { waiting: true }],
    ]);
    expect(r.calls[0]?.[1]).toBe(data);
  });

  it('starts a scene without data with none', () => {
    const r = recorder();
    startScene(r, 'select');
    startScene(r, 'title');
    expect(r.calls).toEqual([
      ['select', undefined],
      ['title', undefined],
    ]);
  });

  it('restarts with no data, so Phaser keeps what the scene was started with', () => {
    const args: unknown[][] = [];
    restartScene({ restart: (...a: unknown[]) => void args.push(a) });
    expect(args).toEqual([[]]);
  });

  it('refuses wrong scene data at compile time', () => {
    const r = recorder();
    // @ts-expect-error the play scene needs its level
    startScene(r, 'play', { levelId: 'a', seed: 1 });
    // @ts-expect-error the play scene needs data at all
    startScene(r, 'play');
    // @ts-expect-error the seed is a number
    startScene(r, 'play', { level, levelId: 'a', seed: '1' });
    // @ts-expect-error the briefing has no seed field
    startScene(r, 'briefing', { level, levelId: 'a', seed: 1 });
    // @ts-expect-error the results scene needs the finished play and its outcome
    startScene(r, 'results', { level, levelId: 'a', seed: 1 });
    // @ts-expect-error the level select takes no data
    startScene(r, 'select', { levelId: 'a' });
    // @ts-expect-error no scene has this key
    const key: SceneKey = 'settings';
    // The calls still ran (types are erased): six starts recorded.
    expect(r.calls).toHaveLength(6);
    expect(key).toBe('settings');
  });
});
