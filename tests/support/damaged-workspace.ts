/**
 * A juror's workspace that has been backed up twice and then damaged on disk: J2 with the demo event,
 * one backup before any mark, one after a 4 for ukm-01 × UK1, then the file scribbled over.
 * Used by the host's integration test and, as `node tests/support/damaged-workspace.ts PATH [--without-backups]`,
 * to prepare the workspace a Playwright server starts with.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { backupWorkspace } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR } from './demo.ts';

export const BACKUPS = {
  beforeMark: '2025-07-03T09-00-00.000Z-finalisasi.sqlite',
  afterMark: '2025-07-03T10-30-00.000Z-ekspor-lembar.sqlite',
};

export async function backedUpWorkspace(path: string): Promise<void> {
  const ws = openWorkspace(path);
  const api = createClient(
    transportFrom((m, i) => dispatch(createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' }), m, i)),
  );
  const eventId = (await api.loadDemoEvent({ role: 'juri' })).id;
  await api.chooseJuror({ eventId, jurorId: 'J2' });
  await backupWorkspace(ws, 'finalisasi', new Date(Date.UTC(2025, 6, 3, 9, 0, 0)));
  await api.recordScore({ eventId, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1', value: 4 });
  await backupWorkspace(ws, 'ekspor-lembar', new Date(Date.UTC(2025, 6, 3, 10, 30, 0)));
  ws.close();
}

/** What a dying disk leaves: the right size, none of the content. */
export function damage(path: string): void {
  writeFileSync(path, Buffer.alloc(8192, 0x42));
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const [path, option] = process.argv.slice(2);
  if (option !== '--without-backups') await backedUpWorkspace(path);
  damage(path);
}
