/** The briefing's "How to play" lines for the actions a level enables, and journey words. Pure. */
import type { Level } from '../../level/schema';
import { commandEnabled, PLAYER_COMMANDS } from '../../sim/index';
import { COMMAND_WORDS, type ControlLine } from '../commandWords';
import { journeyText } from '../journeyText';
import { skillWords } from '../play/playTheme';

export type { ControlLine };

/** A briefing's boxed parts, by kind: what is new in this level, and the goal. */
export interface BriefingBox {
  kind: 'new' | 'goal';
  label: string;
  text: string;
}

/** What a level's briefing tells before play, in its order: the title, the story, then its boxes. */
export interface BriefingStory {
  title: string;
  story: readonly string[];
  /** "New here" (only when the level has something new), then "Your goal". */
  boxes: readonly BriefingBox[];
}

/**
 * The briefing's story from the level file, with the words of its boxes: the solo briefing and a live
 * table's briefing (src/live/ui/briefing.ts) both show a level through this, so they say the same.
 * The texts are the trainer's: shown as text, never as markup.
 */
export function briefingStory(level: Pick<Level, 'title' | 'texts'>): BriefingStory {
  const boxes: BriefingBox[] = [];
  if (level.texts.newThisLevel) boxes.push({ kind: 'new', label: 'New here', text: level.texts.newThisLevel });
  boxes.push({ kind: 'goal', label: 'Your goal', text: level.texts.goal });
  return { title: level.title, story: level.texts.briefing, boxes };
}

/**
 * One line per command the level offers, in the action table's order (routing first), then pause and
 * speed (unless `clock: false`: on a live table the facilitator runs the clock). Routing reads "work
 * moves on by itself" when the level routes everything.
 */
export function controlsFor(
  level: Pick<Level, 'actions' | 'autoRoute'>,
  opts: { clock?: boolean } = {},
): ControlLine[] {
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
  if (opts.clock === false) return out;
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
