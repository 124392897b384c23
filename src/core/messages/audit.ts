/** The audit checklist's words (issue 16): each item's title and summary, and the findings that keep it open. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const auditMessages = defineMessages('audit', {
  changedAfterSigning: { id: 'diubah setelah ditandatangani', en: 'changed after signing' },
  badSignature: { id: 'tanda tangan tidak sah', en: 'signature not valid' },
  signedUnknownKey: { id: 'ditandatangani kunci yang tidak dikenal', en: 'signed with an unknown key' },
  invalidContent: { id: 'isi tidak sah', en: 'invalid content' },
  conflictSameRevision: {
    id: 'bertentangan dengan lembar lain revisi yang sama',
    en: 'in conflict with another sheet of the same revision',
  },
  notReceived: { id: 'belum diterima', en: 'not received' },
  sheetsConflict: { id: 'lembar bertentangan', en: 'sheets in conflict' },
  andMore: {
    id: (p: { more: number }) => `… dan ${p.more} lagi`,
    en: (p) => `… and ${p.more} more`,
  },
  marksTitle: { id: 'Ada nilai dari lembar yang sah', en: 'Marks from valid sheets' },
  noMarksYet: { id: 'Belum ada nilai dari lembar nilai yang sah.', en: 'No marks from valid score sheets yet.' },
  sheetsUsed: {
    id: (p: { usedSheets: number; sheets: number }) => `${p.usedSheets} dari ${p.sheets} lembar dipakai`,
    en: (p) => `${p.usedSheets} of ${p.sheets} sheets used`,
  },
  sectionFinding: {
    id: (p: { jurorId: string; roundName: Bilingual; categoryName: Bilingual; words: Bilingual }) =>
      `${p.jurorId} · ${p.roundName.id} · ${p.categoryName.id}: ${p.words.id}`,
    en: (p) => `${p.jurorId} · ${p.roundName.en} · ${p.categoryName.en}: ${p.words.en}`,
  },
  sectionsTitle: {
    id: 'Semua bagian yang ditugaskan diterima dan final (atau juri berhalangan)',
    en: 'Every assigned section received and final (or the juror excused)',
  },
  sectionsSummary: {
    id: (p: { received: number; owed: number; excused: number }) =>
      `${p.received} dari ${p.owed} bagian diterima${p.excused ? `, ${p.excused} berhalangan` : ''}`,
    en: (p) => `${p.received} of ${p.owed} sections received${p.excused ? `, ${p.excused} excused` : ''}`,
  },
  filesSetAside: {
    id: (p: { files: number; setAside: number | null }) =>
      `${p.files} berkas${p.setAside !== null ? `, ${p.setAside} dikesampingkan dengan catatan` : ''}`,
    en: (p) => `${p.files} files${p.setAside !== null ? `, ${p.setAside} set aside with a note` : ''}`,
  },
  sheetsTitle: { id: 'Tidak ada lembar yang tertunda', en: 'No sheet pending' },
  pendingSheet: {
    id: (p: { fileName: string; jurorId: null | string; words: Bilingual }) =>
      `${p.fileName} (${p.jurorId ?? 'juri tidak terbaca'}): ${p.words.id}`,
    en: (p) => `${p.fileName} (${p.jurorId ?? 'juror unreadable'}): ${p.words.en}`,
  },
  tieNeedsDecision: {
    id: (p: { categoryName: Bilingual; names: string; groupRank: number }) =>
      `${p.categoryName.id}: ${p.names} sama di peringkat ${p.groupRank}; perlu keputusan rapat pleno`,
    en: (p) => `${p.categoryName.en}: ${p.names} tie at rank ${p.groupRank}; needs a plenary decision`,
  },
  tiesTitle: {
    id: 'Setiap peringkat bersama pada tempat pemenang diputuskan rapat pleno',
    en: 'Every joint rank on a place decided by the plenary',
  },
  tiesSummary: {
    id: (p: { decisions: number }) => `${p.decisions} keputusan pleno tercatat`,
    en: (p) => `${p.decisions} plenary decisions recorded`,
  },
  flagsTitle: { id: 'Setiap tanda beda pendapat sudah dibahas', en: 'Every disagreement flag acknowledged' },
  openFlag: {
    id: (p: { jurorId: string; roundName: Bilingual; nomineeName: string; criterionCode: string; value: number; median: number }) =>
      `${p.jurorId} · ${p.roundName.id} · ${p.nomineeName} · ${p.criterionCode}: nilai ${p.value}, median panel ${p.median}`,
    en: (p) => `${p.jurorId} · ${p.roundName.en} · ${p.nomineeName} · ${p.criterionCode}: mark ${p.value}, panel median ${p.median}`,
  },
  flagsSummary: {
    id: (p: { acknowledged: number; flags: number }) => `${p.acknowledged} dari ${p.flags} tanda sudah dibahas`,
    en: (p) => `${p.acknowledged} of ${p.flags} flags acknowledged`,
  },
  notConfirmed: {
    id: 'Lampiran verifikasi belum dikonfirmasi orang kedua.',
    en: 'The verification appendix is not yet confirmed by a second person.',
  },
  filesChangedSinceConfirmation: {
    id: (p: { confirmedBy: string }) => `Berkas berubah sejak dikonfirmasi ${p.confirmedBy}: konfirmasi ulang lampiran verifikasi.`,
    en: (p) => `The files changed since ${p.confirmedBy} confirmed them: confirm the verification appendix again.`,
  },
  confirmerIsOperator: {
    id: 'Yang mengonfirmasi harus orang lain, bukan operator.',
    en: 'The one who confirms must be someone else than the operator.',
  },
  verificationTitle: {
    id: 'Lampiran verifikasi dikonfirmasi orang kedua (bukan operator)',
    en: 'Verification appendix confirmed by a second person (not the operator)',
  },
  confirmedBy: {
    id: (p: { operator: string; confirmedBy: string }) => `operator ${p.operator}, dikonfirmasi ${p.confirmedBy}`,
    en: (p) => `operator ${p.operator}, confirmed by ${p.confirmedBy}`,
  },
  notConfirmedSummary: { id: 'belum dikonfirmasi', en: 'not confirmed' },
  quorumTitle: { id: 'Kuorum terpenuhi di setiap babak dan kategori', en: 'Quorum met in every round and category' },
  noQuorumSet: { id: 'acara ini tidak menetapkan kuorum', en: 'this event sets no quorum' },
  quorumSummary: {
    id: (p: { met: number; sections: number }) => `${p.met} dari ${p.sections} bagian berkuorum`,
    en: (p) => `${p.met} of ${p.sections} sections have their quorum`,
  },
  equalTitle: {
    id: 'Setiap nominasi dinilai juri yang sama (kecuali benturan kepentingan)',
    en: 'Every nominee scored by the same jurors (recusals apart)',
  },
  equalSummary: {
    id: (p: { sections: number }) => `${p.sections} bagian babak × kategori diperiksa`,
    en: (p) => `${p.sections} round × category sections checked`,
  },
});
