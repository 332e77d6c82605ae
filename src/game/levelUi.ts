/**
 * The shell's door to the level problem panel and the level file drop (src/ui/levelErrors.ts and
 * src/ui/levelDrop.ts). Only one problem panel is open at a time.
 */
import type { Problem } from '../level/check';
import { installLevelDrop, type LevelDropHandle, type LevelDropOptions } from '../ui/levelDrop';
import { showLevelErrors, type LevelErrorsOptions } from '../ui/levelErrors';

let current: HTMLElement | null = null;

export function showProblems(problems: Problem[], opts: LevelErrorsOptions): void {
  if (current?.isConnected) return; // One panel at a time; the open one already explains.
  const panel = showLevelErrors(problems, {
    ...opts,
    onClose: () => {
      if (current === panel) current = null;
      opts.onClose();
      document.querySelector<HTMLCanvasElement>('#game canvas')?.focus();
    },
  });
  current = panel;
}

export function installDrop(h: LevelDropOptions): LevelDropHandle {
  return installLevelDrop(h);
}
