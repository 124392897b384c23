/**
 * The juror's laptop: importing the secretariat's package, choosing who I am, seeing what I score,
 * and sending my key to the secretariat (enrolment).
 */
import type { Handlers, RoundAssignment } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import type { Event } from '../core/model.ts';
import { fileBytes, fileData } from './file-data.ts';
import { findEventRecord, getEvent, getEventSummary } from './events/event-store.ts';
import type { Services } from './handlers.ts';
import { ENROLMENT_EXTENSION, writeEnrolment } from './packages/enrolment.ts';
import { applyPackage, readPackage } from './packages/event-package.ts';

type JurorMethods = 'importPackage' | 'chooseJuror' | 'jurorAssignments' | 'exportEnrolment';

export function jurorHandlers({ workspace, keys }: Services): Pick<Handlers, JurorMethods> {
  const { db } = workspace;
  const chosenJuror = (eventId: string) => {
    const jurorId = findEventRecord(db, eventId)?.jurorId;
    if (!jurorId) throw new AppError('not-found', { id: 'Pilih dulu siapa Anda di antara juri acara ini.', en: "First choose who you are among this event's jurors." });
    return jurorId;
  };

  return {
    importPackage: (file) => {
      const pkg = readPackage(fileBytes(file), file.fileName);
      const { outcome, previousRevision } = applyPackage(db, pkg);
      return { event: getEventSummary(db, pkg.event.id), outcome, previousRevision, secretariatFingerprint: pkg.secretariat.fingerprint };
    },

    chooseJuror: ({ eventId, jurorId }) => {
      const record = findEventRecord(db, eventId);
      if (record?.origin.source !== 'package') {
        throw new AppError('forbidden', { id: 'Identitas juri dipilih pada acara dari paket sekretariat.', en: "A juror identity is chosen on an event from the secretariat's package." });
      }
      const event = getEvent(db, eventId);
      if (!event.jurors.some((j) => j.id === jurorId)) {
        throw new AppError('not-found', { id: `Juri "${jurorId}" tidak ada di acara ini.`, en: `Juror "${jurorId}" is not in this event.` });
      }
      const scoredAs = db.prepare('SELECT DISTINCT juror_id AS id FROM score WHERE event_id = ? AND juror_id <> ?').get(eventId, jurorId) as { id: string } | undefined;
      if (scoredAs) {
        throw new AppError('conflict', {
          id: `Laptop ini sudah menilai sebagai ${scoredAs.id}; identitas tidak dapat diganti.`,
          en: `This laptop has already scored as ${scoredAs.id}; the identity cannot be changed.`,
        });
      }
      db.prepare('UPDATE event SET juror_id = ? WHERE id = ?').run(jurorId, eventId);
      return getEventSummary(db, eventId);
    },

    jurorAssignments: ({ eventId }) => assignments(getEvent(db, eventId), chosenJuror(eventId)),

    exportEnrolment: ({ eventId, name }) => {
      const jurorId = chosenJuror(eventId);
      return fileData(`pendaftaran-${jurorId}${ENROLMENT_EXTENSION}`, writeEnrolment(eventId, jurorId, name, keys.requireUnlocked()));
    },
  };
}

/**
 * What a juror scores: every round and category of the event, with the nominees they may score
 * (conflicts excluded). A round with a shortlist opens for a category once the shortlist is known;
 * a category with no more nominees than the shortlist size needs none.
 */
function assignments(event: Event, jurorId: string): RoundAssignment[] {
  return [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .map((round) => ({
      roundId: round.id,
      name: round.name,
      order: round.order,
      categories: event.categories
        .filter((category) => round.categoryIds.includes(category.id))
        .map((category) => {
          const nominees = event.nominees.filter((n) => n.categoryId === category.id);
          const conflicted = nominees.filter((n) => event.conflicts.some((c) => c.jurorId === jurorId && c.nomineeId === n.id)).length;
          return {
            categoryId: category.id,
            name: category.name,
            open: round.shortlistSize === null || nominees.length <= round.shortlistSize,
            nominees: nominees.length - conflicted,
            conflicted,
            criteria: event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id)).length,
          };
        }),
    }));
}
