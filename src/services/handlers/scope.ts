/**
 * Event scope: which event a call is about, and as whom. A juror's laptop scores as the juror it was set up
 * for, on the event as stored from the package; the secretariat works on the events it authored. The
 * decorators `asJuror` and `inAuthoredEvent` hand a handler its scope, so the handler starts where its work does.
 */
import { compositeKey } from '../../core/composite-key.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import type { Event } from '../../core/model.ts';
import { AppError } from '../../api/errors.ts';
import { withKeyChangeNotes } from '../continuity/juror-keys.ts';
import { authoredEvent } from '../events/authored.ts';
import { getEvent } from '../events/event-store.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { ReceivedSheet } from '../../api/contract.ts';
import { withPaperLabels } from '../paper/paper-labels.ts';
import type { Db } from '../workspace/workspace.ts';

export interface JurorScope {
  /** The juror this laptop scores as on the event; refused until one is chosen. */
  chosenJuror(eventId: string): string;
  /** The event as stored, and this laptop's juror: every scoring call's scope. */
  of(eventId: string): { event: Event; jurorId: string };
  /** The name the juror typed last (on their enrolment or sheet), kept for the next. */
  rememberName(eventId: string, name: string): void;
  /** A handler given the event and this laptop's juror. */
  asJuror<I extends { eventId: string }, O>(handler: (scope: { event: Event; jurorId: string }, input: I) => O): (input: I) => O;
}

export function jurorScope(db: Db): JurorScope {
  const chosenJuror = (eventId: string) => {
    // The juror's id alone: not the whole record, which carries the package text (a megabyte at national scale).
    const jurorId = (
      db.prepare('SELECT juror_id AS jurorId FROM event WHERE id = ?').get(eventId) as { jurorId: string | null } | undefined
    )?.jurorId;
    if (!jurorId) throw new AppError('not-found', handlerMessages.chooseJurorFirst());
    return jurorId;
  };
  /**
   * The event as stored, parsed and validated once per stored version (every save of the event sets a new
   * imported_at): a score write must not read and re-validate 2,000 nominees each time. Callers only read it.
   */
  const parsed = new Map<string, { version: string; event: Event }>();
  const storedEvent = (eventId: string): Event => {
    const row = db.prepare('SELECT revision, imported_at AS importedAt FROM event WHERE id = ?').get(eventId) as
      { revision: number; importedAt: string } | undefined;
    if (!row) return getEvent(db, eventId); // says which event is not found
    const version = compositeKey(row.revision, row.importedAt);
    const cached = parsed.get(eventId);
    if (cached?.version === version) return cached.event;
    const event = getEvent(db, eventId);
    parsed.set(eventId, { version, event });
    return event;
  };
  const of = (eventId: string) => ({ event: storedEvent(eventId), jurorId: chosenJuror(eventId) });
  return {
    chosenJuror,
    of,
    rememberName: (eventId, name) => void db.prepare('UPDATE event SET juror_name = ? WHERE id = ?').run(name, eventId),
    asJuror: (handler) => (input) => handler(of(input.eventId), input),
  };
}

export type SecretariatScope = ReturnType<typeof secretariatScope>;

export function secretariatScope(db: Db, keys: KeyStore) {
  /** The event as the secretariat authored it (refused for a package received here, or none). */
  const event = (eventId: string) => authoredEvent(db, eventId);
  return {
    event,
    /** A handler given the authored event its input names. */
    inAuthoredEvent:
      <I extends { eventId: string }, O>(handler: (event: Event, input: I) => O) =>
      (input: I): O =>
        handler(event(input.eventId), input),
    /** The workspace's own key signs the packages it issues: pinned by definition. */
    ownKey: () => {
      const { fingerprint } = keys.status();
      return fingerprint ? { fingerprint, pinned: true } : undefined;
    },
    /** Sheets as listed, shown and printed: paper labels, and (issue 21) what a juror's key change means for each. */
    labelled: <S extends ReceivedSheet>(eventId: string, sheets: readonly S[]) =>
      withKeyChangeNotes(db, eventId, withPaperLabels(db, eventId, sheets)),
  };
}
