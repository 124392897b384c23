/**
 * The workspace as the app serves it (Electron main and the browser bridge both use hostWorkspace): a
 * damaged file does not stop the app; it says what is wrong, lists the backups and restores one; a
 * healthy workspace can be put back to an earlier backup too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { AppError } from '../../src/api/errors.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { hostWorkspace } from '../../src/services/workspace-host.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { backedUpWorkspace, BACKUPS, damage } from '../support/damaged-workspace.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';
import { secondProcess } from '../support/second-process.ts';

const EVENT = 'paritrana-ntt-2025';
const context = { resourcesDir: RESOURCES_DIR, appVersion: 't' };

describe('the workspace host', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  async function jurorWorkspace(name: string): Promise<string> {
    const path = join(tmp.dir, name);
    await backedUpWorkspace(path);
    return path;
  }
  const clientOf = (host: ReturnType<typeof hostWorkspace>) => createClient(transportFrom((m, i) => dispatch(host.handlers, m, i)));
  const markOf = async (api: ReturnType<typeof clientOf>) =>
    (await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' })).marks.find(
      (m) => m.nomineeId === 'ukm-01' && m.criterionCode === 'UK1',
    )?.value ?? null;

  it('starts with a damaged file, says so, offers the backups newest first, and restores one', async () => {
    const path = await jurorWorkspace('rusak.sqlite');
    damage(path);
    const host = hostWorkspace(path, context);
    const api = clientOf(host);

    const status = await api.workspaceStatus({});
    expect(status.problem?.id).toContain(`Berkas kerja ${path} rusak atau bukan basis data Timbang`);
    expect(status.problem?.en).toContain('Restore one of the backups below');
    expect(status.problem?.en).not.toContain('npx'); // the command line's advice is not the app's
    const backups = await api.listBackups({});
    expect(backups.map((b) => [b.name, b.takenAt, b.reason])).toEqual([
      [BACKUPS.afterMark, '2025-07-03T10:30:00.000Z', 'ekspor-lembar'],
      [BACKUPS.beforeMark, '2025-07-03T09:00:00.000Z', 'finalisasi'],
    ]);
    expect(backups[0].sizeBytes).toBeGreaterThan(0);

    // Every other call gives the same message rather than failing somewhere deeper.
    const refused = await api.listEvents({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'workspace-unreadable' });

    expect(await api.restoreBackup({ name: backups[0].name })).toEqual({ path, problem: null });
    expect((await api.listEvents({})).map((e) => e.id)).toEqual([EVENT]);
    expect(await markOf(api)).toBe(4);
    // The damaged file is kept beside it, but not offered as a backup: there is nothing to go back to.
    const kept = readdirSync(tmp.dir).filter((name) => name.startsWith('rusak.sqlite.rusak-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(tmp.dir, kept[0]))).toEqual(Buffer.alloc(8192, 0x42));
    expect((await api.listBackups({})).map((b) => b.name)).toEqual([BACKUPS.afterMark, BACKUPS.beforeMark]);
    host.close();
  });

  it('puts a healthy workspace back to an earlier backup, and stays usable when a restore fails', async () => {
    const path = await jurorWorkspace('sehat.sqlite');
    const host = hostWorkspace(path, context);
    const api = clientOf(host);
    expect(await api.workspaceStatus({})).toEqual({ path, problem: null });
    expect(await markOf(api)).toBe(4);

    await expect(api.restoreBackup({ name: '2099-01-01T00-00-00.000Z-tidak-ada.sqlite' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await markOf(api)).toBe(4);

    await api.restoreBackup({ name: BACKUPS.beforeMark });
    expect(await markOf(api)).toBe(null); // the mark came after that backup
    // The state it replaced is the newest entry of the list; restoring it undoes the restore.
    const [undo] = await api.listBackups({});
    expect(undo).toMatchObject({ reason: 'sebelum-pemulihan', name: expect.stringMatching(/-sebelum-pemulihan\.sqlite$/) });
    await api.restoreBackup({ name: undo.name });
    expect(await markOf(api)).toBe(4);
    expect((await api.listBackups({})).filter((b) => b.reason === 'sebelum-pemulihan')).toHaveLength(2);
    host.close();
  });

  it(
    'while another process has the workspace: says which, refuses restore and a new start, and recovers once it is gone',
    { timeout: 60_000 },
    async () => {
      const path = await jurorWorkspace('dipakai.sqlite');
      const other = await secondProcess('open', path);
      const pid = Number(other.said.split(' ')[1]);
      const host = hostWorkspace(path, context);
      const api = clientOf(host);
      const status = await api.workspaceStatus({});
      expect(status.problem?.id.replace(/sejak \d{4}-\d\d-\d\dT[\d:.]+Z\)/, 'sejak …)')).toBe(
        `Berkas kerja ${path} sedang dibuka oleh proses lain (pid ${pid} di ${hostname()}, hold-workspace.ts open, sejak …); hanya satu proses yang boleh menulis ke berkas kerja. Tutup dulu aplikasi Timbang atau "timbang serve" yang memakainya, lalu coba lagi.`,
      );
      expect(status.problem?.en).toContain(`Workspace ${path} is open in another process (pid ${pid} on ${hostname()}`);
      expect((await api.listBackups({})).map((b) => b.name)).toEqual([BACKUPS.afterMark, BACKUPS.beforeMark]); // still listed
      await expect(api.listEvents({})).rejects.toMatchObject({ code: 'conflict' });
      await expect(api.restoreBackup({ name: BACKUPS.beforeMark })).rejects.toMatchObject({ code: 'conflict' });
      await expect(api.startNewWorkspace({})).rejects.toMatchObject({ code: 'conflict' });
      expect(readdirSync(tmp.dir).filter((name) => name.startsWith('dipakai.sqlite.'))).toEqual([
        'dipakai.sqlite.backups',
        'dipakai.sqlite.lock',
      ]); // nothing moved or added

      await other.stop('SIGKILL'); // a crash: the lock goes with the process
      expect(await api.workspaceStatus({})).toEqual({ path, problem: null });
      expect(await markOf(api)).toBe(4);
      host.close();
    },
  );

  it(
    'holds the workspace across its own restore: a second process is refused before and after it, and admitted once the app closes',
    { timeout: 60_000 },
    async () => {
      const path = await jurorWorkspace('dipegang.sqlite');
      const host = hostWorkspace(path, context);
      const api = clientOf(host);
      const refused = await secondProcess('try', path);
      expect(refused.said).toContain(
        `refused conflict Berkas kerja ${path} sedang dibuka oleh proses lain (pid ${process.pid} di ${hostname()}`,
      );
      expect(await refused.ended).toBe(3);
      await api.restoreBackup({ name: BACKUPS.beforeMark });
      expect((await secondProcess('try', path)).said).toMatch(/^refused conflict /);
      host.close();
      const admitted = await secondProcess('try', path);
      expect(admitted.said).toMatch(/^opened \d+$/);
      expect(await admitted.ended).toBe(0);
    },
  );

  it('with no backup at all, starts a new workspace and keeps the damaged file', async () => {
    const path = join(tmp.dir, 'tanpa-cadangan.sqlite');
    damage(path);
    const host = hostWorkspace(path, context);
    const status = await clientOf(host).workspaceStatus({});
    expect(status.problem?.en).toContain('There is no backup yet. Start a new workspace (the damaged file is kept)');
    const api = clientOf(host);
    expect(await api.listBackups({})).toEqual([]);
    const fresh = await api.startNewWorkspace({});
    expect(fresh).toMatchObject({ path, problem: null, keptAs: expect.stringMatching(/tanpa-cadangan\.sqlite\.rusak-\d{4}-\d\d-\d\dT/) });
    expect(readFileSync(fresh.keptAs)).toEqual(Buffer.alloc(8192, 0x42)); // the damaged file, untouched
    expect(await api.listEvents({})).toEqual([]);
    // Once the workspace is sound, nothing replaces it this way.
    await expect(api.startNewWorkspace({})).rejects.toMatchObject({ code: 'forbidden' });
    host.close();
  });

  it('refuses a restore through handlers that do not own the workspace file', async () => {
    const ws = openWorkspace(join(tmp.dir, 'cli.sqlite'));
    const outcome = await dispatch(createHandlers({ ...context, workspace: ws }), 'restoreBackup', { name: 'a.sqlite' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ws.close();
  });
});
