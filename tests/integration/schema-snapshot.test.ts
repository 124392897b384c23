/**
 * Guards the workspace schema. A juror's laptop may hold a workspace at any earlier version, so:
 * a shipped migration never changes (the hash of the SQL its up() runs is pinned), and the schema only
 * grows: every table and column in the committed snapshot must still exist with the same type,
 * nullability and key.
 * After adding a migration, record the additions with `npm run test:unit -- -u`.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/services/workspace/migrations/index.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { tempDir } from '../support/demo.ts';

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface Snapshot {
  migrations: string[];
  tables: Record<string, Column[]>;
}

const SNAPSHOT_FILE = join(import.meta.dirname, '__snapshots__', 'schema.json');

function currentSchema(): Snapshot {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'schema.sqlite'));
  const names = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
  const tables = Object.fromEntries(
    names.map((name) => [
      name,
      (ws.db.pragma(`table_info(${name})`) as Column[]).map(({ name, type, notnull, pk }) => ({ name, type, notnull, pk })),
    ]),
  );
  ws.close();
  tmp.remove();
  return { migrations: migrationSql().map((sql) => createHash('sha256').update(sql).digest('hex')), tables };
}

/**
 * The SQL each migration's up() runs, in order, on a database it builds one migration at a time: every
 * text given to exec() or prepare(), joined by a line break (a migration that runs one SQL text hashes as
 * that text, as when migrations were plain strings). What is pinned is what the migration does, not how
 * its file is written.
 */
function migrationSql(): string[] {
  const db = new Database(':memory:');
  try {
    return migrations.map((migration) => {
      const ran: string[] = [];
      const recording = new Proxy(db, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if ((property === 'exec' || property === 'prepare') && typeof value === 'function') {
            return (sql: string, ...rest: unknown[]) => {
              ran.push(sql);
              return (value as (...args: unknown[]) => unknown).call(target, sql, ...rest);
            };
          }
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      migration.up(recording);
      return ran.join('\n');
    });
  } finally {
    db.close();
  }
}

/** What `current` lost or changed relative to `committed`; additions are fine. */
function schemaRegressions(committed: Snapshot, current: Snapshot): string[] {
  const found: string[] = [];
  for (const [table, columns] of Object.entries(committed.tables)) {
    const now = current.tables[table];
    if (!now) {
      found.push(`table ${table} removed`);
      continue;
    }
    for (const column of columns) {
      const match = now.find((c) => c.name === column.name);
      if (!match) found.push(`${table}.${column.name} removed`);
      else if (JSON.stringify(match) !== JSON.stringify(column)) found.push(`${table}.${column.name} changed`);
    }
  }
  return found;
}

describe('workspace schema', () => {
  const current = currentSchema();
  const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;

  it('never edits a migration that has shipped', () => {
    expect(current.migrations.slice(0, committed.migrations.length)).toEqual(committed.migrations);
  });

  it('only grows: every committed table and column still exists unchanged', () => {
    expect(schemaRegressions(committed, current)).toEqual([]);
  });

  it('would catch a dropped table, a dropped column and a changed column', () => {
    const changed: Snapshot = structuredClone(current);
    delete changed.tables.conflict;
    changed.tables.nominee = changed.tables.nominee.filter((c) => c.name !== 'region');
    changed.tables.juror = changed.tables.juror.map((c) => (c.name === 'title' ? { ...c, notnull: 0 } : c));
    expect(schemaRegressions(current, changed)).toEqual(['table conflict removed', 'juror.title changed', 'nominee.region removed']);
  });

  it('matches the committed snapshot (after an additive migration, record it with -u)', async () => {
    await expect(`${JSON.stringify(current, null, 2)}\n`).toMatchFileSnapshot(SNAPSHOT_FILE);
  });
});
