/**
 * The largest honest files the guard must let through: a national-scale juror sheet (2,000 nominees ×
 * 12 criteria × 2 rounds, as in the bench) and a template whose column carries a data validation over the
 * whole column, as Excel writes it when a user selects the column header.
 */
import type { Event } from '../../../src/core/model.ts';
import type { UnlockedKey } from '../../../src/services/keys/key-store.ts';
import { writeScoreSheet } from '../../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../../src/services/sheets/sheet-export.ts';
import { patchZip } from './zip.ts';

export function nationalEvent(demo: Event, nominees = 2000): Event {
  const rubric = [1, 2, 3, 4, 5].map((score) => ({ score, text: { id: `tingkat ${score}`, en: `level ${score}` } }));
  const criteria = ['administrasi', 'wawancara'].flatMap((roundId) =>
    Array.from({ length: 12 }, (_, i) => ({
      code: `${roundId === 'administrasi' ? 'A' : 'W'}${i + 1}`,
      roundId,
      categoryIds: ['nasional'],
      label: { id: `Kriteria ${i + 1}`, en: `Criterion ${i + 1}` },
      weight: i < 11 ? 8 : 12,
      scale: { min: 1, max: 5, step: 1 },
      rubric,
    })),
  );
  return {
    ...structuredClone(demo),
    id: 'paritrana-nasional',
    categories: [{ id: 'nasional', name: { id: 'Nasional', en: 'National' } }],
    rounds: demo.rounds.map((r) => ({ ...r, categoryIds: ['nasional'], shortlistSize: null })),
    criteria,
    conflicts: [],
    nominees: Array.from({ length: nominees }, (_, i) => ({
      id: `n-${i + 1}`,
      categoryId: 'nasional',
      name: `Nominasi ${i + 1}`,
      region: `Wilayah ${i % 38}`,
      fictional: true,
      attributes: {},
    })),
    merge: { ...demo.merge, overall: null },
  };
}

/** J1's fully scored sheet of the national event, signed with `key`. */
export function nationalSheet(event: Event, key: UnlockedKey): Promise<Buffer> {
  const marks = event.nominees.flatMap((n, i) =>
    event.criteria.map((c, k) => ({ roundId: c.roundId, nomineeId: n.id, criterionCode: c.code, value: ((i + k) % 5) + 1 })),
  );
  return writeScoreSheet(
    sheetPayload({
      event,
      jurorId: 'J1',
      jurorName: 'Juri Nasional',
      roundIds: ['administrasi', 'wawancara'],
      marks,
      notes: [],
      conflicts: new Map(),
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: new Date().toISOString(),
      key,
    }),
    key,
  );
}

/** The template with sheet Kriteria's weight validation over the whole of column F (F1:F1048576). */
export function wholeColumnValidation(template: Uint8Array): Buffer {
  return patchZip(template, { 'xl/worksheets/sheet4.xml': (xml) => xml.replace('sqref="F3:F500"', 'sqref="F1:F1048576"') });
}
