/**
 * The juror's laptop: importing the secretariat's package, choosing who I am, seeing what I score,
 * scoring, and sending my key to the secretariat (enrolment). Every scoring call acts as the juror this
 * laptop was set up for; a laptop never writes another juror's marks.
 */
import type { Handlers, RoundAssignment } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import type { Event } from '../core/model.ts';
import { roundNominees } from '../core/scoring.ts';
import { isAssigned } from '../core/quorum.ts';
import { findEventRecord, getEvent, getEventSummary } from './events/event-store.ts';
import { fileBytes, fileData } from './file-data.ts';
import type { Services } from './handlers.ts';
import { ENROLMENT_EXTENSION, writeEnrolment } from './packages/enrolment.ts';
import { applyPackage, packageDocument, packageJurorKeys, readPackage } from './packages/event-package.ts';
import {
  conflictsOf,
  currentNotes,
  currentScores,
  declareConflict,
  finalizeRound,
  isFinalized,
  recordScore,
  reopenRound,
  saveNote,
  scoreHistory,
  sheetRevision,
  withdrawConflict,
} from './scores/score-store.ts';
import { writeScoreSheet } from './sheets/score-sheet.ts';
import { sheetPayloadFromWorkspace } from './sheets/sheet-export.ts';
import { backupWorkspace } from './workspace/backup.ts';
import type { Db } from './workspace/workspace.ts';

type JurorMethods =
  | 'importPackage'
  | 'chooseJuror'
  | 'jurorAssignments'
  | 'exportEnrolment'
  | 'scoringState'
  | 'recordScore'
  | 'scoreHistory'
  | 'saveNote'
  | 'declareConflict'
  | 'withdrawConflict'
  | 'finalizeRound'
  | 'reopenRound'
  | 'exportSheet'
  | 'enrolmentStatus'
  | 'openDocument';

export function jurorHandlers({ workspace, keys }: Services): Pick<Handlers, JurorMethods> {
  const { db } = workspace;
  const chosenJuror = (eventId: string) => {
    // The juror's id alone: not the whole record, which carries the package text (a megabyte at national scale).
    const jurorId = (
      db.prepare('SELECT juror_id AS jurorId FROM event WHERE id = ?').get(eventId) as { jurorId: string | null } | undefined
    )?.jurorId;
    if (!jurorId)
      throw new AppError('not-found', {
        id: 'Pilih dulu siapa Anda di antara juri acara ini.',
        en: "First choose who you are among this event's jurors.",
      });
    return jurorId;
  };
  const rememberName = (eventId: string, name: string) => db.prepare('UPDATE event SET juror_name = ? WHERE id = ?').run(name, eventId);
  /**
   * The event as stored, parsed and validated once per stored version (every save of the event sets a new
   * imported_at): a score write must not read and re-validate 2,000 nominees each time. Callers only read it.
   */
  const parsed = new Map<string, { version: string; event: Event }>();
  const storedEvent = (eventId: string): Event => {
    const row = db.prepare('SELECT revision, imported_at AS importedAt FROM event WHERE id = ?').get(eventId) as
      { revision: number; importedAt: string } | undefined;
    if (!row) return getEvent(db, eventId); // says which event is not found
    const version = `${row.revision}\u0000${row.importedAt}`;
    const cached = parsed.get(eventId);
    if (cached?.version === version) return cached.event;
    const event = getEvent(db, eventId);
    parsed.set(eventId, { version, event });
    return event;
  };
  /** The event and this laptop's juror, for every scoring call. */
  const scope = (eventId: string) => ({ event: storedEvent(eventId), jurorId: chosenJuror(eventId) });

  return {
    importPackage: (file) => {
      const pkg = readPackage(fileBytes(file), file.fileName);
      const { outcome, previousRevision, rollover } = applyPackage(db, pkg);
      // rollover (issue 21): the package moved the laptop's pin to a new secretariat key.
      return {
        event: getEventSummary(db, pkg.event.id),
        outcome,
        previousRevision,
        secretariatFingerprint: pkg.secretariat.fingerprint,
        secretariatRollover: rollover ?? null,
      };
    },

    chooseJuror: ({ eventId, jurorId }) => {
      const record = findEventRecord(db, eventId);
      if (record?.origin.source !== 'package') {
        throw new AppError('forbidden', {
          id: 'Identitas juri dipilih pada acara dari paket sekretariat.',
          en: "A juror identity is chosen on an event from the secretariat's package.",
        });
      }
      const event = getEvent(db, eventId);
      if (!event.jurors.some((j) => j.id === jurorId)) {
        throw new AppError('not-found', {
          id: `Juri "${jurorId}" tidak ada di acara ini.`,
          en: `Juror "${jurorId}" is not in this event.`,
        });
      }
      const scoredAs = db
        .prepare('SELECT DISTINCT juror_id AS id FROM score WHERE event_id = ? AND juror_id <> ?')
        .get(eventId, jurorId) as { id: string } | undefined;
      if (scoredAs) {
        throw new AppError('conflict', {
          id: `Laptop ini sudah menilai sebagai ${scoredAs.id}; identitas tidak dapat diganti.`,
          en: `This laptop has already scored as ${scoredAs.id}; the identity cannot be changed.`,
        });
      }
      db.prepare('UPDATE event SET juror_id = ? WHERE id = ?').run(jurorId, eventId);
      return getEventSummary(db, eventId);
    },

    jurorAssignments: ({ eventId }) => {
      const { event, jurorId } = scope(eventId);
      return assignments(db, event, jurorId);
    },

    exportEnrolment: ({ eventId, name }) => {
      const jurorId = chosenJuror(eventId);
      rememberName(eventId, name);
      return fileData(`pendaftaran-${jurorId}${ENROLMENT_EXTENSION}`, writeEnrolment(eventId, jurorId, name, keys.requireUnlocked()));
    },

    enrolmentStatus: ({ eventId }) => {
      const record = findEventRecord(db, eventId);
      const jurorId = chosenJuror(eventId);
      const carried =
        record?.origin.source === 'package' ? packageJurorKeys(record.origin.packageText).find((k) => k.jurorId === jurorId) : undefined;
      return {
        enrolledFingerprint: carried?.fingerprint ?? null,
        matchesThisLaptop: carried !== undefined && carried.publicKey === keys.status().publicKey,
      };
    },

    scoringState: ({ eventId, roundId, categoryId }) => {
      const { event, jurorId } = scope(eventId);
      const inCategory = new Set(event.nominees.filter((n) => n.categoryId === categoryId).map((n) => n.id));
      return {
        jurorId,
        marks: currentScores(db, eventId, jurorId)
          .filter((m) => m.roundId === roundId && inCategory.has(m.nomineeId) && m.value !== null)
          .map((m) => ({ nomineeId: m.nomineeId, criterionCode: m.criterionCode, value: m.value! })),
        notes: currentNotes(db, eventId, jurorId)
          .filter((n) => n.roundId === roundId && inCategory.has(n.nomineeId))
          .map(({ nomineeId, text }) => ({ nomineeId, text })),
        conflicts: [...conflictsOf(db, event, jurorId)].filter(([id]) => inCategory.has(id)).map(([nomineeId, c]) => ({ nomineeId, ...c })),
        finalized: isFinalized(db, eventId, jurorId, roundId, categoryId),
        sheetRevision: sheetRevision(db, eventId, jurorId),
      };
    },

    recordScore: ({ eventId, value, ...target }) => {
      const { event, jurorId } = scope(eventId);
      const row = recordScore(db, event, { jurorId, ...target }, value);
      return { value: row.value, recordedAt: row.recordedAt };
    },

    openDocument: ({ eventId, nomineeId, fileName }) => {
      const doc = packageDocument(db, eventId, nomineeId, fileName);
      return {
        fileName: doc.fileName,
        base64: Buffer.from(doc.bytes).toString('base64'),
        mime: doc.mime as 'application/pdf' | 'image/jpeg' | 'image/png',
        sha256: doc.sha256,
      };
    },
    scoreHistory: ({ eventId, ...target }) => scoreHistory(db, eventId, { jurorId: chosenJuror(eventId), ...target }),

    saveNote: ({ eventId, roundId, nomineeId, text }) => {
      const { event, jurorId } = scope(eventId);
      return { recordedAt: saveNote(db, event, jurorId, roundId, nomineeId, text) };
    },

    declareConflict: ({ eventId, nomineeId, reason }) => {
      const { event, jurorId } = scope(eventId);
      declareConflict(db, event, jurorId, nomineeId, reason);
      return {};
    },

    withdrawConflict: ({ eventId, nomineeId, reason }) => {
      const { event, jurorId } = scope(eventId);
      return { restoredMarks: withdrawConflict(db, event, jurorId, nomineeId, reason) };
    },

    finalizeRound: async ({ eventId, roundId, categoryId }) => {
      const { event, jurorId } = scope(eventId);
      finalizeRound(db, event, jurorId, roundId, categoryId);
      await backupWorkspace(workspace, 'finalisasi');
      return { finalized: true };
    },

    exportSheet: async ({ eventId, name, roundIds }) => {
      const { event, jurorId } = scope(eventId);
      const unknown = roundIds.filter((id) => !event.rounds.some((r) => r.id === id));
      if (unknown.length)
        throw new AppError('invalid-input', {
          id: `Babak tidak dikenal: ${unknown.join(', ')}.`,
          en: `Unknown rounds: ${unknown.join(', ')}.`,
        });
      const key = keys.requireUnlocked();
      rememberName(eventId, name);
      const payload = sheetPayloadFromWorkspace(db, event, jurorId, name, roundIds, findEventRecord(db, eventId)!.revision, key);
      const file = fileData(`lembar-nilai-${jurorId}-revisi-${payload.sheetRevision}.xlsx`, await writeScoreSheet(payload, key));
      await backupWorkspace(workspace, 'ekspor-lembar');
      return file;
    },

    reopenRound: ({ eventId, roundId, categoryId, reason }) => {
      const { event, jurorId } = scope(eventId);
      reopenRound(db, event, jurorId, roundId, categoryId, reason);
      return { sheetRevision: sheetRevision(db, eventId, jurorId) };
    },
  };
}

/**
 * What a juror scores: every round and category of the event, with the nominees they may score
 * (conflicts excluded), the marks owed and given, and whether the juror has finalized it.
 */
function assignments(db: Db, event: Event, jurorId: string): RoundAssignment[] {
  const conflicts = conflictsOf(db, event, jurorId);
  const marks = currentScores(db, event.id, jurorId).filter((m) => m.value !== null && !conflicts.has(m.nomineeId));
  return [...event.rounds]
    .sort((a, b) => a.order - b.order)
    .map((round) => ({
      roundId: round.id,
      name: round.name,
      order: round.order,
      categories: event.categories
        // Issue 16: only the sections this juror is assigned (Penugasan).
        .filter((category) => round.categoryIds.includes(category.id) && isAssigned(event, jurorId, round.id, category.id))
        .map((category) => {
          const nominees = roundNominees(event, round, category.id);
          const scorable = new Set((nominees ?? []).filter((n) => !conflicts.has(n.id)).map((n) => n.id));
          const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id)).length;
          return {
            categoryId: category.id,
            name: category.name,
            open: nominees !== null,
            nominees: scorable.size,
            conflicted: (nominees ?? []).length - scorable.size,
            criteria,
            required: scorable.size * criteria,
            scored: marks.filter((m) => m.roundId === round.id && scorable.has(m.nomineeId)).length,
            finalized: isFinalized(db, event.id, jurorId, round.id, category.id),
          };
        }),
    }));
}
