import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { quietZodAnnotations } from './vite.zodWarnings';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// The admin console: served by the central store at /admin/ (src/central/http/staticWebApp.ts),
// which sends a strict CSP, so the build must hold no inline script or style.
export default defineConfig({
  root: path.join(root, 'renderer/admin'),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/renderer/admin'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rollupOptions: { onwarn: quietZodAnnotations },
    // Above this, the first screen's budget of 250 KB gzip (issue 13) is at risk: say so in the build.
    chunkSizeWarningLimit: 700,
  },
});
