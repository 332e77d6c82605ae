import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDocument, type FakeElement } from './fakeDom.test-util';
import { button, el, keepPointerInside, labelled } from './dom';

const doc = new FakeDocument();
vi.stubGlobal('document', doc);
afterEach(() => vi.clearAllMocks());

describe('DOM helpers', () => {
  it('put text in as text (the fake DOM throws on innerHTML)', () => {
    const p = el('p', 'rx-note', '<b>Team "A"</b>') as unknown as FakeElement;
    expect(p.textContent).toBe('<b>Team "A"</b>');
    expect(p.className).toBe('rx-note');
    const l = labelled('Seed', el('input')) as unknown as FakeElement;
    expect(l.textContent).toBe('Seed');
    expect(l.children.map((c) => c.tagName)).toEqual(['SPAN', 'INPUT']);
  });

  it('makes buttons that are not form submitters and run their action on click', () => {
    const run = vi.fn();
    const b = button('Start', 'rx-btn-primary', run) as unknown as FakeElement;
    expect(b.type).toBe('button');
    expect(b.className).toBe('rx-btn rx-btn-primary');
    b.click();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stops mouse and touch presses and releases at the panel, so the game underneath never sees them', () => {
    const root = el('div') as unknown as FakeElement;
    keepPointerInside(root as unknown as HTMLElement);
    for (const type of ['mousedown', 'mouseup', 'touchstart', 'touchend']) {
      const stopPropagation = vi.fn();
      root.dispatch(type, { stopPropagation });
      expect(stopPropagation, type).toHaveBeenCalledTimes(1);
    }
  });
});
