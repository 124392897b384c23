/**
 * Migration 8: a received sheet can be 'invalid-content': validly signed, but saying something the event
 * does not allow (a mark off the scale, a nominee twice, a mark despite a conflict, ...). SQLite cannot
 * change a CHECK constraint in place, so the table is rebuilt with the same columns and rows.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE received_sheet_v8 (
  id               INTEGER PRIMARY KEY,
  event_id         TEXT NOT NULL REFERENCES event(id),
  file_name        TEXT NOT NULL,
  file_hash        TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('valid', 'tampered', 'bad-signature', 'unknown-key', 'wrong-event', 'invalid-content', 'malformed')),
  juror_id         TEXT,
  sheet_revision   INTEGER,
  public_key       TEXT,
  payload          TEXT,
  details          TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  bytes            BLOB NOT NULL,
  UNIQUE (event_id, file_hash)
) STRICT;
INSERT INTO received_sheet_v8 SELECT id, event_id, file_name, file_hash, status, juror_id, sheet_revision, public_key, payload, details, received_at, bytes FROM received_sheet;
DROP TABLE received_sheet;
ALTER TABLE received_sheet_v8 RENAME TO received_sheet;
`;

export default { version: 8, name: 'invalid-content', up: (db) => db.exec(sql) } satisfies Migration;
