import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from './server';

let server: StaticServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  // E2E_DIST lets parallel work use its own build (vite build --outDir /tmp/x); default dist/.
  const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`${dist} has no index.html: run \`npm run build\` first (npm run test:e2e does it for you).`);
  }
  server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
