/**
 * Join codes of live sessions, as a person types them: short enough to read off a projector and type
 * on a phone, with no look-alike characters (no O/0, no I/1), case-insensitive. The server draws them
 * (server/codes.ts); this side only reads what a person typed. Browser-safe.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

function squeeze(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** The code in its one spelling (upper case, no spaces or dashes), or null when it cannot be a code. */
export function normaliseJoinCode(typed: string): string | null {
  return joinCodeProblem(typed) === null ? squeeze(typed) : null;
}

/** Plain words for what makes the text not a code, or null when it is one. */
export function joinCodeProblem(typed: string): string | null {
  const code = squeeze(typed);
  if (code.length !== CODE_LENGTH)
    return `A join code has ${CODE_LENGTH} characters; "${typed.trim()}" has ${code.length}.`;
  const bad = [...code].find((ch) => !CODE_ALPHABET.includes(ch));
  if (bad !== undefined) {
    const hint = 'OI01'.includes(bad) ? ' (codes never use O, 0, I or 1)' : '';
    return `"${bad}" is not in any join code${hint}. Check the code on the facilitator's screen.`;
  }
  return null;
}
