/**
 * The indexed merge (marks grouped once by cell; leave-one-juror-out by removing one juror from each cell)
 * gives exactly what merging again gave: the same rankings, scores to the bit, flags, agreement and
 * leave-one-juror-out, under every rule, also on awkward marks (duplicates, half points, criteria and
 * nominees the event does not know, a shortlist that leaves nominees out, ties everywhere).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { categoryAgreement, disagreements, leaveOneJurorOut, panelFigures } from '../../src/core/agreement.ts';
import { indexMarks, merge, mergePlan, mergeWith, rankingWithout, type MergeMark } from '../../src/core/merge.ts';
import type { Event, MergeRule } from '../../src/core/model.ts';
import { demoMarks } from '../../src/services/demo/demo-scores.ts';
import { nationalEvent, nationalMarks } from '../../src/services/demo/national-demo.ts';
import { demoDocument } from '../support/demo.ts';
import {
  referenceCategoryAgreement,
  referenceDisagreements,
  referenceLeaveOneJurorOut,
  referenceMerge,
} from '../support/reference-merge.ts';

const RULES: MergeRule[] = ['mean', 'trimmed', 'median', 'zscore'];

/** Demo marks made awkward, from a seed. */
function awkward(seed: number): { event: Event; marks: MergeMark[] } {
  const event = demoDocument();
  const rng = xoroshiro128plus(seed);
  const chance = () => uniformFloat64(rng);
  // Half points on one criterion, and an issued shortlist that leaves two manufaktur nominees out of Wawancara.
  event.criteria.find((c) => c.code === 'W2')!.scale.step = 0.5;
  event.criteria.find((c) => c.code === 'W3')!.scale.step = 0.2;
  event.shortlists = [{ roundId: 'wawancara', categoryId: 'manufaktur', nomineeIds: ['manufaktur-01', 'manufaktur-02', 'manufaktur-03'] }];
  const marks: MergeMark[] = [];
  for (const mark of demoMarks(event, seed)) {
    const r = chance();
    if (r < 0.05) continue; // missing
    const value = chance() < 0.3 ? 3 : mark.value; // many equal marks: ties
    // Half points (sums stay exact) on W2, fifths (they do not) on W3.
    const offset = mark.criterionCode === 'W2' && chance() < 0.5 ? -0.5 : mark.criterionCode === 'W3' && chance() < 0.5 ? -0.2 : 0;
    marks.push({ ...mark, value: value + offset });
    if (r > 0.995) marks.push({ ...mark, value: 1 }); // a duplicate
  }
  marks.push({ jurorId: 'J2', roundId: 'administrasi', nomineeId: 'tidak-ada', criterionCode: 'PD1', value: 5 });
  marks.push({ jurorId: 'J3', roundId: 'administrasi', nomineeId: 'pemkab-01', criterionCode: 'BU1', value: 1 });
  marks.push({ jurorId: 'J10', roundId: 'wawancara', nomineeId: 'ukm-01', criterionCode: 'W1', value: 5 }); // not in the event
  // Shuffled: order must not matter.
  for (let i = marks.length - 1; i > 0; i--) {
    const j = Math.floor(chance() * (i + 1));
    [marks[i], marks[j]] = [marks[j], marks[i]];
  }
  return { event, marks };
}

describe('the indexed merge equals merging again', () => {
  for (const seed of [1, 2, 3, 7]) {
    for (const rule of RULES) {
      it(`seed ${seed}, ${rule}: merge, leave-one-juror-out, flags and agreement`, () => {
        const { event, marks } = awkward(seed);
        expect(merge(event, marks, rule)).toEqual(referenceMerge(event, marks, rule));
        expect(leaveOneJurorOut(event, marks, rule)).toEqual(referenceLeaveOneJurorOut(event, marks, rule));
        expect(disagreements(marks, 2)).toEqual(referenceDisagreements(marks, 2));
        expect(disagreements(marks, 1)).toEqual(referenceDisagreements(marks, 1));
        for (const round of event.rounds) {
          for (const categoryId of round.categoryIds) {
            expect(categoryAgreement(event, marks, round.id, categoryId)).toEqual(
              referenceCategoryAgreement(event, marks, round.id, categoryId),
            );
          }
        }
      });
    }
  }

  it('ranks without a juror exactly as the full merge of the others does', () => {
    const { event, marks } = awkward(5);
    for (const rule of RULES) {
      const plan = mergePlan(event, indexMarks(marks));
      for (const juror of event.jurors) {
        const order = rankingWithout(plan, rule, juror.id);
        const merged = referenceMerge(
          event,
          marks.filter((m) => m.jurorId !== juror.id),
          rule,
        );
        for (const category of merged.categories) expect(order.get(category.categoryId)).toEqual(category.ranking.map((n) => n.nomineeId));
        expect(mergeWith(plan, rule, juror.id)).toEqual(merged);
      }
    }
  });

  it('a national-style event (many nominees, conflicts) gives the same figures in one pass', () => {
    const event = nationalEvent(demoDocument(), { nominees: 120, jurors: 6, criteria: 5 });
    const marks = nationalMarks(event, 3);
    for (const rule of RULES) {
      const figures = panelFigures(event, marks, rule);
      expect(figures.result).toEqual(referenceMerge(event, marks, rule));
      expect(figures.leaveOneOut).toEqual(referenceLeaveOneJurorOut(event, marks, rule));
      expect(figures.flags).toEqual(referenceDisagreements(marks, event.merge.disagreementThreshold));
    }
  });

  it('handles no marks at all', () => {
    const event = demoDocument();
    for (const rule of RULES) {
      expect(merge(event, [], rule)).toEqual(referenceMerge(event, [], rule));
      expect(leaveOneJurorOut(event, [], rule)).toEqual(referenceLeaveOneJurorOut(event, [], rule));
    }
    expect(disagreements([], 2)).toEqual([]);
  });
});
