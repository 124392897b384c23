/**
 * A workspace opened to read only, beside the app that may hold it open meanwhile (WAL lets both): for the
 * command line's `audit` and `--db` pin, which must never change or lock what they inspect.
 */
import Database from 'better-sqlite3';
import type { Db } from './workspace.ts';

/** The workspace at `path`, read only; null when there is no such file or it cannot be opened. */
export function openReadOnly(path: string): Db | null {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
}
