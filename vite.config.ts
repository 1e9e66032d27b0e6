import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { quietZodAnnotations } from './vite.zodWarnings';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// The kiosk renderer: served by the web-mode host and loaded by Electron from dist/renderer/kiosk.
// Relative base so the same build works from file:// (Electron) and from the loopback server.
export default defineConfig({
  root: path.join(root, 'renderer/kiosk'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/renderer/kiosk'),
    emptyOutDir: true,
    // No inline module preload polyfill: the Electron CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    rollupOptions: { onwarn: quietZodAnnotations },
  },
});
