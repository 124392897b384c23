/**
 * The shortlist (daftar pendek): after a round, the top N of each category by that round's merged score
 * go on to the next round. Issuing it changes the event, so it makes a new package revision, which opens
 * the next round on jurors' laptops for exactly those nominees.
 */
import { AppError } from '../../api/errors.ts';
import { merge } from '../../core/merge.ts';
import type { Event, Shortlist } from '../../core/model.ts';
import { mergeMessages } from '../../core/messages/merge.ts';
import { saveAuthored } from '../events/authored.ts';
import type { Db } from '../workspace/workspace.ts';
import { listReceived } from './sheet-inbox.ts';

export function issueShortlist(db: Db, event: Event, roundId: string, size: number): Shortlist[] {
  const round = event.rounds.find((r) => r.id === roundId);
  const previous = round && [...event.rounds].filter((r) => r.order < round.order).sort((a, b) => b.order - a.order)[0];
  if (!round || round.shortlistSize === null || !previous) {
    throw new AppError('invalid-input', mergeMessages.roundTakesNoShortlist({ roundId }));
  }
  const result = merge(event, listReceived(db, event).reconciliation.marks, event.merge.rule);
  const lists = round.categoryIds.flatMap((categoryId): Shortlist[] => {
    const nominees = event.nominees.filter((n) => n.categoryId === categoryId);
    if (nominees.length <= size) return [{ roundId, categoryId, nomineeIds: nominees.map((n) => n.id) }];
    const scored = result.categories
      .find((c) => c.categoryId === categoryId)!
      .ranking.map((n) => ({ id: n.nomineeId, score: n.rounds[previous.id] }))
      .filter((n): n is { id: string; score: number } => n.score !== null)
      .sort((a, b) => b.score - a.score);
    if (scored.length < size) {
      throw new AppError(
        'incomplete',
        mergeMessages.shortlistTooFewScores({ categoryId, scored: scored.length, round: previous.name, size }),
      );
    }
    // Whoever ties with the last place admitted is admitted too: the cut never separates equal scores.
    const cut = scored[size - 1].score;
    return [{ roundId, categoryId, nomineeIds: scored.filter((n) => n.score >= cut - 1e-9).map((n) => n.id) }];
  });
  const shortlists = [...(event.shortlists ?? []).filter((s) => s.roundId !== roundId), ...lists];
  saveAuthored(db, { ...event, shortlists });
  return lists;
}
