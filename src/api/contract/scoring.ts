/**
 * The juror's scoring: what I score, my marks, notes and conflicts, finalizing and reopening a section.
 * Always as the juror this laptop was set up for; every write is on disk when it returns.
 */
import { z } from 'zod';
import { Bilingual, Id } from '../../core/model.ts';
import { ForEvent, method, typed } from './common.ts';

export const RoundAssignment = z.strictObject({
  roundId: Id,
  name: Bilingual,
  order: z.number().int(),
  categories: z.array(
    z.strictObject({
      categoryId: Id,
      name: Bilingual,
      /** False while the round waits for the shortlist of this category. */
      open: z.boolean(),
      nominees: z.number().int(),
      conflicted: z.number().int(),
      criteria: z.number().int(),
      /** Marks this juror owes here (nominees they may score × criteria) and how many are given. */
      required: z.number().int(),
      scored: z.number().int(),
      finalized: z.boolean(),
    }),
  ),
});
export type RoundAssignment = z.infer<typeof RoundAssignment>;

export const ScoringState = z.strictObject({
  jurorId: Id,
  marks: z.array(z.strictObject({ nomineeId: Id, criterionCode: Id, value: z.number() })),
  notes: z.array(z.strictObject({ nomineeId: Id, text: z.string() })),
  conflicts: z.array(z.strictObject({ nomineeId: Id, reason: z.string(), declared: z.boolean() })),
  finalized: z.boolean(),
  sheetRevision: z.number().int(),
});
export type ScoringState = z.infer<typeof ScoringState>;

const ScoreValue = z.number().finite().nullable();
const ScoreTarget = z.strictObject({ eventId: Id, roundId: Id, nomineeId: Id, criterionCode: Id });
export const RoundCategory = z.strictObject({ eventId: Id, roundId: Id, categoryId: Id });
const Reason = typed(z.string().trim().min(3).max(500));

export const scoringMethods = {
  jurorAssignments: method(ForEvent, z.array(RoundAssignment), { errors: ['not-found'] }),
  scoringState: method(RoundCategory, ScoringState, { errors: ['not-found'] }),
  recordScore: method(ScoreTarget.extend({ value: ScoreValue }), z.strictObject({ value: ScoreValue, recordedAt: z.string() }), {
    errors: ['forbidden', 'not-found'],
  }),
  /** origin (issue 21): where a row came from when not typed on this laptop, e.g. "dipulihkan dari lembar J3 revisi 4". */
  scoreHistory: method(
    ScoreTarget,
    z.array(z.strictObject({ value: ScoreValue, previous: ScoreValue, recordedAt: z.string(), origin: Bilingual.optional() })),
    { errors: ['not-found'] },
  ),
  saveNote: method(
    z.strictObject({ eventId: Id, roundId: Id, nomineeId: Id, text: typed(z.string().max(5000)) }),
    z.strictObject({ recordedAt: z.string() }),
    { errors: ['forbidden', 'not-found'] },
  ),
  declareConflict: method(z.strictObject({ eventId: Id, nomineeId: Id, reason: Reason }), z.strictObject({}), {
    errors: ['conflict', 'forbidden', 'not-found'],
  }),
  /** A conflict this juror declared by mistake, withdrawn before finalizing; the marks it cleared come back. */
  withdrawConflict: method(
    z.strictObject({ eventId: Id, nomineeId: Id, reason: Reason }),
    z.strictObject({ restoredMarks: z.number().int() }),
    {
      errors: ['forbidden', 'not-found'],
    },
  ),
  finalizeRound: method(RoundCategory, z.strictObject({ finalized: z.literal(true) }), {
    errors: ['forbidden', 'incomplete', 'invalid-file', 'not-found'],
  }),
  reopenRound: method(RoundCategory.extend({ reason: Reason }), z.strictObject({ sheetRevision: z.number().int() }), {
    errors: ['conflict', 'not-found'],
  }),
};
