/**
 * A level's live events (its events with `"trigger": "facilitator"`), each with a short label in the
 * level's own department names ("Billing system down"): the solo presenter's buttons and the live
 * facilitator's list of events show the same words. Pure.
 */
import type { Level, LevelEvent } from './schema';

export interface Inject {
  id: string;
  label: string;
  text: string;
}

/** The level's facilitator-triggered events, with a short label for a button. */
export function injectsOf(level: Level): Inject[] {
  const name = (id: string) => level.departments.find((d) => d.id === id)?.name ?? id;
  const label = (e: LevelEvent): string => {
    switch (e.kind) {
      case 'absence':
        return e.staff > 1
          ? `${e.staff} from ${name(e.department)} step out`
          : `${name(e.department)} steps out`;
      case 'outage':
        return `${name(e.department)} system down`;
      case 'surge':
        return `Rush of customers ×${e.factor}`;
    }
  };
  return level.events.flatMap((e) =>
    e.trigger === 'facilitator' && e.id ? [{ id: e.id, label: label(e), text: e.text ?? label(e) }] : [],
  );
}
