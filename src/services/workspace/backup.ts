/**
 * Backups of a workspace, made with SQLite's online backup (better-sqlite3's backup API) at the moments
 * that matter: a juror finalizes a round or exports a sheet, the secretariat imports a sheet. The last
 * KEEP of those stay beside the workspace, in "<workspace>.backups/", newest last.
 *
 * A restore first copies the state it replaces into the same folder, as an entry of its own
 * ("…-sebelum-pemulihan.sqlite"): restoring that entry undoes the restore. These entries are never
 * rotated away (restores are rare and deliberate, and each entry is the only copy of what it holds), so
 * a second restore, or ten finalizations after it, cannot take the undo away.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import { lockWorkspace, type Db, type Workspace } from './workspace.ts';

export const KEEP_BACKUPS = 10;

/** The reason given to the copy of the state a restore replaces. */
export const BEFORE_RESTORE = 'sebelum-pemulihan';

export const backupDir = (workspacePath: string) => `${workspacePath}.backups`;

/** Where Timbang up to this version kept the file a restore replaced (overwritten by the next restore). */
export const legacyBeforeRestore = (workspacePath: string) => `${workspacePath}.before-restore`;

const isBeforeRestore = (name: string) => name.endsWith(`-${BEFORE_RESTORE}.sqlite`);
const stamp = (at: Date) => at.toISOString().replaceAll(':', '-');
const entryName = (at: Date, reason: string) => `${stamp(at)}-${reason.replace(/[^a-z0-9-]/gi, '-')}.sqlite`;

/** Names sort by time: 2025-06-24T09-15-02.123Z-finalize.sqlite. */
export async function backupWorkspace(ws: Workspace, reason: string, now = new Date(), keep = KEEP_BACKUPS): Promise<string> {
  const dir = backupDir(ws.path);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, freshName(dir, now, reason));
  // Written under another name and renamed when whole, so a crash never leaves half a backup in the list.
  await ws.db.backup(`${file}.partial`);
  renameSync(`${file}.partial`, file);
  // The rotation counts and removes only the automatic backups; a restore's own copies stay (see above).
  for (const old of listBackups(ws.path)
    .filter((name) => !isBeforeRestore(name))
    .slice(0, -keep))
    rmSync(join(dir, old), { force: true });
  return file;
}

/** Backup file names, oldest first (a copy left by an older Timbang's restore is taken in first). */
export function listBackups(workspacePath: string): string[] {
  adoptLegacyCopy(workspacePath);
  const dir = backupDir(workspacePath);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.sqlite'))
        .sort()
    : [];
}

/** The backups for the UI, newest first: when and why each was taken, and how big it is. */
export function describeBackups(workspacePath: string): { name: string; takenAt: string; reason: string; sizeBytes: number }[] {
  return listBackups(workspacePath)
    .reverse()
    .flatMap((name) => {
      const parts = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d\.\d{3}Z)-(.+)\.sqlite$/.exec(name);
      if (!parts) return []; // not one of ours
      const [, hour, minute, rest, reason] = parts;
      return [{ name, takenAt: `${hour}:${minute}:${rest}`, reason, sizeBytes: statSync(join(backupDir(workspacePath), name)).size }];
    });
}

export interface Restored {
  /** The backup entry now holding the state the restore replaced (restore it to undo), or null when there was no file. */
  keptAs: string | null;
  /** When the replaced file was not a readable database: where it was moved (not a backup entry; nothing to undo to). */
  damagedKeptAs: string | null;
}

/**
 * Puts a backup in place of the workspace. Refused while another process holds the workspace, or while
 * it is open in this process (the app's host closes its own connection first). The state it replaces is
 * first copied, WAL content included, into a backup entry of its own (BEFORE_RESTORE), so every restore
 * can be undone; a file that is no database at all is moved aside as "<workspace>.rusak-<time>" instead.
 */
export function restoreBackup(workspacePath: string, backupName: string, now = new Date()): Restored {
  const name = basename(backupName);
  const source = join(backupDir(workspacePath), name);
  if (!name.endsWith('.sqlite') || !existsSync(source)) {
    throw new AppError('not-found', { id: `Cadangan ${backupName} tidak ada.`, en: `Backup ${backupName} does not exist.` });
  }
  const lock = lockWorkspace(workspacePath, { forRestore: true });
  try {
    const kept = keepCurrent(workspacePath, now);
    putInPlace(source, workspacePath);
    return kept;
  } finally {
    lock.release();
  }
}

/** Moves the workspace file (and its WAL) to `aside`, leaving the path free; returns the new name. */
export function setAside(workspacePath: string, aside: string): string {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(workspacePath + suffix)) {
      copyFileSync(workspacePath + suffix, aside + suffix);
      rmSync(workspacePath + suffix);
    }
  }
  return aside;
}

/** The current state, before a restore replaces it: a backup entry, or (a damaged file) moved aside. */
function keepCurrent(workspacePath: string, now: Date): Restored {
  if (!existsSync(workspacePath)) return { keptAs: null, damagedKeptAs: null };
  let db: Db | undefined;
  try {
    db = new Database(workspacePath, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const dir = backupDir(workspacePath);
    mkdirSync(dir, { recursive: true });
    const name = freshName(dir, now, BEFORE_RESTORE);
    copyInto(db, join(dir, name));
    // Nothing is left only in the WAL once the file is replaced (and the copy above has it all anyway).
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { keptAs: name, damagedKeptAs: null };
  } catch (error) {
    db?.close();
    if (isDamage(error)) return { keptAs: null, damagedKeptAs: setAside(workspacePath, `${workspacePath}.rusak-${stamp(now)}`) };
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('internal', {
      id: `Cadangan tidak dipulihkan: keadaan berkas kerja ${workspacePath} sekarang tidak dapat disalin dulu (${reason}). Berkas kerja tidak diubah.`,
      en: `Backup not restored: the current state of workspace ${workspacePath} could not be copied first (${reason}). The workspace was not changed.`,
    });
  }
}

/** The backup copied in beside the workspace, synced, then renamed over it: the file is old or new, never half. */
function putInPlace(source: string, workspacePath: string): void {
  const incoming = `${workspacePath}.restoring`;
  copyFileSync(source, incoming);
  sync(incoming);
  // The old WAL belongs to the old file: applied to the restored one it would corrupt it.
  for (const suffix of ['-wal', '-shm']) rmSync(workspacePath + suffix, { force: true });
  renameSync(incoming, workspacePath);
  sync(dirname(workspacePath));
}

/**
 * A consistent copy of what `db` reads (its WAL included) written to `file`, which must not exist yet:
 * VACUUM INTO, synced, under a temporary name until whole.
 */
function copyInto(db: Db, file: string): void {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  sync(partial);
  if (existsSync(file)) throw new Error(`${file} exists`); // never overwritten
  renameSync(partial, file);
}

/**
 * "<workspace>.before-restore", from a Timbang that kept only the last replaced file there, becomes an
 * entry like the ones restores make now, dated when it was set aside. A damaged one (the old host put a
 * damaged workspace there too) is moved to "<workspace>.rusak-<time>". Anything else that goes wrong
 * (a read-only folder) leaves it where it is for the next time.
 */
function adoptLegacyCopy(workspacePath: string): void {
  const legacy = legacyBeforeRestore(workspacePath);
  if (!existsSync(legacy)) return;
  const at = statSync(legacy).mtime;
  let db: Db | undefined;
  try {
    const dir = backupDir(workspacePath);
    mkdirSync(dir, { recursive: true });
    db = new Database(legacy, { fileMustExist: true });
    copyInto(db, join(dir, freshName(dir, at, BEFORE_RESTORE)));
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(legacy + suffix, { force: true });
  } catch (error) {
    db?.close();
    if (isDamage(error)) setAside(legacy, `${workspacePath}.rusak-${stamp(at)}`);
  }
}

/** An entry name for `at` that no file has yet (a millisecond later if one has). */
function freshName(dir: string, at: Date, reason: string): string {
  for (let t = at.getTime(); ; t++) {
    const name = entryName(new Date(t), reason);
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.partial`))) return name;
  }
}

const isDamage = (error: unknown) => /^SQLITE_(NOTADB|CORRUPT)/.test(String((error as { code?: unknown }).code));

/** fsync, so a power cut after a restore or a copy leaves the bytes written (a folder: its entries; best effort on Windows). */
function sync(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (statSync(path).isFile()) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
