/**
 * A work type's look: its shape, and its colour (the level's own, else the next colour of a
 * colour-blind-safe palette by its place in the level). The same name must look the same in every
 * level of a campaign, on the briefing and the board: `lookConflicts` says where it does not. Pure.
 */
import type { Level } from './schema';

/** Okabe-Ito work colours in order, when a work type does not set one. */
export const WORK_PALETTE = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0xcc79a7, 0xd55e00, 0x0072b2, 0xffffff,
] as const;

export function workColourOf(level: Pick<Level, 'workTypes'>, index: number): number {
  const wt = level.workTypes[index];
  if (wt?.color) return Number.parseInt(wt.color.replace('#', ''), 16);
  return WORK_PALETTE[index % WORK_PALETTE.length] ?? 0xffffff;
}

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/**
 * Work types named alike (case and spaces aside) that look different from where the name first
 * appears, in the given order: one sentence each, naming both places and the fix.
 */
export function lookConflicts(
  levels: readonly { path: string; level: Pick<Level, 'workTypes'> }[],
): string[] {
  const first = new Map<string, { path: string; shape: string; colour: number; name: string }>();
  const out: string[] = [];
  for (const { path, level } of levels) {
    level.workTypes.forEach((w, i) => {
      const key = w.name.trim().toLowerCase().replace(/\s+/g, ' ');
      const look = { path, shape: w.shape, colour: workColourOf(level, i), name: w.name };
      const seen = first.get(key);
      if (!seen) {
        first.set(key, look);
        return;
      }
      const diffs: string[] = [];
      if (seen.shape !== look.shape) diffs.push(`shape "${look.shape}" instead of "${seen.shape}"`);
      if (seen.colour !== look.colour)
        diffs.push(`colour ${hex(look.colour)} instead of ${hex(seen.colour)}`);
      if (diffs.length > 0)
        out.push(
          `The work type "${w.name}" looks different in ${path} than in ${seen.path} (${diffs.join(', ')}): players learn a work type by its look, so give it "shape": "${seen.shape}" and "color": "${hex(seen.colour)}" in both.`,
        );
    });
  }
  return out;
}
