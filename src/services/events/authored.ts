/**
 * Events the secretariat prepares in this workspace ("authored"), as opposed to those a juror's laptop
 * receives in a package. Every real change makes a new revision; saving the same event again does not.
 */
import { AppError } from '../../api/errors.ts';
import { eventStoreMessages } from '../../core/messages/event.ts';
import type { EventChanges } from '../../api/contract.ts';
import type { Event } from '../../core/model.ts';
import { canonicalJson } from '../keys/signing.ts';
import type { Db } from '../workspace/workspace.ts';
import { findEventRecord, getEvent, nextRevision, saveEvent } from './event-store.ts';
import { refuseWhileFixed } from './fixed-results.ts';

/** An event this workspace authors, or a refusal that says why not. */
export function authoredEvent(db: Db, eventId: string): Event {
  const record = findEventRecord(db, eventId);
  if (record && record.origin.source !== 'authored') {
    throw new AppError('forbidden', eventStoreMessages.receivedAsPackage({ name: getEvent(db, eventId).name }));
  }
  return getEvent(db, eventId);
}

/** Saves a secretariat's version of an event: a new revision only when something really changed. */
export function saveAuthored(db: Db, event: Event): 'new' | 'updated' | 'unchanged' {
  const exists = findEventRecord(db, event.id) !== undefined;
  // authoredEvent refuses an event that came here as a package
  if (exists && canonicalJson(authoredEvent(db, event.id)) === canonicalJson(event)) return 'unchanged';
  // Issue 16: the fixed results and the Berita Acara's words rest on the event as it was; reopen first.
  if (exists) refuseWhileFixed(db, event.id, eventStoreMessages.changingTheEvent());
  saveEvent(db, event, nextRevision(db, event.id));
  return exists ? 'updated' : 'new';
}

/** What replacing `before` with `after` changes, for the secretariat to confirm first. */
export function describeChanges(db: Db, before: Event, after: Event): EventChanges {
  const diff = <T>(from: T[], to: T[], key: (item: T) => string, label: (item: T) => string) => ({
    removed: from.filter((a) => !to.some((b) => key(a) === key(b))).map(label),
    added: to.filter((b) => !from.some((a) => key(a) === key(b))).map(label),
  });
  const categories = diff(
    before.categories,
    after.categories,
    (c) => c.id,
    (c) => c.name.id,
  );
  const criteria = diff(
    before.criteria,
    after.criteria,
    (c) => c.code,
    (c) => `${c.code} ${c.label.id}`,
  );
  const nominees = diff(
    before.nominees,
    after.nominees,
    (n) => n.id,
    (n) => n.name,
  );
  const jurors = diff(
    before.jurors,
    after.jurors,
    (j) => j.id,
    (j) => `${j.id} ${j.title}`,
  );
  const enrolled = (db.prepare('SELECT juror_id AS id FROM enrolment WHERE event_id = ?').all(before.id) as { id: string }[]).map(
    (r) => r.id,
  );
  return {
    eventId: after.id,
    name: before.name === after.name ? null : { from: before.name, to: after.name },
    yearHeld: before.yearHeld === after.yearHeld ? null : { from: before.yearHeld, to: after.yearHeld },
    removed: { categories: categories.removed, criteria: criteria.removed, nominees: nominees.removed, jurors: jurors.removed },
    added: { categories: categories.added, criteria: criteria.added, nominees: nominees.added, jurors: jurors.added },
    droppedKeys: enrolled.filter((id) => !after.jurors.some((j) => j.id === id)),
  };
}

/** The changes a save of `event` would make to an existing, different event here; null when nothing would be replaced. */
/**
 * An event read from the Excel template, with the shortlists already issued for it kept: the template has
 * no place for them, and re-importing it to fix a typo must not silently reopen the interview to everyone.
 * A shortlist is kept only while its round, category and nominees are all still in the event.
 */
export function withIssuedShortlists(db: Db, imported: Event): Event {
  if (imported.shortlists?.length || !findEventRecord(db, imported.id)) return imported;
  const issued = authoredEvent(db, imported.id).shortlists ?? [];
  const stillFits = (list: NonNullable<Event['shortlists']>[number]) => {
    const round = imported.rounds.find((r) => r.id === list.roundId);
    return (
      round !== undefined &&
      round.shortlistSize !== null &&
      round.categoryIds.includes(list.categoryId) &&
      list.nomineeIds.every((id) => imported.nominees.some((n) => n.id === id && n.categoryId === list.categoryId))
    );
  };
  const kept = issued.filter(stillFits);
  return kept.length > 0 ? { ...imported, shortlists: kept } : imported;
}

export function replacementChanges(db: Db, event: Event): EventChanges | null {
  if (!findEventRecord(db, event.id)) return null;
  const existing = authoredEvent(db, event.id);
  return canonicalJson(existing) === canonicalJson(event) ? null : describeChanges(db, existing, event);
}
