/**
 * One process at a time writes to a workspace (issue 14 item 4, issue 21 item 5): with real second
 * processes, `timbang backup restore` is refused while the app (or any process) has the workspace open, a
 * second writer is refused, and a crashed holder (SIGKILL) leaves no lock behind.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { main } from '../../src/cli/main.ts';
import { describeBackups } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { backedUpWorkspace, BACKUPS } from '../support/damaged-workspace.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';
import { secondProcess } from '../support/second-process.ts';

const CLI = join(PROJECT_ROOT, 'src', 'cli', 'timbang.js');

/** The marks in the file, read without the workspace lock (as any reader may). */
function marksOf(path: string): number[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT value FROM score ORDER BY seq').all() as { value: number }[]).map((r) => r.value);
  } finally {
    db.close();
  }
}

describe('the workspace lock', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it(
    'timbang backup restore is refused while the app holds the workspace, in both languages, naming the file and the process; then allowed',
    { timeout: 60_000 },
    async () => {
      const path = join(tmp.dir, 'juri.sqlite');
      await backedUpWorkspace(path);
      const app = await secondProcess('host', path); // as Electron main or `timbang serve` holds it
      const pid = Number(app.said.split(' ')[1]);

      // The real command, in a process of its own.
      const refused = spawnSync(process.execPath, [CLI, 'backup', 'restore', '--db', path, '--from', BACKUPS.beforeMark], {
        encoding: 'utf8',
      });
      expect(refused.status).toBe(1);
      const [id, en, ...rest] = refused.stderr.trim().split('\n');
      expect(rest).toEqual([]);
      expect(id).toContain(
        `Cadangan tidak dipulihkan: berkas kerja ${path} sedang dibuka oleh proses lain (pid ${pid} di ${hostname()}, hold-workspace.ts host, sejak `,
      );
      expect(id).toContain(
        'Tutup dulu aplikasi Timbang atau "timbang serve" yang memakainya, lalu ulangi pemulihan. Berkas kerja tidak diubah.',
      );
      expect(en).toContain(
        `Backup not restored: workspace ${path} is open in another process (pid ${pid} on ${hostname()}, hold-workspace.ts host, since `,
      );
      expect(en).toContain('Close the Timbang app or "timbang serve" using it first, then restore again. The workspace was not changed.');
      expect(refused.stdout).toBe('');
      // Nothing changed: the mark is there, and no entry was taken.
      expect(marksOf(path)).toEqual([4]);
      expect(describeBackups(path).map((b) => b.name)).toEqual([BACKUPS.afterMark, BACKUPS.beforeMark]);

      // The same through the in-process command (as the CLI tests call it), in English too: both languages still.
      const err: string[] = [];
      expect(
        await main(['--lang', 'en', 'backup', 'restore', '--db', path, '--from', BACKUPS.beforeMark], {
          out: () => {},
          err: (l) => err.push(l),
        }),
      ).toBe(1);
      expect(err.map((line) => line.slice(0, 25))).toEqual(['Cadangan tidak dipulihkan', 'Backup not restored: work']);

      // The app crashes (SIGKILL): its lock goes with it, and the restore goes through at once.
      expect(await app.stop('SIGKILL')).toBe('SIGKILL');
      const allowed = spawnSync(process.execPath, [CLI, 'backup', 'restore', '--db', path, '--from', BACKUPS.beforeMark], {
        encoding: 'utf8',
      });
      expect(allowed.stderr).toBe('');
      expect(allowed.status).toBe(0);
      expect(allowed.stdout).toMatch(
        /^Dipulihkan dari 2025-07-03T09-00-00\.000Z-finalisasi\.sqlite\. Keadaan sebelumnya disimpan sebagai cadangan \S+-sebelum-pemulihan\.sqlite; untuk membatalkan: npx timbang backup restore/,
      );
      expect(marksOf(path)).toEqual([]);
    },
  );

  it(
    'refuses a second writer while one process holds the workspace; a closed or killed holder leaves no lock',
    { timeout: 90_000 },
    async () => {
      const path = join(tmp.dir, 'sekretariat.sqlite');
      openWorkspace(path).close();

      const holder = await secondProcess('open', path);
      const pid = Number(holder.said.split(' ')[1]);
      // This process, opening it to write (as every CLI command that takes --db does): refused, the holder named.
      let refusal: unknown;
      try {
        openWorkspace(path, { mustExist: true });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({
        code: 'conflict',
        details: { inUseBy: { pid, host: hostname(), program: 'hold-workspace.ts open' } },
      });
      expect((refusal as AppError).bilingual.id).toContain(
        `Berkas kerja ${path} sedang dibuka oleh proses lain (pid ${pid} di ${hostname()}`,
      );
      // A command-line writer in a process of its own.
      const enrol = spawnSync(process.execPath, [CLI, 'enrol', '--db', path, join(tmp.dir, 'tidak-ada.timbang-enrol')], {
        encoding: 'utf8',
      });
      expect(enrol.status).toBe(1);
      expect(enrol.stderr).toContain(`Berkas kerja ${path} sedang dibuka oleh proses lain (pid ${pid} di ${hostname()}`);

      // Closed properly (SIGTERM): the next one opens it.
      expect(await holder.stop('SIGTERM')).toBe(0);
      openWorkspace(path, { mustExist: true }).close();

      // Killed, again and again, right after it took the lock: never a lock left behind, not even for a moment.
      for (let kill = 0; kill < 3; kill++) {
        const crashing = await secondProcess('open', path);
        expect(() => openWorkspace(path, { mustExist: true })).toThrow('sedang dibuka oleh proses lain');
        await crashing.stop('SIGKILL');
        openWorkspace(path, { mustExist: true }).close();
      }
    },
  );

  it('shares the lock within one process, as connections to one file always could', () => {
    const path = join(tmp.dir, 'satu-proses.sqlite');
    const first = openWorkspace(path);
    const second = openWorkspace(path, { mustExist: true });
    first.db.exec("CREATE TABLE uji (x TEXT) STRICT; INSERT INTO uji VALUES ('ya')");
    expect(second.db.prepare('SELECT x FROM uji').get()).toEqual({ x: 'ya' });
    first.close();
    first.close(); // twice is harmless, and does not give up the lock the second one still counts on
    expect(
      spawnSync(process.execPath, [join(PROJECT_ROOT, 'tests', 'support', 'hold-workspace.ts'), 'try', path], { encoding: 'utf8' }).stdout,
    ).toMatch(/^refused conflict /);
    second.close();
    expect(
      spawnSync(process.execPath, [join(PROJECT_ROOT, 'tests', 'support', 'hold-workspace.ts'), 'try', path], { encoding: 'utf8' }).stdout,
    ).toMatch(/^opened \d+/);
  });

  it(
    'is the same lock through a symbolic link to the file or its folder, and refuses a file with a second hard link',
    { timeout: 60_000 },
    async () => {
      const real = join(tmp.dir, 'asli');
      mkdirSync(real);
      const path = join(real, 'w.sqlite');
      openWorkspace(path).close();
      symlinkSync(path, join(tmp.dir, 'tautan.sqlite'));
      symlinkSync(real, join(tmp.dir, 'folder-tautan'));
      const holder = await secondProcess('open', path);
      for (const other of [join(tmp.dir, 'tautan.sqlite'), join(tmp.dir, 'folder-tautan', 'w.sqlite')]) {
        expect(() => openWorkspace(other, { mustExist: true }), other).toThrow('sedang dibuka oleh proses lain');
      }
      await holder.stop('SIGTERM');

      linkSync(path, join(tmp.dir, 'tautan-keras.sqlite'));
      for (const either of [path, join(tmp.dir, 'tautan-keras.sqlite')]) {
        expect(() => openWorkspace(either, { mustExist: true })).toThrow('punya lebih dari satu tautan keras');
      }
    },
  );
});
