/**
 * The workbook's layout: seven sheets with Indonesian names. Sheet Acara lists the event's own fields one per
 * row; every other sheet is a table with one item per row. Row 1 holds Indonesian headings, row 2 English
 * hints, data starts at row 3.
 */
import { DocumentKind, JurorRole, MergeRule } from '../../../core/model.ts';
import { templateFieldNames } from '../../../core/messages/event-template.ts';
import {
  choiceField,
  dateField,
  figureValueField,
  idField,
  idListField,
  numberField,
  quorumField,
  textField,
  textListField,
  tieBreakField,
  timeZoneField,
  yesNoField,
  type Column,
  type Field,
} from './fields.ts';

/** The sheet of each list in the event, named by the event's own key for it. */
export const COLLECTION_SHEETS = {
  categories: 'Kategori',
  rounds: 'Babak',
  criteria: 'Kriteria',
  nominees: 'Nominasi',
  jurors: 'Juri',
  conflicts: 'Konflik',
  // Issue 16: optional; a template without it means every juror scores every section.
  assignments: 'Penugasan',
  // Issue 17: optional; a template without them means no figures and no documents.
  figures: 'Data',
  documents: 'Dokumen',
} as const;
export type Collection = keyof typeof COLLECTION_SHEETS;
export const SHEETS = { event: 'Acara', ...COLLECTION_SHEETS } as const;
export type SheetName = (typeof SHEETS)[keyof typeof SHEETS];
/** Sheets a template may lack (Penugasan, issue 16; Data and Dokumen, issue 17): older templates still read. */
const OPTIONAL_SHEETS = new Set<SheetName>([SHEETS.assignments, SHEETS.figures, SHEETS.documents]);
/** The sheets a template must have (Penugasan, issue 16, is optional and comes after them). */
export const SHEET_ORDER: SheetName[] = Object.values(SHEETS).filter((sheet) => !OPTIONAL_SHEETS.has(sheet));

/** The sheet of a list named by a path's first key ("criteria" → Kriteria); undefined for the event's own fields. */
export function listSheet(key: string | number | undefined): SheetName | undefined {
  return typeof key === 'string' && Object.hasOwn(COLLECTION_SHEETS, key) ? COLLECTION_SHEETS[key as Collection] : undefined;
}

const WEIGHT = { integer: false, min: 0, max: 100 };
const ID_HINT = 'letters, digits, dot, underscore or hyphen';

/** Sheet Acara's three columns: field label, value, English hint. */
export const EVENT_COLUMNS: Column[] = [
  { header: 'Isian', hint: 'Field', width: 34 },
  { header: 'Nilai', hint: 'Value', width: 46 },
  { header: 'Petunjuk (English)', hint: 'Hint', width: 100 },
];

/** Sheet Acara, one field per row in this order. The four "Peringkat umum" rows left empty mean no overall ranking. */
export const EVENT_ROWS = {
  id: idField({ header: 'ID acara', name: templateFieldNames.eventId(), hint: `Event ID, ${ID_HINT}, e.g. paritrana-ntt-2025` }),
  name: textField({ header: 'Nama acara', name: templateFieldNames.eventName(), hint: 'Event name' }),
  yearHeld: numberField(
    { header: 'Tahun penyelenggaraan', name: templateFieldNames.yearHeld(), hint: 'Year held' },
    { integer: true, min: 2000, max: 2200 },
  ),
  periodStart: dateField({
    header: 'Periode penilaian mulai',
    name: templateFieldNames.periodAssessedStart(),
    hint: 'Period assessed: first day (yyyy-mm-dd or dd/mm/yyyy)',
  }),
  periodEnd: dateField({
    header: 'Periode penilaian selesai',
    name: templateFieldNames.periodAssessedEnd(),
    hint: 'Period assessed: last day (yyyy-mm-dd or dd/mm/yyyy)',
  }),
  place: textField({
    header: 'Tempat (kota)',
    name: templateFieldNames.place(),
    hint: 'Place (city) where the panel sits, as written in the Berita Acara',
  }),
  interviewsStart: dateField({
    header: 'Wawancara mulai',
    name: templateFieldNames.interviewsStart(),
    hint: 'Interviews: first day (optional)',
  }),
  interviewsEnd: dateField({
    header: 'Wawancara selesai',
    name: templateFieldNames.interviewsEnd(),
    hint: 'Interviews: last day (optional; required with the first day)',
  }),
  interviewsVenue: textField({
    header: 'Tempat wawancara',
    name: templateFieldNames.interviewVenue(),
    hint: 'Interviews: venue (optional)',
  }),
  plenary: dateField({
    header: 'Tanggal rapat pleno',
    name: templateFieldNames.plenaryDate(),
    hint: 'Plenary meeting that fixes the winners (optional)',
  }),
  ceremonyDate: dateField({
    header: 'Tanggal penganugerahan',
    name: templateFieldNames.ceremonyDate(),
    hint: 'Award ceremony: date (optional)',
  }),
  ceremonyVenue: textField({
    header: 'Tempat penganugerahan',
    name: templateFieldNames.ceremonyVenue(),
    hint: 'Award ceremony: venue (required with the date)',
  }),
  mergeRule: choiceField(
    {
      header: 'Aturan penggabungan nilai',
      name: templateFieldNames.mergeRule(),
      hint: 'Merge rule: mean; trimmed (drop highest and lowest); median; zscore (per-juror standardisation)',
    },
    MergeRule.options,
    'mean',
  ),
  tieBreak: tieBreakField({
    header: 'Penentuan peringkat seri',
    name: templateFieldNames.tieBreak(),
    hint: 'Tie-break steps in order, separated by ";": babak:<round ID> (higher score in that round); kriteria-utama:<round ID> (higher score on its top-weighted criterion); pleno (plenary decision)',
  }),
  disagreementThreshold: numberField(
    {
      header: 'Ambang beda pendapat',
      name: templateFieldNames.disagreementThreshold(),
      hint: 'A mark this far or further from the panel median is flagged for deliberation',
    },
    { integer: false, min: 0, aboveMin: true },
  ),
  winnersPerCategory: numberField(
    {
      header: 'Jumlah pemenang per kategori',
      name: templateFieldNames.winnersPerCategory(),
      hint: 'Winners per category (Terbaik 1..N)',
    },
    { integer: true, min: 1, max: 10 },
  ),
  overallNameId: textField({
    header: 'Peringkat umum: nama (Indonesia)',
    name: templateFieldNames.overallRankingNameIndonesian(),
    hint: 'Overall ranking (Terbaik Umum): name in Indonesian. Leave the four overall rows empty for no overall ranking',
  }),
  overallNameEn: textField({
    header: 'Peringkat umum: nama (English)',
    name: templateFieldNames.overallRankingNameEnglish(),
    hint: 'Overall ranking: name in English',
  }),
  overallCategoryIds: idListField({
    header: 'Peringkat umum: kategori',
    name: templateFieldNames.overallRankingCategories(),
    hint: 'Overall ranking: among the winners of these categories (IDs, comma separated)',
  }),
  overallSize: numberField(
    {
      header: 'Peringkat umum: jumlah',
      name: templateFieldNames.overallRankingSize(),
      hint: 'Overall ranking: how many places (Terbaik 1..N)',
    },
    { integer: true, min: 1, max: 10 },
  ),
  // Last, so a template filled before this row existed still reads (its empty row means WITA).
  timeZone: timeZoneField({
    header: 'Zona waktu',
    name: templateFieldNames.timeZone(),
    hint: 'Time zone of the panel, for every time printed or shown: WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura); empty = WITA',
  }),
  // Issue 16, after the time zone so that an older template (without these rows) still reads: the Berita Acara's basis and number.
  decrees: textListField({
    header: 'Dasar (keputusan)',
    name: templateFieldNames.legalBasis(),
    hint: 'Decrees the award rests on, printed in the Berita Acara\'s "Dasar" paragraph, one per line or separated by ";" (e.g. Kepmenko PMK No. 41/2023 amending No. 28/2023); optional',
  }),
  panelDecree: textField({
    header: 'Nomor SK Tim Penilai',
    name: templateFieldNames.timPenilaiDecreeNumber(),
    hint: 'Number of the decree (SK) that appointed the Tim Penilai (optional)',
  }),
  minutesNumber: textField({
    header: 'Nomor Berita Acara',
    name: templateFieldNames.beritaAcaraNumber(),
    hint: "The Berita Acara's own number, printed with its version once the results are fixed (optional)",
  }),
};

export const CATEGORY_COLUMNS = {
  id: idField({ header: 'ID', name: templateFieldNames.id(), hint: `Category ID, ${ID_HINT}`, width: 18 }),
  nameId: textField({
    header: 'Nama (Indonesia)',
    name: templateFieldNames.nameIndonesian(),
    hint: 'Name in Indonesian',
    width: 48,
  }),
  nameEn: textField({ header: 'Nama (English)', name: templateFieldNames.nameEnglish(), hint: 'Name in English', width: 48 }),
  // Issue 16 (optional; a template without these columns still reads): places and the minimum Nilai Akhir per category.
  places: numberField(
    {
      header: 'Jumlah pemenang',
      name: templateFieldNames.places(),
      hint: "Places awarded (Terbaik 1..N); empty = the event's number of winners per category",
      width: 17,
    },
    { integer: true, min: 1, max: 50 },
  ),
  minimumScore: numberField(
    {
      header: 'Nilai akhir minimum',
      name: templateFieldNames.minimumFinalScore(),
      hint: 'Lowest Nilai Akhir (0–100) that earns a place; below it the place stays empty (optional)',
      width: 19,
    },
    { integer: false, min: 0, max: 100 },
  ),
};

/** Columns of sheet Kategori a template made before issue 16 does not have. */
export const LATER_CATEGORY_COLUMNS = 2;

export const ROUND_COLUMNS = {
  id: idField({ header: 'ID', name: templateFieldNames.id(), hint: `Round ID, ${ID_HINT}`, width: 16 }),
  order: numberField(
    { header: 'Urutan', name: templateFieldNames.order(), hint: 'Order: 1 for the first round', width: 10 },
    { integer: true, min: 1 },
  ),
  nameId: textField({
    header: 'Nama (Indonesia)',
    name: templateFieldNames.nameIndonesian(),
    hint: 'Name in Indonesian',
    width: 26,
  }),
  nameEn: textField({ header: 'Nama (English)', name: templateFieldNames.nameEnglish(), hint: 'Name in English', width: 26 }),
  weight: numberField(
    { header: 'Bobot (%)', name: templateFieldNames.weight(), hint: 'Share of the final score, %; all rounds sum to 100', width: 11 },
    WEIGHT,
  ),
  categoryIds: idListField({
    header: 'Kategori',
    name: templateFieldNames.categories(),
    hint: 'Category IDs scored in this round, comma separated',
    width: 48,
  }),
  shortlistSize: numberField(
    {
      header: 'Jumlah shortlist',
      name: templateFieldNames.shortlistSize(),
      hint: 'Nominees per category going on into this round; empty = everyone',
      width: 16,
    },
    { integer: true, min: 1 },
  ),
  presentationMinutes: numberField(
    {
      header: 'Menit presentasi',
      name: templateFieldNames.presentationMinutes(),
      hint: 'Interview rounds only: minutes to present',
      width: 17,
    },
    { integer: true, min: 1, max: 240 },
  ),
  questionsMinutes: numberField(
    {
      header: 'Menit tanya jawab',
      name: templateFieldNames.questionMinutes(),
      hint: 'Interview rounds only: minutes of questions',
      width: 18,
    },
    { integer: true, min: 1, max: 240 },
  ),
  // Issue 16 (optional; a template without the column still reads).
  quorum: quorumField({
    header: 'Kuorum',
    name: templateFieldNames.quorum(),
    hint: 'Quorum per category: a number of jurors (5) or a share of those assigned (2/3); empty = none',
    width: 12,
  }),
};

/** Columns of sheet Babak and Juri a template made before issue 16 does not have. */
export const LATER_ROUND_COLUMNS = 1;
export const LATER_JUROR_COLUMNS = 2;

export const CRITERION_COLUMNS = {
  code: idField({ header: 'Kode', name: templateFieldNames.code(), hint: 'Code, unique in the event, e.g. W1', width: 10 }),
  roundId: idField({ header: 'Babak', name: templateFieldNames.round(), hint: 'Round ID (sheet Babak)', width: 15 }, SHEETS.rounds),
  categoryIds: idListField({
    header: 'Kategori',
    name: templateFieldNames.categories(),
    hint: 'Category IDs, comma separated',
    width: 30,
  }),
  labelId: textField({
    header: 'Label (Indonesia)',
    name: templateFieldNames.labelIndonesian(),
    hint: 'Label in Indonesian',
    width: 32,
  }),
  labelEn: textField({
    header: 'Label (English)',
    name: templateFieldNames.labelEnglish(),
    hint: 'Label in English',
    width: 32,
  }),
  weight: numberField(
    { header: 'Bobot', name: templateFieldNames.weight(), hint: 'Weight, %; per round and category the criteria sum to 100', width: 10 },
    WEIGHT,
  ),
  scaleMin: numberField(
    { header: 'Skala min', name: templateFieldNames.scaleMinimum(), hint: 'Lowest score', width: 10 },
    { integer: true, min: -100, max: 100 },
  ),
  scaleMax: numberField(
    { header: 'Skala maks', name: templateFieldNames.scaleMaximum(), hint: 'Highest score', width: 11 },
    { integer: true, min: -100, max: 100 },
  ),
  step: numberField(
    {
      header: 'Langkah',
      name: templateFieldNames.step(),
      hint: 'Smallest difference between scores (1 = whole, 0.5 = half points)',
      width: 10,
    },
    { integer: false, min: 0, aboveMin: true },
  ),
};

/** The rubric follows the fixed criterion columns as pairs (Indonesian, English); pair k is the level scale min + k − 1. */
export const MIN_RUBRIC_PAIRS = 5;
const RUBRIC_WIDTH = 34;

export function rubricFields(level: number): [Field<string>, Field<string>] {
  return [
    textField({
      header: `Rubrik ${level} (Indonesia)`,
      name: templateFieldNames.rubricIndonesian({ level }),
      hint: `Rubric level ${level} (score = scale min + ${level - 1}), Indonesian`,
      width: RUBRIC_WIDTH,
    }),
    textField({
      header: `Rubrik ${level} (English)`,
      name: templateFieldNames.rubricEnglish({ level }),
      hint: `Rubric level ${level}, English`,
      width: RUBRIC_WIDTH,
    }),
  ];
}

export const NOMINEE_COLUMNS = {
  id: idField({ header: 'ID', name: templateFieldNames.id(), hint: `Nominee ID, ${ID_HINT}`, width: 18 }),
  categoryId: idField(
    { header: 'Kategori', name: templateFieldNames.category(), hint: 'Category ID (sheet Kategori)', width: 18 },
    SHEETS.categories,
  ),
  name: textField({ header: 'Nama', name: templateFieldNames.name(), hint: 'Name as printed on the sheets', width: 40 }),
  region: textField({ header: 'Wilayah', name: templateFieldNames.region(), hint: 'Regency or city (optional)', width: 24 }),
  fictional: yesNoField({
    header: 'Fiktif',
    name: templateFieldNames.fictional(),
    hint: 'Fictional demo nominee: Ya/Tidak (empty = Tidak). Further columns are attributes: heading = key',
    width: 10,
  }),
};

/** Columns after the fixed nominee columns are attributes: the heading is the key, the cell the value. */
export const ATTRIBUTE_HINT = 'Attribute: heading = key; text, number or TRUE/FALSE';
export const ATTRIBUTE_WIDTH = 20;

export const JUROR_COLUMNS = {
  id: idField({ header: 'ID', name: templateFieldNames.id(), hint: `Juror ID, ${ID_HINT}, e.g. J1`, width: 10 }),
  role: choiceField(
    {
      header: 'Peran',
      name: templateFieldNames.role(),
      hint: 'Role: ketua (chair), sekretaris (secretary), anggota (member)',
      width: 13,
    },
    JurorRole.options,
    'anggota',
  ),
  title: textField({ header: 'Jabatan', name: templateFieldNames.position(), hint: 'Position the juror sits for', width: 44 }),
  institution: textField({ header: 'Instansi', name: templateFieldNames.institution(), hint: 'Institution', width: 44 }),
  name: textField({ header: 'Nama', name: templateFieldNames.name(), hint: 'Personal name (optional)', width: 30 }),
  // Issue 16 (optional): a replacement member, and the (amended) decree that appointed them.
  replaces: idField(
    {
      header: 'Menggantikan',
      name: templateFieldNames.replaces(),
      hint: 'Replacement member: the juror ID this one replaces (optional)',
      width: 14,
    },
    'Juri',
  ),
  decree: textField({
    header: 'SK penunjukan',
    name: templateFieldNames.appointingDecree(),
    hint: 'The decree (SK) that appointed this juror, e.g. the amended SK of a replacement (optional)',
    width: 30,
  }),
};

export const CONFLICT_COLUMNS = {
  jurorId: idField({ header: 'Juri', name: templateFieldNames.juror(), hint: 'Juror ID (sheet Juri)', width: 10 }, SHEETS.jurors),
  nomineeId: idField(
    { header: 'Nominasi', name: templateFieldNames.nominee(), hint: 'Nominee ID (sheet Nominasi)', width: 20 },
    SHEETS.nominees,
  ),
  reason: textField({
    header: 'Alasan',
    name: templateFieldNames.reason(),
    hint: 'Why the juror must not score this nominee',
    width: 60,
  }),
};

/** Issue 16: sheet Penugasan, juror × round × category: wajib (scores it) or tidak (does not). */
export const ASSIGNMENT_COLUMNS = {
  jurorId: idField({ header: 'Juri', name: templateFieldNames.juror(), hint: 'Juror ID (sheet Juri)', width: 10 }, 'Juri'),
  roundId: idField({ header: 'Babak', name: templateFieldNames.round(), hint: 'Round ID (sheet Babak)', width: 16 }, 'Babak'),
  categoryId: idField(
    { header: 'Kategori', name: templateFieldNames.category(), hint: 'Category ID (sheet Kategori)', width: 18 },
    'Kategori',
  ),
  duty: choiceField(
    {
      header: 'Tugas',
      name: templateFieldNames.duty(),
      hint: 'wajib (scores this section) or tidak (does not); a section not listed is wajib',
      width: 10,
    },
    ['wajib', 'tidak'] as const,
    'wajib',
  ),
};

/** Issue 17: the nominee a row of the dossier belongs to, the first column of sheets Data and Dokumen alike. */
const DOSSIER_NOMINEE = idField(
  { header: 'Nominasi', name: templateFieldNames.nominee(), hint: 'Nominee ID (sheet Nominasi)', width: 16 },
  SHEETS.nominees,
);

/** Issue 17: sheet Data, one figure of a nominee's dossier per row, optionally linked to the criteria it informs. */
export const FIGURE_COLUMNS = {
  nomineeId: DOSSIER_NOMINEE,
  labelId: textField({
    header: 'Indikator (Indonesia)',
    name: templateFieldNames.indicatorIndonesian(),
    hint: 'Indicator in Indonesian, e.g. Cakupan kepesertaan',
    width: 32,
  }),
  labelEn: textField({
    header: 'Indikator (English)',
    name: templateFieldNames.indicatorEnglish(),
    hint: 'Indicator in English, e.g. Coverage',
    width: 28,
  }),
  value: figureValueField({
    header: 'Nilai',
    name: templateFieldNames.value(),
    hint: 'Value, a number: 34,90 or 34.9; 100.000 with Indonesian thousands dots is one hundred thousand',
    width: 12,
  }),
  unit: textField({
    header: 'Satuan',
    name: templateFieldNames.unit(),
    hint: 'Unit: %, orang (persons), bulan (months), Rp ... (optional)',
    width: 10,
  }),
  source: textField({ header: 'Sumber', name: templateFieldNames.source(), hint: 'Source, e.g. BPJS Ketenagakerjaan', width: 30 }),
  date: dateField({ header: 'Tanggal', name: templateFieldNames.date(), hint: 'Date of the figure ("per 31-12-2024")', width: 12 }),
  criterionCodes: idListField({
    header: 'Kriteria',
    name: templateFieldNames.criteria(),
    hint: 'Codes of the criteria this figure informs, comma separated, e.g. PD3 (optional)',
    width: 14,
  }),
};

/** Issue 17: sheet Dokumen, one file a nominee submitted per row (PDF, JPG or PNG; hash and size filled in when packaged). */
export const DOCUMENT_COLUMNS = {
  nomineeId: DOSSIER_NOMINEE,
  fileName: textField({
    header: 'Nama berkas',
    name: templateFieldNames.fileName(),
    hint: 'File name: PDF, JPG or PNG, no folders',
    width: 36,
  }),
  kind: choiceField(
    {
      header: 'Jenis',
      name: templateFieldNames.kind(),
      hint: 'Kind: perda, sk, kuesioner (questionnaire), presentasi (presentation), foto (photo)',
      width: 14,
    },
    DocumentKind.options,
    'foto',
  ),
  sha256: textField({
    header: 'SHA-256',
    name: templateFieldNames.sha256(),
    hint: 'Filled in by Timbang when the package bundles the file (leave empty)',
    width: 30,
  }),
  size: numberField(
    { header: 'Ukuran (bita)', name: templateFieldNames.size(), hint: 'Size in bytes, filled in by Timbang (leave empty)', width: 14 },
    { integer: true, min: 0 },
  ),
};

/** A sheet's fields by key; the key order is the column order (or, on sheet Acara, the row order). */
export type Fields = Record<string, Field<unknown>>;
export type FieldValue<F> = F extends Field<infer T> ? T : never;
