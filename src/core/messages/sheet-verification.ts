/**
 * What the reading side of the score sheet says (src/services/sheets/: score-sheet.ts, sheet-verify.ts,
 * sheet-signature.ts): why a sheet is malformed, signed by another key or for another event, and each
 * visible difference between the workbook and its signed payload, named by sheet and cell. The tests
 * compare these texts exactly.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

const list = (items: readonly Bilingual[], language: keyof Bilingual) => items.map((item) => item[language]).join(', ');

export const sheetVerificationMessages = defineMessages('sheet-verification', {
  // Writing refuses a payload it cannot sign (score-sheet.ts writeScoreSheet)
  payloadShape: {
    id: (p: { where: string }) => `Isi lembar penilaian tidak sesuai format (${p.where}).`,
    en: (p) => `The score sheet payload does not have the expected shape (${p.where}).`,
  },
  payloadNamesOtherKey: {
    id: (p: { jurorId: string }) => `Lembar penilaian juri ${p.jurorId} menyebut kunci lain daripada kunci yang menandatangani.`,
    en: (p) => `Juror ${p.jurorId}'s score sheet names another key than the one signing it.`,
  },
  payloadFingerprint: {
    id: (p: { written: string; key: string }) => `Sidik jari pada lembar penilaian (${p.written}) bukan sidik jari kunci ini (${p.key}).`,
    en: (p) => `The fingerprint on the score sheet (${p.written}) is not this key's (${p.key}).`,
  },
  unusableCriterion: {
    id: (p: { code: string }) => `Kriteria ${p.code}: skala maksimum harus lebih dari 0 dan bobot harus angka.`,
    en: (p) => `Criterion ${p.code}: the scale maximum must be above 0 and the weight a number.`,
  },

  // A finding of the sheet's verification, after the file's name: "Berkas x.xlsx: …" is zipMessages.inFile
  /** A finding about what the payload says (sheet-content.ts), after the file's name. */
  contentInFile: {
    id: (p: { fileName: string; finding: Bilingual }) => `Berkas ${p.fileName}, ${p.finding.id}`,
    en: (p) => `File ${p.fileName}, ${p.finding.en}`,
  },

  // Malformed
  noCarrier: {
    id: (p: { sheet: string }) => `tidak ada sheet "${p.sheet}": ini bukan lembar penilaian Timbang yang ditandatangani.`,
    en: (p) => `has no sheet "${p.sheet}": this is not a signed Timbang score sheet.`,
  },
  carrierNotJson: {
    id: (p: { sheet: string }) => `isi yang ditandatangani (Sheet ${p.sheet}) bukan JSON.`,
    en: (p) => `the signed contents (Sheet ${p.sheet}) are not JSON.`,
  },
  carrierNotPayload: {
    id: (p: { where: string }) => `isi yang ditandatangani tidak sesuai format lembar penilaian (${p.where}).`,
    en: (p) => `the signed contents do not have the score sheet's shape (${p.where}).`,
  },
  unreadableContents: {
    id: 'isinya tidak dapat dibaca sebagai lembar penilaian Timbang. Minta juri mengekspor ulang lembarnya dari aplikasi.',
    en: 'its contents cannot be read as a Timbang score sheet. Ask the juror to export the sheet again from the app.',
  },
  // The carrier sheet (sheet-signature.ts)
  carrierMarker: {
    id: (p: { at: string; marker: string; found: string | undefined }) =>
      `${p.at}: penanda format bukan '${p.marker}'${p.found ? ` (ditemukan '${p.found}')` : ''}`,
    en: (p) => `${p.at}: the format marker is not '${p.marker}'${p.found ? ` (found '${p.found}')` : ''}`,
  },
  carrierPublicKey: { id: 'kunci publik', en: 'the public key' },
  carrierSignature: { id: 'tanda tangan', en: 'the signature' },
  carrierEmpty: {
    id: (p: { at: string; what: Bilingual }) => `${p.at}: ${p.what.id} kosong`,
    en: (p) => `${p.at}: ${p.what.en} is empty`,
  },
  carrierCount: {
    id: (p: { at: string; max: number }) => `${p.at}: jumlah bagian isi harus bilangan bulat 1–${p.max}`,
    en: (p) => `${p.at}: the number of payload parts must be a whole number 1–${p.max}`,
  },
  carrierEmptyPart: {
    id: (p: { at: string }) => `${p.at}: bagian isi kosong atau bukan teks`,
    en: (p) => `${p.at}: a payload part is empty or not text`,
  },

  // Bad signature, wrong event, unknown key
  badSignature: {
    id: (p: { sheet: string }) =>
      `tanda tangan tidak sah (Sheet ${p.sheet}): isi, tanda tangan atau kunci publik diubah setelah ditandatangani, atau rusak.`,
    en: (p) =>
      `the signature is not valid (Sheet ${p.sheet}): the contents, the signature or the public key were changed after signing, or are damaged.`,
  },
  otherEvent: {
    id: (p: { theirs: string; ours: string }) => `lembar ini untuk acara ${p.theirs}, bukan acara ini, ${p.ours}.`,
    en: (p) => `this sheet is for the event ${p.theirs}, not this event, ${p.ours}.`,
  },
  unissuedRevision: {
    id: (p: { revision: number; latest: number }) =>
      `dinilai dengan revisi paket acara ${p.revision}, yang tidak pernah diterbitkan (terbaru: ${p.latest}).`,
    en: (p) => `scored against event package revision ${p.revision}, which was never issued (latest: ${p.latest}).`,
  },
  noEnrolledKey: {
    id: (p: { jurorId: string; signedWith: string }) =>
      `juri ${p.jurorId} belum punya kunci terdaftar; lembar ini ditandatangani dengan kunci ${p.signedWith}.`,
    en: (p) => `juror ${p.jurorId} has no enrolled key; this sheet was signed with key ${p.signedWith}.`,
  },
  notEnrolledKey: {
    id: (p: { jurorId: string; signedWith: string; enrolled: string }) =>
      `ditandatangani dengan kunci ${p.signedWith}, bukan kunci yang terdaftar untuk juri ${p.jurorId} (${p.enrolled}).`,
    en: (p) => `signed with key ${p.signedWith}, not the key enrolled for juror ${p.jurorId} (${p.enrolled}).`,
  },
  contentsNameOtherKey: {
    id: (p: { named: string; signedWith: string }) => `isi menyebut kunci ${p.named}, tetapi ditandatangani dengan kunci ${p.signedWith}.`,
    en: (p) => `the contents name key ${p.named}, but were signed with key ${p.signedWith}.`,
  },
  writtenFingerprint: {
    id: (p: { written: string; signedWith: string }) =>
      `sidik jari yang tertulis (${p.written}) bukan sidik jari kunci penanda tangan (${p.signedWith}).`,
    en: (p) => `the fingerprint written (${p.written}) is not the signing key's (${p.signedWith}).`,
  },

  // How a finding names what a cell shows
  formula: {
    id: (p: { formula: string }) => `rumus =${p.formula}`,
    en: (p) => `formula =${p.formula}`,
  },
  empty: { id: 'kosong', en: 'empty' },

  // A cell that does not show or print what was signed (`at` is "Sheet x!B7", `context` " (…)" or empty)
  printedFill: {
    id: (p: { at: string; what: Bilingual; signed: string; context: string }) =>
      `${p.at}: ${p.what.id} dicetak berulang memenuhi sel (perataan "isi"), yang ditandatangani ${p.signed}${p.context}`,
    en: (p) => `${p.at}: ${p.what.en} is printed repeated across the cell ("fill" alignment), signed ${p.signed}${p.context}`,
  },
  printedUnknownFormat: {
    id: (p: { at: string; what: Bilingual; format: number; signed: string; context: string }) =>
      `${p.at}: ${p.what.id} dicetak dengan format angka bawaan nomor ${p.format}, yang tidak ditentukan di berkas dan dibaca berbeda oleh setiap program (misalnya mata uang setempat), yang ditandatangani ${p.signed}${p.context}`,
    en: (p) =>
      `${p.at}: ${p.what.en} prints with built-in number format ${p.format}, which the file does not define and each program reads its own way (a local currency, say), signed ${p.signed}${p.context}`,
  },
  printedFormat: {
    id: (p: { at: string; what: Bilingual; shown: string; format: string; signed: string; context: string }) =>
      `${p.at}: ${p.what.id} tercetak ${p.shown} karena format angka ${p.format}, yang ditandatangani ${p.signed}${p.context}`,
    en: (p) => `${p.at}: ${p.what.en} prints as ${p.shown} because of the number format ${p.format}, signed ${p.signed}${p.context}`,
  },
  manualCalculation: {
    id: (p: { at: string; what: Bilingual; signed: string; context: string }) =>
      `${p.at}: ${p.what.id} tidak berisi hasil tersimpan, dan buku kerja diatur untuk dihitung manual (calcMode "manual"), sehingga tercetak kosong atau angka lama, yang ditandatangani ${p.signed}${p.context}`,
    en: (p) =>
      `${p.at}: ${p.what.en} has no saved result, and the workbook is set to calculate by hand (calcMode "manual"), so it prints empty or stale, signed ${p.signed}${p.context}`,
  },
  totalFormula: {
    id: (p: { at: string; formula: string; signed: string; context: string }) =>
      `${p.at}: rumus total =${p.formula}, yang ditandatangani =${p.signed}${p.context}`,
    en: (p) => `${p.at}: total formula =${p.formula}, signed =${p.signed}${p.context}`,
  },
  cellDiffers: {
    id: (p: { at: string; what: Bilingual; is: Bilingual; was: Bilingual; context: string }) =>
      `${p.at}: ${p.what.id} ${p.is.id}, yang ditandatangani ${p.was.id}${p.context}`,
    en: (p) => `${p.at}: ${p.what.en} ${p.is.en}, signed ${p.was.en}${p.context}`,
  },
  unsignedContent: {
    id: (p: { at: string; is: Bilingual }) => `${p.at}: isi yang tidak ditandatangani: ${p.is.id}`,
    en: (p) => `${p.at}: content that was not signed: ${p.is.en}`,
  },
  rowHidden: {
    id: (p: { at: string }) => `${p.at}: baris disembunyikan`,
    en: (p) => `${p.at}: the row is hidden`,
  },
  columnHidden: {
    id: (p: { at: string }) => `${p.at}: kolom disembunyikan`,
    en: (p) => `${p.at}: the column is hidden`,
  },

  // Nominee rows
  rowMissing: {
    id: (p: { at: string; who: string }) => `${p.at}: baris ${p.who} hilang (dihapus?)`,
    en: (p) => `${p.at}: the row of ${p.who} is missing (deleted?)`,
  },
  rowMoved: {
    id: (p: { at: string; who: string; signedRow: number }) =>
      `${p.at}: baris ${p.who} berpindah; yang ditandatangani di baris ${p.signedRow} (urutan diubah)`,
    en: (p) => `${p.at}: the row of ${p.who} has moved; it was signed at row ${p.signedRow} (order changed)`,
  },
  addedRow: {
    id: (p: { at: string; shown: readonly Bilingual[] }) => `${p.at}: baris tambahan yang tidak ditandatangani: ${list(p.shown, 'id')}`,
    en: (p) => `${p.at}: an added row that was not signed: ${list(p.shown, 'en')}`,
  },

  // What prints over or instead of the signed cells
  conditionalFormat: {
    id: (p: { at: string }) => `${p.at}: format bersyarat dapat mencetak angka lain`,
    en: (p) => `${p.at}: a conditional format can print other figures`,
  },
  picture: {
    id: (p: { sheet: string }) => `Sheet ${p.sheet}: gambar yang tidak ditandatangani di atas sel`,
    en: (p) => `Sheet ${p.sheet}: a picture over the cells that was not signed`,
  },
  shape: {
    id: (p: { sheet: string; words: Bilingual; part: string }) =>
      `Sheet ${p.sheet}: ${p.words.id} yang tidak ditandatangani di atas sel (${p.part})`,
    en: (p) => `Sheet ${p.sheet}: ${p.words.en} over the cells that was not signed (${p.part})`,
  },
  printArea: {
    id: (p: { sheet: string; area: string }) => `Sheet ${p.sheet}: area cetak ${p.area} dapat meninggalkan baris bertanda tangan`,
    en: (p) => `Sheet ${p.sheet}: print area ${p.area} can leave signed rows out`,
  },
  headerFooterPicture: {
    id: (p: { sheet: string }) => `Sheet ${p.sheet}: gambar di kepala atau kaki halaman yang tidak ditandatangani`,
    en: (p) => `Sheet ${p.sheet}: a picture in the page header or footer that was not signed`,
  },
  pageHeader: { id: 'kepala halaman', en: 'the page header' },
  pageFooter: { id: 'kaki halaman', en: 'the page footer' },
  headerFooterText: {
    id: (p: { sheet: string; what: Bilingual; found: string; written: Bilingual }) =>
      `Sheet ${p.sheet}: ${p.what.id} mencetak ${p.found}, yang ditulis bersama lembar bertanda tangan ${p.written.id}`,
    en: (p) => `Sheet ${p.sheet}: ${p.what.en} prints ${p.found}, written with the signed sheet ${p.written.en}`,
  },

  // The workbook's sheets
  sheetHidden: {
    id: (p: { sheet: string }) => `Sheet ${p.sheet} disembunyikan`,
    en: (p) => `Sheet ${p.sheet} is hidden`,
  },
  coverMissing: {
    id: (p: { sheet: string }) => `Sheet ${p.sheet} (sampul) tidak ada`,
    en: (p) => `Sheet ${p.sheet} (the cover) is missing`,
  },
  sectionMissing: {
    id: (p: { sheet: string; section: string }) => `Sheet ${p.sheet} tidak ada (${p.section})`,
    en: (p) => `Sheet ${p.sheet} is missing (${p.section})`,
  },
  addedSheet: {
    id: (p: { sheet: string }) => `Sheet ${p.sheet}: sheet tambahan yang tidak ditandatangani`,
    en: (p) => `Sheet ${p.sheet}: an added sheet that was not signed`,
  },
  redefinedFormat: {
    id: (p: { format: number; code: string; at: string }) =>
      `xl/styles.xml: format angka bawaan nomor ${p.format} didefinisikan ulang sebagai ${p.code}, dan sel bertanda tangan memakainya (pertama: ${p.at}): program yang berbeda mencetaknya dengan format yang berbeda`,
    en: (p) =>
      `xl/styles.xml: built-in number format ${p.format} is redefined as ${p.code}, and signed cells use it (first: ${p.at}): different programs print them with different formats`,
  },
});
