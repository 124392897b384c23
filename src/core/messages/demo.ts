/**
 * What the demo says (src/services/demo/): the texts of the national-scale demo event it grows (a rubric,
 * criterion labels), and its refusals. Demo texts are part of the demo's event, so its results hash pins them.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const demoMessages = defineMessages('demo', {
  // The national demo's rubric, level 1 to 5 (national-demo.ts)
  levelNotYet: { id: 'Belum ada', en: 'Not yet in place' },
  levelPlanned: { id: 'Direncanakan', en: 'Planned' },
  levelPartly: { id: 'Sebagian dijalankan', en: 'Partly in place' },
  levelFully: { id: 'Dijalankan penuh', en: 'Fully in place' },
  levelEvaluated: { id: 'Dijalankan penuh dan dievaluasi', en: 'Fully in place and evaluated' },
  criterionLabel: {
    id: (p: { round: Bilingual; number: number }) => `${p.round.id}: kriteria ${p.number}`,
    en: (p) => `${p.round.en}: criterion ${p.number}`,
  },

  // Refusals
  sizeOutOfRange: {
    id: (p: { name: string; min: number; max: number; value: number }) =>
      `${p.name} harus bilangan bulat ${p.min}–${p.max} (bukan ${p.value})`,
    en: (p) => `${p.name} must be a whole number ${p.min}–${p.max} (got ${p.value})`,
  },
  /** An invariant: the national demo is made valid; this names the first issues if it is not. */
  nationalEventInvalid: {
    id: (p: { issues: string }) => `Acara demo skala nasional tidak sah: ${p.issues}`,
    en: (p) => `national demo event invalid: ${p.issues}`,
  },
  /** An invariant of the shipped demo event: some seed up to 1000 gives its published order. */
  noPublishedSeed: {
    id: 'Tidak ada benih sampai 1000 yang menghasilkan urutan yang diumumkan',
    en: 'no seed up to 1000 gives the published order',
  },
});
