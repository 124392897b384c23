/**
 * A throwaway copy of the project (its sources and configs, node_modules linked in), for tests that run
 * `npm start` or `electron-vite build`: they build into the copy's own out/, never into the checkout's,
 * which other test runs (the end-to-end suite) may be reading at the same moment.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './demo.ts';

const COPIED = ['package.json', 'electron.vite.config.ts', 'tsconfig.json', 'electron', 'src', 'resources'];

export interface Checkout {
  dir: string;
  remove(): void;
}

export function projectCopy(): Checkout {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'timbang-checkout-')));
  for (const entry of COPIED) cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** electron-vite's own command-line entry (its package "exports" hide the bin file from require.resolve). */
export function electronViteBin(): string {
  const manifest = createRequire(join(PROJECT_ROOT, 'package.json')).resolve('electron-vite/package.json');
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin['electron-vite']);
}

/** `electron-vite build` in a copy: main, preload and renderer in copy/out. */
export function buildCopy(copy: Checkout): void {
  const built = spawnSync(process.execPath, [electronViteBin(), 'build'], { cwd: copy.dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
}

/**
 * A stand-in for the Electron executable: records its arguments, working folder and a few environment
 * variables as JSON in `record`, and exits 0. Nothing is launched.
 */
export function standInExecutable(dir: string, record: string): string {
  const file = join(dir, 'stand-in-electron');
  writeFileSync(
    file,
    `#!${process.execPath}\n` +
      `require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), ` +
      `env: { ELECTRON_RENDERER_URL: process.env.ELECTRON_RENDERER_URL ?? null, TIMBANG_DATA_DIR: process.env.TIMBANG_DATA_DIR ?? null } }));\n`,
  );
  chmodSync(file, 0o755);
  return file;
}
