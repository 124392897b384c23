/**
 * The event document's messages: validateEvent's findings and the places it names ("Kriteria W3 › bobot"),
 * text that a spreadsheet could take for a formula, the panel checklist's quorum lines, and reading or
 * finding an event in the workspace. Names of categories, rounds and nominees are the event's own data:
 * they come in as parameters, each already in both languages.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';
import { templateFieldNames } from './event-template.ts';

type Language = keyof Bilingual;

/** A number as people write it: "99,5" in Indonesian, "99.5" in English (to a hundredth). */
const decimal = (n: number, language: Language) => {
  const text = String(Math.round(n * 100) / 100);
  return language === 'id' ? text.replace('.', ',') : text;
};

/** A list of names, or a dash for none. */
const names = (list: readonly string[]) => list.join(', ') || '—';

/** The lists of an event, named as their sheets and forms name one item: "Kriteria W3". Keyed by the event's own key. */
export const eventCollectionNames = defineMessages('event-collection', {
  categories: { id: 'Kategori', en: 'Category' },
  rounds: { id: 'Babak', en: 'Round' },
  criteria: { id: 'Kriteria', en: 'Criterion' },
  nominees: { id: 'Nominasi', en: 'Nominee' },
  jurors: { id: 'Juri', en: 'Juror' },
  conflicts: { id: 'Konflik', en: 'Conflict' },
  assignments: { id: 'Penugasan', en: 'Assignment' },
  figures: { id: 'Data', en: 'Figure' },
  documents: { id: 'Dokumen', en: 'Document' },
});

/** The fields people fill in, named as the template and the form name them, keyed by the event's own key. */
export const eventFieldNames = {
  ...defineMessages('event-field', {
    periodAssessed: { id: 'periode penilaian', en: 'period assessed' },
    start: { id: 'mulai', en: 'start' },
    end: { id: 'selesai', en: 'end' },
    schedule: { id: 'jadwal', en: 'schedule' },
    interviews: { id: 'wawancara', en: 'interviews' },
    venue: { id: 'tempat', en: 'venue' },
    plenary: { id: 'rapat pleno', en: 'plenary' },
    ceremony: { id: 'penganugerahan', en: 'ceremony' },
    label: { id: 'label', en: 'label' },
    title: { id: 'jabatan', en: 'title' },
    scale: { id: 'skala', en: 'scale' },
    rubric: { id: 'rubrik', en: 'rubric' },
    text: { id: 'teks', en: 'text' },
    attributes: { id: 'atribut', en: 'attribute' },
    merge: { id: 'penggabungan nilai', en: 'merge' },
    overall: { id: 'peringkat umum', en: 'overall ranking' },
    // Issue 16: awards per category and the Berita Acara's basis.
    minutes: { id: 'berita acara', en: 'Berita Acara' },
    number: { id: 'nomor', en: 'number' },
  }),
  // The fields the template names in the same words: one entry, the template's (event-template.ts).
  name: templateFieldNames.name,
  yearHeld: templateFieldNames.yearHeld,
  place: templateFieldNames.place,
  timeZone: templateFieldNames.timeZone,
  date: templateFieldNames.date,
  weight: templateFieldNames.weight,
  institution: templateFieldNames.institution,
  role: templateFieldNames.role,
  region: templateFieldNames.region,
  reason: templateFieldNames.reason,
  places: templateFieldNames.places,
  minimumScore: templateFieldNames.minimumFinalScore,
  decrees: templateFieldNames.legalBasis,
  panelDecree: templateFieldNames.timPenilaiDecreeNumber,
  quorum: templateFieldNames.quorum,
  replaces: templateFieldNames.replaces,
  decree: templateFieldNames.appointingDecree,
  duty: templateFieldNames.duty,
  value: templateFieldNames.value,
  unit: templateFieldNames.unit,
  source: templateFieldNames.source,
  criterionCodes: templateFieldNames.criteria,
  fileName: templateFieldNames.fileName,
  kind: templateFieldNames.kind,
  nomineeId: templateFieldNames.nominee,
};

/** How a finding says where it is: parts of a path, and the places that are not one item of a list. */
export const eventPlaces = defineMessages('event-place', {
  /** The two languages of a bilingual text, named as the template's columns name them: "nama (Indonesia)". */
  indonesian: { id: 'Indonesia', en: 'Indonesian' },
  english: { id: 'English', en: 'English' },
  inLanguage: {
    id: (p: { field: Bilingual; language: Bilingual }) => `${p.field.id} (${p.language.id})`,
    en: (p) => `${p.field.en} (${p.language.en})`,
  },
  rubricScore: { id: (p: { score: string }) => `rubrik skor ${p.score}`, en: (p) => `rubric score ${p.score}` },
  item: {
    id: (p: { collection: Bilingual; label: string }) => `${p.collection.id} ${p.label}`,
    en: (p) => `${p.collection.en} ${p.label}`,
  },
  eventName: { id: 'nama acara', en: 'event name' },
  /** A key the messages have no name for, shown as it is. */
  unnamed: { id: (p: { key: string }) => p.key, en: (p) => p.key },
  /** The parts of a place joined ("Kriteria W3 › bobot"); the event itself when there are none. */
  path: {
    id: (p: { parts: readonly Bilingual[] }) => p.parts.map((part) => part.id).join(' › ') || 'Acara',
    en: (p) => p.parts.map((part) => part.en).join(' › ') || 'Event',
  },
  allRounds: { id: 'Babak', en: 'Rounds' },
  allJurors: { id: 'Juri', en: 'Jurors' },
  tieBreak: { id: 'Penentuan peringkat seri', en: 'Tie-break' },
  overallRanking: { id: 'Terbaik Umum', en: 'Overall ranking' },
  shortlist: {
    id: (p: { roundId: string; categoryId: string }) => `Daftar pendek ${p.roundId}/${p.categoryId}`,
    en: (p) => `Shortlist ${p.roundId}/${p.categoryId}`,
  },
  roundCategories: {
    id: (p: { round: Bilingual; categories: string }) => `Babak ${p.round.id}, kategori ${p.categories}`,
    en: (p) => `Round ${p.round.en}, category ${p.categories}`,
  },
  periodAssessed: { id: 'Periode penilaian', en: 'Period assessed' },
  interviewDates: { id: 'Jadwal wawancara', en: 'Interview dates' },
});

/** validateEvent's findings, after the place they are about. */
export const eventMessages = defineMessages('event', {
  attributeName: {
    id: (p: { key: string; problem: Bilingual }) => `nama atribut "${p.key}" ${p.problem.id}`,
    en: (p) => `attribute name "${p.key}" ${p.problem.en}`,
  },
  idTwice: { id: (p: { key: string }) => `id "${p.key}" dipakai lebih dari sekali`, en: (p) => `id "${p.key}" is used more than once` },
  unknownCategory: { id: (p: { id: string }) => `kategori "${p.id}" tidak dikenal`, en: (p) => `unknown category "${p.id}"` },
  unknownRound: { id: (p: { id: string }) => `babak "${p.id}" tidak dikenal`, en: (p) => `unknown round "${p.id}"` },
  unknownJuror: { id: (p: { id: string }) => `juri "${p.id}" tidak dikenal`, en: (p) => `unknown juror "${p.id}"` },
  unknownNominee: { id: (p: { id: string }) => `nominasi "${p.id}" tidak dikenal`, en: (p) => `unknown nominee "${p.id}"` },
  unknownCriterion: { id: (p: { code: string }) => `kriteria "${p.code}" tidak dikenal`, en: (p) => `unknown criterion "${p.code}"` },
  orderTwice: {
    id: (p: { order: number }) => `urutan ${p.order} dipakai dua babak`,
    en: (p) => `order ${p.order} is used by two rounds`,
  },
  roundWeightsNotHundred: {
    id: (p: { total: number }) => `total bobot babak ${decimal(p.total, 'id')}, harus 100`,
    en: (p) => `round weights total ${decimal(p.total, 'en')}, must be 100`,
  },
  /** `round` is the round's name. */
  categoryNotInRound: {
    id: (p: { categoryId: string; round: Bilingual }) => `kategori "${p.categoryId}" tidak dinilai di babak ${p.round.id}`,
    en: (p) => `category "${p.categoryId}" is not scored in round ${p.round.en}`,
  },
  scaleBackwards: {
    id: (p: { min: number; max: number }) => `skala minimum ${p.min} harus di bawah maksimum ${p.max}`,
    en: (p) => `scale minimum ${p.min} must be below maximum ${p.max}`,
  },
  scaleTooWide: {
    id: (p: { min: number; max: number }) => `skala ${p.min}–${p.max} terlalu lebar (paling banyak 11 level)`,
    en: (p) => `scale ${p.min}–${p.max} is too wide (at most 11 levels)`,
  },
  stepUneven: {
    id: (p: { step: number; min: number; max: number }) => `langkah ${p.step} tidak membagi skala ${p.min}–${p.max} dan 1 dengan pas`,
    en: (p) => `step ${p.step} does not divide the scale ${p.min}–${p.max} and 1 evenly`,
  },
  rubricLevels: {
    id: (p: { scores: readonly number[]; min: number; max: number; expected: readonly number[] }) =>
      `rubrik punya ${p.scores.length} level (${p.scores.join(', ')}), skala ${p.min}–${p.max} butuh ${p.expected.length} level berurutan (${p.expected.join(', ')})`,
    en: (p) =>
      `rubric has ${p.scores.length} levels (${p.scores.join(', ')}); scale ${p.min}–${p.max} needs ${p.expected.length} levels in order (${p.expected.join(', ')})`,
  },
  noCriteria: { id: 'belum ada kriteria', en: 'has no criteria' },
  weightsNotHundred: {
    id: (p: { total: number }) => `total bobot ${decimal(p.total, 'id')}, harus 100`,
    en: (p) => `weights total ${decimal(p.total, 'en')}, must be 100`,
  },
  roleTwice: { id: (p: { role: string }) => `lebih dari satu ${p.role}`, en: (p) => `more than one ${p.role}` },
  noShortlistHere: {
    id: 'babak atau kategori ini tidak memakai daftar pendek',
    en: 'this round or category takes no shortlist',
  },
  shortlistTwice: { id: 'daftar pendek ganda', en: 'shortlist given twice' },
  nomineeNotInCategory: {
    id: (p: { id: string }) => `nominasi "${p.id}" tidak ada di kategori ini`,
    en: (p) => `nominee "${p.id}" is not in this category`,
  },
  assignmentTwice: { id: 'penugasan ini tercantum dua kali', en: 'this assignment is listed twice' },
  /** `category` is the category's Indonesian name (the English wording says "this nominee's category"). */
  criterionNotInCategory: {
    id: (p: { code: string; category: string }) => `kriteria ${p.code} tidak dinilai di kategori ${p.category}`,
    en: (p) => `criterion ${p.code} is not scored in this nominee's category`,
  },
  documentFileName: {
    id: 'harus nama berkas PDF, JPG atau PNG tanpa folder',
    en: 'must be a PDF, JPG or PNG file name without folders',
  },
  documentTwice: {
    id: (p: { fileName: string }) => `berkas "${p.fileName}" tercantum dua kali untuk nominasi ini`,
    en: (p) => `file "${p.fileName}" is listed twice for this nominee`,
  },
  quorumAboveJury: {
    id: (p: { quorum: number; jurors: number }) => `kuorum ${p.quorum} juri, padahal dewan juri hanya ${p.jurors}`,
    en: (p) => `a quorum of ${p.quorum} jurors, but the jury has only ${p.jurors}`,
  },
  quorumShareAboveAll: {
    id: (p: { numerator: number; denominator: number }) => `kuorum ${p.numerator}/${p.denominator} lebih dari seluruh juri`,
    en: (p) => `a quorum of ${p.numerator}/${p.denominator} is more than all jurors`,
  },
  replacesNoOtherJuror: {
    id: (p: { replaces: string }) => `menggantikan "${p.replaces}", yang bukan juri lain acara ini`,
    en: (p) => `replaces "${p.replaces}", who is not another juror of this event`,
  },
  startAfterEnd: {
    id: (p: { start: string; end: string }) => `tanggal mulai ${p.start} setelah tanggal selesai ${p.end}`,
    en: (p) => `start ${p.start} is after end ${p.end}`,
  },
});

/** What text starts with that a spreadsheet could take for a formula, keyed as core/spreadsheet-text.ts names it. */
export const formulaStarts = defineMessages('formula-start', {
  '=': { id: '"="', en: '"="' },
  '+': { id: '"+"', en: '"+"' },
  '-': { id: '"-"', en: '"-"' },
  '@': { id: '"@"', en: '"@"' },
  tab: { id: 'tab', en: 'a tab' },
  'line break': { id: 'ganti baris', en: 'a line break' },
});

export const formulaMessages = defineMessages('formula-text', {
  /** After a field's name: "nama tidak boleh diawali "=" …". */
  mustNotBegin: {
    id: (p: { start: Bilingual }) => `tidak boleh diawali ${p.start.id}: Excel dan LibreOffice dapat membacanya sebagai rumus`,
    en: (p) => `must not begin with ${p.start.en}: Excel and LibreOffice may read it as a formula`,
  },
});

/** The panel checklist's lines on quorum and equal treatment (core/quorum.ts); round and category are their names. */
export const quorumMessages = defineMessages('quorum', {
  belowQuorum: {
    id: (p: {
      round: Bilingual;
      category: Bilingual;
      present: readonly string[];
      required: number | null;
      assigned: number;
      absent: readonly string[];
    }) =>
      `${p.round.id} · ${p.category.id}: ${p.present.length} juri menilai (${names(p.present)}), kuorum ${p.required} dari ${p.assigned}; tidak menilai: ${names(p.absent)}`,
    en: (p) =>
      `${p.round.en} · ${p.category.en}: ${p.present.length} jurors scored (${names(p.present)}), quorum ${p.required} of ${p.assigned}; not scoring: ${names(p.absent)}`,
  },
  notScoredBy: {
    id: (p: { jurors: readonly string[] }) => `tidak dinilai oleh ${p.jurors.join(', ')} (bukan karena benturan kepentingan)`,
    en: (p) => `not scored by ${p.jurors.join(', ')} (not a recusal)`,
  },
  incompleteFrom: {
    id: (p: { jurors: readonly string[] }) => `nilai tidak lengkap dari ${p.jurors.join(', ')}`,
    en: (p) => `incomplete marks from ${p.jurors.join(', ')}`,
  },
  unequal: {
    id: (p: {
      round: Bilingual;
      category: Bilingual;
      nominee: string;
      scoredBy: readonly string[];
      others: number;
      parts: readonly Bilingual[];
    }) =>
      `${p.round.id} · ${p.category.id}: ${p.nominee} dinilai ${p.scoredBy.length} juri (${names(p.scoredBy)}), nominasi lain ${p.others}; ${p.parts.map((part) => part.id).join('; ')}`,
    en: (p) =>
      `${p.round.en} · ${p.category.en}: ${p.nominee} scored by ${p.scoredBy.length} jurors (${names(p.scoredBy)}), the other nominees by ${p.others}; ${p.parts.map((part) => part.en).join('; ')}`,
  },
});

/** Reading an event from a file, finding it in the workspace, and who may change it (services/events). */
export const eventStoreMessages = defineMessages('event-store', {
  fileUnreadable: {
    id: (p: { path: string; reason: string }) => `Berkas ${p.path} tidak dapat dibaca (${p.reason}).`,
    en: (p) => `File ${p.path} cannot be read (${p.reason}).`,
  },
  fileNotJson: {
    id: (p: { path: string; reason: string }) => `Berkas ${p.path} bukan JSON yang sah (${p.reason}).`,
    en: (p) => `File ${p.path} is not valid JSON (${p.reason}).`,
  },
  /** `lines` holds one line per finding in each language. */
  fileInvalid: {
    id: (p: { path: string; lines: { id: readonly string[]; en: readonly string[] } }) =>
      `Berkas ${p.path}: ${p.lines.id.length} kesalahan.\n${p.lines.id.map((line) => `- ${line}`).join('\n')}`,
    en: (p) =>
      `File ${p.path}: ${p.lines.en.length} error${p.lines.en.length === 1 ? '' : 's'}.\n${p.lines.en.map((line) => `- ${line}`).join('\n')}`,
  },
  notFound: {
    id: (p: { eventId: string }) => `Acara "${p.eventId}" tidak ada di berkas kerja ini.`,
    en: (p) => `Event "${p.eventId}" is not in this workspace.`,
  },
  receivedAsPackage: {
    id: (p: { name: string }) => `Acara "${p.name}" diterima sebagai paket dari sekretariat; hanya sekretariat yang mengubahnya.`,
    en: (p) => `The event "${p.name}" came as a package from the secretariat; only the secretariat changes it.`,
  },
  /** What refuseWhileFixed names as the change it refuses. */
  changingTheEvent: { id: 'Perubahan acara', en: 'Changing the event' },
});
