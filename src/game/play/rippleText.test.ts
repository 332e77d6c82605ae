import { describe, expect, it } from 'vitest';
import { abandonedToast, askText, requestTitle, formatClock, formatSeconds, levelEventToast, refusalToast, requestToast, rippleToast } from './rippleText';

const names: Record<string, string> = { 'tier-1': 'Tier 1', billing: 'Billing', tech: 'Tech Support' };
const name = (id: string) => names[id] ?? id;

describe('ripple toasts', () => {
  const base = { type: 'ripple', t: 10, ticket: 1, customer: 'Dana', source: 'tier-1', seconds: 40 } as const;
  it('names the cause, the customer and the cost', () => {
    expect(rippleToast({ ...base, kind: 'rework', at: 'billing' }, name)).toBe('Billing had to ask Dana again: the notes from Tier 1 were too thin (+40 s)');
    expect(rippleToast({ ...base, kind: 'misroute', at: 'tech' }, name)).toBe("Tech Support can't do this step: Dana's ticket goes back to Tier 1 (+40 s)");
    expect(rippleToast({ ...base, kind: 'clarify', at: 'billing', seconds: 95 }, name)).toContain('(+1 min 35 s)');
  });
});

describe('formatting', () => {
  it('formats durations and the clock', () => {
    expect(formatSeconds(39.6)).toBe('40 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatClock(270)).toBe('4:30');
    expect(formatClock(5.2)).toBe('0:06');
    expect(formatClock(-3)).toBe('0:00');
  });
});

describe('other toasts', () => {
  it('says plainly what happened', () => {
    expect(abandonedToast('Sam', 300)).toBe('Sam gave up after waiting 5 min and left');
    expect(abandonedToast('Sam', 300, { words: 'waiting in the line at Billing', seconds: 200 })).toBe(
      'Sam gave up after waiting 5 min and left: mostly waiting in the line at Billing (3 min 20 s)',
    );
    // A main cause that is less than half the wait is the longest part, not "mostly".
    expect(abandonedToast('Aiko', 160, { words: 'waiting in the line at Tier 1', seconds: 33 })).toBe(
      'Aiko gave up after waiting 2 min 40 s and left. Longest part: waiting in the line at Tier 1 (33 s)',
    );
    expect(levelEventToast({ type: 'levelEvent', t: 0, event: 'e', kind: 'outage', phase: 'start', dept: 'tech', text: null }, name)).toBe(
      "Tech Support can't work: their systems are down",
    );
    expect(levelEventToast({ type: 'levelEvent', t: 0, event: 'e', kind: 'surge', phase: 'start', dept: null, text: 'Lunch rush!' }, name)).toBe('Lunch rush!');
    expect(requestToast('New laptops', 'Tier 1', 'IT', 'open', true)).toContain('Grant it');
    expect(requestToast('Lab: please send the records', 'Lab', 'Records', 'open', false)).toBe(
      'Lab asks Records: Please send the records',
    );
    expect(requestToast('New laptops', 'Tier 1', 'IT', 'inProgress', true)).toBeNull();
    // A hire is done when HR has found the people: it says when they start (playtest 8: nothing said so).
    expect(requestToast('Two more people before the sale', 'Tier 1', 'HR', 'done', true, { staff: 2, seconds: 45 })).toBe(
      'Done for Tier 1: Two more people before the sale. 2 new people start at Tier 1 in 45 s',
    );
    expect(refusalToast('  ')).toBe("That can't be done right now");
  });
});

describe('request titles never repeat the asker', () => {
  it('drops the asker written in front of the title, by name or id, in any case', () => {
    expect(askText('Lab', 'Records', 'Lab: please send the records')).toBe('Lab asks Records: Please send the records');
    expect(askText('Tier 1', 'IT', 'tier-1 - new laptops', 'tier-1')).toBe('Tier 1 asks IT: New laptops');
    expect(askText('Lab', 'Records', 'Lab asks Records: old files')).toBe('Lab asks Records: Old files');
    expect(requestTitle('Laboratory upgrade', 'Lab')).toBe('Laboratory upgrade');
    expect(requestTitle('New laptops', 'Tier 1')).toBe('New laptops');
    expect(requestTitle('Lab:', 'Lab')).toBe('Lab:');
  });
});
