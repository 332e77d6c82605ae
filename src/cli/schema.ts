/**
 * Writes levels/schema.json from src/level/schema.ts.
 *   npm run levels:schema          write it
 *   npm run levels:schema:check    exit 1 when the checked-in file is out of date (for CI)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { levelJsonSchemaText } from '../level/jsonSchema';

export const SCHEMA_PATH = resolve(fileURLToPath(new URL('../../levels/schema.json', import.meta.url)));

export function main(argv: string[], file = SCHEMA_PATH): { code: number; lines: string[] } {
  const wanted = levelJsonSchemaText();
  if (argv.includes('--check')) {
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      return {
        code: 1,
        lines: [`levels/schema.json is missing. Run "npm run levels:schema" and commit the file.`],
      };
    }
    if (current !== wanted) {
      return {
        code: 1,
        lines: [
          'levels/schema.json is out of date with src/level/schema.ts. Run "npm run levels:schema" and commit the file.',
        ],
      };
    }
    return { code: 0, lines: ['levels/schema.json is up to date.'] };
  }
  writeFileSync(file, wanted);
  return { code: 0, lines: [`Wrote levels/schema.json (${wanted.length} characters).`] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, lines } = main(process.argv.slice(2));
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exitCode = code;
}
