import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../src/core/validate-event.ts';
import { demoDocument } from '../support/demo.ts';

describe('the embedded demo event (resources/demo-event.json)', () => {
  const result = validateEvent(demoDocument());

  it('is valid against the model', () => {
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  if (!result.ok) return;
  const event = result.event;

  it('is the Paritrana Award NTT 2025 with its period assessed and schedule', () => {
    expect(event.name).toBe('Paritrana Award Tingkat Provinsi NTT 2025');
    expect(event.yearHeld).toBe(2025);
    expect(event.periodAssessed).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(event.schedule.interviews).toMatchObject({ start: '2025-06-24', end: '2025-06-26' });
    expect(event.schedule.ceremony).toEqual({ date: '2025-07-21', venue: 'Hotel Harper Kupang' });
  });

  it('has 8 categories of 5 nominees each (40), the published winners first', () => {
    expect(event.categories).toHaveLength(8);
    expect(event.nominees).toHaveLength(40);
    for (const category of event.categories) {
      expect(event.nominees.filter((n) => n.categoryId === category.id)).toHaveLength(5);
    }
    const firstOf = (categoryId: string) => event.nominees.find((n) => n.categoryId === categoryId)?.name;
    expect(firstOf('jasa-keuangan')).toBe('Kopdit TLM');
    expect(firstOf('kesehatan')).toBe('PT Crisoris Jaya Mandiri (RSU Siloam)');
    expect(firstOf('pertanian')).toBe('PT Timor Otsuki Mutiara');
  });

  it('marks fictional nominees, and only those, as fictional', () => {
    const fictional = event.nominees.filter((n) => n.fictional).map((n) => n.name);
    expect(fictional).toContain('PT Karang Batu Konstruksi');
    expect(fictional).not.toContain('Bank NTT');
    expect(fictional).toHaveLength(17);
    expect(event.nominees.every((n) => !n.name.includes('†'))).toBe(true);
  });

  it('has the nine jurors with one ketua and one sekretaris', () => {
    expect(event.jurors.map((j) => j.id)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9']);
    expect(event.jurors.filter((j) => j.role === 'ketua').map((j) => j.id)).toEqual(['J1']);
    expect(event.jurors.filter((j) => j.role === 'sekretaris').map((j) => j.id)).toEqual(['J2']);
  });

  it('has two rounds weighted 60/40 with the Wawancara shortlist of 5', () => {
    expect(event.rounds.map((r) => [r.id, r.order, r.weight, r.shortlistSize])).toEqual([
      ['administrasi', 1, 60, null],
      ['wawancara', 2, 40, 5],
    ]);
  });

  it('has every criterion of domain.md with a rubric anchor for each of the five levels', () => {
    expect(event.criteria.map((c) => c.code).sort()).toEqual(
      [
        'W1',
        'W2',
        'W3',
        'W4',
        'W5',
        'PD1',
        'PD2',
        'PD3',
        'PD4',
        'PS1',
        'PS2',
        'PS3',
        'PS4',
        'BU1',
        'BU2',
        'BU3',
        'BU4',
        'BU5',
        'UK1',
        'UK2',
        'UK3',
        'UK4',
      ].sort(),
    );
    for (const criterion of event.criteria) {
      expect(criterion.rubric.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
      for (const level of criterion.rubric) expect(level.text.id.length + level.text.en.length).toBeGreaterThan(2);
    }
    const w1 = event.criteria.find((c) => c.code === 'W1')!;
    expect(w1).toMatchObject({ roundId: 'wawancara', weight: 30 });
    expect(w1.categoryIds).toHaveLength(8);
  });

  it('has the two demo conflicts: J4 and J9', () => {
    const named = event.conflicts.map((c) => [c.jurorId, event.nominees.find((n) => n.id === c.nomineeId)?.name]);
    expect(named).toEqual([
      ['J4', 'PT Karang Batu Konstruksi'],
      ['J9', 'Yayasan Pendidikan Lentera Timor'],
    ]);
  });
});
