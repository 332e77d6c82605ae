import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the load bench's bare page (Phaser alone) into bench/artifacts/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../artifacts/load-bare', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
});
