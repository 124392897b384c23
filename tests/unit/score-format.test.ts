import { describe, expect, it } from 'vitest';
import { formatScore, roundScore } from '../../src/core/score-format.ts';

describe('scores as people read them', () => {
  it('rounds half away from zero on the decimal people see, where toFixed goes by the double just below', () => {
    expect((50.275).toFixed(2)).toBe('50.27'); // why this module exists
    expect(formatScore(50.275, 'id')).toBe('50,28');
    expect(formatScore(50.275, 'en')).toBe('50.28');
    expect(roundScore(50.275)).toBe(50.28);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(86.174999)).toBe(86.17);
  });

  it('writes the decimal comma in Indonesian, never a thousands separator, and a dash for no score', () => {
    expect(formatScore(1234.5, 'id')).toBe('1234,50');
    expect(formatScore(79, 'en')).toBe('79.00');
    expect(formatScore(0.8, 'id', 3)).toBe('0,800');
    expect(formatScore(null, 'id')).toBe('—');
    expect(formatScore(undefined, 'en')).toBe('—');
  });
});
