import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The scene lab is a test harness, not part of the app: it is built on its own into dist/lab (by the e2e tests'
// build step, test/e2e/build-once.ts), never into dist/renderer, and electron-builder leaves dist/lab out. Its
// modules import the renderer's scene code from ../../renderer, which Vite bundles like any other import.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(root, '../../dist/lab'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { 'scene-lab': resolve(root, 'scene-lab.html') } },
  },
});
