/** The briefing's "How to play" lines for the actions a level enables, and journey words. Pure. */
import type { Level } from '../../level/schema';
import { journeyText } from '../journeyText';

export interface ControlLine {
  /** What to do with mouse or touch. */
  text: string;
  /** The keys for it, or '' when there is none. */
  keys: string;
}

export function controlsFor(level: Pick<Level, 'actions' | 'autoRoute'>): ControlLine[] {
  const a = level.actions;
  const out: ControlLine[] = [];
  if (a.route && level.autoRoute !== 'all') {
    out.push({
      text: 'Send work on: click a ticket in a "Ready to send" tray, then the department that does its next step (or drag it there).',
      keys: 'Tab or arrows choose a department, Enter picks its ticket, 1-9 or Enter sends it',
    });
  } else {
    out.push({
      text: 'Work moves on by itself here: watch where it waits and what reaches the customers.',
      keys: '',
    });
  }
  if (a.handoffCare) {
    out.push({
      text: 'Choose the notes that go with each handoff: quick saves you time, thorough saves the next desk rework.',
      keys: "Q quick notes, T thorough notes, L a department's usual notes",
    });
  }
  if (a.moveStaff)
    out.push({
      text: 'Move a person to a busier department.',
      keys: 'choose a department, then - and the place to go',
    });
  if (a.grantRequests)
    out.push({
      text: 'Grant what colleagues ask of each other before it slows them down.',
      keys: 'G grants the oldest waiting request',
    });
  if (a.reprioritise)
    out.push({ text: 'Serve the unhappiest customer in a line first.', keys: 'choose a department, then F' });
  out.push({
    text: 'Pause and change speed at any time.',
    keys: 'Space pause, 1 / 2 / 3 normal, fast, fastest, S settings (text size, sound)',
  });
  return out;
}

/**
 * "Triage  →  Billing fix  →  Reply": the skills each step needs, in the same words the board uses
 * ("needs: billing fix" under a ticket, "Can do: billing fix" on the card), so the briefing teaches the
 * words a player routes by. Step labels stay in the level file for trainers and the debrief.
 */
export function journeyWords(journey: Parameters<typeof journeyText>[0]): string {
  return journeyText(journey, (s) => readable(s.skill), '  →  ');
}

function readable(id: string): string {
  const w = id.replace(/[-_]+/g, ' ').trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
}
