import { describe, expect, it } from 'vitest';
import { buildLevelJsonSchema } from './jsonSchema';

type Json = Record<string, unknown>;

/** Paths of properties without a description, and objects that allow unknown fields. */
function audit(node: unknown, path: string, missing: string[], open: string[]): void {
  if (Array.isArray(node)) return node.forEach((n, i) => audit(n, `${path}[${i}]`, missing, open));
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  if (obj.type === 'object' && obj.properties && obj.additionalProperties !== false) open.push(path);
  if (obj.properties && typeof obj.properties === 'object') {
    for (const [k, v] of Object.entries(obj.properties as Json)) {
      if (typeof (v as Json).description !== 'string') missing.push(`${path}.${k}`);
    }
  }
  for (const [k, v] of Object.entries(obj)) audit(v, `${path}/${k}`, missing, open);
}

describe('levels/schema.json', () => {
  const schema = buildLevelJsonSchema();
  it('has a title and description, and is draft-07 for editors', () => {
    expect(schema.title).toBe('Ripple Effect level');
    expect(String(schema.description)).toMatch(/levels\/README\.md/);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
  it('describes every field and flags unknown fields everywhere', () => {
    const missing: string[] = [];
    const open: string[] = [];
    audit(schema, '', missing, open);
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });
  it('does not require fields that have defaults', () => {
    const required = schema.required as string[];
    expect(required).toContain('formatVersion');
    expect(required).not.toContain('customers');
    expect(required).not.toContain('actions');
    const dept = ((schema.properties as Json).departments as Json).items as Json;
    expect(dept.required).not.toContain('queueLimit');
    expect(((dept.properties as Json).queueLimit as Json).default).toBe(8);
  });
  it('gives friendly pattern messages for ids', () => {
    const id = (schema.properties as Json).id as Json;
    expect(id.patternErrorMessage).toMatch(/lower-case letters/);
  });
});
