/**
 * Preview a level file in the running game: drop a .json file on the window, or pick one with
 * the hidden file input (pickFile()). The file's text is checked with the same checker as
 * `npm run levels:check`; nothing in it is ever run. A broken file only reports its problems:
 * the current game keeps running.
 */
import { checkLevelText, isError, MAX_PROBLEMS, type Problem } from '../level/check';
import { MAX_CHARS } from '../level/jsonText';
import type { Level } from '../level/schema';

export interface LevelDropOptions {
  onLevel: (level: Level, sourceName: string) => void;
  onProblems: (problems: Problem[], sourceName: string) => void;
}

export interface LevelDropHandle {
  /** Opens the browser's file picker for a level file. */
  pickFile(): void;
  /** Removes the listeners and the hidden input. */
  dispose(): void;
}

/** The parts of a File this module uses. */
export interface LevelFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

const DRAG_CLASS = 're-level-drag';
const STYLE_ID = 're-level-drag-style';
const CSS = `
body.re-level-drag::after { content: 'Drop the level file to try it'; position: fixed; inset: 16px; z-index: 999; display: flex;
  align-items: center; justify-content: center; font-size: 36px; font-weight: 700; color: var(--re-text, #f3f6f9);
  background: rgba(4, 10, 18, 0.9); border: 6px dashed var(--re-focus, #ffe066); border-radius: 16px; pointer-events: none; }
`;

const problem = (path: string, message: string): Problem => ({ path, line: 1, col: 1, message });

/** Checks one picked or dropped file. Never throws; exported for tests. */
export async function readLevelFile(file: LevelFileLike, opts: LevelDropOptions): Promise<void> {
  const name = String(file.name || 'dropped file');
  let problems: Problem[];
  if (!/\.json$/i.test(name)) {
    problems = [
      problem(name, 'This is not a level file. Drop a .json level file, like levels/01-right-desk.json.'),
    ];
  } else if (file.size > MAX_CHARS * 4) {
    problems = [
      problem(
        name,
        `This file is too large to be a level (${Math.round(file.size / 1_000_000)} MB). Check that it is the right file.`,
      ),
    ];
  } else {
    let text: string;
    try {
      text = await file.text();
    } catch {
      opts.onProblems(
        [
          problem(
            name,
            'The browser could not read this file. Try saving it again, or pick it with the file button.',
          ),
        ],
        name,
      );
      return;
    }
    const result = checkLevelText(text, name);
    if (result.level) {
      opts.onLevel(result.level, name);
      return;
    }
    problems =
      result.problems.filter(isError).length > 0
        ? result.problems
        : [problem(name, 'This level could not be loaded.')];
  }
  opts.onProblems(problems.slice(0, MAX_PROBLEMS + 1), name);
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function installLevelDrop(opts: LevelDropOptions, win: Window = window): LevelDropHandle {
  const doc = win.document;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    doc.head.appendChild(style);
  }
  const input = doc.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  doc.body.appendChild(input);

  const take = (files: FileList | null | undefined): void => {
    const file = files?.[0];
    if (!file) return;
    void readLevelFile(file, opts).catch((e: unknown) => {
      opts.onProblems(
        [problem(file.name, `The level could not be loaded (${String(e).slice(0, 100)}).`)],
        file.name,
      );
    });
  };
  const onChange = (): void => {
    take(input.files);
    input.value = ''; // picking the same file again after fixing it still fires a change
  };
  const setDragging = (on: boolean): void => void doc.body.classList.toggle(DRAG_CLASS, on);
  const onDragOver = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allow dropping (otherwise the browser opens the file and the game is gone)
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent): void => {
    if (e.relatedTarget === null) setDragging(false);
  };
  const onDrop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer?.files);
  };

  input.addEventListener('change', onChange);
  win.addEventListener('dragover', onDragOver);
  win.addEventListener('dragleave', onDragLeave);
  win.addEventListener('drop', onDrop);

  return {
    pickFile: () => input.click(),
    dispose: () => {
      input.removeEventListener('change', onChange);
      win.removeEventListener('dragover', onDragOver);
      win.removeEventListener('dragleave', onDragLeave);
      win.removeEventListener('drop', onDrop);
      setDragging(false);
      input.remove();
    },
  };
}
