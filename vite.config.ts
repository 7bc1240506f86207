import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The UI is built once and loaded both by serve mode (http://) and by Electron (file://), hence relative asset
// paths. scene-lab.html is a bare scene without the API, for the draw-call and dispose tests in Chromium.
const root = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root,
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: resolve(root, 'index.html'),
        'scene-lab': resolve(root, 'scene-lab.html'),
      },
    },
  },
});
