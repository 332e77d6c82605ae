/** The briefing's "How to play" lines for the actions a level enables, and journey words. Pure. */
import type { Level } from '../../level/schema';
import { commandEnabled, PLAYER_COMMANDS } from '../../sim/index';
import { COMMAND_WORDS, type ControlLine } from '../commandWords';
import { journeyText } from '../journeyText';
import { skillWords } from '../play/playTheme';

export type { ControlLine };

/**
 * One line per command the level offers, in the action table's order (routing first), then pause and
 * speed. Routing reads "work moves on by itself" when the level routes everything.
 */
export function controlsFor(level: Pick<Level, 'actions' | 'autoRoute'>): ControlLine[] {
  const out: ControlLine[] = [];
  for (const type of PLAYER_COMMANDS) {
    const on = commandEnabled(level.actions, type);
    if (type === 'route') {
      out.push(
        on && level.autoRoute !== 'all'
          ? COMMAND_WORDS.route.howTo
          : { text: 'Work moves on by itself here: watch where it waits and what reaches the customers.', keys: '' },
      );
    } else if (on) out.push(COMMAND_WORDS[type].howTo);
  }
  out.push({
    text: 'Pause and change speed at any time.',
    keys: 'Space pause, 1 / 2 / 3 normal, fast, fastest, S settings (text size, sound)',
  });
  return out;
}

/**
 * "Find out what is wrong (triage)  →  Correct the bill (billing fix)  →  Reply": each step's label
 * when the level gives one, with the skill it needs in the board's own words ("needs billing fix"
 * under a ticket, "Can do: billing fix" on the card), so the briefing says what happens and teaches
 * the words a player routes by. A step without a label reads as its skill.
 */
export function journeyWords(
  journey: Parameters<typeof journeyText>[0],
  names?: Readonly<Record<string, string>>,
): string {
  return journeyText(
    journey,
    (s) => {
      const skill = skillWords(s.skill, names);
      const label = s.label?.trim();
      if (!label) return capital(skill);
      return label.toLowerCase() === skill.toLowerCase() ? capital(label) : `${capital(label)} (${skill})`;
    },
    '  →  ',
  );
}

function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
