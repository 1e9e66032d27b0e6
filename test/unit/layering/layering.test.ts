import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../..');
const depcruise = path.join(repoRoot, 'node_modules', '.bin', 'depcruise');
const config = path.join(repoRoot, '.dependency-cruiser.cjs');

async function cruise(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'layering-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    await writeFile(path.join(dir, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    const dirs = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
    try {
      const { stdout } = await run(depcruise, [...dirs, '--config', config], { cwd: dir });
      return { code: 0, output: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('layering lint (DESIGN §1)', () => {
  it('passes a core module that imports only core', async () => {
    const result = await cruise({
      'src/core/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/core/b.ts': 'export const b = 1;\n',
    });
    expect(result.output).not.toContain('error');
    expect(result.code).toBe(0);
  });

  it('fails the build when src/print (the IPP adapter) reaches past src/core and its IPP library', async () => {
    const result = await cruise({
      'src/print/a.ts': "import { s } from '../store/s.js';\nimport fs from 'node:fs';\nexport const a = [s, fs];\n",
      'src/store/s.ts': 'export const s = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('print-adapter: src/print/a.ts → src/store/s.ts');
    expect(result.output).toContain('print-adapter: src/print/a.ts → fs');
  });

  it('fails the build when src/core imports a Node built-in', async () => {
    const result = await cruise({ 'src/core/a.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n" });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('core-no-builtins');
  });

  it('fails the build when src/core imports the store', async () => {
    const result = await cruise({
      'src/core/a.ts': "import { s } from '../store/s.js';\nexport const a = s;\n",
      'src/store/s.ts': 'export const s = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('core-is-pure');
  });

  it('fails the build when the renderer imports a Node built-in or the host', async () => {
    const result = await cruise({
      'renderer/kiosk/a.ts': "import fs from 'node:fs';\nimport { h } from '../../src/host/h.js';\nexport const a = [fs, h];\n",
      'src/host/h.ts': 'export const h = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('renderer-no-builtins');
    expect(result.output).toContain('renderer-no-node');
  });

  it('fails the build when the LDAP adapter reaches past src/core and ldapts', async () => {
    const result = await cruise({
      'src/directory/d.ts': "import { s } from '../store/s.js';\nexport const d = s;\n",
      'src/store/s.ts': 'export const s = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('directory-only-core-and-ldapts');
  });

  it('fails the build when the host imports Electron code', async () => {
    const result = await cruise({
      'src/host/h.ts': "import { w } from '../../electron/w.js';\nexport const h = w;\n",
      'electron/w.ts': 'export const w = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('host-not-electron');
  });
  it('fails the build when the kiosk sync client imports the central store', async () => {
    const result = await cruise({
      'src/sync/a.ts': "import { c } from '../central/c.js';\nexport const a = c;\n",
      'src/central/c.ts': 'export const c = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('sync-not-central');
  });

  it('fails the build when the central store imports the kiosk store, sync client or host', async () => {
    const result = await cruise({
      'src/central/a.ts': "import { s } from '../store/s.js';\nimport { y } from '../sync/y.js';\nimport { h } from '../host/h.js';\nexport const a = [s, y, h];\n",
      'src/store/s.ts': 'export const s = 1;\n',
      'src/sync/y.ts': 'export const y = 1;\n',
      'src/host/h.ts': 'export const h = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('central-not-kiosk');
    for (const target of ['src/store/s.ts', 'src/sync/y.ts', 'src/host/h.ts']) expect(result.output).toContain(target);
  });

  it('fails the build when the kiosk store imports the central store', async () => {
    const result = await cruise({
      'src/store/a.ts': "import { c } from '../central/c.js';\nexport const a = c;\n",
      'src/central/c.ts': 'export const c = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('store-not-central');
  });

  it('fails the build when the wire protocol imports either side', async () => {
    const result = await cruise({
      'src/protocol/a.ts': "import { c } from '../central/c.js';\nexport const a = c;\n",
      'src/central/c.ts': 'export const c = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('protocol-is-the-wire');
  });

  it('passes sync and central that share only src/protocol', async () => {
    const result = await cruise({
      'src/protocol/p.ts': 'export const p = 1;\n',
      'src/sync/a.ts': "import { p } from '../protocol/p.js';\nexport const a = p;\n",
      'src/central/b.ts': "import { p } from '../protocol/p.js';\nexport const b = p;\n",
    });
    expect(result.output).not.toContain('error');
    expect(result.code).toBe(0);
  });

  it('fails the build when the PIN hashing adapter reaches up into the store', async () => {
    const result = await cruise({
      'src/pinHashing/a.ts': "import { s } from '../store/s.js';\nexport const a = s;\n",
      'src/store/s.ts': 'export const s = 1;\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('pin-hashing-adapter');
  });
});
