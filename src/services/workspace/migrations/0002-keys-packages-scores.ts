/**
 * Migration 2: the trust chain and the first scores.
 * - workspace_key: this workspace's Ed25519 key pair, private half sealed (see services/keys).
 * - event: where it came from (authored here by the secretariat, or imported from a signed package),
 *   when its revision was made, the secretariat key pinned for a package, and the juror this laptop is.
 * - enrolment: jurors' public keys received by the secretariat.
 * - score: append-only history; the current mark is the latest row (highest seq) for its key.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE workspace_key (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  public_key         TEXT NOT NULL,
  fingerprint        TEXT NOT NULL,
  protection         TEXT NOT NULL CHECK (protection IN ('os', 'passphrase')),
  sealed_private_key TEXT NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;

ALTER TABLE event ADD COLUMN source TEXT NOT NULL DEFAULT 'authored' CHECK (source IN ('authored', 'package'));
ALTER TABLE event ADD COLUMN revised_at TEXT;
ALTER TABLE event ADD COLUMN secretariat_key TEXT;
ALTER TABLE event ADD COLUMN package TEXT;
ALTER TABLE event ADD COLUMN juror_id TEXT;

CREATE TABLE enrolment (
  event_id     TEXT NOT NULL,
  juror_id     TEXT NOT NULL,
  name         TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  confirmed_at TEXT,
  PRIMARY KEY (event_id, juror_id),
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE score (
  seq            INTEGER PRIMARY KEY,
  event_id       TEXT NOT NULL,
  juror_id       TEXT NOT NULL,
  round_id       TEXT NOT NULL,
  nominee_id     TEXT NOT NULL,
  criterion_code TEXT NOT NULL,
  value          REAL,
  recorded_at    TEXT NOT NULL,
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, round_id) REFERENCES round(event_id, id),
  FOREIGN KEY (event_id, nominee_id) REFERENCES nominee(event_id, id),
  FOREIGN KEY (event_id, criterion_code) REFERENCES criterion(event_id, code)
) STRICT;

CREATE INDEX score_by_key ON score(event_id, juror_id, round_id, nominee_id, criterion_code, seq);
`;

export default { version: 2, name: 'keys-packages-scores', up: (db) => db.exec(sql) } satisfies Migration;
