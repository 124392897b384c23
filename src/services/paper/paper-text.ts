/**
 * The printed paper form's own words, Bahasa Indonesia first. The form is a legal record the juror signs,
 * so its Indonesian title and statement stay on the English form too, with the English beside them.
 */
import type { Lang } from '../report/date-words.ts';

const id = {
  title: 'LEMBAR PENILAIAN JURI',
  subtitle: 'Formulir kertas: isi dengan tinta, satu angka per kotak; coret dan paraf bila salah.',
  header: 'Lembar Penilaian Juri (kertas)',
  formNumber: 'Nomor formulir',
  checksum: 'Kode periksa',
  checksumNote:
    'Sekretariat mengetik nomor dan kode ini lebih dulu; kode memastikan formulir dicocokkan dengan susunan yang sama persis (juri, babak, kategori, urutan nominasi, kriteria).',
  revision: (n: number) => `dicetak dari paket acara revisi ${n}`,
  event: 'Acara',
  round: 'Babak',
  category: 'Kategori',
  juror: 'Juri',
  role: 'Kedudukan',
  position: 'Jabatan / instansi',
  name: 'Nama juri',
  roleName: { ketua: 'Ketua merangkap Anggota', sekretaris: 'Sekretaris merangkap Anggota', anggota: 'Anggota' },
  no: 'No',
  nominee: 'Nominasi',
  scale: (min: number, max: number) => `nilai ${min}–${max}`,
  weight: 'bobot',
  conflict: (reason: string) => `× Benturan kepentingan: tidak dinilai (${reason})`,
  rubric: 'Rubrik penilaian (jangkar tiap tingkat)',
  statement:
    'Dengan ini saya menyatakan bahwa nilai di atas adalah penilaian saya sendiri, diberikan secara independen, dan bahwa saya tidak menilai nominasi yang berbenturan kepentingan dengan saya.',
  placeDate: (place: string) => `${place}, tanggal …………………………`,
  signature: 'Tanda tangan juri',
  forSecretariat: 'Diisi sekretariat',
  keyedBy: (n: number) => `Diketik oleh operator ${n}`,
  demo: 'DEMO — nominasi fiktif (†), bukan penilaian resmi',
  page: (n: string, of: string) => `Halaman ${n} dari ${of}`,
  footer: (form: string, checksum: string, revision: number) => `${form} · kode periksa ${checksum} · paket revisi ${revision}`,
};

type PaperText = typeof id;

const en: PaperText = {
  title: "LEMBAR PENILAIAN JURI · JUROR'S SCORE SHEET",
  subtitle: 'Paper form: fill in with ink, one figure per box; strike through and initial a correction.',
  header: "Juror's score sheet (paper)",
  formNumber: 'Form number',
  checksum: 'Checksum',
  checksumNote:
    'The secretariat keys this number and code first; the code makes sure the form is matched to exactly the same layout (juror, round, category, nominee order, criteria).',
  revision: (n) => `printed from event package revision ${n}`,
  event: 'Event',
  round: 'Round',
  category: 'Category',
  juror: 'Juror',
  role: 'Role',
  position: 'Position / institution',
  name: "Juror's name",
  roleName: { ketua: 'Chair and member', sekretaris: 'Secretary and member', anggota: 'Member' },
  no: 'No',
  nominee: 'Nominee',
  scale: (min, max) => `score ${min}–${max}`,
  weight: 'weight',
  conflict: (reason) => `× Conflict of interest: not scored (${reason})`,
  rubric: 'Scoring rubric (anchor of each level)',
  statement:
    'I declare that the scores above are my own assessment, given independently, and that I did not score any nominee I have a conflict of interest with.',
  placeDate: (place) => `${place}, date …………………………`,
  signature: "Juror's signature",
  forSecretariat: 'For the secretariat',
  keyedBy: (n) => `Keyed by operator ${n}`,
  demo: 'DEMO — fictional nominees (†), not an official assessment',
  page: (n, of) => `Page ${n} of ${of}`,
  footer: (form, checksum, revision) => `${form} · checksum ${checksum} · package revision ${revision}`,
};

export const PAPER_TEXT: Record<Lang, PaperText> = { id, en };
