import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are absolute so the config works both from `vite` in web/ and from scripts/build.mjs,
// which runs at the repository root.
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // The manifest lets the first-page budget follow exactly what the inbox loads (scripts/first-page.mjs).
    manifest: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4545' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:4545' },
  },
});
