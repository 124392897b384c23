/**
 * A workspace is one SQLite file: a juror's laptop, or the secretariat's event.
 * Durability first: WAL with synchronous=FULL, so a committed write survives a power cut;
 * foreign keys on; schema changes only through the numbered migrations.
 *
 * One process at a time writes to a workspace: whoever opens it for writing holds its lock (see
 * lockWorkspace), and another process that tries is refused with a message naming the holder. A restore,
 * which replaces the file, needs that lock as well.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError, type ErrorDetails } from '../../api/errors.ts';
import { workspaceMessages } from '../../core/messages/workspace.ts';
import { listBackups } from './backup-files.ts';
import { LATEST_VERSION, migrations } from './migrations/index.ts';

export type Db = Database.Database;

export interface Workspace {
  db: Db;
  path: string;
  schemaVersion: number;
  close(): void;
}

/** The schema version (PRAGMA user_version) of a workspace this Timbang makes and opens: its last migration's. */
export const LATEST_SCHEMA_VERSION = LATEST_VERSION;

/**
 * Opens (or, unless `mustExist`, creates) a workspace and holds its lock until close(). Commands that act
 * on an existing workspace pass `mustExist`, so a mistyped path is an error rather than a new empty file.
 * Refused, naming the holder, while another process holds the lock. (A command that only reads, such as
 * the secretariat pin of verify/merge/report, opens the file read-only with better-sqlite3 and needs no lock.)
 */
export function openWorkspace(path: string, { mustExist = false } = {}): Workspace {
  // Checked before the lock, so a mistyped path leaves no lock file behind.
  if (mustExist && !existsSync(path)) throw new AppError('not-found', workspaceMessages.missing({ path }));
  const lock = lockWorkspace(path);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: mustExist });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    lock.release();
    throw unreadable(path, error);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    lock.release();
    throw error instanceof AppError ? error : unreadable(path, error);
  }
  const connection = lock.countConnection();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    db.close();
    connection.done();
    lock.release();
  };
  return { db, path, schemaVersion: LATEST_SCHEMA_VERSION, close };
}

/**
 * Applies every migration above the workspace's user_version, in order, in one transaction (all or none);
 * refuses a database made by a newer Timbang, whose schema this one cannot know.
 */
export function migrate(db: Db, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError('workspace-too-new', workspaceMessages.tooNew({ path, version: current, latest: LATEST_SCHEMA_VERSION }));
  }
  if (current === LATEST_SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const migration of migrations) if (migration.version > current) migration.up(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  })();
}

function unreadable(path: string, error: unknown): AppError {
  if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
    return new AppError('not-found', workspaceMessages.missing({ path }));
  }
  const reason = error instanceof Error ? error.message : String(error);
  const latestBackup = listBackups(path).at(-1) ?? null;
  return new AppError('workspace-unreadable', workspaceMessages.unreadable({ path, reason, latestBackup }), { latestBackup, reason });
}

// ---------------------------------------------------------------------------------------------------------
// The workspace lock.
//
// "<workspace>.lock" is a small SQLite database. The holder keeps a write transaction open on it
// (BEGIN IMMEDIATE, never committed), that is an OS file lock (fcntl on Linux and macOS, LockFileEx on
// Windows) taken by SQLite's own locking code. The kernel drops it when the process ends, however it ends,
// SIGKILL and power loss included: no stale lock can outlive its holder, and no pid can be mistaken for
// a reused one. Readers are still admitted (a write transaction does not block them), so a refused process
// reads who holds the lock from the file's one row (pid, host, program, since), which the holder committed
// just before it took the lock for good.
//
// Within one process the lock is shared: every openWorkspace of the same path counts on the one lock
// connection, as connections to one file always could. A restore also asks that no workspace connection
// is open in this process (the app's host closes its own first).
//
// Never open, read or delete "<workspace>.lock" with node:fs in a process that may hold it: on POSIX,
// closing any descriptor of a file drops every fcntl lock the process has on it. SQLite guards against
// that for its own descriptors; nothing else touches the file.
// ---------------------------------------------------------------------------------------------------------

export const lockFile = (workspacePath: string) => `${workspacePath}.lock`;

export interface WorkspaceLock {
  release(): void;
  /** Counts one open workspace connection on this lock, until done(). */
  countConnection(): { done(): void };
}

/**
 * Who holds a workspace's lock, as the holder wrote it: the shape the contract declares for a 'conflict'
 * refusal's details.inUseBy (src/api/errors.ts), which is where a refused caller reads it.
 */
export type LockHolder = NonNullable<Extract<ErrorDetails<'conflict'>, { inUseBy: unknown }>['inUseBy']>;

interface Held {
  db: Db;
  holds: number;
  connections: number;
}

const heldHere = new Map<string, Held>();

/**
 * Takes (or, in a process that already holds it, shares) the lock of a workspace. `forRestore` also
 * refuses while a workspace connection on it is open in this very process. Throws AppError 'conflict',
 * with details.inUseBy, when another process holds it.
 */
export function lockWorkspace(workspacePath: string, { forRestore = false } = {}): WorkspaceLock {
  const key = lockFile(realWorkspacePath(workspacePath));
  let held = heldHere.get(key);
  if (held && forRestore && held.connections > 0) {
    throw new AppError('conflict', workspaceMessages.openHereRestoreRefused({ path: workspacePath }), { inUseBy: null });
  }
  if (!held) {
    let taken: ReturnType<typeof acquire>;
    try {
      taken = acquire(key);
    } catch (error) {
      throw unreadable(workspacePath, error); // the folder is missing or cannot take the lock file
    }
    if ('holder' in taken) throw inUse(workspacePath, taken.holder, forRestore);
    held = { db: taken.db, holds: 0, connections: 0 };
    heldHere.set(key, held);
  }
  const lock = held;
  lock.holds++;
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      if (--lock.holds > 0) return;
      heldHere.delete(key);
      try {
        if (lock.db.inTransaction) lock.db.exec('ROLLBACK');
      } finally {
        lock.db.close();
      }
    },
    countConnection: () => {
      lock.connections++;
      let done = false;
      return {
        done: () => {
          if (!done) {
            done = true;
            lock.connections--;
          }
        },
      };
    },
  };
}

/**
 * The one name a workspace file has, so its lock is the same whichever way it is reached: a symbolic link
 * to the file (or to its folder) leads to the file's real path. A file with a second hard link has no one
 * name, and SQLite would keep a separate WAL for each: refused.
 */
function realWorkspacePath(workspacePath: string): string {
  const absolute = resolve(workspacePath);
  if (!existsSync(absolute)) return existsSync(dirname(absolute)) ? join(realpathSync(dirname(absolute)), basename(absolute)) : absolute;
  if (statSync(absolute).nlink > 1) {
    throw new AppError('conflict', workspaceMessages.hardLinked({ path: workspacePath }), { inUseBy: null });
  }
  return realpathSync(absolute);
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

function acquire(file: string, recreated = false): { db: Db } | { holder: LockHolder | null } {
  const db = new Database(file);
  const token = randomUUID();
  try {
    db.pragma('busy_timeout = 300'); // a reader of the holder's row, or a holder between its two steps
    // Twice at most in the normal case: write our row and commit it, then take the lock and find our row.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        if (!isBusy(error)) throw error;
        const holder = readHolder(db);
        db.close();
        return { holder };
      }
      db.exec(
        'CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, program TEXT NOT NULL, since TEXT NOT NULL) STRICT',
      );
      const row = db.prepare('SELECT token FROM holder WHERE id = 1').get() as { token: string } | undefined;
      if (row?.token === token) return { db }; // held: the transaction stays open until release()
      db.prepare('INSERT OR REPLACE INTO holder (id, token, pid, host, program, since) VALUES (1, ?, ?, ?, ?, ?)').run(
        token,
        process.pid,
        hostname(),
        program(),
        new Date().toISOString(),
      );
      try {
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        if (!isBusy(error)) throw error;
      }
    }
    const holder = readHolder(db);
    db.close();
    return { holder };
  } catch (error) {
    if (db.open) db.close();
    // Not a database (written over by something else): nobody can hold such a file, so it is made anew, once.
    if ((error as { code?: string }).code === 'SQLITE_NOTADB' && !recreated) {
      rmSync(file, { force: true });
      return acquire(file, true);
    }
    throw error;
  }
}

function readHolder(db: Db): LockHolder | null {
  try {
    return (db.prepare('SELECT pid, host, program, since FROM holder WHERE id = 1').get() as LockHolder | undefined) ?? null;
  } catch {
    return null; // the holder has not written its row yet
  }
}

/** What the holder's row says it is: the Electron app, or the node script and its command. */
function program(): string {
  if (process.versions.electron) return 'Timbang (Electron)';
  return [basename(process.argv[1] ?? 'node'), process.argv[2]].filter(Boolean).join(' ');
}

function inUse(workspacePath: string, holder: LockHolder | null, forRestore: boolean): AppError {
  const say = forRestore ? workspaceMessages.inUseRestoreRefused : workspaceMessages.inUse;
  return new AppError('conflict', say({ path: workspacePath, holder }), { inUseBy: holder });
}
