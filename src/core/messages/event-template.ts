/**
 * The event template's messages (services/events/template and event-template.ts): how each field is named
 * in a message, what a cell should hold, what a sheet lacks, and where a finding of validateEvent sits.
 * Sheet names and headings are the workbook's own (Indonesian) words and stay where the layout is.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

/** How messages name each field of the template, lower case: "bobot harus angka 0–100". */
export const templateFieldNames = defineMessages('event-template-field', {
  eventId: { id: 'ID acara', en: 'event ID' },
  eventName: { id: 'nama acara', en: 'event name' },
  yearHeld: { id: 'tahun penyelenggaraan', en: 'year held' },
  periodAssessedStart: { id: 'periode penilaian mulai', en: 'period assessed start' },
  periodAssessedEnd: { id: 'periode penilaian selesai', en: 'period assessed end' },
  place: { id: 'tempat', en: 'place' },
  interviewsStart: { id: 'wawancara mulai', en: 'interviews start' },
  interviewsEnd: { id: 'wawancara selesai', en: 'interviews end' },
  interviewVenue: { id: 'tempat wawancara', en: 'interview venue' },
  plenaryDate: { id: 'tanggal rapat pleno', en: 'plenary date' },
  ceremonyDate: { id: 'tanggal penganugerahan', en: 'ceremony date' },
  ceremonyVenue: { id: 'tempat penganugerahan', en: 'ceremony venue' },
  mergeRule: { id: 'aturan penggabungan nilai', en: 'merge rule' },
  tieBreak: { id: 'penentuan peringkat seri', en: 'tie-break' },
  disagreementThreshold: { id: 'ambang beda pendapat', en: 'disagreement threshold' },
  winnersPerCategory: { id: 'jumlah pemenang per kategori', en: 'winners per category' },
  overallRankingNameIndonesian: { id: 'nama peringkat umum (Indonesia)', en: 'overall ranking name (Indonesian)' },
  overallRankingNameEnglish: { id: 'nama peringkat umum (English)', en: 'overall ranking name (English)' },
  overallRankingCategories: { id: 'kategori peringkat umum', en: 'overall ranking categories' },
  overallRankingSize: { id: 'jumlah peringkat umum', en: 'overall ranking size' },
  timeZone: { id: 'zona waktu', en: 'time zone' },
  legalBasis: { id: 'dasar', en: 'legal basis' },
  timPenilaiDecreeNumber: { id: 'nomor SK Tim Penilai', en: 'Tim Penilai decree number' },
  beritaAcaraNumber: { id: 'nomor Berita Acara', en: 'Berita Acara number' },
  id: { id: 'ID', en: 'ID' },
  nameIndonesian: { id: 'nama (Indonesia)', en: 'name (Indonesian)' },
  nameEnglish: { id: 'nama (English)', en: 'name (English)' },
  places: { id: 'jumlah pemenang', en: 'places' },
  minimumFinalScore: { id: 'nilai akhir minimum', en: 'minimum final score' },
  order: { id: 'urutan', en: 'order' },
  weight: { id: 'bobot', en: 'weight' },
  categories: { id: 'kategori', en: 'categories' },
  shortlistSize: { id: 'jumlah shortlist', en: 'shortlist size' },
  presentationMinutes: { id: 'menit presentasi', en: 'presentation minutes' },
  questionMinutes: { id: 'menit tanya jawab', en: 'question minutes' },
  quorum: { id: 'kuorum', en: 'quorum' },
  code: { id: 'kode', en: 'code' },
  round: { id: 'babak', en: 'round' },
  labelIndonesian: { id: 'label (Indonesia)', en: 'label (Indonesian)' },
  labelEnglish: { id: 'label (English)', en: 'label (English)' },
  scaleMinimum: { id: 'skala min', en: 'scale minimum' },
  scaleMaximum: { id: 'skala maks', en: 'scale maximum' },
  step: { id: 'langkah', en: 'step' },
  category: { id: 'kategori', en: 'category' },
  name: { id: 'nama', en: 'name' },
  region: { id: 'wilayah', en: 'region' },
  fictional: { id: 'fiktif', en: 'fictional' },
  role: { id: 'peran', en: 'role' },
  position: { id: 'jabatan', en: 'position' },
  institution: { id: 'instansi', en: 'institution' },
  replaces: { id: 'menggantikan', en: 'replaces' },
  appointingDecree: { id: 'SK penunjukan', en: 'appointing decree' },
  juror: { id: 'juri', en: 'juror' },
  nominee: { id: 'nominasi', en: 'nominee' },
  reason: { id: 'alasan', en: 'reason' },
  duty: { id: 'tugas', en: 'duty' },
  indicatorIndonesian: { id: 'indikator (Indonesia)', en: 'indicator (Indonesian)' },
  indicatorEnglish: { id: 'indikator (English)', en: 'indicator (English)' },
  value: { id: 'nilai', en: 'value' },
  unit: { id: 'satuan', en: 'unit' },
  source: { id: 'sumber', en: 'source' },
  date: { id: 'tanggal', en: 'date' },
  criteria: { id: 'kriteria', en: 'criteria' },
  fileName: { id: 'nama berkas', en: 'file name' },
  kind: { id: 'jenis', en: 'kind' },
  sha256: { id: 'SHA-256', en: 'SHA-256' },
  size: { id: 'ukuran', en: 'size' },
  /** Rubric pair k (the level scale min + k − 1), one text per language. */
  rubricIndonesian: { id: (p: { level: number }) => `rubrik ${p.level} (Indonesia)`, en: (p) => `rubric ${p.level} (Indonesian)` },
  rubricEnglish: { id: (p: { level: number }) => `rubrik ${p.level} (English)`, en: (p) => `rubric ${p.level} (English)` },
});

/** The range a number must fall in, as the messages write it after "harus angka". */
export const templateRanges = defineMessages('event-template-range', {
  above: { id: (p: { min: number }) => `> ${p.min}`, en: (p) => `> ${p.min}` },
  atLeast: { id: (p: { min: number }) => `≥ ${p.min}`, en: (p) => `≥ ${p.min}` },
  /** From a negative minimum: "−100–100" would read as a subtraction. */
  fromNegative: { id: (p: { min: number; max: number }) => `${p.min} sampai ${p.max}`, en: (p) => `${p.min} to ${p.max}` },
  between: { id: (p: { min: number; max: number }) => `${p.min}–${p.max}`, en: (p) => `${p.min}–${p.max}` },
});

type Named = { name: Bilingual };

/** What a cell of each kind of field must hold, after the field's name ("bobot harus angka 0–100"). */
export const templateExpected = defineMessages('event-template-expected', {
  id: {
    id: (p: Named) => `${p.name.id} harus ID: huruf, angka, titik, garis bawah atau tanda hubung, paling banyak 64 karakter`,
    en: (p) => `${p.name.en} must be an ID: letters, digits, dot, underscore or hyphen, at most 64 characters`,
  },
  idList: {
    id: (p: Named) => `${p.name.id} harus daftar ID dipisah koma`,
    en: (p) => `${p.name.en} must be IDs separated by commas`,
  },
  textList: { id: (p: Named) => `${p.name.id} harus berisi teks`, en: (p) => `${p.name.en} must hold text` },
  wholeNumber: {
    id: (p: Named & { range: Bilingual }) => `${p.name.id} harus bilangan bulat ${p.range.id}`,
    en: (p) => `${p.name.en} must be a whole number ${p.range.en}`,
  },
  number: {
    id: (p: Named & { range: Bilingual }) => `${p.name.id} harus angka ${p.range.id}`,
    en: (p) => `${p.name.en} must be a number ${p.range.en}`,
  },
  figure: {
    id: (p: Named) => `${p.name.id} harus angka ≥ 0 (mis. 34,90 atau 100.000)`,
    en: (p) => `${p.name.en} must be a number ≥ 0 (e.g. 34,90 or 100.000)`,
  },
  date: {
    id: (p: Named) => `${p.name.id} harus tanggal (yyyy-mm-dd atau dd/mm/yyyy)`,
    en: (p) => `${p.name.en} must be a date (yyyy-mm-dd or dd/mm/yyyy)`,
  },
  choice: {
    id: (p: Named & { options: readonly string[] }) => `${p.name.id} harus salah satu dari: ${p.options.join(', ')}`,
    en: (p) => `${p.name.en} must be one of: ${p.options.join(', ')}`,
  },
  yesNo: { id: (p: Named) => `${p.name.id} harus Ya atau Tidak`, en: (p) => `${p.name.en} must be Ya (yes) or Tidak (no)` },
  timeZone: {
    id: (p: Named & { words: readonly string[] }) => `${p.name.id} harus ${p.words.join(', ')} atau nama zona IANA (mis. Asia/Makassar)`,
    en: (p) => `${p.name.en} must be ${p.words.join(', ')} or an IANA zone name (e.g. Asia/Makassar)`,
  },
  quorum: {
    id: (p: Named) => `${p.name.id} harus jumlah juri (mis. 5) atau bagian dari juri yang ditugaskan (mis. 2/3)`,
    en: (p) => `${p.name.en} must be a number of jurors (e.g. 5) or a share of those assigned (e.g. 2/3)`,
  },
  /** `words` are the tie-break words the secretariat types (babak, kriteria-utama, pleno). */
  tieBreak: {
    id: (p: Named & { words: { round: string; topCriterion: string; plenary: string } }) =>
      `${p.name.id} harus langkah dipisah titik koma: ${p.words.round}:<ID babak>, ${p.words.topCriterion}:<ID babak> atau ${p.words.plenary}`,
    en: (p) =>
      `${p.name.en} must be steps separated by semicolons: ${p.words.round}:<round ID>, ${p.words.topCriterion}:<round ID> or ${p.words.plenary}`,
  },
});

/** What reading a filled template finds wrong in its cells and sheets. */
export const templateMessages = defineMessages('event-template', {
  /** A value that could become a formula: `what` names it, `problem` is the formula check's message. */
  formulaFound: {
    id: (p: { what: Bilingual; problem: Bilingual; found: string }) => `${p.what.id} ${p.problem.id}, ditemukan '${p.found}'`,
    en: (p) => `${p.what.en} ${p.problem.en}, found '${p.found}'`,
  },
  /** A cell that does not hold what its field expects. */
  foundInstead: {
    id: (p: { expected: Bilingual; found: string }) => `${p.expected.id}, ditemukan '${p.found}'`,
    en: (p) => `${p.expected.en}, found '${p.found}'`,
  },
  required: { id: (p: { field: Bilingual }) => `${p.field.id} wajib diisi`, en: (p) => `${p.field.en} is required` },
  requiredWith: {
    id: (p: { field: Bilingual; group: Bilingual }) => `${p.field.id} wajib diisi bila ${p.group.id} diisi`,
    en: (p) => `${p.field.en} is required when ${p.group.en} is filled in`,
  },
  /** A heading or row label other than the template's; `found` is the cell's text, or undefined when empty. */
  labelMustBe: {
    id: (p: { kind: Bilingual; header: string; found: string | undefined }) =>
      `${p.kind.id} harus '${p.header}', ditemukan ${p.found === undefined ? 'kosong' : `'${p.found}'`}`,
    en: (p) => `${p.kind.en} must be '${p.header}', found ${p.found === undefined ? 'nothing' : `'${p.found}'`}`,
  },
  columnHeading: { id: 'judul kolom', en: 'column heading' },
  rowLabel: { id: 'label baris', en: 'row label' },
  sheetHasNoData: {
    id: (p: { sheet: string; row: number }) => `sheet ${p.sheet} belum berisi data (mulai baris ${p.row})`,
    en: (p) => `sheet ${p.sheet} has no data (it starts at row ${p.row})`,
  },
  sheetMissing: { id: (p: { sheet: string }) => `sheet ${p.sheet} tidak ada`, en: (p) => `sheet ${p.sheet} is missing` },
  /** Groups of optional rows on sheet Acara, named in "… wajib diisi bila jadwal wawancara diisi". */
  interviewSchedule: { id: 'jadwal wawancara', en: 'the interview schedule' },
  awardCeremony: { id: 'penganugerahan', en: 'the award ceremony' },
  overallRanking: { id: 'peringkat umum', en: 'the overall ranking' },
  interviewTiming: { id: 'waktu wawancara', en: 'interview timing' },
  rubricEmpty: {
    id: (p: { level: number; scale: string; levels: number }) =>
      `Rubrik ${p.level} kosong: skala ${p.scale} butuh ${p.levels} level rubrik (Rubrik 1–${p.levels})`,
    en: (p) => `Rubric ${p.level} is empty: scale ${p.scale} needs ${p.levels} rubric levels (Rubrik 1–${p.levels})`,
  },
  rubricExtra: {
    id: (p: { level: number; scale: string; levels: number }) =>
      `Rubrik ${p.level} terisi, padahal skala ${p.scale} hanya butuh ${p.levels} level rubrik (Rubrik 1–${p.levels})`,
    en: (p) => `Rubric ${p.level} is filled in, but scale ${p.scale} needs only ${p.levels} rubric levels (Rubrik 1–${p.levels})`,
  },
  attributeHeading: { id: 'judul kolom atribut', en: 'attribute heading' },
  attribute: { id: (p: { key: string }) => `atribut '${p.key}'`, en: (p) => `attribute '${p.key}'` },
  headingTwice: {
    id: (p: { key: string }) => `judul kolom '${p.key}' dipakai dua kali`,
    en: (p) => `column heading '${p.key}' is used twice`,
  },
  unnamedColumn: {
    id: 'kolom ini tidak berjudul: tulis nama atributnya di baris 1',
    en: 'this column has no heading: write the attribute name in row 1',
  },
  notATemplate: {
    id: (p: { fileName: string; sheets: readonly string[] }) =>
      `Berkas ${p.fileName} bukan templat acara Timbang: tidak ada satu pun sheet ${p.sheets.join(', ')}.`,
    en: (p) => `File ${p.fileName} is not a Timbang event template: it has none of the sheets ${p.sheets.join(', ')}.`,
  },
  /** validateEvent's finding at a cell: its place, then what is wrong there. */
  finding: {
    id: (p: { where: Bilingual; message: Bilingual }) => `${p.where.id}: ${p.message.id}`,
    en: (p) => `${p.where.en}: ${p.message.en}`,
  },
});
