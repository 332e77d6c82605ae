/**
 * A journey in words, branches included, in plain words read at a glance: "Assess, then 3 in 10
 * need a test (lab) → Explain → Reply". The same text on the briefing and in the work-types panel. Pure.
 */
interface Step {
  skill: string;
  label?: string | undefined;
  then?:
    | readonly { chance: number; label?: string | undefined; steps: readonly Step[]; end?: boolean }[]
    | undefined;
}

/** A chance as "3 in 10" (whole tenths) or "25 in 100"; never "0 in 10" for a small chance. */
export function chanceWords(c: number): string {
  const tenths = c * 10;
  if (Math.abs(tenths - Math.round(tenths)) < 1e-9 && Math.round(tenths) > 0) return `${Math.round(tenths)} in 10`;
  return `${Math.max(1, Math.round(c * 100))} in 100`;
}

const lower = (w: string): string => w.charAt(0).toLowerCase() + w.slice(1);

/**
 * One outcome of a branch: "3 in 10 need a test (blood test)", "1 in 10 are done here". A label that
 * starts "Needs" reads "need" after the count ("3 in 10 need a test"); other labels follow a colon.
 * The outcome's steps follow in brackets unless the label already names them.
 */
function outcome(
  b: { chance: number; label?: string | undefined; steps: readonly Step[]; end?: boolean },
  words: (s: Step) => string,
): string {
  const count = chanceWords(b.chance);
  const steps = b.steps.map((s) => lower(words(s))).join(', ');
  const label = b.label?.trim() ?? '';
  const needs = /^needs\b/i.exec(label);
  const done = b.end ? (steps || label ? ', then are done' : '') : '';
  if (label) {
    const said = needs ? `${count} need${label.slice(needs[0].length)}` : `${count}: ${lower(label)}`;
    const shown = steps && !label.toLowerCase().includes(steps.toLowerCase()) ? ` (${steps})` : '';
    return `${said}${shown}${done}`;
  }
  if (steps) return `${count} also need ${steps}${done}`;
  return b.end ? `${count} are done here` : `${count} go on`;
}

export function journeyText(journey: readonly Step[], words: (s: Step) => string, sep: string): string {
  return journey
    .map((s) => {
      const base = words(s);
      if (!s.then || s.then.length === 0) return base;
      return `${base}, then ${s.then.map((b) => outcome(b, words)).join('; ')}`;
    })
    .join(sep);
}
