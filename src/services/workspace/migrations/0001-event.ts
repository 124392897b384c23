/**
 * Migration 1: the event and its projection into tables.
 * `event.document` is the validated event as imported (the source of truth, later the signed package);
 * the other tables mirror its parts so that queries and later score rows can reference them by key.
 * Never edit a migration once it has shipped: add a new numbered file instead.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE event (
  id          TEXT PRIMARY KEY,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  name        TEXT NOT NULL,
  year_held   INTEGER NOT NULL,
  place       TEXT NOT NULL,
  document    TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE category (
  event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  id       TEXT NOT NULL,
  position INTEGER NOT NULL,
  name_id  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  PRIMARY KEY (event_id, id)
) STRICT;

CREATE TABLE round (
  event_id    TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  name_id     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  weight      REAL NOT NULL,
  PRIMARY KEY (event_id, id)
) STRICT;

CREATE TABLE criterion (
  event_id   TEXT NOT NULL,
  code       TEXT NOT NULL,
  round_id   TEXT NOT NULL,
  position   INTEGER NOT NULL,
  label_id   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  weight     REAL NOT NULL,
  scale_min  INTEGER NOT NULL,
  scale_max  INTEGER NOT NULL,
  scale_step REAL NOT NULL,
  PRIMARY KEY (event_id, code),
  FOREIGN KEY (event_id, round_id) REFERENCES round(event_id, id)
) STRICT;

CREATE TABLE nominee (
  event_id    TEXT NOT NULL,
  id          TEXT NOT NULL,
  category_id TEXT NOT NULL,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  region      TEXT NOT NULL,
  fictional   INTEGER NOT NULL CHECK (fictional IN (0, 1)),
  PRIMARY KEY (event_id, id),
  FOREIGN KEY (event_id, category_id) REFERENCES category(event_id, id)
) STRICT;

CREATE INDEX nominee_by_category ON nominee(event_id, category_id, position);

CREATE TABLE juror (
  event_id    TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'anggota')),
  title       TEXT NOT NULL,
  institution TEXT NOT NULL,
  PRIMARY KEY (event_id, id)
) STRICT;

CREATE TABLE conflict (
  event_id   TEXT NOT NULL,
  juror_id   TEXT NOT NULL,
  nominee_id TEXT NOT NULL,
  reason     TEXT NOT NULL,
  PRIMARY KEY (event_id, juror_id, nominee_id),
  FOREIGN KEY (event_id, juror_id) REFERENCES juror(event_id, id),
  FOREIGN KEY (event_id, nominee_id) REFERENCES nominee(event_id, id)
) STRICT;
`;

export default { version: 1, name: 'event', up: (db) => db.exec(sql) } satisfies Migration;
