/**
 * A journey in words, branches included: "Triage → Fix (3 in 10, Needs IT: Repair) → Reply". The same
 * text on the briefing and in the work-types panel. Pure.
 */
interface Step {
  skill: string;
  label?: string | undefined;
  then?:
    | readonly { chance: number; label?: string | undefined; steps: readonly Step[]; end?: boolean }[]
    | undefined;
}

const pct = (c: number): string => `${Math.round(c * 100)}%`;

export function journeyText(journey: readonly Step[], words: (s: Step) => string, sep: string): string {
  return journey
    .map((s) => {
      const base = words(s);
      if (!s.then || s.then.length === 0) return base;
      const options = s.then.map((b) => {
        const steps = b.steps.map(words).join(', ');
        const what = [b.label, steps].filter((x) => x).join(': ');
        return `${pct(b.chance)} ${b.end ? (what ? `${what}, then done` : 'done here') : what || 'go on'}`;
      });
      return `${base} (then ${options.join('; ')})`;
    })
    .join(sep);
}
