/**
 * The API for the real Paritrana shape (issue 16): awards per category and special awards, the audit before
 * the penetapan, the penetapan itself, and the panel's attendance. Spread into `contract` (contract.ts), so
 * every transport carries these methods like any other; kept apart so its schemas read as one piece.
 * Imports nothing from contract.ts (which imports this file).
 */
import { z } from 'zod';
import { Id } from '../core/model.ts';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
/** Text a person types that ends up signed: a lone surrogate becomes U+FFFD (as in contract.ts). */
const typed = (schema: z.ZodString) => schema.transform((text) => text.toWellFormed());
const PersonName = typed(z.string().trim().min(2).max(200));
const Reason = typed(z.string().trim().min(3).max(2000));

/** One place of a category (src/core/awards.ts): its holders, or why it stays empty. */
export const PlaceAward = z.strictObject({
  place: z.number().int(),
  nomineeIds: z.array(Id),
  vacant: z.enum(['below-minimum', 'incomplete', 'no-nominee', 'shared']).nullable(),
});
export const CategoryAwards = z.strictObject({
  categoryId: Id,
  size: z.number().int(),
  minimum: z.number().nullable(),
  places: z.array(PlaceAward),
});
export type CategoryAwards = z.infer<typeof CategoryAwards>;

/** A special award the plenary recorded, as the deliberation carries it. */
export const SpecialAwardRecord = z.strictObject({
  categoryId: Id.nullable(),
  name: z.string(),
  nomineeId: Id,
  reason: z.string(),
  decidedBy: z.string(),
  recordedAt: z.string(),
});
export type SpecialAwardRecord = z.infer<typeof SpecialAwardRecord>;

const ForEvent = z.strictObject({ eventId: Id });

export const shapeMethods = {
  /** The plenary names a special award (a nominee), or withdraws one (nomineeId null); recorded with who and why. */
  recordSpecialAward: method(
    z.strictObject({
      eventId: Id,
      categoryId: Id.nullable(),
      name: typed(z.string().trim().min(3).max(120)),
      nomineeId: Id.nullable(),
      reason: Reason,
      decidedBy: PersonName,
    }),
    z.array(SpecialAwardRecord),
  ),
  listSpecialAwards: method(ForEvent, z.array(SpecialAwardRecord)),
};

