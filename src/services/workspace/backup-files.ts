/**
 * The backup folder of a workspace, "<workspace>.backups/": entry names (newest last when sorted), the
 * listing, consistent copies of a database and moving a damaged file aside. Nothing here opens a workspace
 * or takes its lock, so the workspace itself can offer its newest backup when it cannot open a file;
 * taking a backup and restoring one, which need the workspace, are backup.ts.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import type { BackupInfo } from '../../api/contract.ts';
import { workspaceMessages } from '../../core/messages/workspace.ts';

type Db = Database.Database;

/** The reason given to the copy of the state a restore replaces. */
export const BEFORE_RESTORE = 'sebelum-pemulihan';

export const backupDir = (workspacePath: string) => `${workspacePath}.backups`;

/** Where Timbang up to this version kept the file a restore replaced (overwritten by the next restore). */
export const legacyBeforeRestore = (workspacePath: string) => `${workspacePath}.before-restore`;

export const isBeforeRestore = (name: string) => name.endsWith(`-${BEFORE_RESTORE}.sqlite`);
export const stamp = (at: Date) => at.toISOString().replaceAll(':', '-');
const entryName = (at: Date, reason: string) => `${stamp(at)}-${reason.replace(/[^a-z0-9-]/gi, '-')}.sqlite`;

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
export function describeBackups(workspacePath: string): BackupInfo[] {
  return listBackups(workspacePath)
    .reverse()
    .flatMap((name) => {
      const parts = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d\.\d{3}Z)-(.+)\.sqlite$/.exec(name);
      if (!parts) return []; // not one of ours
      const [, hour, minute, rest, reason] = parts;
      return [{ name, takenAt: `${hour}:${minute}:${rest}`, reason, sizeBytes: statSync(join(backupDir(workspacePath), name)).size }];
    });
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

/**
 * A consistent copy of what `db` reads (its WAL included) written to `file`, which must not exist yet:
 * VACUUM INTO, synced, under a temporary name until whole.
 */
export function copyInto(db: Db, file: string): void {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  sync(partial);
  if (existsSync(file)) throw new AppError('internal', workspaceMessages.copyNameTaken({ file })); // never overwritten
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
export function freshName(dir: string, at: Date, reason: string): string {
  for (let t = at.getTime(); ; t++) {
    const name = entryName(new Date(t), reason);
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.partial`))) return name;
  }
}

export const isDamage = (error: unknown) => /^SQLITE_(NOTADB|CORRUPT)/.test(String((error as { code?: unknown }).code));

/** fsync, so a power cut after a restore or a copy leaves the bytes written (a folder: its entries; best effort on Windows). */
export function sync(path: string): void {
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
