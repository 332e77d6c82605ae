/**
 * Checking a whole set of level files plus `levels/campaign.json`: each level on its own, ids
 * unique across files, file names matching ids, and the campaign naming existing levels.
 * Pure: the CLI passes file texts from disk, the browser catalog from Vite. Never throws.
 *
 * campaign.json: { "levels": ["right-desk", "notes", ...] }  (level ids, in play order)
 */
import { z } from 'zod';
import { checkLevelText, type Problem } from './check';
import { lookConflicts } from './workLook';
import { issueProblems, withWhere } from './issues';
import { LineIndex, offsetOf, parseJson } from './jsonText';
import type { Level } from './schema';
import { didYouMean, listWords } from './suggest';

export const Campaign = z
  .object({
    $schema: z.string().optional().describe('Not needed; allowed so editors can attach a schema.'),
    levels: z
      .array(
        z.string().min(1).max(32).describe('A level id (the "id" inside a level file), like "right-desk".'),
      )
      .min(1)
      .max(50)
      .describe('Level ids in the order players meet them.'),
  })
  .strict()
  .describe('The campaign: which levels are played, in which order.');

export interface LevelFile {
  path: string;
  text: string;
}

export interface CheckedLevel {
  /** The level id, or null when the file is too broken to tell. */
  id: string | null;
  title: string;
  path: string;
  level: Level | null;
  problems: Problem[];
}

export interface CheckedSet {
  /** Every level file, in the order given. */
  levels: CheckedLevel[];
  /** Campaign order; an id with no level file gets an entry with level null and a problem. */
  campaign: CheckedLevel[];
  /** Problems of campaign.json itself. */
  campaignProblems: Problem[];
}

/** `levels/01-right-desk.json` -> `right-desk`: the file name without a number prefix and .json. */
export function idFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.json$/i, '').replace(/^\d+[-_ ]*/, '');
}

function rawId(text: string): { id: string | null; offset: number; lines: LineIndex; title: string | null } {
  const lines = new LineIndex(text);
  const parsed = parseJson(text, lines);
  const v = parsed.value;
  const rec = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const id = typeof rec.id === 'string' && Object.prototype.hasOwnProperty.call(rec, 'id') ? rec.id : null;
  const title = typeof rec.title === 'string' ? rec.title : null;
  return { id, title, offset: offsetOf(parsed.root, ['id']), lines };
}

function checkCampaign(
  file: LevelFile,
  known: string[],
): { ids: string[]; problems: Problem[]; offsets: number[] } {
  const lines = new LineIndex(file.text);
  const at = (offset: number, message: string, warning = false): Problem => ({
    path: file.path,
    ...lines.at(offset),
    message,
    ...(warning ? { severity: 'warning' as const } : {}),
  });
  const parsed = parseJson(file.text, lines);
  if (parsed.problems.length > 0)
    return { ids: [], problems: parsed.problems.map((p) => at(p.offset, p.message)), offsets: [] };
  const result = Campaign.safeParse(parsed.value);
  if (!result.success) {
    const problems = result.error.issues
      .flatMap((i) =>
        issueProblems(Campaign as unknown as Parameters<typeof issueProblems>[0], parsed.value, i),
      )
      .map((p) => withWhere(parsed.value, p))
      .map((p) => at(offsetOf(parsed.root, p.path, p.atKey), p.message));
    const hint = at(
      0,
      'The campaign file should look like { "levels": ["right-desk", "notes"] }: level ids in play order.',
      true,
    );
    return { ids: [], problems: [...problems, hint], offsets: [] };
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const offsets = result.data.levels.map((_, i) => offsetOf(parsed.root, ['levels', i]));
  result.data.levels.forEach((id, i) => {
    const offset = offsets[i] ?? 0;
    if (seen.has(id))
      problems.push(at(offset, `"${id}" is in the campaign twice. Remove one of them.`, true));
    seen.add(id);
    if (!known.includes(id)) {
      const hint =
        didYouMean(id, known) ||
        (known.length > 0 ? ` The level ids are ${listWords(known)}.` : ' There are no level files yet.');
      problems.push(
        at(
          offset,
          `There is no level with the id "${id}" in the levels folder.${hint} The campaign lists level ids (the "id" inside each file), not file names.`,
        ),
      );
    }
  });
  return { ids: result.data.levels, problems, offsets };
}

/** Checks every level file and the campaign. `campaign` may be left out (then the campaign is empty). */
export function checkLevelSet(files: LevelFile[], campaign?: LevelFile): CheckedSet {
  const levels: CheckedLevel[] = [];
  const byId = new Map<string, CheckedLevel>();
  for (const file of files) {
    const { level, problems } = checkLevelText(file.text, file.path);
    let info: ReturnType<typeof rawId> | null;
    try {
      info = rawId(file.text);
    } catch {
      info = null;
    }
    const id = level?.id ?? info?.id ?? null;
    const entry: CheckedLevel = {
      id,
      title: level?.title ?? info?.title ?? id ?? file.path,
      path: file.path,
      level,
      problems: [...problems],
    };
    if (id !== null && info) {
      const pos = info.lines.at(info.offset);
      const other = byId.get(id);
      if (other) {
        entry.problems.push({
          path: file.path,
          ...pos,
          message: `The id "${id}" is already used by ${other.path}. Every level needs its own id.`,
        });
        entry.level = null;
      } else byId.set(id, entry);
      const expected = idFromFileName(file.path);
      if (expected !== id && /^[a-z][a-z0-9-]*$/.test(expected)) {
        entry.problems.push({
          path: file.path,
          ...pos,
          severity: 'warning',
          message: `The id "${id}" does not match the file name. Name the file like "${id}.json" (a number in front is fine, like "01-${id}.json"), or set the id to "${expected}".`,
        });
      }
    }
    entry.problems.sort((a, b) => a.line - b.line || a.col - b.col);
    levels.push(entry);
  }
  if (!campaign) return { levels, campaign: [], campaignProblems: [] };
  let checked: ReturnType<typeof checkCampaign>;
  try {
    checked = checkCampaign(campaign, [...byId.keys()]);
  } catch {
    checked = {
      ids: [],
      problems: [
        {
          path: campaign.path,
          line: 1,
          col: 1,
          message: 'The campaign file could not be read. Please report this to the developers.',
        },
      ],
      offsets: [],
    };
  }
  const order = checked.ids.map((id, i): CheckedLevel => {
    const found = byId.get(id);
    if (found) return found;
    const problem = checked.problems.find((p) => p.message.includes(`"${id}"`)) ?? {
      path: campaign.path,
      ...new LineIndex(campaign.text).at(checked.offsets[i] ?? 0),
      message: `There is no level with the id "${id}".`,
    };
    return { id, title: id, path: campaign.path, level: null, problems: [problem] };
  });
  // One look per work type name across the campaign (and the other level files after it).
  const inOrder = [...order, ...levels.filter((l) => !order.includes(l))];
  const looks = lookConflicts(
    inOrder.flatMap((l) => (l.level ? [{ path: l.path, level: l.level }] : [])),
  ).map((message): Problem => ({ path: campaign.path, line: 1, col: 1, severity: 'warning', message }));
  return { levels, campaign: order, campaignProblems: [...checked.problems, ...looks] };
}
