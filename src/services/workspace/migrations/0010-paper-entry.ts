/**
 * Migration 10: the paper fallback (src/services/paper/). A paper Lembar Penilaian Juri is keyed twice, blind,
 * by two operators; the cells they keyed differently are resolved against the paper with a reason; then it
 * becomes a sheet of provenance 'kertas' signed with the secretariat's key and stored in received_sheet like
 * any other. Every table here is append-only (triggers refuse UPDATE and DELETE): what was keyed, by whom,
 * and why a cell was settled so stays on record.
 * - paper_keying: one keying of one printed form (its number and layout checksum, the section it covers).
 * - paper_entry: what each operator keyed (position 1 or 2), marks as JSON nominee → criterion → mark or null.
 * - paper_resolution: a differing cell settled against the paper; the latest per cell counts.
 * - paper_sheet: the signed sheet a keying became.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE paper_keying (
  id           INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  form_number  TEXT NOT NULL,
  checksum     TEXT NOT NULL,
  juror_id     TEXT NOT NULL,
  round_id     TEXT NOT NULL,
  category_id  TEXT NOT NULL,
  started_at   TEXT NOT NULL
) STRICT;
CREATE INDEX paper_keying_form ON paper_keying (event_id, form_number);

CREATE TABLE paper_entry (
  id          INTEGER PRIMARY KEY,
  keying_id   INTEGER NOT NULL REFERENCES paper_keying(id),
  position    INTEGER NOT NULL CHECK (position IN (1, 2)),
  operator    TEXT NOT NULL,
  juror_name  TEXT NOT NULL,
  marks       TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  UNIQUE (keying_id, position)
) STRICT;

CREATE TABLE paper_resolution (
  seq          INTEGER PRIMARY KEY,
  keying_id    INTEGER NOT NULL REFERENCES paper_keying(id),
  cell         TEXT NOT NULL,
  value        TEXT,
  reason       TEXT NOT NULL,
  resolved_by  TEXT NOT NULL,
  resolved_at  TEXT NOT NULL
) STRICT;

CREATE TABLE paper_sheet (
  keying_id          INTEGER PRIMARY KEY REFERENCES paper_keying(id),
  received_sheet_id  INTEGER NOT NULL REFERENCES received_sheet(id),
  sheet_revision     INTEGER NOT NULL,
  scan_sha256        TEXT,
  signed_at          TEXT NOT NULL
) STRICT;

CREATE TRIGGER paper_keying_no_update BEFORE UPDATE ON paper_keying BEGIN SELECT RAISE(ABORT, 'paper_keying is append-only'); END;
CREATE TRIGGER paper_keying_no_delete BEFORE DELETE ON paper_keying BEGIN SELECT RAISE(ABORT, 'paper_keying is append-only'); END;
CREATE TRIGGER paper_entry_no_update BEFORE UPDATE ON paper_entry BEGIN SELECT RAISE(ABORT, 'paper_entry is append-only'); END;
CREATE TRIGGER paper_entry_no_delete BEFORE DELETE ON paper_entry BEGIN SELECT RAISE(ABORT, 'paper_entry is append-only'); END;
CREATE TRIGGER paper_resolution_no_update BEFORE UPDATE ON paper_resolution BEGIN SELECT RAISE(ABORT, 'paper_resolution is append-only'); END;
CREATE TRIGGER paper_resolution_no_delete BEFORE DELETE ON paper_resolution BEGIN SELECT RAISE(ABORT, 'paper_resolution is append-only'); END;
CREATE TRIGGER paper_sheet_no_update BEFORE UPDATE ON paper_sheet BEGIN SELECT RAISE(ABORT, 'paper_sheet is append-only'); END;
CREATE TRIGGER paper_sheet_no_delete BEFORE DELETE ON paper_sheet BEGIN SELECT RAISE(ABORT, 'paper_sheet is append-only'); END;
`;

export default { version: 10, name: 'paper-entry', up: (db) => db.exec(sql) } satisfies Migration;
