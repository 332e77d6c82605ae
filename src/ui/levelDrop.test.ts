import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { FakeWindow } from './fakeDom.test-util';
import { installLevelDrop, readLevelFile, type LevelFileLike } from './levelDrop';

const example = readFileSync(new URL('../../levels/01-right-desk.json', import.meta.url), 'utf8');
const file = (name: string, text: string): LevelFileLike => ({
  name,
  size: text.length,
  text: () => Promise.resolve(text),
});
const handlers = () => ({ onLevel: vi.fn(), onProblems: vi.fn() });

describe('readLevelFile', () => {
  it('a valid file becomes a level', async () => {
    const h = handlers();
    await readLevelFile(file('mine.json', example), h);
    expect(h.onLevel).toHaveBeenCalledWith(expect.objectContaining({ id: 'right-desk' }), 'mine.json');
    expect(h.onProblems).not.toHaveBeenCalled();
  });

  it('a broken file reports problems with its name and positions, never a level', async () => {
    const h = handlers();
    await readLevelFile(file('broken.json', example.replace('"staff": 2,', '"staff": 2,,')), h);
    expect(h.onLevel).not.toHaveBeenCalled();
    const [problems, name] = h.onProblems.mock.calls[0] as [{ path: string; line: number }[], string];
    expect(name).toBe('broken.json');
    const line = example.slice(0, example.indexOf('"staff": 2,')).split('\n').length;
    expect(problems[0]).toMatchObject({ path: 'broken.json', line });
  });

  it('refuses non-JSON, huge and unreadable files kindly', async () => {
    const h = handlers();
    await readLevelFile(file('photo.png', 'x'), h);
    await readLevelFile(
      { name: 'big.json', size: 50_000_000, text: () => Promise.reject(new Error('should not read')) },
      h,
    );
    await readLevelFile({ name: 'gone.json', size: 10, text: () => Promise.reject(new Error('gone')) }, h);
    const messages = h.onProblems.mock.calls.map((c) => (c[0] as { message: string }[])[0]?.message);
    expect(messages[0]).toMatch(/not a level file/);
    expect(messages[1]).toMatch(/too large/);
    expect(messages[2]).toMatch(/could not read/);
  });

  it('script in a file stays text', async () => {
    const h = handlers();
    const evil = example.replace('"The Right Desk"', '"<script>window.hacked = 1</script>"');
    await readLevelFile(file('evil.json', evil), h);
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
    expect(h.onLevel.mock.calls[0]?.[0].title).toBe('<script>window.hacked = 1</script>');
  });
});

describe('installLevelDrop', () => {
  it('handles a dropped file, the hidden input, and cleans up', async () => {
    const win = new FakeWindow();
    const h = handlers();
    const handle = installLevelDrop(h, win as unknown as Window);
    const input = win.document.body.children.find((c) => c.tagName === 'INPUT');
    expect(input?.type).toBe('file');
    const prevent = vi.fn();
    const dataTransfer = { types: ['Files'], files: [file('a.json', example)], dropEffect: 'none' };
    win.dispatch('dragover', { dataTransfer, preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(win.document.body.classList.contains('re-level-drag')).toBe(true);
    win.dispatch('drop', { dataTransfer, preventDefault: prevent });
    await vi.waitFor(() => expect(h.onLevel).toHaveBeenCalledTimes(1));
    expect(win.document.body.classList.contains('re-level-drag')).toBe(false);
    // Dragging text (not files) is left alone.
    const other = vi.fn();
    win.dispatch('dragover', { dataTransfer: { types: ['text/plain'] }, preventDefault: other });
    expect(other).not.toHaveBeenCalled();
    handle.pickFile();
    expect(input?.clicked).toBe(1);
    if (input) input.files = [file('b.json', '{')];
    input?.dispatch('change');
    await vi.waitFor(() => expect(h.onProblems).toHaveBeenCalledTimes(1));
    handle.dispose();
    expect(win.document.body.children.includes(input as never)).toBe(false);
    expect(win.listeners.get('drop')).toEqual([]);
  });
});
