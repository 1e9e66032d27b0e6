import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const config = JSON.parse(readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8'));
// electron-builder's own schema, validated with the ajv it ships with (packaging needs the
// Electron download, which these machines cannot make, so the config is checked statically).
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('app-builder-lib/package.json'));
const Ajv = builderRequire('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
const scheme = builderRequire('./scheme.json') as object;

/** True when a package folder holds a compiled .node file anywhere inside. */
function holdsNativeCode(dir: string, depth = 0): boolean {
  if (depth > 6) return false;
  return readdirSync(dir).some((name) => {
    const full = path.join(dir, name);
    if (name.endsWith('.node')) return statSync(full).isFile();
    return name !== 'node_modules' && statSync(full).isDirectory() && holdsNativeCode(full, depth + 1);
  });
}

describe('electron-builder configuration (build/electron-builder.json)', () => {
  it('is valid for electron-builder', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds an AppImage and a deb for Linux from the bundled main process', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/kiosk/**/*']));
    // The embedded central store of the packaged kiosk serves the admin console too.
    expect(config.files).toContain('dist/renderer/admin/**/*');
  });

  it('unpacks every native module of the production dependencies from the asar archive', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    // serialport's binding is a dependency of a dependency; the others are direct.
    const candidates = [...Object.keys(pkg.dependencies), '@serialport/bindings-cpp'];
    const natives = candidates.filter((name) => holdsNativeCode(path.join(root, 'node_modules', name)));
    expect(natives).toEqual(expect.arrayContaining(['better-sqlite3', 'argon2']));
    for (const name of natives) expect(config.asarUnpack, name).toContain(`**/node_modules/${name}/**/*`);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });
});
