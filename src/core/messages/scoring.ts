/**
 * What a juror's scoring says (src/services/scores/score-store.ts): why a mark, a note, a conflict or a
 * finalization is refused, and where a history row came from. Shown by the scoring screens and the CLI.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const scoringMessages = defineMessages('scoring', {
  // Where a history row came from
  resumedFromSheet: {
    id: (p: { jurorId: string; sheetRevision: number; fileName: string }) =>
      `dipulihkan dari lembar ${p.jurorId} revisi ${p.sheetRevision} (${p.fileName})`,
    en: (p) => `restored from sheet ${p.jurorId} revision ${p.sheetRevision} (${p.fileName})`,
  },

  // A mark
  offScale: {
    id: (p: { value: number; code: string; min: number; max: number; step: number }) =>
      `Nilai ${p.value} di luar skala ${p.code}: ${p.min}–${p.max}, kelipatan ${p.step}.`,
    en: (p) => `Score ${p.value} is off ${p.code}'s scale: ${p.min}–${p.max}, in steps of ${p.step}.`,
  },
  jurorNotInEvent: {
    id: (p: { jurorId: string }) => `Juri "${p.jurorId}" tidak ada di acara.`,
    en: (p) => `Juror "${p.jurorId}" is not in the event.`,
  },
  nomineeNotInEvent: {
    id: (p: { nomineeId: string }) => `Nominasi "${p.nomineeId}" tidak ada di acara.`,
    en: (p) => `Nominee "${p.nomineeId}" is not in the event.`,
  },
  roundNotInEvent: {
    id: (p: { roundId: string }) => `Babak "${p.roundId}" tidak ada di acara.`,
    en: (p) => `Round "${p.roundId}" is not in the event.`,
  },
  categoryNotInRound: {
    id: (p: { categoryId: string; round: Bilingual }) => `Kategori "${p.categoryId}" tidak dinilai di babak ${p.round.id}.`,
    en: (p) => `Category "${p.categoryId}" is not scored in round ${p.round.en}.`,
  },
  criterionNotScored: {
    id: (p: { criterionCode: string; nominee: string; round: Bilingual }) =>
      `Kriteria "${p.criterionCode}" tidak dinilai untuk ${p.nominee} di babak ${p.round.id}.`,
    en: (p) => `Criterion "${p.criterionCode}" is not scored for ${p.nominee} in round ${p.round.en}.`,
  },
  notScoringConflict: {
    id: (p: { reason: string; jurorId: string; nominee: string }) =>
      `Tidak menilai — benturan kepentingan: ${p.reason} (${p.jurorId}, ${p.nominee}).`,
    en: (p) => `Not scoring — conflict of interest: ${p.reason} (${p.jurorId}, ${p.nominee}).`,
  },
  roundNotOpen: {
    id: (p: { round: Bilingual }) => `Babak ${p.round.id} belum dibuka untuk kategori ini: menunggu daftar pendek dari sekretariat.`,
    en: (p) => `Round ${p.round.en} is not open for this category yet: waiting for the secretariat's shortlist.`,
  },
  notOnShortlist: {
    id: (p: { nominee: string; round: Bilingual }) => `${p.nominee} tidak masuk daftar pendek babak ${p.round.id}.`,
    en: (p) => `${p.nominee} is not on the shortlist of round ${p.round.en}.`,
  },
  notAssigned: {
    id: (p: { jurorId: string; round: Bilingual; category: Bilingual }) =>
      `${p.jurorId} tidak ditugaskan menilai ${p.round.id}, ${p.category.id} (Penugasan: tidak).`,
    en: (p) => `${p.jurorId} is not assigned to score ${p.round.en}, ${p.category.en} (Penugasan: tidak).`,
  },
  locked: {
    id: (p: { round: Bilingual; category: Bilingual }) =>
      `${p.round.id}, ${p.category.id} sudah difinalisasi dan terkunci. Buka kembali dulu bila perlu mengubah.`,
    en: (p) => `${p.round.en}, ${p.category.en} is finalized and locked. Reopen it first to change anything.`,
  },

  // Conflicts of interest
  conflictAlreadyRecorded: {
    id: (p: { nominee: string }) => `Benturan kepentingan dengan ${p.nominee} sudah tercatat.`,
    en: (p) => `A conflict of interest with ${p.nominee} is already recorded.`,
  },
  conflictSetBySecretariat: {
    id: (p: { nominee: string }) =>
      `Benturan kepentingan dengan ${p.nominee} ditetapkan sekretariat di paket acara; hanya sekretariat yang dapat mengubahnya.`,
    en: (p) =>
      `The conflict of interest with ${p.nominee} was set by the secretariat in the event package; only the secretariat can change it.`,
  },
  noDeclaredConflict: {
    id: (p: { nominee: string }) => `Tidak ada benturan kepentingan yang Anda nyatakan dengan ${p.nominee}.`,
    en: (p) => `You have declared no conflict of interest with ${p.nominee}.`,
  },

  // Finalizing and reopening
  cannotFinalizeYet: {
    id: (p: { round: Bilingual; category: Bilingual; missing: string }) =>
      `Belum bisa difinalisasi: ${p.round.id}, ${p.category.id} masih ada yang belum dinilai — ${p.missing}.`,
    en: (p) => `Cannot finalize yet: ${p.round.en}, ${p.category.en} still has unscored marks — ${p.missing}.`,
  },
  notFinalized: {
    id: 'Babak ini belum difinalisasi untuk kategori ini.',
    en: 'This round is not finalized for this category.',
  },
});
