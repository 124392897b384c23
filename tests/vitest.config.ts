import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// better-sqlite3 13 crashes on Node 20; the project brings Node 24 through npm (devDependency "node").
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  throw new Error(
    `Tests need Node 24 (this is ${process.versions.node}): run them with "npm test" or "npm run test:unit", which use the project's Node 24.`,
  );
}

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/interop/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
