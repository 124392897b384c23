/**
 * The layering rule (.dependency-cruiser.cjs) passes on the tree and fails on forbidden imports,
 * checked on a small tree written for the purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';

const config = createRequire(import.meta.url)(join(PROJECT_ROOT, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const result = await cruise(roots, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir });
  const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('layering check', () => {
  const tmp = tempDir('timbang-layers-');
  afterAll(() => tmp.remove());
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), text);
  };

  it('passes on the project tree', async () => {
    expect(await violations(PROJECT_ROOT, ['src', 'electron'])).toEqual([]);
  });

  it('fails on a renderer importing services, core doing I/O, and services importing Electron', async () => {
    write('src/services/store.ts', 'export const store = 1;\n');
    write('src/core/scoring.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    write('src/core/ok.ts', "import { read } from './scoring.ts';\nexport const again = read;\n");
    write('src/renderer/App.tsx', "import { store } from '../services/store.ts';\nexport const App = () => store;\n");
    write('src/services/window.ts', "import { main } from '../../electron/main/index.ts';\nexport const w = main;\n");
    write('electron/main/index.ts', 'export const main = 1;\n');
    expect(await violations(tmp.dir, ['src', 'electron'])).toEqual([
      'core-is-pure: src/core/scoring.ts → fs',
      'renderer-stays-in-the-browser: src/renderer/App.tsx → src/services/store.ts',
      'services-below-transports: src/services/window.ts → electron/main/index.ts',
    ]);
  });
});
