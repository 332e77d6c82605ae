/** Plain-words names for places in a level, like `department "billing" > staff`. Pure. */
import type { JsonPath } from './jsonText';

const ITEM_NAMES: Record<string, string> = {
  departments: 'department',
  workTypes: 'work type',
  internalRequests: 'internal request',
  events: 'event',
  journey: 'step',
  scripted: 'scripted customer',
  schedule: 'schedule entry',
  briefing: 'briefing line',
  hints: 'hint',
  debriefQuestions: 'debrief question',
  skills: 'skill',
  names: 'name',
  stars: 'star threshold',
  levels: 'level',
};

export function get(data: unknown, path: JsonPath): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) v = typeof k === 'number' ? v[k] : undefined;
    else
      v = Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[String(k)] : undefined;
  }
  return v;
}

/** `department "billing" > serviceTime > triage`; empty for the top of the file. */
export function where(data: unknown, path: JsonPath): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (k === undefined) continue;
    const parentKey = path[i - 1];
    if (typeof k === 'number') {
      const noun = (typeof parentKey === 'string' && ITEM_NAMES[parentKey]) || 'item';
      const item = get(data, path.slice(0, i + 1));
      const id =
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? (item as Record<string, unknown>).id
          : undefined;
      const label =
        typeof id === 'string' && id.length > 0 && id.length <= 40 ? `${noun} "${id}"` : `${noun} ${k + 1}`;
      // "departments > department 2" says the same thing twice: keep only the item.
      if (typeof parentKey === 'string' && ITEM_NAMES[parentKey]) parts.pop();
      parts.push(label);
    } else {
      parts.push(k.length > 40 ? `${k.slice(0, 40)}...` : k);
    }
  }
  return parts.join(' > ');
}

/** Short, safe echo of a value for a message. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a group of fields';
  return 'nothing';
}
