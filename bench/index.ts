// `npm run bench` (after the build): runs every area's bench module in turn; each prints JSON lines
// `{"bench": name, ...figures, "goal": ..., "met": bool}` beside the raw library doing the same work.
// `npm run bench -- cardLookup authentication` runs only the named modules (file names without .ts).
// To add an area: put bench/<area>.ts exporting `run<Area>Bench(): Promise<void>` and add one line below.
import { existsSync } from 'node:fs';
import { emit } from './benchStats.js';

const MODULES: readonly { readonly file: string; readonly run: string }[] = [
  { file: 'cardLookup.ts', run: 'runCardLookupBench' },
  { file: 'authentication.ts', run: 'runAuthenticationBench' },
  { file: 'usersImport.ts', run: 'runUsersImportBench' },
  { file: 'devices.ts', run: 'runDevicesBench' },
  { file: 'kiosk.ts', run: 'runKioskBench' },
  { file: 'kioskUi.ts', run: 'runKioskUiBench' },
  { file: 'kioskNpmStart.ts', run: 'runKioskNpmStartBench' },
  { file: 'central.ts', run: 'runCentralBench' },
  { file: 'centralImportUnderLoad.ts', run: 'runCentralImportUnderLoadBench' },
  { file: 'adminConsole.ts', run: 'runAdminConsoleBench' },
  { file: 'directory.ts', run: 'runDirectoryBench' },
  { file: 'printRelease.ts', run: 'runPrintReleaseBench' },
];

const only = new Set(process.argv.slice(2));
let failed = 0;
for (const module of MODULES) {
  const name = module.file.replace(/\.ts$/, '');
  if (only.size > 0 && !only.has(name)) continue;
  const url = new URL(`./${module.file}`, import.meta.url);
  // Areas land at different times: a bench module that does not exist yet is simply not run.
  if (!existsSync(url)) continue;
  try {
    const loaded = (await import(url.href)) as Record<string, unknown>;
    const run = loaded[module.run];
    if (typeof run !== 'function') throw new Error(`${module.file} does not export ${module.run}()`);
    await (run as () => Promise<void>)();
  } catch (error) {
    failed++;
    emit({ bench: name, error: error instanceof Error ? error.message : String(error) });
  }
}
process.exitCode = failed > 0 ? 1 : 0;
