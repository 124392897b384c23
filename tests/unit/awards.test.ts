/**
 * Awards per category (issue 16): a category's own number of places, a place that stays empty below the
 * minimum Nilai Akhir (nobody promoted into it), joint holders, incomplete nominees, and the special awards
 * as the results hash carries them.
 */
import { describe, expect, it } from 'vitest';
import { awardCount, categoryAwards, eventAwards, hashedSpecialAwards, placesOf, type RankedEntry } from '../../src/core/awards.ts';
import type { Event } from '../../src/core/model.ts';
import { demoDocument } from '../support/demo.ts';

/** The demo event with no shortlist pending (every nominee is admitted to both rounds) and nominees a, b, c, d in its first category. */
function event(): Event {
  const e = demoDocument();
  for (const round of e.rounds) round.shortlistSize = null;
  for (const id of ['a', 'b', 'c', 'd'])
    e.nominees.push({ id, categoryId: e.categories[0].id, name: id, region: '', fictional: true, attributes: {} });
  return e;
}

const entry = (nomineeId: string, rank: number, final: number, complete = true): RankedEntry => ({
  rank,
  nomineeId,
  final,
  rounds: { administrasi: complete ? final : null, wawancara: complete ? final : null },
});

describe('awards per category', () => {
  it("gives the event's number of places unless the category has its own", () => {
    const e = event();
    expect(placesOf(e, e.categories[0])).toBe(e.merge.winnersPerCategory);
    e.categories[0].places = 12;
    expect(placesOf(e, e.categories[0])).toBe(12);
  });

  it('leaves a place below the minimum empty and never promotes a lower nominee into it', () => {
    const e = event();
    const category = { ...e.categories[0], minimumScore: 70 };
    const awards = categoryAwards(e, category, [entry('a', 1, 90), entry('b', 2, 75), entry('c', 3, 69.99), entry('d', 4, 60)]);
    expect(awards).toEqual({
      categoryId: category.id,
      size: 3,
      minimum: 70,
      places: [
        { place: 1, nomineeIds: ['a'], vacant: null },
        { place: 2, nomineeIds: ['b'], vacant: null },
        { place: 3, nomineeIds: [], vacant: 'below-minimum' },
      ],
    });
    // Exactly at the minimum is enough.
    expect(categoryAwards(e, category, [entry('a', 1, 90), entry('b', 2, 75), entry('c', 3, 70)]).places[2]).toEqual({
      place: 3,
      nomineeIds: ['c'],
      vacant: null,
    });
  });

  it('gives joint holders one place and the next place to nobody (ranks 1, 1, 3)', () => {
    const e = event();
    const places = categoryAwards(e, e.categories[0], [entry('a', 1, 80), entry('b', 1, 80), entry('c', 3, 70)]).places;
    expect(places).toEqual([
      { place: 1, nomineeIds: ['a', 'b'], vacant: null },
      { place: 2, nomineeIds: [], vacant: 'shared' },
      { place: 3, nomineeIds: ['c'], vacant: null },
    ]);
    expect(awardCount([{ categoryId: 'x', size: 3, minimum: null, places }])).toBe(3);
  });

  it('gives no place to a nominee not scored in every round, nor beyond the field', () => {
    const e = event();
    const places = categoryAwards(e, { ...e.categories[0], places: 4 }, [entry('a', 1, 80), entry('b', 2, 48, false)]).places;
    expect(places.map((p) => p.vacant)).toEqual([null, 'incomplete', 'no-nominee', 'no-nominee']);
  });

  it('does not count a round a shortlist left the nominee out of', () => {
    const e = demoDocument();
    const category = e.categories[0];
    const inCategory = e.nominees.filter((n) => n.categoryId === category.id);
    e.shortlists = [{ roundId: 'wawancara', categoryId: category.id, nomineeIds: [inCategory[0].id] }];
    const ranking = [
      { rank: 1, nomineeId: inCategory[0].id, final: 80, rounds: { administrasi: 80, wawancara: 80 } },
      { rank: 2, nomineeId: inCategory[1].id, final: 40, rounds: { administrasi: 66, wawancara: null } },
    ];
    expect(categoryAwards(e, category, ranking).places.map((p) => p.nomineeIds)).toEqual([[inCategory[0].id], [inCategory[1].id], []]);
  });

  it("covers every category in the event's order, and counts the places of NTT 2023's shape", () => {
    const e = event();
    const sizes = [12, 6, 6, 5, 6, 3, 6, 6];
    e.categories.forEach((c, i) => (c.places = sizes[i]));
    const categories = e.categories.map((c) => ({
      id: c.id,
      ranking: Array.from({ length: 14 }, (_, i) => entry(`${c.id}-${i}`, i + 1, 90 - i)),
    }));
    for (const c of categories)
      for (const n of c.ranking)
        e.nominees.push({ id: n.nomineeId, categoryId: c.id, name: n.nomineeId, region: '', fictional: true, attributes: {} });
    const awards = eventAwards(e, [...categories].reverse());
    expect(awards.map((a) => a.categoryId)).toEqual(e.categories.map((c) => c.id));
    // 12 + 6 + 6 + 5 + 6 + 3 + 6 + 6: the published places per category sum to 50 (the other 4 of 2023's 54
    // awards are Terbaik Umum and a special award, which the e2e test of the 2023 shape counts too).
    expect(awardCount(awards)).toBe(50);
  });

  it('carries special awards into the hash by what, where and to whom, in one order', () => {
    const a = { categoryId: 'ukm', name: 'Terbaik Inovasi', nomineeId: 'x', reason: 'r', decidedBy: 'd', recordedAt: 't' };
    const b = { categoryId: null, name: 'Terbaik Coverage', nomineeId: 'y', reason: 'r2', decidedBy: 'd2', recordedAt: 't2' };
    expect(hashedSpecialAwards([a, b])).toEqual([
      { categoryId: null, name: 'Terbaik Coverage', nomineeId: 'y' },
      { categoryId: 'ukm', name: 'Terbaik Inovasi', nomineeId: 'x' },
    ]);
    expect(hashedSpecialAwards([b, a])).toEqual(hashedSpecialAwards([a, b]));
  });
});
