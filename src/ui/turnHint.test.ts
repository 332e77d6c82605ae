import { describe, expect, it } from 'vitest';
import { FakeDocument } from './fakeDom.test-util';
import { installTurnHint, TURN_TEXT, type ScreenQuery } from './turnHint';

class Query implements ScreenQuery {
  private fns: (() => void)[] = [];
  constructor(public matches: boolean) {}
  addEventListener(_type: 'change', fn: () => void): void {
    this.fns.push(fn);
  }
  turn(matches: boolean): void {
    this.matches = matches;
    for (const fn of this.fns) fn();
  }
}

describe('installTurnHint', () => {
  it('shows the note on a phone held upright and hides it once the phone is turned', () => {
    const doc = new FakeDocument();
    const q = new Query(true);
    const note = installTurnHint(doc as unknown as Document, q);
    expect(note.textContent).toBe(TURN_TEXT);
    expect(note.hidden).toBe(false);
    expect(note.style.pointerEvents).toBe('none');
    q.turn(false);
    expect(note.hidden).toBe(true);
    q.turn(true);
    expect(note.hidden).toBe(false);
  });

  it('stays hidden on a landscape or wide screen', () => {
    const note = installTurnHint(new FakeDocument() as unknown as Document, new Query(false));
    expect(note.hidden).toBe(true);
  });
});
