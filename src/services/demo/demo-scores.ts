/**
 * Generated marks for the demo event: nine jurors, both rounds, conflicts respected. With no seed they
 * make the published order of the Paritrana Award NTT 2025 come out (each category's Terbaik 1–3 as
 * listed first in the demo event, and the overall three); any other seed gives other plausible marks.
 * These are demo marks: never real results.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { AppError } from '../../api/errors.ts';
import { demoMessages } from '../../core/messages/demo.ts';
import type { Criterion, Event } from '../../core/model.ts';
import { merge, type MergeMark } from '../../core/merge.ts';
import { demoAbsent } from '../attendance/demo-attendance.ts';

/** Terbaik Umum as published for 2025: Kopdit TLM, PT Crisoris Jaya Mandiri, PT Timor Otsuki Mutiara. */
export const PUBLISHED_OVERALL = ['jasa-keuangan-01', 'kesehatan-01', 'pertanian-01'];

/** How good each place in a category's published order is, on the 1–5 scale, before jurors differ. */
const QUALITY_BY_PLACE = [4.3, 3.9, 3.5, 3.0, 2.7];
/** The overall order among category winners comes from a little extra for the published three. */
const OVERALL_BONUS: Record<string, number> = { 'jasa-keuangan-01': 0.5, 'kesehatan-01': 0.35, 'pertanian-01': 0.2 };
/** How far one juror's mark may stray from the nominee's quality. */
const SPREAD = 0.9;

export function demoMarks(event: Event, seed: number): MergeMark[] {
  const rng = xoroshiro128plus(seed); // advanced in place by each draw
  const noise = () => (uniformFloat64(rng) * 2 - 1) * SPREAD;
  const marks: MergeMark[] = [];
  for (const juror of event.jurors) {
    for (const round of [...event.rounds].sort((a, b) => a.order - b.order)) {
      for (const category of event.categories.filter((c) => round.categoryIds.includes(c.id))) {
        if (demoAbsent(event, juror.id, round.id, category.id)) continue; // issue 16: the demo juror absent from these interviews gives no marks
        const nominees = event.nominees.filter((n) => n.categoryId === category.id);
        const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
        nominees.forEach((nominee, place) => {
          if (event.conflicts.some((c) => c.jurorId === juror.id && c.nomineeId === nominee.id)) return;
          const quality = (QUALITY_BY_PLACE[place] ?? 2.5) + (OVERALL_BONUS[nominee.id] ?? 0);
          for (const criterion of criteria) marks.push(demoMark(juror.id, round.id, nominee.id, criterion, quality + noise()));
        });
      }
    }
  }
  return marks;
}

/** A demo juror's mark: the quality drawn for the nominee, held to the criterion's scale and rounded to its step. */
export function demoMark(jurorId: string, roundId: string, nomineeId: string, criterion: Criterion, quality: number): MergeMark {
  const { min, max, step } = criterion.scale;
  const raw = Math.min(max, Math.max(min, quality));
  return { jurorId, roundId, nomineeId, criterionCode: criterion.code, value: Math.round(raw / step) * step };
}

/** Whether marks reproduce the published order: every category's first three as listed, and the overall three. */
export function publishedOrderHolds(event: Event, marks: readonly MergeMark[]): boolean {
  const result = merge(event, marks, 'mean');
  const categoriesHold = result.categories.every((category) => {
    const listed = event.nominees
      .filter((n) => n.categoryId === category.categoryId)
      .slice(0, 3)
      .map((n) => n.id);
    return listed.every((id, place) => category.ranking[place]?.nomineeId === id && !category.ranking[place].joint);
  });
  return categoriesHold && result.overall.map((n) => n.nomineeId).join() === PUBLISHED_OVERALL.join();
}

/** The marks of `timbang demo`: for a given seed as they come, else the first seed from 1 that gives the published order. */
export function demoScores(event: Event, seed?: number): { seed: number; marks: MergeMark[] } {
  if (seed !== undefined) return { seed, marks: demoMarks(event, seed) };
  for (let candidate = 1; candidate <= 1000; candidate++) {
    const marks = demoMarks(event, candidate);
    if (publishedOrderHolds(event, marks)) return { seed: candidate, marks };
  }
  throw new AppError('internal', demoMessages.noPublishedSeed());
}
