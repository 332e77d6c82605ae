import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// From file:// the browser may not fetch even a file beside the page, so the single file carries its icon too.
const inlineFavicon: Plugin = {
  name: 'ripple-inline-favicon',
  transformIndexHtml: (html) =>
    html.replace(
      /href="[^"]*favicon\.svg"/,
      `href="data:image/svg+xml;base64,${readFileSync('public/favicon.svg').toString('base64')}"`,
    ),
};

/**
 * The game's first load in two files beside the entry: 'phaser', and 'title' (every module main.ts
 * imports statically: the store, settings, the boot and title scenes). Everything main.ts loads with
 * import() (src/app/late.ts) is split as usual and fetched after the title is drawn.
 */
function firstLoadChunks(): (
  id: string,
  meta: { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null },
) => string | null {
  const entry = fileURLToPath(new URL('./src/main.ts', import.meta.url));
  let first: Set<string> | null = null;
  return (id, { getModuleInfo }) => {
    if (!first) {
      first = new Set();
      const todo = [...(getModuleInfo(entry)?.importedIds ?? [])];
      for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
        if (first.has(m) || m === entry) continue;
        first.add(m);
        todo.push(...(getModuleInfo(m)?.importedIds ?? []));
      }
    }
    if (id.includes('vite/modulepreload-polyfill')) return 'title';
    if (!first.has(id)) return null;
    return /[\\/]node_modules[\\/]phaser[\\/]/.test(id) ? 'phaser' : 'title';
  };
}

// `vite build` gives a static dist/ that runs from any static server (relative paths, no network).
// `vite build --mode single` gives dist-single/index.html, one self-contained file for file://.
export default defineConfig(({ mode }) => ({
  base: './',
  publicDir: 'public',
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    outDir: mode === 'single' ? 'dist-single' : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    assetsInlineLimit: mode === 'single' ? 100_000_000 : 4096,
    // live.html (a table's join screen, the facilitator's room view) needs the room server, so it is
    // left out of the single file for file://.
    ...(mode === 'single'
      ? {}
      : {
          rollupOptions: {
            input: { main: 'index.html', live: 'live.html' },
            output: { manualChunks: firstLoadChunks() },
          },
        }),
  },
  plugins: mode === 'single' ? [viteSingleFile(), inlineFavicon] : [],
}));
