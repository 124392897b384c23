/**
 * Migration 13 (issue 17): the nominees' documents an event package brought, kept on the juror's laptop so
 * they open offline. Each row holds the bytes whose SHA-256 the signed package pinned (checked on import);
 * a newer revision replaces the event's set.
 */
import type { Migration } from './migration.ts';

const sql = /* sql */ `
CREATE TABLE package_document (
  event_id    TEXT NOT NULL,
  nominee_id  TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  bytes       BLOB NOT NULL,
  PRIMARY KEY (event_id, nominee_id, file_name)
) STRICT;
`;

export default { version: 13, name: 'package-documents', up: (db) => db.exec(sql) } satisfies Migration;
