/**
 * `npm start`: makes sure Electron's binary is there, then `electron-vite preview`, which builds main,
 * preload and renderer once and starts the app from package.json's "main".
 *
 * Electron's npm package brings no binary; its own installer (`install-electron`, its install.js) fetches
 * it and writes the path.txt electron-vite reads. It does nothing when the right version is already there,
 * so it runs on every start. The download honours ELECTRON_MIRROR and ELECTRON_GET_USE_PROXY (with
 * HTTPS_PROXY / NO_PROXY), read by Electron's downloader from the environment passed through here.
 * ELECTRON_EXEC_PATH names an Electron executable to use instead: then nothing is fetched.
 *
 * It imports nothing of the project: it runs before anything else is in place (tests/integration/npm-start.test.ts
 * runs it alone), so its two messages are written here in both languages rather than read from the catalog.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A package's file, found from this project whatever the package's "exports" allow. */
function packageFile(name: string, file: (manifest: { bin: Record<string, string> }) => string): string {
  const manifestPath = require.resolve(`${name}/package.json`);
  return join(dirname(manifestPath), file(JSON.parse(readFileSync(manifestPath, 'utf8'))));
}

if (!process.env.ELECTRON_EXEC_PATH) {
  const installer = packageFile('electron', (m) => m.bin['install-electron']);
  if (!existsSync(join(dirname(installer), 'path.txt'))) {
    console.log('Menyiapkan Electron: unduhan sekali saja (sekitar 100 MB). / Preparing Electron: a one-time download (about 100 MB).');
  }
  // stderr is kept back: on failure Electron's installer prints a stack trace, which says less than we can.
  const installed = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (installed.status !== 0) {
    const cause = (installed.stderr || installed.error?.message || '').trim().split('\n')[0];
    console.error(
      'Electron belum terpasang dan gagal diunduh (npm start yang pertama butuh internet, atau ELECTRON_MIRROR yang terjangkau); tanpa internet, "npm run browser" menjalankan aplikasi yang sama di peramban.\n' +
        'Electron is not installed and could not be downloaded (the first npm start needs internet, or a reachable ELECTRON_MIRROR); without internet, "npm run browser" runs the same app in a browser.' +
        (cause ? `\n(${cause})` : ''),
    );
    process.exit(1);
  }
}

const preview = spawnSync(process.execPath, [packageFile('electron-vite', (m) => m.bin['electron-vite']), 'preview'], { stdio: 'inherit' });
process.exit(preview.status ?? 1);
