import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildFingerprint, buildIsCurrent, recordBuild } from '../../../scripts/buildStamp.mjs';

const root = path.resolve(__dirname, '../../..');
let dir: string;

/** A repository-shaped folder with one source file and the two outputs npm start needs. */
function fakeCheckout(): string {
  const at = mkdtempSync(path.join(tmpdir(), 'badgekiosk-build-stamp-'));
  for (const folder of ['src/cli', 'scripts', 'dist/cli', 'dist/renderer/kiosk']) mkdirSync(path.join(at, folder), { recursive: true });
  writeFileSync(path.join(at, 'src/cli/main.ts'), 'export {};\n');
  writeFileSync(path.join(at, 'dist/cli/main.js'), '');
  writeFileSync(path.join(at, 'dist/renderer/kiosk/index.html'), '');
  return at;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start builds only when the sources changed (issue 15 item 16)', () => {
  it('npm start asks bin/badgekiosk to build only when something changed', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toMatch(/^BADGEKIOSK_BUILD=if-changed .*node bin\/badgekiosk start$/);
    expect(pkg.scripts.build).not.toContain('--if-changed');
  });

  it('bin/badgekiosk with BADGEKIOSK_BUILD=if-changed runs the whole build only when the fingerprint moved', () => {
    dir = fakeCheckout();
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(root, 'bin/badgekiosk'), path.join(dir, 'bin/badgekiosk'));
    copyFileSync(path.join(root, 'scripts/buildStamp.mjs'), path.join(dir, 'scripts/buildStamp.mjs'));
    // A stand-in build script (the real one builds this repository): it logs that it ran and records the stamp as the real one does.
    writeFileSync(path.join(dir, 'scripts/build.mjs'), [
      "import { appendFileSync } from 'node:fs';",
      "import { buildFingerprint, recordBuild } from './buildStamp.mjs';",
      "const root = new URL('..', import.meta.url).pathname;",
      "appendFileSync(root + 'log', 'build ' + process.argv.slice(2).join(' ') + '\\n');",
      'recordBuild(root, buildFingerprint(root));',
    ].join('\n'));
    writeFileSync(path.join(dir, 'dist/cli/main.js'), "import { appendFileSync } from 'node:fs';\nappendFileSync(new URL('../../log', import.meta.url), 'run ' + process.pid + '\\n');\n");
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const start = () => execFileSync(process.execPath, [path.join(dir, 'bin/badgekiosk'), 'start'], { env: { ...process.env, BADGEKIOSK_BUILD: 'if-changed' } });
    const log = () => readFileSync(path.join(dir, 'log'), 'utf8').trim().split('\n').map((line) => line.split(' ')[0]);

    start(); // no stamp yet: builds, then starts
    expect(log()).toEqual(['build', 'run']);
    start(); // nothing changed: starts without building
    expect(log()).toEqual(['build', 'run', 'run']);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'src/cli/main.ts'), later, later);
    start();
    expect(log()).toEqual(['build', 'run', 'run', 'build', 'run']);
  });

  it('a recorded build is current until a source changes, and never without its outputs', () => {
    dir = fakeCheckout();
    const first = buildFingerprint(dir);
    expect(buildIsCurrent(dir, first)).toBe(false);
    recordBuild(dir, first);
    expect(buildIsCurrent(dir, buildFingerprint(dir))).toBe(true);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'src/cli/main.ts'), later, later);
    expect(buildIsCurrent(dir, buildFingerprint(dir))).toBe(false);
    recordBuild(dir, buildFingerprint(dir));
    rmSync(path.join(dir, 'dist/renderer/kiosk/index.html'));
    expect(buildIsCurrent(dir, buildFingerprint(dir))).toBe(false);
  });

  it('the renderer build prints no Rollup warning about zod (or anything else)', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'badgekiosk-vite-'));
    const { build, createLogger } = await import('vite');
    const logger = createLogger('warn');
    const warnings: string[] = [];
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = (message) => void warnings.push(message);
    // As `npm start` builds it: vitest sets NODE_ENV=test, which would bundle React's large development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', customLogger: logger, build: { outDir: dir, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    expect(warnings.map((w) => w.slice(0, 300))).toEqual([]);
  });
});
