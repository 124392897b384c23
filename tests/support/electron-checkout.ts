/**
 * A throwaway copy of the project (its sources and configs, node_modules linked in), for tests that run
 * `npm start` or `electron-vite build`: they build into the copy's own out/, never into the checkout's,
 * which other test runs (the end-to-end suite) may be reading at the same moment.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './demo.ts';

const COPIED = [
  'package.json',
  'package-lock.json',
  'electron.vite.config.ts',
  'electron.builder.yml',
  'tsconfig.json',
  'electron',
  'src',
  'resources',
];

export interface Checkout {
  dir: string;
  remove(): void;
}

/**
 * node_modules is linked in as one symlink by default. `nodeModules: 'tree'` makes it a tree of its own
 * (folders made, files hard-linked, so it is quick and takes no room), which electron-builder needs to
 * find the dependencies; `copied` packages are copied outright, so that writing into them (or into a
 * folder added to them) never reaches the checkout's own node_modules.
 */
export function projectCopy({ nodeModules = 'symlink', copied = [] as string[] } = {}): Checkout {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'timbang-checkout-')));
  for (const entry of COPIED) cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  if (nodeModules === 'symlink') symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else
    linkTree(
      join(PROJECT_ROOT, 'node_modules'),
      join(dir, 'node_modules'),
      new Set(copied.map((name) => join(PROJECT_ROOT, 'node_modules', name))),
    );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function linkTree(from: string, to: string, copied: Set<string>): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (copied.has(source)) cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) linkTree(source, target, copied);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target); // another file system
      }
    }
  }
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
