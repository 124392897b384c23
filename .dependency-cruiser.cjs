/**
 * The layering rule of architecture.md, made mechanical (run by `npm run lint:layers` and tests/unit/layering.test.ts).
 * Imports only point down:  renderer → api → core;  electron, cli, bridge → services → api → core.
 * Each layer also names the npm packages it may import, the folders inside src/services have an order,
 * and no module imports itself through others (no circles).
 */
const layer = (name) => `^src/${name}/`;

/** An npm package by name, as a resolved path under node_modules. */
const npm = (...names) => names.map((name) => `(^|/)node_modules/${name.replace('/', '\\/')}/`);

/** The npm packages each layer may import; anything else from node_modules is refused. */
const PACKAGES = {
  core: npm('zod'),
  api: npm('zod'),
  renderer: npm('react', 'react-dom', 'scheduler', 'i18next', 'react-i18next', '@tanstack/react-virtual', '@tanstack/virtual-core', 'zod'),
  services: npm(
    'better-sqlite3',
    'exceljs',
    'zod',
    'canonicalize',
    'numfmt',
    'd3-scale',
    'pure-rand',
    '@develoka/angka-terbilang-js',
    'saxes',
    // Joining a large report printed in parts, and numbering its pages across them (report/render-pdf.ts).
    'pdf-lib',
    // Printing a report to PDF outside the desktop app (CLI, browser bridge): Chromium through Playwright.
    '@playwright/test',
    'playwright',
    'playwright-core',
  ),
  cli: npm('commander'),
  bridge: npm('vite'),
  electron: npm('electron'),
};

/**
 * The order of the folders inside src/services, lowest first: a folder imports only from its own tier or
 * below. The handlers (src/services/handlers/ and the workspace host) sit on top and may import any of them.
 */
const SERVICE_TIERS = [
  ['workspace', 'files'], // the SQLite workspace and its backups; reading untrusted files safely
  ['keys'], // signing keys and canonical JSON
  ['events', 'packages'], // the event, as authored or received in a signed package
  ['sheets', 'scores', 'workers', 'paper', 'attendance', 'awards', 'printing'], // marks in and out, per juror
  ['merge', 'report', 'audit', 'penetapan', 'continuity'], // many jurors' sheets together, what is printed and signed
  ['demo'], // fixtures built from all of the above
];
const serviceFolder = (name) => `^src/services/${name}/`;
const tierRules = SERVICE_TIERS.slice(0, -1).map((tier, index) => {
  const above = SERVICE_TIERS.slice(index + 1).flat();
  return {
    name: `services-order-${index + 1}`,
    comment: `src/services/{${tier.join(',')}} import only from their own tier or below, not from ${above.join(', ')}.`,
    severity: 'error',
    from: { path: tier.map(serviceFolder) },
    to: { path: above.map(serviceFolder) },
  };
});
const tieredFolders = [...SERVICE_TIERS.flat(), 'handlers'];
const folderHasATier = {
  name: 'services-folder-has-a-tier',
  comment: 'A new folder in src/services takes its place in SERVICE_TIERS (or is a handlers domain), so the order stays whole.',
  severity: 'error',
  from: { path: '^src/services/[^/]+/', pathNot: tieredFolders.map(serviceFolder) },
  to: {},
};
const packageRules = Object.entries(PACKAGES).map(([name, allowed]) => ({
  name: `packages-${name}`,
  comment: `The npm packages src/${name} may import.`,
  severity: 'error',
  from: { path: name === 'electron' ? '^electron/' : layer(name) },
  to: { path: '(^|/)node_modules/', pathNot: allowed },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...packageRules,
    ...tierRules,
    folderHasATier,
    {
      name: 'no-circular',
      comment: 'A module never imports itself through others: circles hide which piece is the lower one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
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
