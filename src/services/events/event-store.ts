/**
 * Events in a workspace: the validated document plus its projection into tables, written in one
 * transaction so the two never disagree. A later revision of the same event updates rows in place
 * (upsert) and removes only what the new revision no longer has.
 */
import type { CategorySummary, EventSummary, NomineeRow } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { eventStoreMessages } from '../../core/messages/event.ts';
import { Event } from '../../core/model.ts';
import { fingerprint } from '../keys/signing.ts';
import type { Db } from '../workspace/workspace.ts';

type Row = Record<string, string | number>;

/** How an event came into this workspace. */
export type EventOrigin =
  /** Prepared here by the secretariat (from a template or the demo); its revision rises with each change. */
  | { source: 'authored' }
  /** Imported from a signed package on a juror's laptop: the package as verified, and the key it is pinned to. */
  | { source: 'package'; packageText: string; secretariatKey: string };

export interface EventRecord {
  revision: number;
  /** When this revision was made: the secretariat's change, or the package's issue time. */
  revisedAt: string;
  origin: EventOrigin;
}

export function saveEvent(db: Db, event: Event, record: EventRecord, now = new Date()): void {
  db.transaction(() => {
    const origin = record.origin;
    db.prepare(
      `INSERT INTO event (id, revision, name, year_held, place, document, imported_at, source, revised_at, secretariat_key, package)
       VALUES (@id, @revision, @name, @yearHeld, @place, @document, @importedAt, @source, @revisedAt, @secretariatKey, @package)
       ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, name = excluded.name, year_held = excluded.year_held,
         place = excluded.place, document = excluded.document, imported_at = excluded.imported_at, source = excluded.source,
         revised_at = excluded.revised_at, secretariat_key = excluded.secretariat_key, package = excluded.package`,
    ).run({
      id: event.id,
      revision: record.revision,
      name: event.name,
      yearHeld: event.yearHeld,
      place: event.place,
      document: JSON.stringify(event),
      importedAt: now.toISOString(),
      source: origin.source,
      revisedAt: record.revisedAt,
      secretariatKey: origin.source === 'package' ? origin.secretariatKey : null,
      package: origin.source === 'package' ? origin.packageText : null,
    });

    // Children before parents when removing, parents before children when adding: foreign keys hold throughout.
    const projection: [table: string, keys: string[], rows: Row[]][] = [
      ['category', ['id'], event.categories.map((c, i) => ({ id: c.id, position: i, name_id: c.name.id, name_en: c.name.en }))],
      [
        'round',
        ['id'],
        event.rounds.map((r) => ({ id: r.id, position: r.order, name_id: r.name.id, name_en: r.name.en, weight: r.weight })),
      ],
      [
        'criterion',
        ['code'],
        event.criteria.map((c, i) => ({
          code: c.code,
          round_id: c.roundId,
          position: i,
          label_id: c.label.id,
          label_en: c.label.en,
          weight: c.weight,
          scale_min: c.scale.min,
          scale_max: c.scale.max,
          scale_step: c.scale.step,
        })),
      ],
      [
        'nominee',
        ['id'],
        event.nominees.map((n, i) => ({
          id: n.id,
          category_id: n.categoryId,
          position: i,
          name: n.name,
          region: n.region,
          fictional: n.fictional ? 1 : 0,
        })),
      ],
      ['juror', ['id'], event.jurors.map((j, i) => ({ id: j.id, position: i, role: j.role, title: j.title, institution: j.institution }))],
      [
        'conflict',
        ['juror_id', 'nominee_id'],
        event.conflicts.map((c) => ({ juror_id: c.jurorId, nominee_id: c.nomineeId, reason: c.reason })),
      ],
    ];
    for (const [table, keys, rows] of [...projection].reverse()) removeMissing(db, event.id, table, keys, rows);
    for (const [table, keys, rows] of projection) upsert(db, event.id, table, keys, rows);
  })();
}

function upsert(db: Db, eventId: string, table: string, keys: string[], rows: Row[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
  const statement = db.prepare(
    `INSERT INTO ${table} (event_id, ${columns.join(', ')}) VALUES (@event_id, ${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT(event_id, ${keys.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
  );
  for (const row of rows) statement.run({ event_id: eventId, ...row });
}

function removeMissing(db: Db, eventId: string, table: string, keys: string[], rows: Row[]): void {
  const kept = JSON.stringify(rows.map((row) => keys.map((k) => row[k])));
  const keyTuple = keys.map((_, i) => `value ->> '$[${i}]'`).join(', ');
  db.prepare(`DELETE FROM ${table} WHERE event_id = ? AND (${keys.join(', ')}) NOT IN (SELECT ${keyTuple} FROM json_each(?))`).run(
    eventId,
    kept,
  );
}

export function listEvents(db: Db): EventSummary[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.year_held AS yearHeld, e.place, e.revision, coalesce(e.revised_at, e.imported_at) AS revisedAt,
         e.secretariat_key AS secretariatKey, e.source, e.juror_id AS jurorId, e.juror_name AS jurorName,
         (SELECT count(*) FROM category c WHERE c.event_id = e.id) AS categoryCount,
         (SELECT count(*) FROM nominee n WHERE n.event_id = e.id) AS nomineeCount,
         (SELECT count(*) FROM juror j WHERE j.event_id = e.id) AS jurorCount
       FROM event e ORDER BY e.year_held DESC, e.name`,
    )
    .all() as (Omit<EventSummary, 'secretariatFingerprint'> & { secretariatKey: string | null })[];
  return rows.map(({ secretariatKey, ...row }) => ({
    ...row,
    secretariatFingerprint: secretariatKey ? fingerprint(secretariatKey) : null,
  }));
}

export function getEventSummary(db: Db, eventId: string): EventSummary {
  const summary = listEvents(db).find((e) => e.id === eventId);
  if (!summary) throw eventNotFound(eventId);
  return summary;
}

/** Where the event came from and its revision; undefined when the workspace does not have it. */
export function findEventRecord(db: Db, eventId: string): (EventRecord & { jurorId: string | null }) | undefined {
  const row = db
    .prepare('SELECT revision, revised_at, source, secretariat_key, package, juror_id, imported_at FROM event WHERE id = ?')
    .get(eventId) as
    | {
        revision: number;
        revised_at: string | null;
        source: 'authored' | 'package';
        secretariat_key: string | null;
        package: string | null;
        juror_id: string | null;
        imported_at: string;
      }
    | undefined;
  if (!row) return undefined;
  const origin: EventOrigin =
    row.source === 'package'
      ? { source: 'package', packageText: row.package ?? '', secretariatKey: row.secretariat_key ?? '' }
      : { source: 'authored' };
  return { revision: row.revision, revisedAt: row.revised_at ?? row.imported_at, origin, jurorId: row.juror_id };
}

/** A secretariat's change to an authored event: the next revision, made now. */
export function nextRevision(db: Db, eventId: string, now = new Date()): EventRecord {
  const current = findEventRecord(db, eventId);
  return { revision: (current?.revision ?? 0) + 1, revisedAt: now.toISOString(), origin: { source: 'authored' } };
}

export function getEvent(db: Db, eventId: string): Event {
  const row = db.prepare('SELECT document FROM event WHERE id = ?').get(eventId) as { document: string } | undefined;
  if (!row) throw eventNotFound(eventId);
  return Event.parse(JSON.parse(row.document));
}

export function listCategories(db: Db, eventId: string): CategorySummary[] {
  requireEvent(db, eventId);
  const rows = db
    .prepare(
      `SELECT c.id, c.name_id, c.name_en, (SELECT count(*) FROM nominee n WHERE n.event_id = c.event_id AND n.category_id = c.id) AS nomineeCount
       FROM category c WHERE c.event_id = ? ORDER BY c.position`,
    )
    .all(eventId) as { id: string; name_id: string; name_en: string; nomineeCount: number }[];
  return rows.map((r) => ({ id: r.id, name: { id: r.name_id, en: r.name_en }, nomineeCount: r.nomineeCount }));
}

export function listNominees(db: Db, eventId: string, categoryId?: string): NomineeRow[] {
  requireEvent(db, eventId);
  const rows = db
    .prepare(
      `SELECT n.id, n.category_id AS categoryId, n.name, n.region, n.fictional
       FROM nominee n JOIN category c ON c.event_id = n.event_id AND c.id = n.category_id
       WHERE n.event_id = @eventId AND (@categoryId IS NULL OR n.category_id = @categoryId)
       ORDER BY c.position, n.position`,
    )
    .all({ eventId, categoryId: categoryId ?? null }) as (Omit<NomineeRow, 'fictional'> & { fictional: number })[];
  return rows.map((r) => ({ ...r, fictional: r.fictional === 1 }));
}

function requireEvent(db: Db, eventId: string): void {
  if (!db.prepare('SELECT 1 FROM event WHERE id = ?').get(eventId)) throw eventNotFound(eventId);
}

function eventNotFound(eventId: string): AppError {
  return new AppError('not-found', eventStoreMessages.notFound({ eventId }));
}
