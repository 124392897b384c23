/**
 * Migration 3: what a juror records besides marks, all append-only like the marks themselves.
 * - note: the juror's notes per nominee and round; the latest row is the current text.
 * - declared_conflict: conflicts of interest the juror declares on their own laptop (travel in the sheet).
 * - finalization: finalize / reopen of a round for a category; the latest row says whether it is locked.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE note (
  seq         INTEGER PRIMARY KEY,
  event_id    TEXT NOT NULL,
  juror_id    TEXT NOT NULL,
  round_id    TEXT NOT NULL,
  nominee_id  TEXT NOT NULL,
  text        TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, round_id) REFERENCES round(event_id, id),
  FOREIGN KEY (event_id, nominee_id) REFERENCES nominee(event_id, id)
) STRICT;

CREATE INDEX note_by_key ON note(event_id, juror_id, round_id, nominee_id, seq);

CREATE TABLE declared_conflict (
  event_id    TEXT NOT NULL,
  juror_id    TEXT NOT NULL,
  nominee_id  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  PRIMARY KEY (event_id, juror_id, nominee_id),
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, nominee_id) REFERENCES nominee(event_id, id)
) STRICT;

CREATE TABLE finalization (
  seq         INTEGER PRIMARY KEY,
  event_id    TEXT NOT NULL,
  juror_id    TEXT NOT NULL,
  round_id    TEXT NOT NULL,
  category_id TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('finalize', 'reopen')),
  reason      TEXT,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, round_id) REFERENCES round(event_id, id),
  FOREIGN KEY (event_id, category_id) REFERENCES category(event_id, id)
) STRICT;
`;

export default { version: 3, name: 'juror-scoring', up: (db) => db.exec(sql) } satisfies Migration;
