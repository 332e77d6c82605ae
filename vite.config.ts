import { readFileSync } from 'node:fs';
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
    ...(mode === 'single' ? {} : { rollupOptions: { input: { main: 'index.html', live: 'live.html' } } }),
  },
  plugins: mode === 'single' ? [viteSingleFile(), inlineFavicon] : [],
}));
