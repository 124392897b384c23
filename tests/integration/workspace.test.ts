import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import { LATEST_SCHEMA_VERSION, openWorkspace } from '../../src/services/workspace/workspace.ts';
import { tempDir } from '../support/demo.ts';

describe('workspace database', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('opens with WAL, synchronous=FULL and foreign keys, migrated to the latest schema', () => {
    const ws = openWorkspace(join(tmp.dir, 'w.sqlite'));
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    ws.close();
  });

  it('makes every table STRICT, so a wrong type is refused rather than stored', () => {
    const ws = openWorkspace(join(tmp.dir, 'w.sqlite'));
    const tables = ws.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
    expect(() =>
      ws.db
        .prepare(
          "INSERT INTO event (id, revision, name, year_held, place, document, imported_at) VALUES ('x', 'satu', 'n', 2025, 'p', '{}', 't')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    ws.close();
  });

  it('reopens an existing workspace without migrating again', () => {
    const path = join(tmp.dir, 'w.sqlite');
    openWorkspace(path).close();
    const again = openWorkspace(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('refuses a workspace made by a newer Timbang, with a clear message, and leaves it unchanged', () => {
    const path = join(tmp.dir, 'newer.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    raw.close();

    const attempt = () => openWorkspace(path);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(`skema ${LATEST_SCHEMA_VERSION + 1}; versi ini mengenal sampai ${LATEST_SCHEMA_VERSION}`);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'event'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('names a file that is not a database', () => {
    const path = join(tmp.dir, 'bukan-db.sqlite');
    writeFileSync(path, 'ini bukan basis data SQLite, hanya teks biasa yang cukup panjang untuk dibaca'.repeat(20));
    expect(() => openWorkspace(path)).toThrow(`Berkas kerja ${path} tidak dapat dibuka sebagai basis data Timbang`);
  });
});
