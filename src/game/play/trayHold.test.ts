import { describe, expect, it } from 'vitest';
import { TrayHold } from './trayHold';

describe('TrayHold', () => {
  it('keeps a dragged-from tray in place: leavers leave a gap, newcomers go after', () => {
    const h = new TrayHold();
    expect(h.slots('bill', [3, 4, 5])).toEqual([3, 4, 5]);
    h.hold('bill', [3, 4, 5]);
    // 3 left (served by someone else's send), 9 arrived: 4 and 5 stay where they were.
    expect(h.slots('bill', [4, 5, 9])).toEqual([null, 4, 5, 9]);
    // Holding again mid-drag changes nothing; other trays are as they are.
    h.hold('bill', [4, 5, 9]);
    expect(h.slots('bill', [4, 5, 9])).toEqual([null, 4, 5, 9]);
    expect(h.slots('tech', [7, 8])).toEqual([7, 8]);
  });

  it('lets go: the tray closes up again', () => {
    const h = new TrayHold();
    h.hold('bill', [3, 4]);
    h.hold(null, []);
    expect(h.held()).toBeNull();
    expect(h.slots('bill', [4])).toEqual([4]);
  });
});
