/**
 * `npm run dist [-- --win | --linux | --mac]`: builds the app once, then its installers with electron-builder
 * from electron.builder.yml, named explicitly (by itself electron-builder reads only electron-builder.yml or
 * package.json's "build", and would package without our fuses, file list or rebuild setting). Arguments
 * go to electron-builder. electron-builder downloads Electron and its packaging tools: it needs internet
 * (ELECTRON_MIRROR is honoured for Electron itself).
 *
 * The installers are unsigned, so their SHA-256 is what a juror can check: dist/SHA256SUMS.txt lists the
 * installers made by this run, in `sha256sum -c` format, for the handout.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { desktopMessages } from '../src/core/messages/desktop.ts';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const output = join(root, 'dist');
const started = Date.now();

function bin(name: string, command: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin[command]);
}

function run(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('electron-vite', 'electron-vite'), ['build']);
run(bin('electron-builder', 'electron-builder'), ['--config', 'electron.builder.yml', ...process.argv.slice(2)]);

const installers = readdirSync(output)
  .filter((name) => /\.(exe|AppImage|deb|dmg)$/.test(name) && statSync(join(output, name)).mtimeMs >= started)
  .sort();
if (installers.length > 0) {
  const lines = installers.map(
    (name) =>
      `${createHash('sha256')
        .update(readFileSync(join(output, name)))
        .digest('hex')}  ${name}`,
  );
  writeFileSync(join(output, 'SHA256SUMS.txt'), `${lines.join('\n')}\n`);
  const sums = desktopMessages.installerSums();
  console.log(`\n${sums.id}\n${sums.en}\n${lines.join('\n')}`);
}
