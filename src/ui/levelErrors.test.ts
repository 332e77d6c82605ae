import { describe, expect, it, vi } from 'vitest';
import type { Problem } from '../level/check';
import { FakeDocument } from './fakeDom.test-util';
import { panelTexts, showLevelErrors } from './levelErrors';

const problems: Problem[] = [
  { path: 'levels/x.json', line: 12, col: 7, message: 'department "billing" > staff is missing.' },
  {
    path: 'levels/x.json',
    line: 30,
    col: 3,
    message: 'title <script>alert(1)</script><img src=x onerror=alert(2)>',
  },
];

function show(opts: Partial<Parameters<typeof showLevelErrors>[1]> = {}) {
  const doc = new FakeDocument();
  const onClose = vi.fn();
  const panel = showLevelErrors(
    problems,
    { onClose, ...opts },
    doc as unknown as Document,
  ) as unknown as ReturnType<FakeDocument['createElement']>;
  return { doc, onClose, panel };
}

describe('showLevelErrors', () => {
  it('lists every problem as line and column plus the message, as plain text', () => {
    const { doc, panel } = show();
    expect(doc.body.children).toContain(panel);
    const items = panel.all().filter((e) => e.tagName === 'LI');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toBe('line 12, column 7department "billing" > staff is missing.');
    // The script text is shown literally (the fake DOM throws on innerHTML, so textContent was used).
    expect(items[1]?.textContent).toContain('<script>alert(1)</script>');
    expect(panel.all().some((e) => e.tagName === 'SCRIPT' || e.tagName === 'IMG')).toBe(false);
  });

  it('is an accessible dialog with focus on the Back button; style injected once', () => {
    const { doc, panel } = show();
    const box = panel.find((e) => e.getAttribute('role') === 'alertdialog');
    expect(box?.getAttribute('aria-modal')).toBe('true');
    expect(doc.activeElement?.textContent).toBe('Back');
    showLevelErrors(problems, { onClose: () => undefined }, doc as unknown as Document);
    expect(doc.head.children.filter((c) => c.tagName === 'STYLE')).toHaveLength(1);
    expect(doc.head.children[0]?.textContent).toMatch(/font-size: 2\dpx/);
    expect(doc.head.children[0]?.textContent).not.toMatch(/font-size: 1\dpx/);
  });

  it('Escape closes it once and removes it', () => {
    const { doc, onClose, panel } = show();
    doc.dispatch('keydown', { key: 'a' });
    expect(onClose).not.toHaveBeenCalled();
    doc.dispatch('keydown', { key: 'Escape' });
    doc.dispatch('keydown', { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(doc.body.children).not.toContain(panel);
    expect(doc.listeners.get('keydown')).toEqual([]);
  });

  it('Back closes; "Open another level file" closes then picks', () => {
    const onPickFile = vi.fn();
    const { onClose, panel } = show({ onPickFile });
    const pick = panel.find((e) => e.tagName === 'BUTTON' && e.textContent === 'Open another level file');
    pick?.click();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onPickFile).toHaveBeenCalledTimes(1);
    const plain = show();
    expect(plain.panel.find((e) => e.textContent === 'Open another level file')).toBeUndefined();
    plain.panel.find((e) => e.tagName === 'BUTTON' && e.textContent === 'Back')?.click();
    expect(plain.onClose).toHaveBeenCalledTimes(1);
  });
});

describe('panelTexts', () => {
  it('speaks kindly and counts errors', () => {
    const t = panelTexts(problems);
    expect(t.title).toBe('This level needs a fix');
    expect(t.intro).toMatch(/because of 2 things in levels\/x\.json\. Nothing is lost/);
    const one = panelTexts([{ ...problems[0]!, severity: 'warning' }]);
    expect(one.title).toBe('A note about this level');
    expect(one.items[0]?.where).toBe('Warning: line 12, column 7');
    const two = panelTexts(
      [problems[0]!, { ...problems[1]!, path: 'levels/campaign.json' }],
      'Campaign problems',
    );
    expect(two.title).toBe('Campaign problems');
    expect(two.items[1]?.where).toBe('levels/campaign.json, line 30, column 3');
  });
});
