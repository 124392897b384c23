/**
 * Migration 14: a received file the secretariat removed from the inbox (a junk file, a wrong upload) is
 * kept here, with why, who and when: the list stays tidy and the audit trail keeps every file that came.
 * Only files that were never used can be removed (see sheet-inbox.ts removeSheet).
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE removed_sheet (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  file_name    TEXT NOT NULL,
  file_hash    TEXT NOT NULL,
  status       TEXT NOT NULL,
  juror_id     TEXT,
  details      TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  reason       TEXT NOT NULL,
  removed_by   TEXT NOT NULL,
  removed_at   TEXT NOT NULL
) STRICT;
`;

export default { version: 14, name: 'removed-sheet', up: (db) => db.exec(sql) } satisfies Migration;
