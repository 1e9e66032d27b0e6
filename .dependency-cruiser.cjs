// The layering of docs/DESIGN.md §1, enforced in CI: `npm run lint` fails on any forbidden import.
const nativePackages = '^(better-sqlite3|argon2|node-hid|serialport|@serialport/.+|pg|electron)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports only src/core: no Node built-ins, no packages, no other layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'contract-is-pure',
      comment: 'src/contract holds schemas shared with the renderer: only zod and src/core types.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/core/', '^node_modules/zod/'] },
    },
    {
      name: 'devices-only-core',
      comment: 'src/devices builds on src/core types and the reader libraries, nothing above it.',
      severity: 'error',
      from: { path: '^src/devices/' },
      to: { path: '^(src/(store|sync|central|host|cli|contract)|renderer|electron)/' },
    },
    {
      name: 'devices-shared-modules-pure',
      comment: 'src/devices keyboardWedge*, pipeline*, wiegand* run in the renderer too: only each other and src/core, no Node built-ins, no packages.',
      severity: 'error',
      from: { path: '^src/devices/(keyboardWedge|pipeline|wiegand)' },
      to: { pathNot: ['^src/devices/(keyboardWedge|pipeline|wiegand)', '^src/core/'] },
    },
    {
      name: 'adapters-not-up',
      comment: 'store, sync and central implement core ports; they never reach up to the host, CLI, renderer or Electron.',
      severity: 'error',
      from: { path: '^src/(store|sync|central)/' },
      to: { path: '^(src/(host|cli)|renderer|electron)/' },
    },
    {
      name: 'user-import-shared',
      comment: 'src/userImport (CSV user import) is shared by the CLI and the central store: it builds on src/core and csv-parse only.',
      severity: 'error',
      from: { path: '^src/userImport/' },
      to: { path: '^(src/(store|sync|central|host|cli|contract|devices)|renderer|electron)/' },
    },
    {
      name: 'print-adapter',
      comment: 'src/print (the IPP adapter for CUPS) builds on src/core and its IPP library only.',
      severity: 'error',
      from: { path: '^src/print/' },
      to: { pathNot: ['^src/(print|core)/', '^node_modules/@sealsystems/ipp/'] },
    },
    {
      name: 'host-not-electron',
      comment: 'src/host is shared by Electron and web mode: it never imports Electron.',
      severity: 'error',
      from: { path: '^src/host/' },
      to: { path: ['^electron/', '^src/cli/', '^renderer/', '^node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node',
      comment: 'renderer/ runs in a sandboxed page: src/contract and pure modules only, no Node built-ins or native packages.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        pathNot: [
          '^renderer/',
          '^src/contract/',
          '^src/core/',
          '^src/devices/(keyboardWedge|pipeline|wiegand)',
          '^node_modules/',
        ],
      },
    },
    {
      name: 'renderer-no-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-native',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: `node_modules/${nativePackages.slice(1, -1)}/` },
    },
    {
      name: 'core-no-builtins',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(src|renderer|electron)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
