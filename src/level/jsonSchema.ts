/**
 * Builds levels/schema.json from the zod source of truth (src/level/schema.ts), for editor
 * autocomplete, tooltips and inline errors. Pure; src/cli/schema.ts writes or checks the file.
 */
import { z } from 'zod';
import { Level } from './schema';

type Json = Record<string, unknown>;

const PATTERN_MESSAGES: Record<string, string> = {
  '^[a-z][a-z0-9-]{0,31}$':
    'Use lower-case letters, digits and dashes, starting with a letter, like "billing" or "tier-2".',
  '^#[0-9a-fA-F]{6}$': 'Use a hex colour like "#3366cc".',
};

/** Adds VS Code's friendly pattern messages wherever a known pattern appears. */
function decorate(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(decorate);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  if (typeof obj.pattern === 'string' && PATTERN_MESSAGES[obj.pattern])
    obj.patternErrorMessage = PATTERN_MESSAGES[obj.pattern];
  for (const v of Object.values(obj)) decorate(v);
}

export function buildLevelJsonSchema(): Json {
  const generated = z.toJSONSchema(Level, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
  }) as Json;
  decorate(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Ripple Effect level',
    description:
      'One level of Ripple Effect: departments on a map, the work customers bring, how they arrive and behave, and how play is scored. Generated from src/level/schema.ts by `npm run levels:schema`; do not edit by hand. See levels/README.md.',
    ...rest,
  };
}

/** The file text, with a trailing newline, as checked in. */
export function levelJsonSchemaText(): string {
  return `${JSON.stringify(buildLevelJsonSchema(), null, 2)}\n`;
}
