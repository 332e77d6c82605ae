/**
 * No import cycle anywhere in src/ or server/ (the room server, which imports src/ but never the other
 * way): every static import and re-export (type-only ones too) between
 * files of src/ points one way. Lazy `import()` calls are load-on-demand boundaries and not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The files a source imports, among `known` (relative specifiers resolved like the bundler does). */
function importsOf(file: string, src: string, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(IMPORT)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const hit = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => known.has(c));
    if (hit) out.push(hit);
  }
  return out;
}

/** Every import cycle among the given files (file -> source), each as the files on it, in order. */
export function importCycles(sources: ReadonlyMap<string, string>): string[][] {
  const known = new Set(sources.keys());
  const graph = new Map([...sources].map(([f, src]) => [f, importsOf(f, src, known)] as const));
  // Tarjan's strongly connected components; a component of more than one file (or a file importing
  // itself) holds a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const u of graph.get(v)!) {
      if (!index.has(u)) {
        visit(u);
        low.set(v, Math.min(low.get(v)!, low.get(u)!));
      } else if (onStack.has(u)) low.set(v, Math.min(low.get(v)!, index.get(u)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let u: string;
    do {
      u = stack.pop()!;
      onStack.delete(u);
      scc.push(u);
    } while (u !== v);
    if (scc.length > 1 || graph.get(v)!.includes(v)) cycles.push(scc.reverse());
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return cycles;
}

function sourcesUnder(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const f of readdirSync(dir)) {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) sourcesUnder(full, out);
    else if (f.endsWith('.ts')) out.set(full, readFileSync(full, 'utf8'));
  }
  return out;
}

describe('import cycles', () => {
  it('finds a cycle, through type-only imports and index files too, and not a one-way chain', () => {
    const r = (p: string) => resolve('/probe', p);
    const files = new Map([
      [r('a.ts'), "import { b } from './b';\nexport const a = 1;"],
      [r('b.ts'), "import type {\n  C,\n} from './c/index';\nexport const b = 2;"],
      [r('c/index.ts'), "export { a } from '../a';"],
      [r('d.ts'), "import { a } from './a';\nconst later = () => import('./e');"],
      [r('e.ts'), "import { d } from './d';"],
    ]);
    expect(importCycles(files)).toEqual([[r('a.ts'), r('b.ts'), r('c/index.ts')]]);
    files.set(r('c/index.ts'), 'export const c = 3;');
    expect(importCycles(files)).toEqual([]);
  });

  it('there is none in src/', () => {
    const root = join(process.cwd(), 'src');
    const sources = sourcesUnder(root);
    expect(sources.size).toBeGreaterThan(100);
    const cycles = importCycles(sources).map((c) => c.map((f) => relative(root, f)).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('there is none in server/, nor through src/ and back', () => {
    const root = process.cwd();
    const sources = sourcesUnder(join(root, 'server'));
    expect(sources.size).toBeGreaterThan(10);
    sourcesUnder(join(root, 'src'), sources);
    const cycles = importCycles(sources).map((c) => c.map((f) => relative(root, f)).join(' -> '));
    expect(cycles).toEqual([]);
  });
});
