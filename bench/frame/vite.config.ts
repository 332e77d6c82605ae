import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the frame-budget bench page (bare Phaser scene vs the real play scene) into bench/artifacts/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../artifacts/frame-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
});
