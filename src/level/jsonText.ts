/**
 * Reading JSON text for the level checker: syntax errors in plain words with line and column,
 * a size and nesting cap so no input can hang or crash the checker, and a map from data paths
 * back to positions in the text. Pure: no fs, no DOM.
 */
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  visit,
  type Node,
  type ParseError,
} from 'jsonc-parser';

export type JsonPath = (string | number)[];

/** The most characters a level file may have (1 MB). Real levels are a few kilobytes. */
export const MAX_CHARS = 1_000_000;
/** The deepest nesting of { and [ allowed. Real levels need about 6. */
export const MAX_DEPTH = 40;

export interface Located {
  offset: number;
  message: string;
}

export interface ParsedJson {
  /** The parsed value (own properties only, safe against "__proto__" keys), or undefined when unreadable. */
  value: unknown;
  root: Node | undefined;
  /** Syntax problems; when not empty, `value` must not be trusted. */
  problems: Located[];
  /** Problems that do not stop reading, like a field written twice. */
  notes: Located[];
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** Finds where nesting first goes deeper than MAX_DEPTH, without recursion. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** The indentation (spaces and tabs) of the line an offset is on, and whether only blanks come before it. */
function lineStartOf(text: string, offset: number, lines: LineIndex): { indent: number; first: boolean } {
  // From the line index, not by walking back: a 1 MB level on one line would make that quadratic.
  const start = offset - lines.at(offset).col + 1;
  let i = start;
  while (i < offset && (text[i] === ' ' || text[i] === '\t')) i++;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { indent: end - start, first: i === offset };
}

const CURLY = /^[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]/;

function syntaxMessage(text: string, e: ParseError, opener: number | undefined, lines: LineIndex): Located {
  const code = printParseErrorCode(e.error);
  const found = text.slice(e.offset, e.offset + Math.min(e.length, 20));
  if (CURLY.test(found.trim())) {
    return {
      offset: e.offset,
      message:
        'These are curly quotes (\u201c \u201d), which word processors and some mail programs put in. JSON needs straight double quotes ("): replace \u201c and \u201d with ", or write the file in a plain text editor.',
    };
  }
  const before = previousNonSpace(text, e.offset);
  const isClosing = found.startsWith('}') || found.startsWith(']');
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && text[before] === ',' && isClosing) {
    return {
      offset: before,
      message:
        'There is one comma too many here: JSON allows no comma after the last item. Remove this comma.',
    };
  }
  const openedAt = opener === undefined ? '' : ` (it was opened at line ${lines.at(opener).line})`;
  switch (code) {
    case 'CommaExpected':
      return {
        offset: e.offset,
        message: 'A comma is missing here: put a comma between two fields or two list items.',
      };
    case 'CloseBraceExpected':
      return {
        offset: e.offset,
        message: `A closing } is missing here: every { needs a matching }${openedAt}. Also check for a missing comma.`,
      };
    case 'CloseBracketExpected':
      return {
        offset: e.offset,
        message: `A closing ] is missing here: every [ needs a matching ]${openedAt}. Also check for a missing comma.`,
      };
    case 'ColonExpected':
      return { offset: e.offset, message: 'A colon is missing here: write a field as "name": value.' };
    case 'PropertyNameExpected':
      return {
        offset: e.offset,
        message:
          'A field name in double quotes was expected here, like "name": ... . A comma may be missing or there may be one too many.',
      };
    case 'ValueExpected':
      return {
        offset: e.offset,
        message:
          'A value was expected here: a number, "text in double quotes", true, false, null, a list [...] or a group {...}. A comma may be missing or there may be one too many.',
      };
    case 'EndOfFileExpected':
      return {
        offset: e.offset,
        message:
          'The level should have ended before this: there is an extra } or text after the last }. Remove it.',
      };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return {
        offset: e.offset,
        message:
          'Comments are not allowed in JSON files. Remove this comment (put notes in the level texts instead).',
      };
    case 'UnexpectedEndOfString':
      return {
        offset: e.offset,
        message: 'This text has no closing double quote ("). Add one at the end of the text.',
      };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return {
        offset: e.offset,
        message:
          'A backslash (\\) in text must be written twice (\\\\), or used as \\" for a quote or \\n for a new line.',
      };
    case 'InvalidCharacter':
      return {
        offset: e.offset,
        message: 'Text cannot run over several lines: keep it on one line, or write \\n for a line break.',
      };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return {
        offset: e.offset,
        message: 'This number is not written correctly: use digits with an optional dot, like 30 or 2.5.',
      };
    default: {
      const q = found.trim().startsWith("'") ? ' Text must use double quotes ("), not single quotes.' : '';
      const word = /^[A-Za-z]/.test(found)
        ? ' Words must be in double quotes, like "billing"; only true, false and null go without.'
        : '';
      return {
        offset: e.offset,
        message: `JSON cannot read this.${q || word || ' Check for a missing comma, quote or bracket.'}`,
      };
    }
  }
}

/** Builds the value from the tree with own properties, noting fields written twice. */
function toValue(node: Node, notes: Located[]): unknown {
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (seen.has(key))
          notes.push({
            offset: keyNode.offset,
            message: `The field "${key}" is written twice in this group. Keep only one of them.`,
          });
        seen.add(key);
        const value = valueNode ? toValue(valueNode, notes) : undefined;
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map((c) => toValue(c, notes));
    default:
      return node.value as unknown;
  }
}

export function parseJson(input: string, lines: LineIndex): ParsedJson {
  // A byte-order mark (Windows Notepad) is harmless: blank it out without moving any position.
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  const fail = (offset: number, message: string): ParsedJson => ({
    value: undefined,
    root: undefined,
    problems: [{ offset, message }],
    notes: [],
  });
  if (text.length > MAX_CHARS) {
    return fail(
      0,
      `This file is too large (${Math.round(text.length / 1000)} thousand characters; the most is ${MAX_CHARS / 1000} thousand). A level is usually a few pages: check that this is the right file.`,
    );
  }
  if (text.trim() === '')
    return fail(
      0,
      'This file is empty. A level file starts with { and ends with }; copy levels/sandbox.json to start.',
    );
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return fail(
      deep,
      `The file is nested too deeply here (more than ${MAX_DEPTH} levels of { and [ inside each other). A level needs only a few: look for stray brackets.`,
    );
  }
  const errors: ParseError[] = [];
  const problems: Located[] = [];
  const openers: { offset: number; object: boolean; indent: number }[] = [];
  // jsonc-parser ends an object before it reports its missing }, so remember the last one closed.
  let closed: number | undefined;
  const close = (offset: number): void => {
    const top = openers.pop();
    closed = top?.offset;
    // A } on its own line, less indented than the line its { is on, closes an outer group.
    const here = lineStartOf(text, offset, lines);
    if (!unclosed && top?.object && text[offset] === '}' && here.first && here.indent < top.indent)
      missingBefore(offset, top.offset);
  };
  const open = (offset: number, object: boolean): void =>
    void openers.push({ offset, object, indent: lineStartOf(text, offset, lines).indent });
  // A field that starts a line no deeper than the line its group opened on belongs to an outer
  // group: the } of the inner one is probably missing just before it. The first such field is kept,
  // so a missing inner } is reported where it is missing rather than where JSON finally gives up.
  let unclosed: Located | undefined;
  const missingBefore = (offset: number, opener: number, name?: string): void => {
    const prev = previousNonSpace(text, offset);
    const comma = text[prev] === ',';
    const why = name
      ? `"${name}" on the next line is indented like the fields outside it`
      : 'the next } is indented like an outer group';
    unclosed = {
      offset: comma ? prev : prev + 1,
      message: `A closing } is missing here, it seems: the group opened at line ${lines.at(opener).line} should end here, since ${why}. Add a } ${comma ? 'just before this comma' : 'here'}.`,
    };
  };
  const suspect = (offset: number): void => {
    const top = openers[openers.length - 1];
    if (unclosed || !top?.object) return;
    const here = lineStartOf(text, offset, lines);
    if (!here.first || here.indent > top.indent) return;
    if (lines.at(top.offset).line === lines.at(offset).line) return;
    missingBefore(offset, top.offset, /^"([^"]{1,40})"/.exec(text.slice(offset))?.[1]);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open(offset, true),
      onObjectEnd: close,
      onArrayBegin: (offset) => open(offset, false),
      onArrayEnd: close,
      onObjectProperty: (_name, offset) => suspect(offset),
      onError: (error, offset, length) => {
        const code = printParseErrorCode(error);
        if (code === 'CommaExpected') suspect(offset);
        const opener =
          code === 'CloseBraceExpected' || code === 'CloseBracketExpected'
            ? closed
            : openers[openers.length - 1]?.offset;
        if (problems.length < 20)
          problems.push(
            code !== 'UnexpectedEndOfString' && code !== 'InvalidCommentToken' && unclosed
              ? unclosed
              : syntaxMessage(text, { error, offset, length }, opener, lines),
          );
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (problems.length > 0) {
    // Only the first syntax error is trustworthy; later ones are often echoes of it.
    return { value: undefined, root: undefined, problems: problems.slice(0, 1), notes: [] };
  }
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!root || errors.length > 0)
    return fail(
      errors[0]?.offset ?? 0,
      'JSON cannot read this file. Check for a missing comma, quote or bracket.',
    );
  const notes: Located[] = [];
  return { value: toValue(root, notes), root, problems: [], notes };
}

/**
 * Where in the text a data path is. With `key`, the field name rather than its value.
 * When the path does not exist (a missing field), the nearest existing parent.
 */
export function offsetOf(root: Node | undefined, path: JsonPath, key = false): number {
  if (!root) return 0;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (key && n === path.length && node.parent?.type === 'property') return node.parent.offset;
    return node.offset;
  }
  return root.offset;
}
