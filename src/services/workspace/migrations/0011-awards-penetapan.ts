/**
 * Migration 11: the real Paritrana shape (issue 16). Every table is append-only (triggers refuse UPDATE and
 * DELETE): what the plenary and the secretariat recorded, by whom and why, stays on record.
 * - special_award: a special award the plenary names beside the ranks ("Terbaik Inovasi"), per category or
 *   across the event; the latest row per (category, name) counts, and a row without a nominee withdraws it.
 * - absence: a juror who could not take part in a round × category (berhalangan), with reason and date; the
 *   latest row per (juror, round, category) counts, and `withdrawn` = 1 takes it back.
 * - audit_acknowledgment: the checklist before the penetapan: a disagreement flag discussed, or a refused
 *   sheet set aside, with who and a note.
 * - audit_confirmation: the verification appendix confirmed by a second person (not the operator), for the
 *   exact set of files it lists (their fingerprint, `files_hash`).
 * - penetapan: the signed record that fixes the results (version 1, 2, …), as its file's text.
 * - penetapan_reopening: a penetapan reopened, with the reason and who.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE special_award (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  category_id  TEXT,
  name         TEXT NOT NULL,
  nominee_id   TEXT,
  reason       TEXT NOT NULL,
  decided_by   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;

CREATE TABLE absence (
  seq          INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES event(id),
  juror_id     TEXT NOT NULL,
  round_id     TEXT NOT NULL,
  category_id  TEXT NOT NULL,
  reason       TEXT NOT NULL,
  absent_on    TEXT,
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  withdrawn    INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
) STRICT;
CREATE INDEX absence_section ON absence (event_id, juror_id, round_id, category_id);

CREATE TABLE audit_acknowledgment (
  seq              INTEGER PRIMARY KEY,
  event_id         TEXT NOT NULL REFERENCES event(id),
  kind             TEXT NOT NULL CHECK (kind IN ('flag', 'sheet')),
  item             TEXT NOT NULL,
  acknowledged_by  TEXT NOT NULL,
  note             TEXT NOT NULL,
  recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_acknowledgment_item ON audit_acknowledgment (event_id, kind, item);

CREATE TABLE audit_confirmation (
  seq           INTEGER PRIMARY KEY,
  event_id      TEXT NOT NULL REFERENCES event(id),
  operator      TEXT NOT NULL,
  confirmed_by  TEXT NOT NULL,
  files_hash    TEXT NOT NULL,
  recorded_at   TEXT NOT NULL
) STRICT;

CREATE TABLE penetapan (
  event_id      TEXT NOT NULL REFERENCES event(id),
  version       INTEGER NOT NULL CHECK (version >= 1),
  results_hash  TEXT NOT NULL,
  rule          TEXT NOT NULL,
  fixed_at      TEXT NOT NULL,
  record        TEXT NOT NULL,
  PRIMARY KEY (event_id, version)
) STRICT;

CREATE TABLE penetapan_reopening (
  event_id     TEXT NOT NULL,
  version      INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  reopened_by  TEXT NOT NULL,
  reopened_at  TEXT NOT NULL,
  PRIMARY KEY (event_id, version),
  FOREIGN KEY (event_id, version) REFERENCES penetapan (event_id, version)
) STRICT;

CREATE TRIGGER special_award_no_update BEFORE UPDATE ON special_award BEGIN SELECT RAISE(ABORT, 'special_award is append-only'); END;
CREATE TRIGGER special_award_no_delete BEFORE DELETE ON special_award BEGIN SELECT RAISE(ABORT, 'special_award is append-only'); END;
CREATE TRIGGER absence_no_update BEFORE UPDATE ON absence BEGIN SELECT RAISE(ABORT, 'absence is append-only'); END;
CREATE TRIGGER absence_no_delete BEFORE DELETE ON absence BEGIN SELECT RAISE(ABORT, 'absence is append-only'); END;
CREATE TRIGGER audit_acknowledgment_no_update BEFORE UPDATE ON audit_acknowledgment BEGIN SELECT RAISE(ABORT, 'audit_acknowledgment is append-only'); END;
CREATE TRIGGER audit_acknowledgment_no_delete BEFORE DELETE ON audit_acknowledgment BEGIN SELECT RAISE(ABORT, 'audit_acknowledgment is append-only'); END;
CREATE TRIGGER audit_confirmation_no_update BEFORE UPDATE ON audit_confirmation BEGIN SELECT RAISE(ABORT, 'audit_confirmation is append-only'); END;
CREATE TRIGGER audit_confirmation_no_delete BEFORE DELETE ON audit_confirmation BEGIN SELECT RAISE(ABORT, 'audit_confirmation is append-only'); END;
CREATE TRIGGER penetapan_no_update BEFORE UPDATE ON penetapan BEGIN SELECT RAISE(ABORT, 'penetapan is append-only'); END;
CREATE TRIGGER penetapan_no_delete BEFORE DELETE ON penetapan BEGIN SELECT RAISE(ABORT, 'penetapan is append-only'); END;
CREATE TRIGGER penetapan_reopening_no_update BEFORE UPDATE ON penetapan_reopening BEGIN SELECT RAISE(ABORT, 'penetapan_reopening is append-only'); END;
CREATE TRIGGER penetapan_reopening_no_delete BEFORE DELETE ON penetapan_reopening BEGIN SELECT RAISE(ABORT, 'penetapan_reopening is append-only'); END;
`;

export default { version: 11, name: 'awards-penetapan', up: (db) => db.exec(sql) } satisfies Migration;
