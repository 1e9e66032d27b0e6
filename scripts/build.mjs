// Builds the Node entry points (CLI, host, central) into dist/ with esbuild and the kiosk
// renderer with Vite. Runs on `npm ci` (prepare) so ./bin/badgekiosk works right after install,
// and before tests so spawned processes always run the current sources.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));

const nodeEntries = [
  'src/cli/main.ts',
].filter((entry) => existsSync(path.join(root, entry)));

if (nodeEntries.length > 0) {
  await build({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: 'dist',
    outbase: 'src',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (!args.has('--node-only') && existsSync(path.join(root, 'renderer/kiosk/index.html'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
