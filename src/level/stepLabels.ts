/**
 * The trainer's own label for each step a customer actually lives through. A ticket carries only the
 * skills of its journey (a branch drawn on arrival adds steps, an escalation adds one later), so its
 * skills are matched back against its work type's journey as written to find each step's label. Pure.
 *
 * - A step of the journey as written: its `label`.
 * - A step of a branch: its own `label`; a branch of one step without one takes the branch's label
 *   ("Needs a blood test"); otherwise none.
 * - An escalation step: none (it is not in the trainer's journey); the board names it by its skill.
 * Where two readings fit the same skills (a branch that repeats the steps as written), the likelier one.
 */
import type { Level } from './schema';

/**
 * One entry per skill of `skills` (a ticket's journey): the label of that step, or undefined where the
 * trainer gave none. All undefined when the skills do not fit the work type's journey (an unknown type).
 */
export function stepLabels(
  level: Pick<Level, 'workTypes' | 'customers'>,
  workType: string,
  skills: readonly string[],
  escalated: boolean,
): (string | undefined)[] {
  const none = skills.map(() => undefined);
  const journey = level.workTypes.find((w) => w.id === workType)?.journey;
  if (!journey) return none;
  const esc = level.customers.escalateSkill;
  const out: (string | undefined)[] = [];
  const label = (l: string | undefined) => (l?.trim() ? l.trim() : undefined);

  // Matches skills[p..] against the journey from main step i (after the branch steps `rest`, if any);
  // `escLeft`: the escalation step is still to be placed. Fills `out` on success.
  const match = (
    p: number,
    i: number,
    rest: readonly { skill: string; label: string | undefined }[],
    ended: boolean,
    escLeft: boolean,
  ): boolean => {
    if (p === skills.length) return !escLeft && (ended || (rest.length === 0 && i >= journey.length));
    const skill = skills[p]!;
    if (rest.length > 0) {
      if (skill === rest[0]!.skill) {
        out[p] = rest[0]!.label;
        if (match(p + 1, i, rest.slice(1), ended, escLeft)) return true;
      }
    } else if (!ended && i < journey.length) {
      const step = journey[i]!;
      if (skill === step.skill) {
        out[p] = label(step.label);
        // The likelier reading first where two fit the same skills: each branch, and going on as written
        // with the chance left over.
        const branches = step.then ?? [];
        const left = 1 - branches.reduce((a, b) => a + b.chance, 0);
        const ways = [...branches, null].sort((a, b) => (b?.chance ?? left) - (a?.chance ?? left));
        for (const b of ways) {
          if (!b) {
            if (match(p + 1, i + 1, [], false, escLeft)) return true;
            continue;
          }
          const steps = b.steps.map((s) => ({
            skill: s.skill,
            label: label(s.label) ?? (b.steps.length === 1 ? label(b.label) : undefined),
          }));
          if (match(p + 1, i + 1, steps, b.end, escLeft)) return true;
        }
      }
    }
    if (escLeft && skill === esc) {
      out[p] = undefined;
      if (match(p + 1, i, rest, ended, false)) return true;
    }
    return false;
  };
  if (!match(0, 0, [], false, escalated)) return none;
  return out.slice(0, skills.length);
}

/** The label of the step a ticket is at (`step` indexes `skills`), or undefined. */
export function stepLabelAt(
  level: Pick<Level, 'workTypes' | 'customers'>,
  t: { workType: string; journey: readonly string[]; step: number; escalated: boolean },
): string | undefined {
  if (t.step >= t.journey.length) return undefined;
  return stepLabels(level, t.workType, t.journey, t.escalated)[t.step];
}
