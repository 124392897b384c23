/**
 * A workspace is one SQLite file: a juror's laptop, or the secretariat's event.
 * Durability first: WAL with synchronous=FULL, so a committed write survives a power cut;
 * foreign keys on; schema changes only through the numbered migrations.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import { listBackups } from './backup.ts';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

export interface Workspace {
  db: Db;
  path: string;
  schemaVersion: number;
  close(): void;
}

export const LATEST_SCHEMA_VERSION = migrations.length;

/**
 * Opens (or, unless `mustExist`, creates) a workspace. Commands that act on an existing workspace pass
 * `mustExist`, so a mistyped path is an error rather than a new empty file.
 */
export function openWorkspace(path: string, { mustExist = false } = {}): Workspace {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: mustExist });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : unreadable(path, error);
  }
  return { db, path, schemaVersion: LATEST_SCHEMA_VERSION, close: () => db.close() };
}

/** Applies every pending migration in one transaction; refuses a database made by a newer Timbang. */
export function migrate(db: Db, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError('workspace-too-new', {
      id: `Berkas kerja ${path} dibuat oleh Timbang yang lebih baru (skema ${current}; versi ini mengenal sampai ${LATEST_SCHEMA_VERSION}). Perbarui Timbang; berkas tidak diubah.`,
      en: `Workspace ${path} was made by a newer Timbang (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Timbang; the file was not changed.`,
    });
  }
  if (current === LATEST_SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = current + 1; version <= LATEST_SCHEMA_VERSION; version++) db.exec(migrations[version - 1]);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  })();
}

function unreadable(path: string, error: unknown): AppError {
  if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
    return new AppError('not-found', { id: `Berkas kerja ${path} tidak ada (atau tidak dapat dibuka).`, en: `Workspace ${path} does not exist (or cannot be opened).` });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const latest = listBackups(path).at(-1);
  const offer = latest
    ? {
        id: ` Cadangan terbaru: ${latest}. Pulihkan dengan: npx timbang backup restore --db "${path}" --from ${latest}`,
        en: ` Latest backup: ${latest}. Restore it with: npx timbang backup restore --db "${path}" --from ${latest}`,
      }
    : { id: ' Tidak ada cadangan.', en: ' There is no backup.' };
  return new AppError('workspace-unreadable', {
    id: `Berkas kerja ${path} tidak dapat dibuka sebagai basis data Timbang (${reason}).${offer.id}`,
    en: `Workspace ${path} cannot be opened as a Timbang database (${reason}).${offer.en}`,
  }, { latestBackup: latest ?? null, reason });
}
