import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The UI is built once and loaded both by serve mode (http://) and by Electron (file://), hence relative asset
// paths. The scene lab (a bare scene for the draw-call and dispose tests) is built separately: test/lab/vite.config.ts.
const root = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root,
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: resolve(root, 'index.html') } },
  },
});
