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

  it('fails on an npm package a layer may not use, a service folder reaching above its tier, a folder with no tier, and a circle', async () => {
    const other = tempDir('timbang-layers-');
    try {
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(other.dir, path)), { recursive: true });
        writeFileSync(join(other.dir, path), text);
      };
      for (const name of ['exceljs', 'commander']) {
        put(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
        put(`node_modules/${name}/index.js`, 'module.exports = {};\n');
      }
      put('src/renderer/Sheet.tsx', "import ExcelJS from 'exceljs';\nexport const Sheet = () => ExcelJS;\n");
      put('src/cli/main.ts', "import { Command } from 'commander';\nexport const program = Command;\n");
      put('src/services/merge/inbox.ts', 'export const inbox = 1;\n');
      put('src/services/keys/signing.ts', "import { inbox } from '../merge/inbox.ts';\nexport const sign = inbox;\n");
      put('src/services/gadgets/thing.ts', "import { sign } from '../keys/signing.ts';\nexport const thing = sign;\n");
      put('src/core/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
      put('src/core/b.ts', "import { a } from './a.ts';\nexport const b = () => a;\n");
      expect(await violations(other.dir, ['src'])).toEqual([
        'no-circular: src/core/a.ts → src/core/b.ts',
        'packages-renderer: src/renderer/Sheet.tsx → node_modules/exceljs/index.js',
        'services-folder-has-a-tier: src/services/gadgets/thing.ts → src/services/keys/signing.ts',
        'services-order-2: src/services/keys/signing.ts → src/services/merge/inbox.ts',
      ]);
    } finally {
      other.remove();
    }
  });
});
