import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { quietZodAnnotations } from './vite.zodWarnings';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// The User web interface: served by the central store at /user/ (src/central/http/staticWebApp.ts).
export default defineConfig({
  root: path.join(root, 'renderer/user'),
  base: '/user/',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/renderer/user'),
    emptyOutDir: true,
    // No inline module preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    rollupOptions: { onwarn: quietZodAnnotations },
  },
});
