/**
 * Migration 5: the secretariat's inbox of jurors' score sheets, and what the plenary decides.
 * - received_sheet: every file imported, once, with its verification; a file is stored whole or not at all.
 * - accepted_key: a key the secretariat accepted for a juror by hand (when, by whom, fingerprint).
 * - plenary_decision: how the plenary settled a tie the cascade could not break; the latest per category counts.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE received_sheet (
  id               INTEGER PRIMARY KEY,
  event_id         TEXT NOT NULL REFERENCES event(id),
  file_name        TEXT NOT NULL,
  file_hash        TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('valid', 'tampered', 'bad-signature', 'unknown-key', 'wrong-event', 'malformed')),
  juror_id         TEXT,
  sheet_revision   INTEGER,
  public_key       TEXT,
  payload          TEXT,
  details          TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  bytes            BLOB NOT NULL,
  UNIQUE (event_id, file_hash)
) STRICT;

CREATE TABLE accepted_key (
  event_id    TEXT NOT NULL REFERENCES event(id),
  juror_id    TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  accepted_by TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  PRIMARY KEY (event_id, juror_id, public_key)
) STRICT;

CREATE TABLE plenary_decision (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  category_id  TEXT NOT NULL,
  nominee_ids  TEXT NOT NULL,
  text         TEXT NOT NULL,
  decided_by   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;
`;

export default { version: 5, name: 'sheet-inbox', up: (db) => db.exec(sql) } satisfies Migration;
