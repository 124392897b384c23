/** The words of the paper fallback: opening a form, keying it twice, resolving differences and signing it into a paper sheet. */
import type { Bilingual, JurorRole } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const paperMessages = defineMessages('paper', {
  roundNotOpenYet: {
    id: (p: { roundName: Bilingual; categoryName: Bilingual }) =>
      `Babak ${p.roundName.id} belum dibuka untuk kategori ${p.categoryName.id}: daftar pendeknya belum ditetapkan, jadi belum ada formulir.`,
    en: (p) =>
      `Round ${p.roundName.en} is not open for category ${p.categoryName.en} yet: its shortlist has not been issued, so there is no form.`,
  },
  jurorNotAssigned: {
    id: (p: { jurorId: string; roundName: Bilingual; categoryName: Bilingual }) =>
      `${p.jurorId} tidak ditugaskan menilai ${p.roundName.id}, ${p.categoryName.id} (Penugasan: tidak), jadi tidak ada formulir.`,
    en: (p) => `${p.jurorId} is not assigned to score ${p.roundName.en}, ${p.categoryName.en} (Penugasan: tidak), so there is no form.`,
  },
  noSuchFormNumber: {
    id: (p: { typedNumber: string; prefix: string }) =>
      `Tidak ada formulir bernomor "${p.typedNumber}" di acara ini (bentuknya ${p.prefix}-<juri>-<babak>-<kategori>, mis. ${p.prefix}-J3-1-03).`,
    en: (p) =>
      `There is no form numbered "${p.typedNumber}" in this event (it reads ${p.prefix}-<juror>-<round>-<category>, e.g. ${p.prefix}-J3-1-03).`,
  },
  checksumMismatch: {
    id: (p: { formNumber: string; typed: string; expected: string }) =>
      `Kode periksa formulir ${p.formNumber} yang diketik (${p.typed || 'kosong'}) bukan kode susunan formulir ini sekarang (${p.expected}): formulir itu dicetak untuk susunan lain (daftar nominasi, konflik atau kriteria berubah sejak dicetak), atau kodenya salah ketik. Periksa kertasnya; bila susunannya berubah, cetak formulir baru untuk juri.`,
    en: (p) =>
      `The checksum typed for form ${p.formNumber} (${p.typed || 'empty'}) is not this form's layout checksum now (${p.expected}): the paper was printed for another layout (nominees, conflicts or criteria changed since), or the code was mistyped. Check the paper; if the layout changed, print a new form for the juror.`,
  },
  markNotOnScale: {
    id: (p: { nomineeName: string; code: string; text: string; min: number; max: number; step: number }) =>
      `${p.nomineeName}, ${p.code}: "${p.text}" bukan nilai pada skala ${p.min}–${p.max} (kelipatan ${String(p.step).replace('.', ',')}). Periksa kertasnya.`,
    en: (p) => `${p.nomineeName}, ${p.code}: "${p.text}" is not a mark on the scale ${p.min}–${p.max} (step ${p.step}). Check the paper.`,
  },
  noSuchBox: {
    id: (p: { formNumber: string; nomineeId: string; criterionCode: string }) =>
      `Formulir ${p.formNumber} tidak punya kotak untuk nominasi ${p.nomineeId}, kriteria ${p.criterionCode}.`,
    en: (p) => `Form ${p.formNumber} has no box for nominee ${p.nomineeId}, criterion ${p.criterionCode}.`,
  },
  crossedOut: {
    id: (p: { nomineeName: string; formNumber: string; conflict: string }) =>
      `${p.nomineeName} dicoret pada formulir ${p.formNumber} (benturan kepentingan: ${p.conflict}); nilainya tidak diketik.`,
    en: (p) => `${p.nomineeName} is crossed out on form ${p.formNumber} (conflict of interest: ${p.conflict}); no mark is keyed for it.`,
  },
  noSuchKeying: {
    id: (p: { keyingId: number }) => `Pengetikan formulir nomor ${p.keyingId} tidak ada di acara ini.`,
    en: (p) => `There is no form keying ${p.keyingId} in this event.`,
  },
  keyedTwiceAlready: {
    id: (p: { formNumber: string; first: string; second: string }) =>
      `Formulir ${p.formNumber} sudah diketik dua kali (${p.first}, ${p.second}). Selesaikan perbedaannya dan tandatangani dulu; pengetikan baru dimulai sesudahnya.`,
    en: (p) =>
      `Form ${p.formNumber} has been keyed twice already (${p.first}, ${p.second}). Resolve the differences and sign it first; a new keying starts after that.`,
  },
  sameOperatorTwice: {
    id: (p: { formNumber: string; operator: string }) =>
      `Formulir ${p.formNumber} sudah diketik oleh ${p.operator}. Pengetikan kedua harus oleh operator lain, tanpa melihat yang pertama.`,
    en: (p) =>
      `Form ${p.formNumber} was keyed by ${p.operator} already. The second keying must be by another operator, without seeing the first.`,
  },
  keyedOnceOnly: {
    id: (p: { formNumber: string; operator: string | null }) =>
      `Formulir ${p.formNumber} baru diketik sekali${p.operator !== null ? ` (oleh ${p.operator})` : ''}. Nilai yang diketik tidak ditampilkan sebelum operator kedua selesai mengetik formulir yang sama, tanpa melihatnya.`,
    en: (p) =>
      `Form ${p.formNumber} has been keyed once only${p.operator !== null ? ` (by ${p.operator})` : ''}. What was keyed is not shown before a second operator has keyed the same form, without seeing it.`,
  },
  layoutChanged: {
    id: (p: { formNumber: string; checksum: string }) =>
      `Susunan formulir ${p.formNumber} berubah sejak diketik (kode periksa ${p.checksum} tidak berlaku lagi): daftar nominasi, konflik atau kriteria berubah. Cetak formulir baru untuk juri dan ketik ulang.`,
    en: (p) =>
      `The layout of form ${p.formNumber} has changed since it was keyed (checksum ${p.checksum} no longer holds): nominees, conflicts or criteria changed. Print a new form for the juror and key it again.`,
  },
  nothingToResolve: {
    id: (p: { formNumber: string; state: string }) =>
      `Formulir ${p.formNumber} ${p.state === 'signed' ? 'sudah ditandatangani menjadi lembar nilai' : 'dicetak untuk susunan yang sudah berubah'}; tidak ada lagi yang diselesaikan di sini.`,
    en: (p) =>
      `Form ${p.formNumber} ${p.state === 'signed' ? 'has been signed into a score sheet' : 'was printed for a layout that has changed since'}; nothing is resolved here any more.`,
  },
  cellNotDiffering: {
    id: (p: { cell: string; formNumber: string }) =>
      `Sel ${p.cell} diketik sama oleh kedua operator (atau tidak ada di formulir ${p.formNumber}); hanya sel yang berbeda yang diselesaikan.`,
    en: (p) => `Cell ${p.cell} was keyed alike by both operators (or is not on form ${p.formNumber}); only differing cells are resolved.`,
  },
  paperOlderThanLaptop: {
    id: (p: { formNumber: string; paperRevision: number; where: string; laptopRevision: number }) =>
      `Lembar kertas ${p.formNumber} (revisi ${p.paperRevision}) untuk ${p.where} tidak dipakai: sudah ada lembar laptop juri sendiri yang sama baru atau lebih baru (revisi ${p.laptopRevision}). Lembar kertas tidak pernah menggantikan lembar laptop yang lebih baru.`,
    en: (p) =>
      `Paper sheet ${p.formNumber} (revision ${p.paperRevision}) for ${p.where} is not used: the juror's own laptop sheet is as new or newer (revision ${p.laptopRevision}). A paper sheet never replaces a newer laptop sheet.`,
  },
  supersededByPaper: {
    id: (p: {
      where: string;
      laptopRevision: number;
      formNumber: string;
      paperRevision: number;
      firstOperator: string;
      secondOperator: string;
    }) =>
      `Bagian ${p.where} dari lembar laptop ini (revisi ${p.laptopRevision}) digantikan lembar kertas ${p.formNumber} (revisi ${p.paperRevision}, diketik oleh ${p.firstOperator} dan ${p.secondOperator}).`,
    en: (p) =>
      `Section ${p.where} of this laptop sheet (revision ${p.laptopRevision}) is superseded by paper sheet ${p.formNumber} (revision ${p.paperRevision}, keyed by ${p.firstOperator} and ${p.secondOperator}).`,
  },
  alreadySigned: {
    id: (p: { formNumber: string; fileName: string; sheetRevision: number }) =>
      `Formulir ${p.formNumber} sudah ditandatangani menjadi lembar nilai ${p.fileName} (revisi ${p.sheetRevision}).`,
    en: (p) => `Form ${p.formNumber} has already been signed into score sheet ${p.fileName} (revision ${p.sheetRevision}).`,
  },
  unresolvedCells: {
    id: (p: { formNumber: string; open: number; cells: string }) =>
      `Formulir ${p.formNumber}: ${p.open} sel yang diketik berbeda belum diselesaikan terhadap kertasnya (${p.cells}). Lembar nilai dibuat hanya sesudah semuanya diselesaikan.`,
    en: (p) =>
      `Form ${p.formNumber}: ${p.open} differing cell(s) not yet resolved against the paper (${p.cells}). The score sheet is made only once all are resolved.`,
  },
  keyingNotSigned: {
    id: (p: { keyingId: number }) => `Pengetikan formulir ${p.keyingId} belum ditandatangani menjadi lembar kertas.`,
    en: (p) => `Form keying ${p.keyingId} has not been signed into a paper sheet yet.`,
  },
  paperSecretariatUnknown: {
    id: (p: { fileName: string; form: string; signingFingerprint: string }) =>
      `Berkas ${p.fileName}: lembar kertas (formulir ${p.form}) hanya sah bila ditandatangani kunci sekretariat, dan kunci sekretariat tidak diketahui di sini (ditandatangani kunci ${p.signingFingerprint}).`,
    en: (p) =>
      `File ${p.fileName}: a paper sheet (form ${p.form}) is valid only when signed by the secretariat's key, and the secretariat's key is not known here (signed with key ${p.signingFingerprint}).`,
  },
  paperNotSecretariatKey: {
    id: (p: { fileName: string; form: string; signingFingerprint: string; secretariatFingerprint: string }) =>
      `Berkas ${p.fileName}: lembar kertas (formulir ${p.form}) ditandatangani kunci ${p.signingFingerprint}, bukan kunci sekretariat (${p.secretariatFingerprint}): lembar kertas hanya sah dengan tanda tangan sekretariat.`,
    en: (p) =>
      `File ${p.fileName}: a paper sheet (form ${p.form}) signed with key ${p.signingFingerprint}, not the secretariat's key (${p.secretariatFingerprint}): a paper sheet is valid only with the secretariat's signature.`,
  },
  noSuchSection: {
    id: (p: { roundId: string; categoryId: string }) => `Babak ${p.roundId} atau kategori ${p.categoryId} tidak ada di acara ini.`,
    en: (p) => `There is no round ${p.roundId} or category ${p.categoryId} in this event.`,
  },
});

const FORM_ROLE_NAME: Record<'id' | 'en', Record<JurorRole, string>> = {
  id: { ketua: 'Ketua merangkap Anggota', sekretaris: 'Sekretaris merangkap Anggota', anggota: 'Anggota' },
  en: { ketua: 'Chair and member', sekretaris: 'Secretary and member', anggota: 'Member' },
};

/**
 * The printed paper form's own words, Bahasa Indonesia first. The form is a legal record the juror signs,
 * so its Indonesian title and statement stay on the English form too, with the English beside them.
 */
export const paperFormMessages = defineMessages('paper-form', {
  title: { id: 'LEMBAR PENILAIAN JURI', en: "LEMBAR PENILAIAN JURI · JUROR'S SCORE SHEET" },
  subtitle: {
    id: 'Formulir kertas: isi dengan tinta, satu angka per kotak; coret dan paraf bila salah.',
    en: 'Paper form: fill in with ink, one figure per box; strike through and initial a correction.',
  },
  header: { id: 'Lembar Penilaian Juri (kertas)', en: "Juror's score sheet (paper)" },
  formNumber: { id: 'Nomor formulir', en: 'Form number' },
  checksum: { id: 'Kode periksa', en: 'Checksum' },
  checksumNote: {
    id: 'Sekretariat mengetik nomor dan kode ini lebih dulu; kode memastikan formulir dicocokkan dengan susunan yang sama persis (juri, babak, kategori, urutan nominasi, kriteria).',
    en: 'The secretariat keys this number and code first; the code makes sure the form is matched to exactly the same layout (juror, round, category, nominee order, criteria).',
  },
  revision: {
    id: (p: { n: number }) => `dicetak dari paket acara revisi ${p.n}`,
    en: (p) => `printed from event package revision ${p.n}`,
  },
  event: { id: 'Acara', en: 'Event' },
  round: { id: 'Babak', en: 'Round' },
  category: { id: 'Kategori', en: 'Category' },
  juror: { id: 'Juri', en: 'Juror' },
  role: { id: 'Kedudukan', en: 'Role' },
  position: { id: 'Jabatan / instansi', en: 'Position / institution' },
  name: { id: 'Nama juri', en: "Juror's name" },
  roleName: {
    id: (p: { role: JurorRole }) => FORM_ROLE_NAME.id[p.role],
    en: (p) => FORM_ROLE_NAME.en[p.role],
  },
  no: { id: 'No', en: 'No' },
  nominee: { id: 'Nominasi', en: 'Nominee' },
  scale: {
    id: (p: { min: number; max: number }) => `nilai ${p.min}–${p.max}`,
    en: (p) => `score ${p.min}–${p.max}`,
  },
  weight: { id: 'bobot', en: 'weight' },
  conflict: {
    id: (p: { reason: string }) => `× Benturan kepentingan: tidak dinilai (${p.reason})`,
    en: (p) => `× Conflict of interest: not scored (${p.reason})`,
  },
  rubric: { id: 'Rubrik penilaian (jangkar tiap tingkat)', en: 'Scoring rubric (anchor of each level)' },
  statement: {
    id: 'Dengan ini saya menyatakan bahwa nilai di atas adalah penilaian saya sendiri, diberikan secara independen, dan bahwa saya tidak menilai nominasi yang berbenturan kepentingan dengan saya.',
    en: 'I declare that the scores above are my own assessment, given independently, and that I did not score any nominee I have a conflict of interest with.',
  },
  placeDate: {
    id: (p: { place: string }) => `${p.place}, tanggal …………………………`,
    en: (p) => `${p.place}, date …………………………`,
  },
  signature: { id: 'Tanda tangan juri', en: "Juror's signature" },
  forSecretariat: { id: 'Diisi sekretariat', en: 'For the secretariat' },
  keyedBy: {
    id: (p: { n: number }) => `Diketik oleh operator ${p.n}`,
    en: (p) => `Keyed by operator ${p.n}`,
  },
  demo: { id: 'DEMO — nominasi fiktif (†), bukan penilaian resmi', en: 'DEMO — fictional nominees (†), not an official assessment' },
  footer: {
    id: (p: { form: string; checksum: string; revision: number }) => `${p.form} · kode periksa ${p.checksum} · paket revisi ${p.revision}`,
    en: (p) => `${p.form} · checksum ${p.checksum} · package revision ${p.revision}`,
  },
});
