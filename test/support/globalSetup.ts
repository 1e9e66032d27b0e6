import { execFileSync } from 'node:child_process';

// Spawned CLI, host and central processes run dist/: build it from the current sources first.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
}
