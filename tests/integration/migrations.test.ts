/**
 * The workspace's migrations as { version, name, up(db) }: versions rise by one from 1, so a workspace's
 * user_version names exactly the migrations it has had; a workspace at any earlier version migrates to the
 * same schema a new one gets; and a workspace from a newer Timbang is refused (workspace.test.ts).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/services/workspace/migrations/index.ts';
import { migrationOrderProblems } from '../../src/services/workspace/migrations/migration.ts';
import { AppError } from '../../src/api/errors.ts';
import { LATEST_SCHEMA_VERSION, migrate, openWorkspace } from '../../src/services/workspace/workspace.ts';
import { tempDir } from '../support/demo.ts';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('workspace migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('rise by one from 1, each with a name of its own, up to the latest schema version', () => {
    expect(migrationOrderProblems(migrations)).toEqual([]);
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: migrations.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
    for (const migration of migrations) expect(migration.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('would catch a gap, a repeat, a wrong start and a name used twice', () => {
    const at = (version: number, name = `m${version}`) => ({ version, name });
    expect(migrationOrderProblems([at(1), at(2), at(4)])).toEqual(['m4: version 4, expected 3']);
    expect(migrationOrderProblems([at(1), at(1, 'again')])).toEqual(['again: version 1, expected 2']);
    expect(migrationOrderProblems([at(0)])).toEqual(['m0: version 0, expected 1']);
    expect(migrationOrderProblems([at(1, 'x'), at(2, 'x')])).toEqual(['x: name used twice']);
  });

  it('bring a workspace at any earlier version to the schema a new workspace gets, and its user_version to the latest', () => {
    const fresh = openWorkspace(join(tmp.dir, 'fresh.sqlite'));
    const expected = schemaOf(fresh.db);
    fresh.close();
    for (let version = 0; version < LATEST_SCHEMA_VERSION; version++) {
      const db = atVersion(version);
      migrate(db, `at-${version}.sqlite`);
      expect(db.pragma('user_version', { simple: true }), `from ${version}`).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(db), `from ${version}`).toEqual(expected);
      db.close();
    }
  });

  it('apply all or nothing: a migration that fails leaves the workspace at its version', () => {
    const db = atVersion(LATEST_SCHEMA_VERSION - 1);
    const before = schemaOf(db);
    const last = migrations.at(-1)!;
    last.up(db); // the last migration's tables exist already: running it again fails
    const sameAsFailed = schemaOf(db);
    expect(() => migrate(db, 'half.sqlite')).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(schemaOf(db)).toEqual(sameAsFailed);
    expect(sameAsFailed).not.toEqual(before);
    db.close();
  });

  it('refuse a database from a newer Timbang, naming both versions, and leave it as it was', () => {
    const db = atVersion(LATEST_SCHEMA_VERSION);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    const attempt = () => migrate(db, 'later.sqlite');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(`skema ${LATEST_SCHEMA_VERSION + 3}; versi ini mengenal sampai ${LATEST_SCHEMA_VERSION}`);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('workspace-too-new');
    }
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 3);
    db.close();
  });
});

/** An in-memory database as a workspace at `version` was: its first `version` migrations applied. */
function atVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(0, version)) migration.up(db);
  db.pragma(`user_version = ${version}`);
  return db;
}
