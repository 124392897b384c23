/**
 * Migration 12: continuity (issue 21) — a laptop dies, a workspace moves, a key is lost, and nobody's marks are.
 * - score.origin: where a history row came from when not typed on this laptop (JSON, e.g. a mark restored from
 *   the juror's own signed sheet: {"kind":"resumed-sheet","jurorId":"J3","sheetRevision":4,…}); null when typed here.
 * - resumed_sheet: each own sheet a juror's new laptop resumed from (its revision: the next sheet goes above it).
 * - juror_key_change: at the secretariat, a juror re-enrolled from a new laptop; the statement binding the new key
 *   to the old one rides in every later package, signed by the secretariat key that signs it.
 * - secretariat_recovery_key: the public half of the secretariat's recovery key (the private half was handed out
 *   once, as a code on paper or a file kept offline); the latest row is current, and packages name it.
 * - secretariat_rollover: a rollover to a new secretariat key, signed by the previous key or the recovery key:
 *   on a juror's laptop the one it accepted (and pinned the new key by), at the secretariat the one it issues.
 * Every new table is append-only (triggers refuse UPDATE and DELETE).
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
ALTER TABLE score ADD COLUMN origin TEXT;

CREATE TABLE resumed_sheet (
  seq            INTEGER PRIMARY KEY,
  event_id       TEXT NOT NULL REFERENCES event(id),
  juror_id       TEXT NOT NULL,
  sheet_revision INTEGER NOT NULL,
  file_name      TEXT NOT NULL,
  file_hash      TEXT NOT NULL,
  signed_with    TEXT NOT NULL,
  marks          INTEGER NOT NULL,
  resumed_at     TEXT NOT NULL
) STRICT;

CREATE TABLE juror_key_change (
  seq                      INTEGER PRIMARY KEY,
  event_id                 TEXT NOT NULL REFERENCES event(id),
  juror_id                 TEXT NOT NULL,
  previous_public_key      TEXT NOT NULL,
  previous_fingerprint     TEXT NOT NULL,
  next_public_key          TEXT NOT NULL,
  next_fingerprint         TEXT NOT NULL,
  continues_after_revision INTEGER NOT NULL,
  reason                   TEXT NOT NULL,
  changed_at               TEXT NOT NULL
) STRICT;

CREATE TABLE secretariat_recovery_key (
  seq         INTEGER PRIMARY KEY,
  public_key  TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE secretariat_rollover (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  previous_key TEXT NOT NULL,
  next_key     TEXT NOT NULL,
  signed_by    TEXT NOT NULL CHECK (signed_by IN ('previous', 'recovery')),
  signer_key   TEXT NOT NULL,
  reason       TEXT NOT NULL,
  statement    TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER resumed_sheet_no_update BEFORE UPDATE ON resumed_sheet BEGIN SELECT RAISE(ABORT, 'resumed_sheet is append-only'); END;
CREATE TRIGGER resumed_sheet_no_delete BEFORE DELETE ON resumed_sheet BEGIN SELECT RAISE(ABORT, 'resumed_sheet is append-only'); END;
CREATE TRIGGER juror_key_change_no_update BEFORE UPDATE ON juror_key_change BEGIN SELECT RAISE(ABORT, 'juror_key_change is append-only'); END;
CREATE TRIGGER juror_key_change_no_delete BEFORE DELETE ON juror_key_change BEGIN SELECT RAISE(ABORT, 'juror_key_change is append-only'); END;
CREATE TRIGGER secretariat_recovery_key_no_update BEFORE UPDATE ON secretariat_recovery_key BEGIN SELECT RAISE(ABORT, 'secretariat_recovery_key is append-only'); END;
CREATE TRIGGER secretariat_recovery_key_no_delete BEFORE DELETE ON secretariat_recovery_key BEGIN SELECT RAISE(ABORT, 'secretariat_recovery_key is append-only'); END;
CREATE TRIGGER secretariat_rollover_no_update BEFORE UPDATE ON secretariat_rollover BEGIN SELECT RAISE(ABORT, 'secretariat_rollover is append-only'); END;
CREATE TRIGGER secretariat_rollover_no_delete BEFORE DELETE ON secretariat_rollover BEGIN SELECT RAISE(ABORT, 'secretariat_rollover is append-only'); END;
`;

export default { version: 12, name: 'continuity', up: (db) => db.exec(sql) } satisfies Migration;
