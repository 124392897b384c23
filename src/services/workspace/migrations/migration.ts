/**
 * One schema change of the workspace, as Signal Desktop writes theirs (ts/sql/migrations): a version, a
 * name and a function that brings a database from `version - 1` to `version` inside the transaction the
 * caller holds. `version` is what PRAGMA user_version says once it has run, and never changes once a
 * migration has shipped (a juror's laptop may hold a workspace at any earlier version).
 */
import type Database from 'better-sqlite3';

export interface Migration {
  /** The user_version a workspace has after this migration: 1 for the first, one more for each next. */
  readonly version: number;
  /** What it changes, in a few words: the file name after its number. */
  readonly name: string;
  up(db: Database.Database): void;
}

/**
 * What is wrong with the order of a list of migrations: every version must be one above the one before,
 * starting at 1, so that a workspace's user_version names exactly the migrations it has had. Empty when right.
 */
export function migrationOrderProblems(list: readonly Pick<Migration, 'version' | 'name'>[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  list.forEach((migration, i) => {
    if (migration.version !== i + 1) problems.push(`${migration.name}: version ${migration.version}, expected ${i + 1}`);
    if (names.has(migration.name)) problems.push(`${migration.name}: name used twice`);
    names.add(migration.name);
  });
  return problems;
}
