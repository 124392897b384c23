/**
 * Handlers for the real Paritrana shape (issue 16; contract in src/api/shape-contract.ts): special awards,
 * the audit before the penetapan, the penetapan, and the panel's attendance. Composed into the others in
 * handlers.ts.
 */
import type { Handlers } from '../api/contract.ts';
import type { shapeMethods } from '../api/shape-contract.ts';
import { authoredEvent } from './events/authored.ts';
import { recordSpecialAward, specialAwards } from './awards/special-awards.ts';
import type { Services } from './handlers.ts';

type ShapeMethods = keyof typeof shapeMethods;

export function shapeHandlers({ workspace }: Services): Pick<Handlers, ShapeMethods> {
  const { db } = workspace;
  return {
    recordSpecialAward: ({ eventId, ...input }) => {
      recordSpecialAward(db, authoredEvent(db, eventId), input);
      return specialAwards(db, eventId);
    },
    listSpecialAwards: ({ eventId }) => {
      authoredEvent(db, eventId);
      return specialAwards(db, eventId);
    },
  };
}
