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
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../api/errors.ts';
import { workspaceMessages } from '../../core/messages/workspace.ts';
import {
  BEFORE_RESTORE,
  backupDir,
  copyInto,
  freshName,
  isBeforeRestore,
  isDamage,
  listBackups,
  setAside,
  stamp,
  sync,
} from './backup-files.ts';
import { lockWorkspace, type Db, type Workspace } from './workspace.ts';

// The backup folder itself (names, listing, copies) is backup-files.ts, which the workspace reads when it
// cannot open a file (to offer the newest backup); these are re-exported for the callers of this module.
export { BEFORE_RESTORE, backupDir, describeBackups, legacyBeforeRestore, listBackups, setAside } from './backup-files.ts';

export const KEEP_BACKUPS = 10;

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
    throw new AppError('not-found', workspaceMessages.backupMissing({ name: backupName }));
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
    throw new AppError('internal', workspaceMessages.currentNotCopied({ path: workspacePath, reason }));
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
