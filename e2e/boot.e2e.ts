import { afterEach, describe, expect, it } from 'vitest';
import { canvasVariety, openGame, waitForScreen, type GamePage } from './harness';

let game: GamePage | null = null;
afterEach(async () => {
  const problems = game?.problems ?? [];
  await game?.close();
  game = null;
  expect(problems, 'console errors, warnings or failed requests').toEqual([]);
});

describe('boot', () => {
  it('boots to the title screen with a drawn canvas', async () => {
    game = await openGame();
    await waitForScreen(game.page, 'title');
    await game.page.waitForTimeout(500);
    await game.shot('title');
    const variety = await canvasVariety(game.page);
    expect(variety).toBeGreaterThan(0.05);
    const title = await game.page.title();
    expect(title).toContain('Ripple Effect');
  });
});
