import { describe, expect, it } from 'vitest';
import { figuresFor, formatFigureValue, unlinkedFigures } from '../../src/core/evidence.ts';
import { demoDocument } from '../support/demo.ts';

describe('nominee figures (issue 17)', () => {
  it('are written with the decimal comma and dotted thousands in Indonesian, the English way in English', () => {
    expect(formatFigureValue({ value: 34.9, unit: '%' }, 'id')).toBe('34,90 %');
    expect(formatFigureValue({ value: 34.9, unit: '%' }, 'en')).toBe('34.90 %');
    expect(formatFigureValue({ value: 100000, unit: 'orang' }, 'id')).toBe('100.000 orang');
    expect(formatFigureValue({ value: 100000, unit: 'orang' }, 'en')).toBe('100,000 orang');
    expect(formatFigureValue({ value: 3, unit: '' }, 'id')).toBe('3');
    expect(formatFigureValue({ value: 0.125, unit: '%' }, 'id')).toBe('0,13 %');
  });

  it("the demo gives every nominee a figure beside the criteria they inform, Kab. Nagekeo NTT's 34,90 % beside PD3", () => {
    const demo = demoDocument();
    const pd3 = figuresFor(demo, 'pemkab-01', 'PD3');
    expect(pd3.map((f) => `${f.label.id} ${formatFigureValue(f, 'id')}`)).toEqual(['Cakupan kepesertaan 34,90 %']);
    expect(figuresFor(demo, 'pemkab-01', 'PD1')).toEqual([]);
    for (const nominee of demo.nominees) {
      const figures = (demo.figures ?? []).filter((f) => f.nomineeId === nominee.id);
      expect(figures.length, nominee.id).toBeGreaterThan(0);
      for (const f of figures) {
        const criteria = demo.criteria.filter((c) => f.criterionCodes?.includes(c.code));
        expect(criteria.length, `${nominee.id} ${f.label.id}`).toBe(f.criterionCodes?.length);
        expect(criteria.every((c) => c.categoryIds.includes(nominee.categoryId))).toBe(true);
        // Fictional nominees, and every figure not published, say so in their source.
        if (nominee.fictional) expect(f.source).toContain('fiktif');
      }
    }
    expect(unlinkedFigures(demo, 'pemkab-01')).toEqual([]);
  });
});
