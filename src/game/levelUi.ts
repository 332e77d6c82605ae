/**
 * The shell's door to the level problem panel and file drop (src/ui/levelErrors.ts and
 * src/ui/levelDrop.ts, written by the levels engineer). Loaded through import.meta.glob so the shell
 * keeps building while either file is still missing; a plain notice stands in until then.
 */
import type { Problem } from '../level/check';
import { formatProblem } from '../level/check';
import type { Level } from '../level/schema';
import { showNotice } from '../ui/overlay';

export interface ShowErrorsOptions {
  title?: string;
  onClose: () => void;
  onPickFile?: () => void;
}
export interface DropHandlers {
  onLevel(level: Level, name: string): void;
  onProblems(problems: Problem[], name: string): void;
}
export interface DropHandle {
  pickFile(): void;
  dispose(): void;
}

type ErrorsModule = { showLevelErrors?: (problems: Problem[], opts: ShowErrorsOptions) => HTMLElement };
type DropModule = { installLevelDrop?: (h: DropHandlers) => DropHandle };

const errorsMods = import.meta.glob<ErrorsModule>('../ui/levelErrors.ts', { eager: true });
const dropMods = import.meta.glob<DropModule>('../ui/levelDrop.ts', { eager: true });

export function showProblems(problems: Problem[], opts: ShowErrorsOptions): void {
  const show = Object.values(errorsMods)[0]?.showLevelErrors;
  if (show) {
    show(problems, opts);
    return;
  }
  const first = problems.slice(0, 3).map(formatProblem).join('\n');
  showNotice(`${opts.title ?? 'This level file has problems.'}\n${first}`, 'warning', 15000);
  opts.onClose();
}

export function installDrop(h: DropHandlers): DropHandle | null {
  const install = Object.values(dropMods)[0]?.installLevelDrop;
  return install ? install(h) : null;
}
