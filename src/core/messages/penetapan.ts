/** The words of the penetapan (fixing the results): refusals, why the report is still a draft, and the changes refused while results are fixed. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const penetapanMessages = defineMessages('penetapan', {
  refusedWhileFixed: {
    id: (p: { what: Bilingual; version: number }) =>
      `${p.what.id} ditolak: hasil sudah ditetapkan (penetapan versi ${p.version}) dan ini akan mengubahnya. Buka kembali penetapan dengan alasan lebih dulu.`,
    en: (p) =>
      `${p.what.en} refused: the results are fixed (penetapan version ${p.version}) and this would change them. Reopen the penetapan with a reason first.`,
  },
  importingSheet: {
    id: (p: { fileName: string }) => `Impor lembar ${p.fileName}`,
    en: (p) => `Importing sheet ${p.fileName}`,
  },
  plenaryDecision: { id: 'Keputusan pleno', en: 'The plenary decision' },
  record: { id: 'Rekaman penetapan', en: 'Penetapan record' },
  fingerprintNotTheKeys: {
    id: (p: { fileName: string }) => `Rekaman penetapan ${p.fileName}: sidik jari yang tertulis bukan sidik jari kuncinya.`,
    en: (p) => `Penetapan record ${p.fileName}: the fingerprint written is not its key's.`,
  },
  neverFixed: { id: 'Hasil acara ini belum pernah ditetapkan.', en: 'The results of this event have never been fixed.' },
  noSuchVersion: {
    id: (p: { version: number }) => `Penetapan versi ${p.version} tidak ada.`,
    en: (p) => `There is no penetapan version ${p.version}.`,
  },
  auditNotPassed: {
    id: (p: { failing: readonly Bilingual[] }) =>
      `Hasil belum dapat ditetapkan: pemeriksaan belum lolos — ${p.failing.map((title) => title.id).join('; ')}.`,
    en: (p) => `The results cannot be fixed yet: the audit has not passed — ${p.failing.map((title) => title.en).join('; ')}.`,
  },
  alreadyFixed: {
    id: (p: { inForceVersion: number }) =>
      `Hasil sudah ditetapkan (versi ${p.inForceVersion}). Buka kembali penetapan itu dengan alasan sebelum menetapkan lagi.`,
    en: (p) => `The results are already fixed (version ${p.inForceVersion}). Reopen that penetapan with a reason before fixing again.`,
  },
  nothingToReopen: { id: 'Tidak ada penetapan yang berlaku untuk dibuka kembali.', en: 'There is no penetapan in force to reopen.' },
  otherRule: {
    id: (p: { version: number; fixedRule: string; resultsRule: string }) =>
      `Penetapan versi ${p.version} memakai aturan ${p.fixedRule}, bukan ${p.resultsRule}.`,
    en: (p) => `Penetapan version ${p.version} uses the rule ${p.fixedRule}, not ${p.resultsRule}.`,
  },
  resultsDiffer: {
    id: (p: { inForceVersion: number }) => `Hasil ini berbeda dari yang ditetapkan dalam penetapan versi ${p.inForceVersion}.`,
    en: (p) => `These results differ from those fixed by penetapan version ${p.inForceVersion}.`,
  },
  reopenedNotFixedAgain: {
    id: (p: { lastVersion: number; reopenedReason: string }) =>
      `Penetapan versi ${p.lastVersion} dibuka kembali (${p.reopenedReason}); hasil belum ditetapkan lagi.`,
    en: (p) => `Penetapan version ${p.lastVersion} was reopened (${p.reopenedReason}); the results are not fixed again yet.`,
  },
  notFixedYet: { id: 'Hasil belum ditetapkan.', en: 'The results are not fixed yet.' },
  auditItemNotPassed: {
    id: (p: { title: Bilingual }) => `Belum lolos pemeriksaan: ${p.title.id}.`,
    en: (p) => `Audit not passed: ${p.title.en}.`,
  },
});
