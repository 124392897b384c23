/**
 * The deliberation at the secretariat: rankings by the merge rule, one nominee's protocol, the shortlist
 * for the next round, and the plenary's decisions on ties.
 */
import { z } from 'zod';
import { Id, MergeRule } from '../../core/model.ts';
import { method } from './common.ts';
import { CategoryAwards, SpecialAwardRecord } from './shape.ts';
import { Completeness } from './sheets.ts';

const RankedNominee = z.strictObject({
  rank: z.number().int(),
  nomineeId: Id,
  name: z.string(),
  rounds: z.record(z.string(), z.number().nullable()),
  final: z.number().nullable(),
  joint: z.boolean(),
});

const Mark = z.strictObject({ jurorId: Id, roundId: Id, nomineeId: Id, criterionCode: Id, value: z.number() });

export const Deliberation = z.strictObject({
  resultsHash: z.string(),
  eventId: Id,
  rule: MergeRule,
  categories: z.array(z.strictObject({ id: Id, name: z.string(), ranking: z.array(RankedNominee) })),
  overall: z.array(RankedNominee.extend({ categoryId: Id })),
  sheets: z.number().int(),
  usedSheets: z.number().int(),
  completeness: Completeness,
  flags: z.array(Mark.extend({ median: z.number() })),
  agreement: z.array(z.strictObject({ roundId: Id, categoryId: Id, w: z.number().nullable(), jurors: z.number().int() })),
  leaveOneOut: z.array(z.strictObject({ jurorId: Id, changes: z.array(z.strictObject({ categoryId: Id, podium: z.array(Id) })) })),
  decisions: z.array(
    z.strictObject({ categoryId: Id, nomineeIds: z.array(Id), text: z.string(), decidedBy: z.string(), recordedAt: z.string() }),
  ),
  marks: z.array(Mark),
  /** Who did not score whom and why: from the event, or declared by the juror on the laptop (it came in their sheet). */
  conflicts: z.array(z.strictObject({ jurorId: Id, nomineeId: Id, reason: z.string(), declared: z.boolean() })),
  /** Juror id → name as typed in their newest sheet used (the event may not carry names). */
  jurorNames: z.record(Id, z.string()),
  /** Issue 16: the places each category awards (holders, or why a place stays empty) and the plenary's special awards. */
  awards: z.array(CategoryAwards),
  specialAwards: z.array(SpecialAwardRecord),
});
export type Deliberation = z.infer<typeof Deliberation>;

/**
 * What the deliberation screen opens with (`deliberation`): the rankings and everything about the panel,
 * but per nominee only how many marks are flagged. The marks and flags themselves (720,000 marks at
 * national scale) come one nominee at a time, when the nominee is opened (`nomineeProtocol`).
 */
export const DeliberationSummary = Deliberation.omit({ marks: true, flags: true }).extend({
  /** How many marks the merge used: none means nothing may be ranked, exported or printed yet. */
  markCount: z.number().int(),
  /** Nominee id → how many of their marks are flagged (nominees without flags are absent). */
  flagCounts: z.record(Id, z.number().int()),
});
export type DeliberationSummary = z.infer<typeof DeliberationSummary>;

/** One nominee's protocol: every juror's mark per round and criterion, and the flagged ones, by the rule asked. */
export const NomineeProtocol = z.strictObject({
  nomineeId: Id,
  rule: MergeRule,
  marks: z.array(Mark),
  flags: z.array(Mark.extend({ median: z.number() })),
});
export type NomineeProtocol = z.infer<typeof NomineeProtocol>;

export const deliberationMethods = {
  deliberation: method(z.strictObject({ eventId: Id, rule: MergeRule }), DeliberationSummary, { errors: ['forbidden', 'not-found'] }),
  /** One nominee's marks and flags, fetched when the nominee is opened on the deliberation screen. */
  nomineeProtocol: method(z.strictObject({ eventId: Id, rule: MergeRule, nomineeId: Id }), NomineeProtocol, {
    errors: ['forbidden', 'not-found'],
  }),
  issueShortlist: method(
    z.strictObject({ eventId: Id, roundId: Id, size: z.number().int().min(1).max(1000) }),
    z.strictObject({
      revision: z.number().int(),
      shortlists: z.array(z.strictObject({ roundId: Id, categoryId: Id, nomineeIds: z.array(Id) })),
    }),
    { errors: ['conflict', 'forbidden', 'incomplete', 'not-found'] },
  ),
  recordDecision: method(
    z.strictObject({
      eventId: Id,
      categoryId: Id,
      nomineeIds: z.array(Id).min(2),
      text: z.string().trim().min(3).max(2000),
      decidedBy: z.string().trim().min(2).max(200),
    }),
    z.strictObject({}),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
};
