// A fingerprint of everything the build reads (paths, sizes and modification times of the
// sources, configs and lockfile), kept in dist/ after a build, so `npm start` rebuilds only when
// something changed. mtimes are enough here: a checkout, an edit or `npm ci` all move them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'renderer', 'electron', 'scripts', 'vite.config.ts', 'vite.admin.config.ts', 'vite.user.config.ts', 'vite.zodWarnings.ts', 'package.json', 'package-lock.json', 'tsconfig.base.json'];
const OUTPUTS = ['dist/cli/main.js', 'dist/renderer/kiosk/index.html'];
const STAMP = 'dist/.build-stamp';

function walk(root, relative, lines) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const name of readdirSync(full).sort()) walk(root, path.join(relative, name), lines);
  } else {
    lines.push(`${relative}\t${stat.size}\t${stat.mtimeMs}`);
  }
}

export function buildFingerprint(root, args = []) {
  const lines = [`args\t${[...args].sort().join(' ')}`];
  for (const input of INPUTS) walk(root, input, lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** True when the last build's outputs exist and were made from exactly these inputs. */
export function buildIsCurrent(root, fingerprint) {
  if (!OUTPUTS.every((output) => existsSync(path.join(root, output)))) return false;
  const stamp = path.join(root, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

export function recordBuild(root, fingerprint) {
  writeFileSync(path.join(root, STAMP), fingerprint);
}
