/**
 * Backups of a workspace, made with SQLite's online backup (better-sqlite3's backup API) at the moments
 * that matter: a juror finalizes a round or exports a sheet, the secretariat imports a sheet. The last
 * KEEP copies stay beside the workspace, in "<workspace>.backups/", newest last.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import type { Workspace } from './workspace.ts';

export const KEEP_BACKUPS = 10;

export const backupDir = (workspacePath: string) => `${workspacePath}.backups`;

/** Names sort by time: 2025-06-24T09-15-02.123Z-finalize.sqlite. */
export async function backupWorkspace(ws: Workspace, reason: string, now = new Date(), keep = KEEP_BACKUPS): Promise<string> {
  const dir = backupDir(ws.path);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${now.toISOString().replaceAll(':', '-')}-${reason.replace(/[^a-z0-9-]/gi, '-')}.sqlite`);
  await ws.db.backup(file);
  for (const old of listBackups(ws.path).slice(0, -keep)) rmSync(join(dir, old), { force: true });
  return file;
}

/** Backup file names, oldest first. */
export function listBackups(workspacePath: string): string[] {
  const dir = backupDir(workspacePath);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.sqlite')).sort() : [];
}

/** The backups for the UI, newest first: when and why each was taken, and how big it is. */
export function describeBackups(workspacePath: string): { name: string; takenAt: string; reason: string; sizeBytes: number }[] {
  return listBackups(workspacePath).reverse().flatMap((name) => {
    const parts = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d\.\d{3}Z)-(.+)\.sqlite$/.exec(name);
    if (!parts) return []; // not one of ours
    const [, hour, minute, rest, reason] = parts;
    return [{ name, takenAt: `${hour}:${minute}:${rest}`, reason, sizeBytes: statSync(join(backupDir(workspacePath), name)).size }];
  });
}

/**
 * Puts a backup in place of the workspace (which must be closed): the current file and its WAL are kept
 * aside as "<workspace>.before-restore", so a restore can itself be undone.
 */
export function restoreBackup(workspacePath: string, backupName: string): void {
  const source = join(backupDir(workspacePath), basename(backupName));
  if (!existsSync(source)) {
    throw new AppError('not-found', { id: `Cadangan ${backupName} tidak ada.`, en: `Backup ${backupName} does not exist.` });
  }
  setAside(workspacePath, `${workspacePath}.before-restore`);
  copyFileSync(source, workspacePath);
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
