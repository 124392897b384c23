/**
 * The layering rule of architecture.md, made mechanical (run by `npm run lint:layers` and tests/unit/layering.test.ts).
 * Imports only point down:  renderer → api → core;  electron, cli, bridge → services → api → core.
 */
const layer = (name) => `^src/${name}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is pure TypeScript: no Node built-ins, no DOM-side code, no other layer; only zod from outside.',
      severity: 'error',
      from: { path: layer('core') },
      to: { pathNot: [layer('core'), '(^|/)node_modules/zod/'] },
    },
    {
      name: 'api-only-core',
      comment: 'src/api (the contract) depends only on core and zod, so the renderer can import it.',
      severity: 'error',
      from: { path: layer('api') },
      to: { pathNot: [layer('api'), layer('core'), '(^|/)node_modules/zod/'] },
    },
    {
      name: 'renderer-stays-in-the-browser',
      comment: 'The renderer reaches the Node side only through window.timbang (src/api), never by import.',
      severity: 'error',
      from: { path: layer('renderer') },
      to: { path: [layer('services'), layer('cli'), layer('bridge'), '^electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: layer('renderer') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-below-transports',
      comment: 'Services never know who calls them: not the CLI, the bridge, Electron or the renderer.',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: [layer('renderer'), layer('cli'), layer('bridge'), '^electron/'] },
    },
    {
      name: 'bridge-is-a-transport',
      severity: 'error',
      from: { path: layer('bridge') },
      to: { path: [layer('renderer'), layer('cli'), '^electron/'] },
    },
    {
      name: 'cli-is-a-transport',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: [layer('renderer'), '^electron/'] },
    },
    {
      name: 'electron-is-a-transport',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: [layer('renderer'), layer('cli'), layer('bridge')] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      // numfmt 4.0.1's exports map names a CommonJS build its package does not ship; Node and Vite load its
      // ES module ("default"), which exists, but the resolver here tries "require" first.
      to: { couldNotResolve: true, pathNot: '^numfmt$' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc parses TypeScript and TSX.
    parser: 'swc',
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.d\\.ts$'] },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
    },
  },
};
