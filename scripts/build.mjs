// Builds the Node entry points (CLI, host, central) into dist/ with esbuild and the kiosk
// renderer with Vite. Runs on `npm ci` (prepare) so ./bin/badgekiosk works right after install,
// and before tests so spawned processes always run the current sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildFingerprint, buildIsCurrent, recordBuild } from './buildStamp.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));

// `--if-changed`: skip the whole build when nothing it reads changed since the last one (`npm start`
// makes the same check inside bin/badgekiosk, through BADGEKIOSK_BUILD=if-changed).
const fingerprint = buildFingerprint(root, [...args].filter((arg) => arg !== '--if-changed'));
if (args.has('--if-changed') && buildIsCurrent(root, fingerprint)) process.exit(0);
// Loaded only when there is something to build: a skipped build should cost next to nothing.
const { build } = await import('esbuild');

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
    // Code loaded with import() (the central store's server, for one) goes to its own chunk, so
    // commands that never use it do not pay for loading its packages.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

// The Electron shell: main (CommonJS, packages external, like any Node entry) and the sandboxed
// preload, which may require nothing but 'electron' and so is bundled whole.
if (existsSync(path.join(root, 'electron/main.ts'))) {
  const electronCommon = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  // Shared modules that find files next to themselves read import.meta.url, which CommonJS lacks.
  const importMetaUrl = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };
  await build({ ...electronCommon, ...importMetaUrl, entryPoints: ['electron/main.ts'], outdir: 'dist/electron', packages: 'external' });
  await build({ ...electronCommon, entryPoints: ['electron/preload.ts'], outdir: 'dist/electron', external: ['electron'] });
}

if (!args.has('--node-only') && existsSync(path.join(root, 'renderer/kiosk/index.html'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

// The admin console (served by the central store at /admin/) is built only when its sources are
// newer than the last build: most test runs touch no console file and should not wait for Vite.
const adminSources = ['renderer/admin', 'renderer/shared', 'src/protocol/admin', 'src/core', 'vite.admin.config.ts', 'package-lock.json'];
function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))));
}
const adminIndex = path.join(root, 'dist/renderer/admin/index.html');
if (!args.has('--node-only') && existsSync(path.join(root, 'renderer/admin/index.html'))) {
  const built = existsSync(adminIndex) ? statSync(adminIndex).mtimeMs : 0;
  if (args.has('--force') || Math.max(...adminSources.map(newestMtime)) > built) {
    const { build: viteBuild } = await import('vite');
    await viteBuild({ configFile: path.join(root, 'vite.admin.config.ts'), logLevel: 'warn' });
  }
}
// The User web interface (served by the central store at /user/): rebuilt only when its sources,
// its wire schemas or its Vite config are newer than the last build.
const userWebIndex = path.join(root, 'dist/renderer/user/index.html');
const userWebSources = ['renderer/user', 'src/protocol/userWeb.ts', 'vite.user.config.ts'];
if (!args.has('--node-only') && existsSync(path.join(root, 'renderer/user/index.html'))
  && (!existsSync(userWebIndex) || Math.max(...userWebSources.map(newestMtime)) > statSync(userWebIndex).mtimeMs)) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.user.config.ts'), logLevel: 'warn' });
}
if (!args.has('--node-only')) recordBuild(root, fingerprint);
