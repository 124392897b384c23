/**
 * Migration 7: a conflict of interest the juror declared and then withdrew (a slip of the hand), kept
 * with both reasons and times: the declaration is no longer in force, but it is never erased.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE withdrawn_conflict (
  seq              INTEGER PRIMARY KEY,
  event_id         TEXT NOT NULL,
  juror_id         TEXT NOT NULL,
  nominee_id       TEXT NOT NULL,
  reason           TEXT NOT NULL,
  declared_at      TEXT NOT NULL,
  withdrawn_reason TEXT NOT NULL,
  withdrawn_at     TEXT NOT NULL,
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, nominee_id) REFERENCES nominee(event_id, id)
) STRICT;
`;

export default { version: 7, name: 'withdrawn-conflict', up: (db) => db.exec(sql) } satisfies Migration;
