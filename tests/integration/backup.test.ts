import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import { getEvent } from '../../src/services/events/event-store.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { recordScore } from '../../src/services/scores/score-store.ts';
import { backupWorkspace, BEFORE_RESTORE, describeBackups, listBackups, restoreBackup } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { backedUpWorkspace, BACKUPS } from '../support/damaged-workspace.ts';
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
      for (const code of ['UK1', 'UK2', 'UK3', 'UK4'])
        await api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: nominee, criterionCode: code, value: 4 });
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
    const code = await main(['backup', 'restore', '--db', path, '--from', '2030-01-01T00-00-11.000Z-uji.sqlite'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Dipulihkan dari 2030-01-01T00-00-11.000Z-uji.sqlite');
    const restored = openWorkspace(path, { mustExist: true });
    const latest = restored.db
      .prepare("SELECT value FROM score WHERE nominee_id = 'ukm-01' AND criterion_code = 'UK1' ORDER BY seq DESC LIMIT 1")
      .get();
    expect(latest).toEqual({ value: 4 });
    restored.close();
  });

  it('names the latest backup when the workspace is corrupt', async () => {
    const path = join(tmp.dir, 'rusak.sqlite');
    const ws = openWorkspace(path);
    await backupWorkspace(ws, 'finalisasi', new Date(Date.UTC(2025, 5, 24, 9, 0, 0)));
    ws.close();
    writeFileSync(path, Buffer.alloc(8192, 0x42)); // the disk scribbled over the file
    expect(() => openWorkspace(path)).toThrow(
      `Cadangan terbaru: 2025-06-24T09-00-00.000Z-finalisasi.sqlite. Pulihkan dengan: npx timbang backup restore --db "${path}" --from 2025-06-24T09-00-00.000Z-finalisasi.sqlite`,
    );
  });

  /** Every mark in the workspace, by its sequence number. */
  const marks = (path: string): Map<number, number | null> => {
    const ws = openWorkspace(path, { mustExist: true });
    try {
      return new Map(
        (ws.db.prepare('SELECT seq, value FROM score').all() as { seq: number; value: number | null }[]).map((r) => [r.seq, r.value]),
      );
    } finally {
      ws.close();
    }
  };
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** The crash-kill writer records marks for J1, each acknowledged once committed, until it is killed (its WAL left as it was). */
  function writeMarksThenCrash(path: string, atLeast: number): Promise<Map<number, number>> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'reliability', 'crash-writer.ts'), 'marks', path, '7'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').length > atLeast) child.kill('SIGKILL');
      });
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own: ${err}`));
        const lines = out.split('\n').slice(0, -1); // a line the kill cut short is no acknowledgement
        resolve(new Map(lines.map((line) => line.split(' ').map(Number) as [number, number])));
      });
    });
  }
  const entriesBeforeRestore = (path: string) =>
    describeBackups(path)
      .filter((b) => b.reason === BEFORE_RESTORE)
      .map((b) => b.name);

  it('restore twice (newest, then older), then undo both: every acknowledged mark is back', { timeout: 60_000 }, async () => {
    const path = join(tmp.dir, 'dua-kali.sqlite');
    await backedUpWorkspace(path); // BACKUPS.beforeMark (no mark), BACKUPS.afterMark (ukm-01 × UK1 = 4)
    const acknowledged = await writeMarksThenCrash(path, 40);
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0); // the acknowledged marks are (partly) only in the WAL
    const before = marks(path);
    for (const [seq, value] of acknowledged) expect(before.get(seq)).toBe(value);

    // 1. The newest backup. The state it replaces becomes an entry, and the command says how to undo.
    const first = await cli('backup', 'restore', '--db', path, '--from', BACKUPS.afterMark);
    expect(first.code).toBe(0);
    const [undoFirst] = entriesBeforeRestore(path);
    expect(undoFirst).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-sebelum-pemulihan\.sqlite$/);
    expect(first.out).toBe(
      `Dipulihkan dari ${BACKUPS.afterMark}. Keadaan sebelumnya disimpan sebagai cadangan ${undoFirst}; untuk membatalkan: npx timbang backup restore --db "${path}" --from ${undoFirst}`,
    );
    expect([...marks(path).values()]).toEqual([4]);

    // A mark given between the two restores.
    const ws = openWorkspace(path, { mustExist: true });
    const between = recordScore(
      ws.db,
      getEvent(ws.db, 'paritrana-ntt-2025'),
      { jurorId: 'J2', roundId: 'administrasi', nomineeId: 'ukm-02', criterionCode: 'UK2' },
      3,
    );
    ws.close();

    // 2. An older backup: its own entry, beside the first one, which it does not overwrite.
    expect((await cli('backup', 'restore', '--db', path, '--from', BACKUPS.beforeMark)).code).toBe(0);
    const undoSecond = entriesBeforeRestore(path).find((name) => name !== undoFirst)!;
    expect(entriesBeforeRestore(path)).toEqual([undoSecond, undoFirst]); // newest first
    expect(marks(path).size).toBe(0);

    // Undo the second restore: the mark given in between is back.
    expect((await cli('backup', 'restore', '--db', path, '--from', undoSecond)).code).toBe(0);
    expect(marks(path).get(between.seq)).toBe(3);
    // Undo the first: every mark acknowledged before it is back, WAL content included.
    expect((await cli('backup', 'restore', '--db', path, '--from', undoFirst)).code).toBe(0);
    const after = marks(path);
    for (const [seq, value] of acknowledged) expect(after.get(seq), `acknowledged mark ${seq}`).toBe(value);
    expect(after).toEqual(before);

    // Each restore kept what it replaced; the rotation of automatic backups leaves all four alone.
    expect(entriesBeforeRestore(path)).toHaveLength(4);
    const again = openWorkspace(path, { mustExist: true });
    for (let i = 0; i < 12; i++) await backupWorkspace(again, 'uji', new Date(Date.UTC(2030, 0, 1, 0, 0, i)));
    again.close();
    expect(listBackups(path).filter((name) => !name.endsWith(`-${BEFORE_RESTORE}.sqlite`))).toHaveLength(10);
    expect(entriesBeforeRestore(path)).toHaveLength(4);
    expect(entriesBeforeRestore(path)).toContain(undoFirst);
    expect(describeBackups(path).find((b) => b.name === undoFirst)).toMatchObject({
      reason: 'sebelum-pemulihan',
      sizeBytes: expect.any(Number),
    });
  });

  it('refuses a restore while the workspace is open in this process, and changes nothing', async () => {
    const path = join(tmp.dir, 'terbuka.sqlite');
    await backedUpWorkspace(path);
    const ws = openWorkspace(path, { mustExist: true });
    expect(() => restoreBackup(path, BACKUPS.beforeMark)).toThrow(
      `Cadangan tidak dipulihkan: berkas kerja ${path} masih terbuka di proses ini.`,
    );
    expect(entriesBeforeRestore(path)).toEqual([]);
    ws.close();
    expect([...marks(path).values()]).toEqual([4]);
  });

  it('takes in the copy an older Timbang left as W.before-restore: listed, dated, restorable', async () => {
    const path = join(tmp.dir, 'lama.sqlite');
    const old = join(tmp.dir, 'lama-sebelumnya.sqlite');
    await backedUpWorkspace(path);
    await backedUpWorkspace(old);
    copyFileSync(old, `${path}.before-restore`);
    const setAsideAt = new Date(Date.UTC(2025, 6, 2, 8, 0, 0));
    utimesSync(`${path}.before-restore`, setAsideAt, setAsideAt);
    restoreBackup(path, BACKUPS.beforeMark); // as an older Timbang would have left it: no mark now
    expect(describeBackups(path).map((b) => [b.name, b.takenAt, b.reason])).toEqual([
      [entriesBeforeRestore(path).find((n) => !n.startsWith('2025-07-02'))!, expect.any(String), 'sebelum-pemulihan'],
      [BACKUPS.afterMark, '2025-07-03T10:30:00.000Z', 'ekspor-lembar'],
      [BACKUPS.beforeMark, '2025-07-03T09:00:00.000Z', 'finalisasi'],
      ['2025-07-02T08-00-00.000Z-sebelum-pemulihan.sqlite', '2025-07-02T08:00:00.000Z', 'sebelum-pemulihan'],
    ]);
    expect(existsSync(`${path}.before-restore`)).toBe(false);
    expect(marks(path).size).toBe(0);
    restoreBackup(path, '2025-07-02T08-00-00.000Z-sebelum-pemulihan.sqlite');
    expect([...marks(path).values()]).toEqual([4]);

    // A damaged one (older Timbang set a damaged workspace aside there too) is not offered: moved to W.rusak-<time>.
    writeFileSync(`${path}.before-restore`, Buffer.alloc(8192, 0x42));
    utimesSync(`${path}.before-restore`, setAsideAt, setAsideAt);
    const listed = listBackups(path);
    expect(listed.filter((n) => n.startsWith('2025-07-02'))).toHaveLength(1);
    expect(existsSync(`${path}.before-restore`)).toBe(false);
    expect(readFileSync(`${path}.rusak-2025-07-02T08-00-00.000Z`)).toEqual(Buffer.alloc(8192, 0x42));
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.partial') || n.endsWith('.restoring'))).toEqual([]);
  });
});
