import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { backupWorkspace, listBackups } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';

const EVENT = 'paritrana-ntt-2025';

describe('workspace backups', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('backs up on finalize, keeps the last ten, and restores from the command line', async () => {
    const path = join(tmp.dir, 'juri.sqlite');
    const ws = openWorkspace(path);
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    const api = createClient(transportFrom((m, i) => dispatch(handlers, m, i)));
    await api.loadDemoEvent({ role: 'juri' });
    await api.chooseJuror({ eventId: EVENT, jurorId: 'J2' });
    for (const nominee of ['ukm-01', 'ukm-02', 'ukm-03', 'ukm-04', 'ukm-05']) {
      for (const code of ['UK1', 'UK2', 'UK3', 'UK4']) await api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: nominee, criterionCode: code, value: 4 });
    }
    await api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    expect(listBackups(path)).toHaveLength(1);
    expect(listBackups(path)[0]).toMatch(/-finalisasi\.sqlite$/);

    for (let i = 0; i < 12; i++) await backupWorkspace(ws, 'uji', new Date(Date.UTC(2030, 0, 1, 0, 0, i)));
    expect(listBackups(path)).toHaveLength(10);
    expect(listBackups(path).at(-1)).toBe('2030-01-01T00-00-11.000Z-uji.sqlite');

    // A mark given after the last backup is gone once that backup is restored.
    await api.reopenRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm', reason: 'uji pemulihan' });
    await api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1', value: 1 });
    ws.close();
    const out: string[] = [];
    const code = await main(['backup', 'restore', '--db', path, '--from', '2030-01-01T00-00-11.000Z-uji.sqlite'], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Dipulihkan dari 2030-01-01T00-00-11.000Z-uji.sqlite');
    const restored = openWorkspace(path, { mustExist: true });
    const latest = restored.db.prepare("SELECT value FROM score WHERE nominee_id = 'ukm-01' AND criterion_code = 'UK1' ORDER BY seq DESC LIMIT 1").get();
    expect(latest).toEqual({ value: 4 });
    restored.close();
  });

  it('names the latest backup when the workspace is corrupt', async () => {
    const path = join(tmp.dir, 'rusak.sqlite');
    const ws = openWorkspace(path);
    await backupWorkspace(ws, 'finalisasi', new Date(Date.UTC(2025, 5, 24, 9, 0, 0)));
    ws.close();
    writeFileSync(path, Buffer.alloc(8192, 0x42)); // the disk scribbled over the file
    expect(() => openWorkspace(path)).toThrow(`Cadangan terbaru: 2025-06-24T09-00-00.000Z-finalisasi.sqlite. Pulihkan dengan: npx timbang backup restore --db "${path}" --from 2025-06-24T09-00-00.000Z-finalisasi.sqlite`);
  });
});
