/**
 * The juror's scoring: what I score, my marks, notes and conflicts, finalizing (a backup after) and
 * reopening a section. Every call acts as the juror this laptop was set up for (`asJuror`); a laptop never
 * writes another juror's marks.
 */
import type { Handlers, RoundAssignment } from '../../api/contract.ts';
import type { scoringMethods } from '../../api/contract/scoring.ts';
import type { Event } from '../../core/model.ts';
import { isAssigned } from '../../core/quorum.ts';
import { roundNominees } from '../../core/scoring.ts';
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
} from '../scores/score-store.ts';
import type { Db } from '../workspace/workspace.ts';
import type { Services } from './services.ts';

export function scoringHandlers({ workspace, juror, withBackup }: Services): Pick<Handlers, keyof typeof scoringMethods> {
  const { db } = workspace;
  const { asJuror } = juror;
  return {
    jurorAssignments: asJuror(({ event, jurorId }) => assignments(db, event, jurorId)),

    scoringState: asJuror(({ event, jurorId }, { eventId, roundId, categoryId }) => {
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
    }),

    recordScore: asJuror(({ event, jurorId }, { roundId, nomineeId, criterionCode, value }) => {
      const row = recordScore(db, event, { jurorId, roundId, nomineeId, criterionCode }, value);
      return { value: row.value, recordedAt: row.recordedAt };
    }),

    scoreHistory: ({ eventId, ...target }) => scoreHistory(db, eventId, { jurorId: juror.chosenJuror(eventId), ...target }),

    saveNote: asJuror(({ event, jurorId }, { roundId, nomineeId, text }) => ({
      recordedAt: saveNote(db, event, jurorId, roundId, nomineeId, text),
    })),

    declareConflict: asJuror(({ event, jurorId }, { nomineeId, reason }) => {
      declareConflict(db, event, jurorId, nomineeId, reason);
      return {};
    }),

    withdrawConflict: asJuror(({ event, jurorId }, { nomineeId, reason }) => ({
      restoredMarks: withdrawConflict(db, event, jurorId, nomineeId, reason),
    })),

    finalizeRound: withBackup(
      'finalisasi',
      asJuror(({ event, jurorId }, { roundId, categoryId }) => {
        finalizeRound(db, event, jurorId, roundId, categoryId);
        return { finalized: true as const };
      }),
    ),

    reopenRound: asJuror(({ event, jurorId }, { eventId, roundId, categoryId, reason }) => {
      reopenRound(db, event, jurorId, roundId, categoryId, reason);
      return { sheetRevision: sheetRevision(db, eventId, jurorId) };
    }),
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
