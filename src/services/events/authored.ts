/**
 * Events the secretariat prepares in this workspace ("authored"), as opposed to those a juror's laptop
 * receives in a package. Every real change makes a new revision; saving the same event again does not.
 */
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import { canonicalJson } from '../keys/signing.ts';
import type { Db } from '../workspace/workspace.ts';
import { findEventRecord, getEvent, nextRevision, saveEvent } from './event-store.ts';

/** An event this workspace authors, or a refusal that says why not. */
export function authoredEvent(db: Db, eventId: string): Event {
  const record = findEventRecord(db, eventId);
  if (record && record.origin.source !== 'authored') {
    throw new AppError('forbidden', {
      id: `Acara "${eventId}" diterima sebagai paket dari sekretariat; hanya sekretariat yang mengubahnya.`,
      en: `The event "${eventId}" came as a package from the secretariat; only the secretariat changes it.`,
    });
  }
  return getEvent(db, eventId);
}

/** Saves a secretariat's version of an event: a new revision only when something really changed. */
export function saveAuthored(db: Db, event: Event): 'new' | 'updated' | 'unchanged' {
  const exists = findEventRecord(db, event.id) !== undefined;
  // authoredEvent refuses an event that came here as a package
  if (exists && canonicalJson(authoredEvent(db, event.id)) === canonicalJson(event)) return 'unchanged';
  saveEvent(db, event, nextRevision(db, event.id));
  return exists ? 'updated' : 'new';
}
