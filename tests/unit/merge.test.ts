/**
 * The merge on small events whose results are computed by hand in the comments.
 * Event: one category, round r1 (60%: A weight 60, B weight 40) and round r2 (40%: W weight 100), scale 1–5.
 */
import { describe, expect, it } from 'vitest';
import { merge, standardise, type MergeMark } from '../../src/core/merge.ts';
import { roundNominees } from '../../src/core/scoring.ts';
import type { Event } from '../../src/core/model.ts';
import { validateEvent } from '../../src/core/validate-event.ts';

const rubric = [1, 2, 3, 4, 5].map((score) => ({ score, text: { id: `tingkat ${score}`, en: `level ${score}` } }));
const criterion = (code: string, roundId: string, weight: number) => ({
  code,
  roundId,
  categoryIds: ['c'],
  label: { id: code, en: code },
  weight,
  scale: { min: 1, max: 5, step: 1 },
  rubric,
});

function smallEvent(nominees = ['n1', 'n2', 'n3']): Event {
  const result = validateEvent({
    format: 'timbang.event',
    formatVersion: 1,
    id: 'uji',
    name: 'Uji',
    yearHeld: 2025,
    periodAssessed: { start: '2024-01-01', end: '2024-12-31' },
    place: 'Kupang',
    schedule: {},
    categories: [
      { id: 'c', name: { id: 'Kategori', en: 'Category' } },
      { id: 'd', name: { id: 'Kategori D', en: 'Category D' } },
    ],
    rounds: [
      { id: 'r1', order: 1, name: { id: 'Administrasi', en: 'Admin' }, weight: 60, categoryIds: ['c', 'd'], shortlistSize: null },
      { id: 'r2', order: 2, name: { id: 'Wawancara', en: 'Interview' }, weight: 40, categoryIds: ['c', 'd'], shortlistSize: null },
    ],
    criteria: [criterion('A', 'r1', 60), criterion('B', 'r1', 40), criterion('W', 'r2', 100)].map((c) => ({
      ...c,
      categoryIds: ['c', 'd'],
    })),
    nominees: [
      ...nominees.map((id) => ({ id, categoryId: 'c', name: id.toUpperCase(), region: '', fictional: true, attributes: {} })),
      { id: 'd1', categoryId: 'd', name: 'D1', region: '', fictional: true, attributes: {} },
    ],
    jurors: ['J1', 'J2', 'J3', 'J4', 'J5'].map((id) => ({ id, role: 'anggota', title: id, institution: 'Uji' })),
    conflicts: [],
    merge: {
      rule: 'mean',
      tieBreak: [{ kind: 'round', roundId: 'r2' }, { kind: 'topCriterion', roundId: 'r1' }, { kind: 'plenary' }],
      disagreementThreshold: 2,
      winnersPerCategory: 3,
      overall: { name: { id: 'Umum', en: 'Overall' }, categoryIds: ['c', 'd'], size: 2 },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.event;
}

/** marks('n1', 'r1', 'A', [5, 4]) → J1 gives 5, J2 gives 4 (null skips a juror). */
const marks = (nomineeId: string, roundId: string, criterionCode: string, values: (number | null)[]): MergeMark[] =>
  values.flatMap((value, i) => (value === null ? [] : [{ jurorId: `J${i + 1}`, roundId, nomineeId, criterionCode, value }]));

const find = (result: ReturnType<typeof merge>, id: string) => result.categories.flatMap((c) => c.ranking).find((n) => n.nomineeId === id)!;

describe('merge rules on hand-computed cases', () => {
  it('mean: criterion value = mean ÷ 5 × 100; round = Σ weight × value ÷ 100; final = 60% r1 + 40% r2', () => {
    const event = smallEvent();
    const result = merge(event, [
      ...marks('n1', 'r1', 'A', [5, 4]), // 4.5 → 90
      ...marks('n1', 'r1', 'B', [3, 3]), // 3 → 60; r1 = 0.6×90 + 0.4×60 = 78
      ...marks('n1', 'r2', 'W', [4, 4]), // 80; final = 0.6×78 + 0.4×80 = 78.8
    ]);
    const n1 = find(result, 'n1');
    expect(n1.criteria.r1).toEqual({ A: 90, B: 60 });
    expect(n1.rounds.r1).toBeCloseTo(78, 10);
    expect(n1.rounds.r2).toBeCloseTo(80, 10);
    expect(n1.final).toBeCloseTo(78.8, 10);
  });

  it('excludes a conflicted juror simply by their having no mark, and never counts a missing mark as zero', () => {
    const event = smallEvent();
    // J3 is conflicted with n1 (no marks); J2 forgot B: B is the mean of J1 alone, not (4 + 0) / 2.
    const result = merge(event, [
      ...marks('n1', 'r1', 'A', [4, 4, null]),
      ...marks('n1', 'r1', 'B', [4, null, null]),
      ...marks('n1', 'r2', 'W', [4, 4, null]),
    ]);
    const n1 = find(result, 'n1');
    expect(n1.criteria.r1.B).toBe(80);
    expect(n1.final).toBeCloseTo(80, 10);
    expect(n1.complete).toBe(true);
  });

  it('ranks a nominee with no marks in a round after every complete one', () => {
    const event = smallEvent();
    const result = merge(event, [
      ...marks('n1', 'r1', 'A', [5, 5]),
      ...marks('n1', 'r1', 'B', [5, 5]), // r1 = 100, no interview: final 60
      ...marks('n2', 'r1', 'A', [2, 2]),
      ...marks('n2', 'r1', 'B', [2, 2]),
      ...marks('n2', 'r2', 'W', [2, 2]), // 40
    ]);
    const ranking = result.categories[0].ranking;
    expect(ranking.map((n) => [n.nomineeId, n.complete])).toEqual([
      ['n2', true],
      ['n1', false],
      ['n3', false],
    ]);
  });

  it('counts a round only for the nominees its issued shortlist admits, even a shortlist shorter than the size allowed', () => {
    const event = { ...smallEvent(), shortlists: [{ roundId: 'r2', categoryId: 'c', nomineeIds: ['n2'] }] };
    event.rounds = event.rounds.map((r) => (r.id === 'r2' ? { ...r, shortlistSize: 3 } : r)); // three allowed, one shortlisted
    expect(roundNominees(event, event.rounds[1], 'c')!.map((n) => n.id)).toEqual(['n2']);
    const result = merge(event, [
      // n1 was interviewed before the shortlist left it out: its interview marks do not count (final 60, not 100).
      ...marks('n1', 'r1', 'A', [5, 5]),
      ...marks('n1', 'r1', 'B', [5, 5]),
      ...marks('n1', 'r2', 'W', [5, 5]),
      ...marks('n2', 'r1', 'A', [2, 2]),
      ...marks('n2', 'r1', 'B', [2, 2]),
      ...marks('n2', 'r2', 'W', [2, 2]),
    ]);
    expect(find(result, 'n1')).toMatchObject({ final: 60, complete: false, rounds: { r1: 100, r2: null } });
    expect(result.categories[0].ranking.map((n) => n.nomineeId)).toEqual(['n2', 'n1', 'n3']);
  });

  it('trimmed mean drops the highest and lowest mark once there are five', () => {
    const event = smallEvent();
    const five = merge(event, marks('n1', 'r1', 'A', [1, 4, 4, 5, 5]), 'trimmed'); // drop 1 and 5: (4+4+5)/3
    expect(find(five, 'n1').criteria.r1.A).toBeCloseTo((13 / 3 / 5) * 100, 10);
    const four = merge(event, marks('n1', 'r1', 'A', [1, 4, 4, 5]), 'trimmed'); // fewer than five: plain mean 3.5
    expect(find(four, 'n1').criteria.r1.A).toBeCloseTo(70, 10);
  });

  it('median takes the middle mark (the mean of the two middle ones for an even count)', () => {
    const event = smallEvent();
    expect(find(merge(event, marks('n1', 'r1', 'A', [1, 5, 4]), 'median'), 'n1').criteria.r1.A).toBe(80);
    expect(find(merge(event, marks('n1', 'r1', 'A', [1, 5, 4, 2]), 'median'), 'n1').criteria.r1.A).toBe(60);
  });

  it('z-score puts a strict and a lenient juror on the same footing', () => {
    // J1 gives everything one point less than J2; standardised, they agree exactly.
    const raw = [...marks('n1', 'r1', 'A', [3, 4]), ...marks('n2', 'r1', 'A', [2, 3]), ...marks('n3', 'r1', 'A', [1, 2])];
    const z = standardise(raw);
    const value = (juror: string, nominee: string) => z.find((m) => m.jurorId === juror && m.nomineeId === nominee)!.value;
    for (const nominee of ['n1', 'n2', 'n3']) expect(value('J1', nominee)).toBeCloseTo(value('J2', nominee), 10);
    // Panel mean 2.5 and spread stay: n1 maps to 2.5 + 1.2247… × σ_panel.
    const values = z.map((m) => m.value);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(2.5, 10);
  });
});

describe('ranking and ties', () => {
  const full = (id: string, a: number, b: number, w: number) => [
    ...marks(id, 'r1', 'A', [a, a]),
    ...marks(id, 'r1', 'B', [b, b]),
    ...marks(id, 'r2', 'W', [w, w]),
  ];

  it('breaks a tie on final and interview by the highest-weighted criterion of Seleksi Administrasi', () => {
    // n1: A 5 (100), B 2 (40) → r1 = 60 + 16 = 76; W 4 → 80; final 0.6×76 + 0.4×80 = 77.6.
    // n2: A 3 (60),  B 5 (100) → r1 = 36 + 40 = 76; W 4 → 80; final 77.6: tied on final and on the interview.
    // The top criterion of r1 is A (weight 60): n1 has 100, n2 has 60, so n1 ranks first.
    const result = merge(smallEvent(), [...full('n1', 5, 2, 4), ...full('n2', 3, 5, 4), ...full('n3', 1, 1, 1)]);
    const ranking = result.categories[0].ranking;
    expect(ranking[0].final).toBeCloseTo(ranking[1].final, 10);
    expect(ranking.map((n) => [n.nomineeId, n.rank, n.joint])).toEqual([
      ['n1', 1, false],
      ['n2', 2, false],
      ['n3', 3, false],
    ]);
  });

  it('prefers the higher interview score when finals are equal', () => {
    // n1: A 4, B 4 → r1 80; W 3 → 60; final 48 + 24 = 72.
    // n2: A 3, B 3 → r1 60; W marks 5 and 4 → 90; final 36 + 36 = 72, with the better interview.
    const event = smallEvent();
    const result = merge(event, [
      ...full('n1', 4, 4, 3),
      ...marks('n2', 'r1', 'A', [3, 3]),
      ...marks('n2', 'r1', 'B', [3, 3]),
      ...marks('n2', 'r2', 'W', [5, 4]),
    ]);
    const ranking = result.categories[0].ranking;
    expect(ranking[0].final).toBeCloseTo(ranking[1].final, 10);
    expect(ranking.slice(0, 2).map((n) => n.nomineeId)).toEqual(['n2', 'n1']);
  });

  it('gives joint winners when the whole cascade cannot separate them', () => {
    const result = merge(smallEvent(), [...full('n1', 4, 3, 4), ...full('n2', 4, 3, 4), ...full('n3', 2, 2, 2)]);
    const ranking = result.categories[0].ranking;
    expect(ranking.map((n) => [n.nomineeId, n.rank, n.joint])).toEqual([
      ['n1', 1, true],
      ['n2', 1, true],
      ['n3', 3, false],
    ]);
  });

  it('gives the same result whatever order the marks come in', () => {
    const all = [...full('n1', 5, 2, 4), ...full('n2', 3, 5, 4), ...full('n3', 1, 1, 1), ...full('d1', 4, 4, 4)];
    const once = merge(smallEvent(), all);
    const reversed = merge(smallEvent(), [...all].reverse());
    expect(reversed).toEqual(once);
  });

  it('ranks the overall among category winners', () => {
    const result = merge(smallEvent(), [...full('n1', 5, 2, 4), ...full('n2', 3, 5, 4), ...full('d1', 5, 5, 5)]);
    expect(result.overall.map((n) => [n.nomineeId, n.categoryId, n.rank])).toEqual([
      ['d1', 'd', 1],
      ['n1', 'c', 2],
    ]);
  });
});
