/**
 * Migration 6: every score sheet a juror's laptop exported, by revision, with a hash of what it said.
 * A sheet whose content differs from the last one exported gets the next revision, so the secretariat
 * always sees the newer file supersede the older (two different files of one revision are a conflict).
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE sheet_export (
  event_id     TEXT NOT NULL REFERENCES event(id),
  juror_id     TEXT NOT NULL,
  revision     INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  exported_at  TEXT NOT NULL,
  PRIMARY KEY (event_id, juror_id, revision)
) STRICT;
`;

export default { version: 6, name: 'sheet-export', up: (db) => db.exec(sql) } satisfies Migration;
