/**
 * `npm start`: makes sure Electron's binary is there, then `electron-vite preview`, which builds main,
 * preload and renderer once and starts the app from package.json's "main".
 *
 * Electron's npm package brings no binary; its own installer (`install-electron`, its install.js) fetches
 * it and writes the path.txt electron-vite reads. It does nothing when the right version is already there,
 * so it runs on every start. The download honours ELECTRON_MIRROR and ELECTRON_GET_USE_PROXY (with
 * HTTPS_PROXY / NO_PROXY), read by Electron's downloader from the environment passed through here.
 * ELECTRON_EXEC_PATH names an Electron executable to use instead: then nothing is fetched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bothLanguages } from '../src/core/messages/catalog.ts';
import { desktopMessages } from '../src/core/messages/desktop.ts';

const require = createRequire(import.meta.url);

/** A package's file, found from this project whatever the package's "exports" allow. */
function packageFile(name: string, file: (manifest: { bin: Record<string, string> }) => string): string {
  const manifestPath = require.resolve(`${name}/package.json`);
  return join(dirname(manifestPath), file(JSON.parse(readFileSync(manifestPath, 'utf8'))));
}

if (!process.env.ELECTRON_EXEC_PATH) {
  const installer = packageFile('electron', (m) => m.bin['install-electron']);
  if (!existsSync(join(dirname(installer), 'path.txt'))) {
    console.log(bothLanguages(desktopMessages.preparingElectron()));
  }
  // stderr is kept back: on failure Electron's installer prints a stack trace, which says less than we can.
  const installed = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (installed.status !== 0) {
    const cause = (installed.stderr || installed.error?.message || '').trim().split('\n')[0];
    const missing = desktopMessages.electronMissing();
    console.error(`${missing.id}\n${missing.en}${cause ? `\n(${cause})` : ''}`);
    process.exit(1);
  }
}

const preview = spawnSync(process.execPath, [packageFile('electron-vite', (m) => m.bin['electron-vite']), 'preview'], { stdio: 'inherit' });
process.exit(preview.status ?? 1);
