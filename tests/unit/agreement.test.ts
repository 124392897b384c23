import { describe, expect, it } from 'vitest';
import { categoryAgreement, disagreements, kendallW, leaveOneJurorOut, ranksOf } from '../../src/core/agreement.ts';
import type { MergeMark } from '../../src/core/merge.ts';
import { demoMarks } from '../../src/services/demo/demo-scores.ts';
import { demoDocument } from '../support/demo.ts';

describe("Kendall's W", () => {
  it('matches the worked example of influentialpoints.com: 4 raters, 8 farms, W = 0.744', () => {
    const ranks = [
      [8, 4, 2, 3, 5, 1, 6, 7],
      [7, 3, 1, 4, 5, 2, 6, 8],
      [8, 2, 5, 6, 7, 1, 4, 3],
      [8, 3, 4, 2, 5, 1, 6, 7],
    ];
    expect(kendallW(ranks)).toBeCloseTo(0.744, 3);
  });

  it("matches ProofWiki's example: 4 judges, 3 competitors, W = 1/16", () => {
    expect(
      kendallW([
        [1, 3, 2],
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ]),
    ).toBeCloseTo(1 / 16, 12);
  });

  it('is 1 for identical rankings and corrects for ties', () => {
    expect(
      kendallW([
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toBe(1);
    const tied = [ranksOf([5, 5, 3]), ranksOf([4, 4, 1])];
    expect(tied).toEqual([
      [1.5, 1.5, 3],
      [1.5, 1.5, 3],
    ]);
    expect(kendallW(tied)).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2]])).toBeNull();
  });
});

describe('disagreement flags', () => {
  const mark = (jurorId: string, value: number): MergeMark => ({ jurorId, roundId: 'r', nomineeId: 'n', criterionCode: 'C1', value });

  it('flags marks at least the threshold from the panel median', () => {
    const marks = [mark('J1', 4), mark('J2', 4), mark('J3', 5), mark('J4', 2), mark('J5', 4)];
    expect(disagreements(marks, 2)).toEqual([{ ...mark('J4', 2), median: 4 }]);
    expect(disagreements(marks, 3)).toEqual([]);
  });
});

describe('panel agreement on the demo', () => {
  const event = demoDocument();
  const marks = demoMarks(event, 1);

  it('computes W per category and round over the jurors who scored every nominee', () => {
    const manufaktur = categoryAgreement(event, marks, 'administrasi', 'manufaktur');
    expect(manufaktur.jurors).toBe(8); // J4 is conflicted with one nominee
    expect(manufaktur.w).toBeGreaterThan(0.5);
    // Issue 16: the demo's J7 is absent from UKM's interviews (no marks there).
    expect(categoryAgreement(event, marks, 'wawancara', 'ukm').jurors).toBe(8);
    expect(categoryAgreement(event, marks, 'wawancara', 'kesehatan').jurors).toBe(9);
  });

  it('tells, for each juror, whether leaving them out changes a podium', () => {
    const result = leaveOneJurorOut(event, marks, 'mean');
    expect(result.map((r) => r.jurorId)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9']);
    for (const r of result) for (const change of r.changes) expect(change.podium).toHaveLength(3);
  });
});
