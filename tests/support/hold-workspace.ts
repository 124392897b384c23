/**
 * The other process of the workspace-lock tests, run by Node 24 directly (type stripping):
 *   node tests/support/hold-workspace.ts open PATH   opens it as a CLI command does (openWorkspace) and holds it
 *   node tests/support/hold-workspace.ts host PATH   serves it as Electron main and `timbang serve` do (hostWorkspace)
 *   node tests/support/hold-workspace.ts try PATH    only tries to open it, closes it again and exits
 * Prints "held <pid>" once it holds the workspace (then waits: SIGTERM closes it and exits 0, SIGKILL is a
 * crash), or "refused <code> <message>" and exits 3.
 */
import { writeSync } from 'node:fs';
import { AppError } from '../../src/api/errors.ts';
import { hostWorkspace } from '../../src/services/workspace-host.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR } from './demo.ts';

const [mode, path] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

let close: () => void;
try {
  if (mode === 'host') {
    const host = hostWorkspace(path, { resourcesDir: RESOURCES_DIR, appVersion: 't' });
    const { problem } = await host.handlers.workspaceStatus({});
    if (problem) throw new AppError('conflict', problem);
    close = host.close;
  } else {
    close = openWorkspace(path, { mustExist: true }).close;
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  say(`refused ${error.code} ${error.bilingual.id} | ${error.bilingual.en}`);
  process.exit(3);
}
if (mode === 'try') {
  close();
  say(`opened ${process.pid}`);
  process.exit(0);
}
say(`held ${process.pid}`);
process.on('SIGTERM', () => {
  close();
  process.exit(0);
});
setInterval(() => {}, 60_000);
