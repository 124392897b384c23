/**
 * What the writing side of the score sheet says (src/services/sheets/: sheet-layout.ts, sheet-write.ts,
 * sheet-export.ts, sheet-content.ts): how a finding names a cell's content, the juror's statement on the
 * cover, and what a signed payload may not say under the event. The sheet's cells and the verifier compare
 * these texts exactly, so a wording here is part of the sheet format: change it only with a new format.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const sheetWritingMessages = defineMessages('sheet-writing', {
  // How a finding names a cell's content (LayoutCell.what, and the texts sheet-content.ts compares)
  whatRowNumber: { id: 'nomor urut', en: 'row number' },
  whatNomineeId: { id: 'ID nominasi', en: 'nominee ID' },
  whatNomineeName: { id: 'nama nominasi', en: 'nominee name' },
  whatName: { id: 'nama', en: 'name' },
  whatRegion: { id: 'wilayah', en: 'region' },
  whatMark: { id: 'nilai', en: 'mark' },
  whatTotal: { id: 'total', en: 'total' },
  whatNote: { id: 'catatan', en: 'note' },
  whatRemarks: { id: 'keterangan', en: 'remarks' },
  whatColumnHeading: { id: 'judul kolom', en: 'column heading' },
  whatTitle: { id: 'judul', en: 'title' },
  whatEventName: { id: 'nama acara', en: 'event name' },
  whatEventId: { id: 'ID acara', en: 'event ID' },
  whatPlace: { id: 'tempat', en: 'place' },
  whatJurorId: { id: 'ID juri', en: 'juror ID' },
  whatJurorName: { id: 'nama juri', en: "juror's name" },
  whatJurorRole: { id: 'peran juri', en: "juror's role" },
  whatJurorPosition: { id: 'jabatan juri', en: "juror's position" },
  whatJurorInstitution: { id: 'instansi juri', en: "juror's institution" },
  whatRounds: { id: 'babak', en: 'rounds' },
  whatRoundName: { id: 'nama babak', en: 'round name' },
  whatCategoryName: { id: 'nama kategori', en: 'category name' },
  whatCriterionLabel: { id: 'nama kriteria', en: 'criterion label' },
  whatExportTime: { id: 'waktu ekspor', en: 'export time' },
  whatSheetRevision: { id: 'revisi lembar', en: 'sheet revision' },
  whatPackageRevision: { id: 'revisi paket acara', en: 'event package revision' },
  whatKeyFingerprint: { id: 'sidik jari kunci', en: 'key fingerprint' },
  whatListOfSheets: { id: 'daftar lembar', en: 'list of sheets' },
  whatStatement: { id: 'pernyataan', en: 'statement' },
  whatConflict: { id: 'benturan kepentingan', en: 'conflict of interest' },
  whatSignature: { id: 'tanda tangan', en: 'signature' },

  // The juror's statement on the cover: the first sentence, then one of the two that follow
  statement: {
    id: 'Dengan ini saya menyatakan bahwa nilai dalam lembar ini adalah penilaian saya sendiri, yang saya berikan secara jujur, objektif dan bebas dari pengaruh pihak mana pun.',
    en: "I hereby declare that the scores in this sheet are my own assessment, given honestly, objectively and free from anyone's influence.",
  },
  statementConflicts: {
    id: ' Saya tidak menilai nominasi berikut karena benturan kepentingan:',
    en: ' I did not score the following nominees because of a conflict of interest:',
  },
  statementNoConflict: {
    id: ' Saya tidak memiliki benturan kepentingan dengan nominasi mana pun dalam lembar ini.',
    en: ' I have no conflict of interest with any nominee in this sheet.',
  },

  // Cells that say one thing in both languages: the Indonesian one in its cell, the English one as its hint
  // (beside it on the cover, below it in a section's heading)
  cellEvent: { id: 'Acara', en: 'Event' },
  cellEventId: { id: 'ID acara', en: 'Event ID' },
  cellJurorId: { id: 'ID juri', en: 'Juror ID' },
  cellJurorName: { id: 'Nama juri', en: "Juror's name" },
  cellRole: { id: 'Peran', en: 'Role' },
  cellPosition: { id: 'Jabatan', en: 'Position' },
  cellInstitution: { id: 'Instansi', en: 'Institution' },
  cellRounds: { id: 'Babak', en: 'Rounds in this sheet' },
  cellExportedAt: {
    id: (_p: { zone: string }) => 'Waktu ekspor',
    en: (p) => `Exported at (${p.zone})`,
  },
  cellSheetRevision: { id: 'Revisi lembar', en: 'Sheet revision: a newer one supersedes this one' },
  cellPackageRevision: { id: 'Revisi paket acara', en: 'Event package revision scored against' },
  cellFingerprint: { id: 'Sidik jari kunci', en: "Key fingerprint: the juror's key, read aloud at enrolment" },
  cellStatement: { id: 'Pernyataan', en: 'Statement' },
  cellPlaceDate: { id: 'Tempat, tanggal', en: 'Place, date' },
  cellSigned: { id: 'Yang menyatakan,', en: 'Signed (wet signature)' },
  headingNo: { id: 'No', en: 'No.' },
  headingId: { id: 'ID', en: 'ID' },
  headingNominee: { id: 'Nominasi', en: 'Nominee' },
  headingRegion: { id: 'Wilayah', en: 'Region' },
  headingTotal: { id: 'Total', en: 'Weighted, 0–100' },
  headingNotes: { id: 'Catatan', en: 'Notes' },
  headingRemarks: { id: 'Keterangan', en: 'Remarks' },
  statusFinal: { id: 'Final', en: 'Final' },
  statusDraft: { id: 'Draf (belum final)', en: 'Draft (not finalized)' },

  // Writing and exporting (sheet-write.ts, sheet-export.ts)
  cellTextTooLong: {
    id: (p: { address: string; sheet: string; max: number }) =>
      `Teks untuk sel ${p.address} di sheet ${p.sheet} lebih dari ${p.max} karakter, batas Excel untuk satu sel.`,
    en: (p) => `The text for cell ${p.address} on sheet ${p.sheet} is longer than ${p.max} characters, Excel's limit for a cell.`,
  },
  exportJurorNotInEvent: {
    id: (p: { jurorId: string }) => `Juri ${p.jurorId} tidak ada di acara ini; lembar nilainya tidak dapat dibuat.`,
    en: (p) => `Juror ${p.jurorId} is not in this event; their score sheet cannot be made.`,
  },
});

/**
 * What a signed payload may not say under the event (sheet-content.ts), each finding naming the sheet,
 * nominee and criterion it is about (`where`, `who`, `at`: "Sheet 1-umkm (…), La Moringa (n-1), A1").
 */
export const sheetContentMessages = defineMessages('sheet-content', {
  textDiffers: {
    id: (p: { where: string; what: Bilingual; signed: string; expected: string }) =>
      `${p.where}: ${p.what.id} "${p.signed}" tidak sama dengan acara ("${p.expected}")`,
    en: (p) => `${p.where}: ${p.what.en} "${p.signed}" differs from the event ("${p.expected}")`,
  },
  jurorNotInEvent: {
    id: (p: { jurorId: string }) => `Juri ${p.jurorId} tidak ada di acara ini`,
    en: (p) => `Juror ${p.jurorId} is not in this event`,
  },
  declaredConflictUnknownNominee: {
    id: (p: { cover: string; nomineeId: string }) =>
      `${p.cover}: benturan kepentingan dinyatakan dengan nominasi ${p.nomineeId}, yang tidak ada di acara`,
    en: (p) => `${p.cover}: a conflict of interest is declared with nominee ${p.nomineeId}, who is not in the event`,
  },
  declaredConflictTwice: {
    id: (p: { cover: string; nominee: string; nomineeId: string }) =>
      `${p.cover}: benturan kepentingan dengan ${p.nominee} (${p.nomineeId}) dinyatakan dua kali`,
    en: (p) => `${p.cover}: the conflict of interest with ${p.nominee} (${p.nomineeId}) is declared twice`,
  },
  sectionTwice: {
    id: (p: { where: string; roundId: string; categoryId: string }) =>
      `${p.where}: babak ${p.roundId} kategori ${p.categoryId} muncul lebih dari sekali dalam lembar ini`,
    en: (p) => `${p.where}: round ${p.roundId}, category ${p.categoryId} appears more than once in this sheet`,
  },
  roundNotInEvent: {
    id: (p: { where: string; roundId: string }) => `${p.where}: babak ${p.roundId} tidak ada di acara`,
    en: (p) => `${p.where}: round ${p.roundId} is not in the event`,
  },
  categoryNotInRound: {
    id: (p: { where: string; categoryId: string; round: Bilingual }) =>
      `${p.where}: kategori ${p.categoryId} tidak dinilai di babak ${p.round.id}`,
    en: (p) => `${p.where}: category ${p.categoryId} is not scored in round ${p.round.en}`,
  },
  marksWithoutAssignment: {
    id: (p: { where: string; jurorId: string; round: Bilingual; category: Bilingual }) =>
      `${p.where}: ${p.jurorId} tidak ditugaskan menilai babak ${p.round.id} kategori ${p.category.id} (Penugasan: tidak), tetapi lembar memberi nilai`,
    en: (p) =>
      `${p.where}: ${p.jurorId} is not assigned to score round ${p.round.en}, category ${p.category.en} (Penugasan: tidak), but the sheet gives marks`,
  },
  roundOrderDiffers: {
    id: (p: { where: string; signed: number; expected: number }) => `${p.where}: urutan babak ${p.signed}, di acara ${p.expected}`,
    en: (p) => `${p.where}: round order ${p.signed}, in the event ${p.expected}`,
  },
  roundNotOpen: {
    id: (p: { where: string; round: Bilingual }) =>
      `${p.where}: babak ${p.round.id} belum dibuka untuk kategori ini (daftar pendek belum diterbitkan)`,
    en: (p) => `${p.where}: round ${p.round.en} is not open for this category yet (no shortlist issued)`,
  },
  nomineeTwice: {
    id: (p: { who: string }) => `${p.who}: nominasi ini muncul lebih dari sekali di bagian ini`,
    en: (p) => `${p.who}: this nominee appears more than once in this section`,
  },
  notANomineeOfCategory: {
    id: (p: { who: string; category: Bilingual }) => `${p.who}: bukan nominasi kategori ${p.category.id} di acara ini`,
    en: (p) => `${p.who}: not a nominee of category ${p.category.en} in this event`,
  },
  notOnShortlist: {
    id: (p: { who: string; round: Bilingual }) => `${p.who}: tidak termasuk daftar pendek babak ${p.round.id}`,
    en: (p) => `${p.who}: not on the shortlist of round ${p.round.en}`,
  },
  conflictNotRecorded: {
    id: (p: { who: string }) => `${p.who}: juri ini berbenturan kepentingan dengan nominasi ini, tetapi lembar tidak mencatatnya`,
    en: (p) => `${p.who}: this juror has a conflict of interest with this nominee, but the sheet does not record it`,
  },
  conflictUnknown: {
    id: (p: { who: string }) => `${p.who}: lembar mencatat benturan kepentingan yang tidak ada di acara maupun di pernyataan juri`,
    en: (p) => `${p.who}: the sheet records a conflict of interest that is neither in the event nor declared by the juror`,
  },
  criterionNotInSection: {
    id: (p: { at: string }) => `${p.at}: kriteria ini tidak dinilai di bagian ini`,
    en: (p) => `${p.at}: this criterion is not scored in this section`,
  },
  markDespiteConflict: {
    id: (p: { at: string; mark: string }) => `${p.at}: nilai ${p.mark} untuk nominasi yang berbenturan kepentingan dengan juri ini`,
    en: (p) => `${p.at}: mark ${p.mark} for a nominee this juror has a conflict of interest with`,
  },
  markOffScale: {
    id: (p: { at: string; mark: string; min: number; max: number; step: number }) =>
      `${p.at}: nilai ${p.mark} di luar skala ${p.min}–${p.max} (kelipatan ${p.step})`,
    en: (p) => `${p.at}: mark ${p.mark} is off the scale ${p.min}–${p.max} (step ${p.step})`,
  },
  markNotCanonical: {
    id: (p: { at: string; mark: string; canonical: string }) => `${p.at}: nilai ditulis "${p.mark}", bukan bentuk bakunya "${p.canonical}"`,
    en: (p) => `${p.at}: the mark is written "${p.mark}", not in its canonical form "${p.canonical}"`,
  },
  criterionMissingFromRow: {
    id: (p: { who: string; code: string }) => `${p.who}, ${p.code}: kriteria tidak ada di baris ini`,
    en: (p) => `${p.who}, ${p.code}: the criterion is missing from this row`,
  },
  criterionTwice: {
    id: (p: { where: string; code: string }) => `${p.where}, ${p.code}: kriteria muncul dua kali`,
    en: (p) => `${p.where}, ${p.code}: the criterion appears twice`,
  },
  eventCriterionMissing: {
    id: (p: { where: string; code: string }) => `${p.where}, ${p.code}: kriteria acara ini tidak ada di lembar`,
    en: (p) => `${p.where}, ${p.code}: this event criterion is missing from the sheet`,
  },
  weightDiffers: {
    id: (p: { where: string; code: string; signed: number; expected: number }) =>
      `${p.where}, ${p.code}: bobot ${p.signed}, di acara ${p.expected}`,
    en: (p) => `${p.where}, ${p.code}: weight ${p.signed}, in the event ${p.expected}`,
  },
  scaleMaxDiffers: {
    id: (p: { where: string; code: string; signed: number; expected: number }) =>
      `${p.where}, ${p.code}: skala maksimum ${p.signed}, di acara ${p.expected}`,
    en: (p) => `${p.where}, ${p.code}: scale maximum ${p.signed}, in the event ${p.expected}`,
  },
  criterionNotInEvent: {
    id: (p: { where: string; code: string }) => `${p.where}, ${p.code}: kriteria ini tidak ada di acara untuk babak dan kategori ini`,
    en: (p) => `${p.where}, ${p.code}: this criterion is not in the event for this round and category`,
  },
  moreFindings: {
    id: (p: { count: number }) => `… dan ${p.count} temuan lain`,
    en: (p) => `… and ${p.count} more findings`,
  },
});
