/** The printed report's words (the Rekapitulasi Nilai and the Berita Acara's English translations), and the report service's refusals. */
import type { Bilingual, JurorRole, MergeRule } from '../model.ts';
import { defineMessages } from './catalog.ts';

/** The merge rules as the report names them. */
const RULE_NAME: Record<'id' | 'en', Record<MergeRule, string>> = {
  id: {
    mean: 'rata-rata nilai juri',
    trimmed: 'rata-rata terpangkas (nilai tertinggi dan terendah dibuang bila ada ≥ 5 juri)',
    median: 'median nilai juri',
    zscore: 'skor-z per juri (nilai tiap juri distandarkan per babak)',
  },
  en: {
    mean: "mean of the jurors' marks",
    trimmed: 'trimmed mean (highest and lowest mark dropped when there are ≥ 5 jurors)',
    median: "median of the jurors' marks",
    zscore: "per-juror z-scores (each juror's marks standardised per round)",
  },
};

const ROLE_NAME: Record<JurorRole, string> = {
  ketua: 'Ketua merangkap Anggota',
  sekretaris: 'Sekretaris merangkap Anggota',
  anggota: 'Anggota',
};

const STATUS_NAME: Record<'id' | 'en', Record<string, string>> = {
  id: {
    valid: 'Sah',
    tampered: 'Diubah',
    'bad-signature': 'Tanda tangan tidak sah',
    'unknown-key': 'Kunci tidak dikenal',
    'wrong-event': 'Acara lain',
    'invalid-content': 'Isi tidak sah',
    malformed: 'Rusak',
  },
  en: {
    valid: 'Valid',
    tampered: 'Tampered',
    'bad-signature': 'Bad signature',
    'unknown-key': 'Unknown key',
    'wrong-event': 'Wrong event',
    'invalid-content': 'Invalid content',
    malformed: 'Malformed',
  },
};

const USE_NAME: Record<'id' | 'en', Record<string, string>> = {
  id: { used: 'Dipakai', stale: 'Usang', duplicate: 'Salinan', conflict: 'Bertentangan', 'not-used': 'Tidak dipakai' },
  en: { used: 'Used', stale: 'Stale', duplicate: 'Duplicate', conflict: 'Conflict', 'not-used': 'Not used' },
};

export const reportMessages = defineMessages('report', {
  title: {
    id: 'Rekapitulasi Nilai dan Berita Acara Penetapan Pemenang',
    en: 'Score Tally (Rekapitulasi Nilai) and Minutes of the Winners (Berita Acara)',
  },
  header: { id: 'Rekapitulasi Nilai · Berita Acara', en: 'Rekapitulasi Nilai · Berita Acara' },
  demoHeader: { id: 'DEMO — bukan hasil resmi', en: 'DEMO — not official results' },
  demoNotice: { id: 'Nilai dan nominasi demo bukan hasil resmi', en: 'Demo scores and nominees, not official results' },
  fictionalNote: { id: '† nominasi fiktif, hanya ada di acara demo', en: '† fictional nominee, exists only in the demo event' },
  hashFooter: { id: 'Hash hasil', en: 'Results hash' },
  page: {
    id: (p: { n: string; of: string }) => `Halaman ${p.n} dari ${p.of}`,
    en: (p) => `Page ${p.n} of ${p.of}`,
  },
  place: { id: 'Tempat', en: 'Place' },
  yearHeld: { id: 'Tahun penyelenggaraan', en: 'Year held' },
  period: { id: 'Periode penilaian', en: 'Period assessed' },
  interviews: { id: 'Wawancara / presentasi', en: 'Interviews / presentations' },
  plenary: { id: 'Rapat pleno penetapan', en: 'Plenary meeting' },
  ceremony: { id: 'Penganugerahan', en: 'Award ceremony' },
  notScheduled: { id: 'belum dijadwalkan', en: 'not scheduled' },
  rule: { id: 'Aturan penggabungan', en: 'Merge rule' },
  ruleName: {
    id: (p: { rule: MergeRule }) => RULE_NAME.id[p.rule],
    en: (p) => RULE_NAME.en[p.rule],
  },
  tieBreak: { id: 'Penentu bila nilai sama', en: 'Tie-breaks' },
  tieStepRound: {
    id: (p: { round: string }) => `nilai ${p.round} lebih tinggi`,
    en: (p) => `higher ${p.round} score`,
  },
  tieStepTopCriterion: {
    id: (p: { round: string }) => `nilai kriteria berbobot tertinggi ${p.round}`,
    en: (p) => `higher score on the highest-weighted criterion of ${p.round}`,
  },
  tieStepPlenary: { id: 'keputusan rapat pleno (atau juara bersama)', en: 'plenary decision (or joint winners)' },
  flagRule: {
    id: (p: { threshold: string }) => `nilai juri yang berjarak ${p.threshold} atau lebih dari median panel.`,
    en: (p) => `a juror's mark ${p.threshold} or more away from the panel median.`,
  },
  sheets: {
    id: (p: { used: number; total: number }) => `${p.used} dari ${p.total} lembar nilai bertanda tangan dipakai.`,
    en: (p) => `${p.used} of ${p.total} signed score sheets used.`,
  },
  missing: {
    id: 'Bagian yang belum diterima atau belum final (juri · babak · kategori)',
    en: 'Sections not received or not final (juror · round · category)',
  },
  conflictSections: { id: 'bertentangan', en: 'in conflict' },
  unfinishedSections: { id: 'belum difinalisasi juri', en: 'not finalized by the juror' },
  resultsHash: { id: 'Hash hasil (SHA-256)', en: 'Results hash (SHA-256)' },
  hashNote: {
    id: 'Lembar nilai yang sama, dalam urutan apa pun, menghasilkan peringkat dan hash yang sama; siapa pun dapat mengulang penggabungan.',
    en: 'The same score sheets, in any order, give the same rankings and the same hash: anyone can re-run the merge.',
  },
  generated: { id: 'Dibuat', en: 'Generated' },
  jury: { id: 'Dewan Juri', en: 'Jury' },
  jurorCode: { id: 'Kode', en: 'Code' },
  role: { id: 'Kedudukan', en: 'Role' },
  position: { id: 'Jabatan dan instansi', en: 'Position and institution' },
  name: { id: 'Nama', en: 'Name' },
  /** The jury's roles keep their Indonesian names in both languages (they are titles in the decree). */
  roleName: {
    id: (p: { role: JurorRole }) => ROLE_NAME[p.role],
    en: (p) => ROLE_NAME[p.role],
  },
  category: { id: 'Kategori', en: 'Category' },
  ranking: { id: 'Peringkat', en: 'Ranking' },
  rank: { id: 'Peringkat', en: 'Rank' },
  nominee: { id: 'Nominasi', en: 'Nominee' },
  /** The final score: the rankings' column and the formula's row. */
  final: { id: 'Nilai akhir', en: 'Final score' },
  note: { id: 'Keterangan', en: 'Note' },
  terbaik: {
    id: (p: { rank: number }) => `Terbaik ${p.rank}`,
    en: (p) => `Terbaik ${p.rank}`,
  },
  jointNote: {
    id: '= peringkat bersama: nilai tetap sama setelah semua penentu',
    en: '= joint rank: the scores stay equal after every tie-break',
  },
  joint: { id: 'bersama', en: 'joint' },
  decided: { id: 'urutan ditetapkan keputusan pleno', en: 'order set by plenary decision' },
  notRanked: { id: 'tidak masuk daftar pendek', en: 'not shortlisted' },
  decisionLine: {
    id: (p: { text: string; by: string; at: string }) => `Keputusan pleno: ${p.text} (oleh ${p.by}, ${p.at})`,
    en: (p) => `Plenary decision: ${p.text} (by ${p.by}, ${p.at})`,
  },
  matrix: {
    id: (p: { round: string }) => `Nilai tertimbang tiap juri · ${p.round}`,
    en: (p) => `Each juror's weighted total · ${p.round}`,
  },
  panel: { id: 'Panel', en: 'Panel' },
  matrixLegend: {
    id: '× benturan kepentingan (tidak menilai) · — tidak ada nilai lengkap · ! ada tanda beda pendapat',
    en: '× conflict of interest (did not score) · — no complete marks · ! has a disagreement flag',
  },
  conflicts: { id: 'Benturan kepentingan', en: 'Conflicts of interest' },
  declaredConflict: { id: 'dinyatakan juri di laptopnya', en: 'declared by the juror on their laptop' },
  flags: { id: 'Tanda beda pendapat', en: 'Disagreement flags' },
  round: { id: 'Babak', en: 'Round' },
  juror: { id: 'Juri', en: 'Juror' },
  criterion: { id: 'Kriteria', en: 'Criterion' },
  mark: { id: 'Nilai', en: 'Mark' },
  median: { id: 'Median panel', en: 'Panel median' },
  noFlags: {
    id: (p: { threshold: string }) => `Tidak ada nilai juri yang berjarak ${p.threshold} atau lebih dari median panel.`,
    en: (p) => `No juror's mark is ${p.threshold} or more away from the panel median.`,
  },
  agreement: { id: 'Kesepakatan juri (W Kendall)', en: "Agreement among jurors (Kendall's W)" },
  agreementValue: {
    id: (p: { round: string; w: string; jurors: number }) => `${p.round}: ${p.w} (${p.jurors} juri)`,
    en: (p) => `${p.round}: ${p.w} (${p.jurors} jurors)`,
  },
  agreementUndefined: { id: 'tidak terdefinisi', en: 'undefined' },
  agreementNote: {
    id: '1 = semua juri mengurutkan nominasi sama persis; 0 = tidak ada kesepakatan. Hanya juri yang menilai semua nominasi kategori ini yang dihitung.',
    en: '1 = every juror orders the nominees identically; 0 = no agreement. Only jurors who scored every nominee of the category count.',
  },
  leaveOneOut: { id: 'Uji tanpa satu juri', en: 'Leaving one juror out' },
  looStable: {
    id: (p: { n: number }) => `Terbaik 1–${p.n} tetap sama bila salah satu juri, siapa pun, tidak dihitung.`,
    en: (p) => `Terbaik 1–${p.n} stay the same whichever single juror is left out.`,
  },
  looChange: {
    id: (p: { juror: string; n: number; podium: string }) => `Tanpa ${p.juror}, Terbaik 1–${p.n} menjadi: ${p.podium}.`,
    en: (p) => `Without ${p.juror}, Terbaik 1–${p.n} would be: ${p.podium}.`,
  },
  spread: { id: 'Sebaran nilai juri', en: "Spread of the jurors' scores" },
  spreadLegend: {
    id: 'Titik: nilai tertimbang tiap juri (0–100). Garis tegak: nilai panel babak itu.',
    en: "Dots: each juror's weighted total (0–100). Upright line: the panel's score for the round.",
  },
  decisions: { id: 'Keputusan rapat pleno', en: 'Plenary decisions' },
  noDecisions: { id: 'Tidak ada keputusan pleno yang dicatat.', en: 'No plenary decision was recorded.' },
  order: { id: 'Urutan', en: 'Order' },
  decision: { id: 'Keputusan', en: 'Decision' },
  decidedBy: { id: 'Diputuskan oleh', en: 'Decided by' },
  recordedAt: { id: 'Dicatat', en: 'Recorded' },
  verification: { id: 'Lampiran: Verifikasi berkas lembar nilai', en: 'Appendix: verification of the score sheet files' },
  verificationNote: {
    id: 'Setiap berkas yang masuk, sah atau tidak. Hanya bagian dari lembar sah dengan revisi terbaru yang dipakai.',
    en: 'Every file received, valid or not. Only sections of valid sheets at their latest revision are used.',
  },
  file: { id: 'Berkas', en: 'File' },
  fingerprint: { id: 'Sidik jari kunci', en: 'Key fingerprint' },
  revision: { id: 'Revisi', en: 'Revision' },
  status: { id: 'Status', en: 'Status' },
  use: { id: 'Dipakai', en: 'Use' },
  fileHash: { id: 'SHA-256 berkas', en: 'File SHA-256' },
  /** A sheet file's verification status; an unknown one prints as it is. */
  statusName: {
    id: (p: { status: string }) => STATUS_NAME.id[p.status] ?? p.status,
    en: (p) => STATUS_NAME.en[p.status] ?? p.status,
  },
  /** What the reconciliation did with a file; an unknown use prints as it is. */
  useName: {
    id: (p: { use: string }) => USE_NAME.id[p.use] ?? p.use,
    en: (p) => USE_NAME.en[p.use] ?? p.use,
  },
  warnings: { id: 'Perhatian', en: 'Attention' },
  badFiles: {
    id: (p: { n: number }) => `${p.n} berkas tidak sah atau tidak dipakai (lihat lampiran).`,
    en: (p) => `${p.n} file(s) not valid or not used (see the appendix).`,
  },
  secretariatKey: { id: 'Kunci sekretariat (sidik jari)', en: 'Secretariat key (fingerprint)' },
  keyFooter: { id: 'Kunci sekretariat', en: 'Secretariat key' },
  notPinned: { id: 'kunci sekretariat belum disematkan', en: 'secretariat key not pinned' },
  notPinnedNote: {
    id: 'Sidik jari ini dibaca dari paket acara itu sendiri, tidak dicocokkan dengan kunci sekretariat: paket yang ditandatangani ulang dengan kunci juri atau bobot lain pun menghasilkan laporan seperti ini. Cocokkan sidik jari ini dengan sekretariat sebelum menetapkan pemenang, atau cetak ulang dengan timbang report --secretariat "…" atau --db.',
    en: 'This fingerprint was read from the event package itself, not checked against the secretariat\'s key: a package re-signed with other juror keys or weights also gives a report like this one. Check the fingerprint with the secretariat before determining the winners, or print again with timbang report --secretariat "…" or --db.',
  },
  packageSigner: {
    id: (p: { fingerprint: string }) => `Paket acara ditandatangani kunci sekretariat dengan sidik jari ${p.fingerprint}`,
    en: (p) => `Event package signed by the secretariat key with fingerprint ${p.fingerprint}`,
  },
  pinned: { id: 'disematkan', en: 'pinned' },
  paperMark: { id: 'kertas', en: 'paper' },
  laptopOrigin: { id: 'laptop juri', en: "juror's laptop" },
  dossierSeen: {
    id: 'Dossier bukti yang dilihat juri (SHA-256 data dan dokumen nominasi)',
    en: "Evidence dossier the juror saw (SHA-256 of the nominees' figures and documents)",
  },
  paperOrigin: {
    id: (p: { form: string; operators: readonly string[]; scan: string | null }) =>
      `kertas · formulir ${p.form} · diketik oleh ${p.operators.join(' dan ')}${p.scan ? ` · pindaian SHA-256 ${p.scan}` : ''}`,
    en: (p) => `paper (kertas) · form ${p.form} · keyed by ${p.operators.join(' and ')}${p.scan ? ` · scan SHA-256 ${p.scan}` : ''}`,
  },
  paperSheets: {
    id: (p: { n: number }) =>
      `${p.n} di antaranya lembar kertas: formulir juri yang diketik dua kali secara terpisah oleh sekretariat dan ditandatangani dengan kunci sekretariat.`,
    en: (p) =>
      `${p.n} of them paper sheets: a juror's form keyed twice, separately, by the secretariat and signed with the secretariat's key.`,
  },
  paperLegend: {
    id: 'kertas = bagian ini berasal dari lembar penilaian kertas juri, diketik dua kali oleh sekretariat',
    en: "paper = this section comes from the juror's paper score sheet, keyed twice by the secretariat",
  },
  origin: { id: 'Asal', en: 'Origin' },
  draftMark: { id: 'DRAF — belum ditetapkan', en: 'DRAFT — not yet fixed' },
  notFixedBySignedPenetapan: {
    id: 'Hasil belum ditetapkan dalam penetapan bertanda tangan.',
    en: 'The results have not been fixed by a signed penetapan.',
  },
  chromiumNotFound: {
    id: (p: { executablePath: string }) =>
      `Chromium tidak ditemukan di ${p.executablePath}. Di Debian: apt-get install chromium (atau atur CHROMIUM_PATH).`,
    en: (p) => `Chromium not found at ${p.executablePath}. On Debian: apt-get install chromium (or set CHROMIUM_PATH).`,
  },
  // The Berita Acara: its legal text is the Indonesian; the English is the translation printed beside it in English mode.
  baOpening: {
    id: (p: { dateInWords: string; weekday: string; date: string; place: string; event: string }) =>
      `Pada hari ini ${p.dateInWords}, bertempat di ${p.place}, kami yang bertanda tangan di bawah ini, Dewan Juri ${p.event}, telah menetapkan pemenang sebagai berikut:`,
    en: (p) =>
      `On ${p.weekday}, ${p.date}, at ${p.place}, we the undersigned, the Jury of ${p.event}, have determined the winners as follows:`,
  },
  baPaperSection: {
    id: (p: { jurorId: string; section: Bilingual; form: string; operators: readonly string[] }) =>
      `${p.jurorId} — ${p.section.id} (formulir ${p.form}, diketik oleh ${p.operators[0]} dan ${p.operators[1]})`,
    en: (p) => `${p.jurorId} — ${p.section.en} (form ${p.form}, keyed by ${p.operators[0]} and ${p.operators[1]})`,
  },
  baPaper: {
    id: (p: { sections: readonly Bilingual[] }) =>
      `Bagian berikut dinilai juri di atas kertas (Lembar Penilaian Juri), diketik dua kali secara terpisah oleh sekretariat dan ditandatangani dengan kunci sekretariat: ${p.sections.map((s) => s.id).join('; ')}.`,
    en: (p) =>
      `The following sections were scored by the juror on paper (the paper score sheet), keyed twice, separately, by the secretariat and signed with the secretariat's key: ${p.sections.map((s) => s.en).join('; ')}.`,
  },
  baClosing: {
    id: 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
    en: 'These minutes are made to be used as appropriate.',
  },
  /** Under "DRAF — belum ditetapkan"; the English follows "DRAFT — not yet fixed: ". */
  baDraftNote: {
    id: 'Berita acara ini belum final: tanda tangan Dewan Juri dibubuhkan setelah pemeriksaan lolos dan hasil ditetapkan (penetapan bertanda tangan sekretariat).',
    en: 'the jury signs once the audit passes and the results are fixed by a penetapan signed by the secretariat.',
  },
  // Awards under each category's ranking and across the event (issue 16).
  vacant: {
    id: (p: { place: number }) => `Terbaik ${p.place}: tidak ditetapkan`,
    en: (p) => `Terbaik ${p.place}: not awarded`,
  },
  /** Why a place stays empty (the award's `vacant`), with the category's minimum as printed. */
  vacantReason: {
    id: (p: { reason: string; minimum: string }) =>
      p.reason === 'below-minimum'
        ? `Nilai Akhir di bawah batas minimum ${p.minimum}; tidak ada nominasi yang dinaikkan ke tempat ini`
        : p.reason === 'incomplete'
          ? 'tidak ada nominasi yang dinilai di semua babak'
          : 'nominasi kategori ini lebih sedikit dari jumlah pemenang',
    en: (p) =>
      p.reason === 'below-minimum'
        ? `final score below the minimum of ${p.minimum}; nobody is promoted into this place`
        : p.reason === 'incomplete'
          ? 'no nominee was scored in every round'
          : 'the category has fewer nominees than places',
  },
  places: {
    id: (p: { size: number; minimum: string | null }) =>
      `Jumlah pemenang kategori ini: ${p.size}${p.minimum ? `; Nilai Akhir minimum ${p.minimum}` : ''}.`,
    en: (p) => `Places in this category: ${p.size}${p.minimum ? `; minimum final score ${p.minimum}` : ''}.`,
  },
  special: { id: 'Penghargaan khusus', en: 'Special awards' },
  specialAcross: { id: 'Penghargaan khusus (seluruh acara)', en: 'Special awards (whole event)' },
  specialDecidedBy: {
    id: (p: { by: string }) => `diputuskan oleh ${p.by}`,
    en: (p) => `decided by ${p.by}`,
  },
  // The panel (issue 16, items 2 and 3): who assessed each category, quorum, equal treatment, absences.
  assessed: {
    id: (p: { round: string; jurors: string; count: number }) => `${p.round}: dinilai ${p.count} juri (${p.jurors})`,
    en: (p) => `${p.round}: assessed by ${p.count} jurors (${p.jurors})`,
  },
  belowQuorum: {
    id: (p: { round: string; present: number; required: number; assigned: number }) =>
      `${p.round}: di bawah kuorum — ${p.present} juri menilai, perlu ${p.required} dari ${p.assigned} yang ditugaskan`,
    en: (p) => `${p.round}: below quorum — ${p.present} jurors scored, ${p.required} of the ${p.assigned} assigned are needed`,
  },
  /** `name`, `jurors`, `missing` and `partial` come already escaped for HTML. */
  unequal: {
    id: (p: { round: string; name: string; count: number; jurors: string; missing: string; partial: string }) =>
      `${p.round}: ${p.name} dinilai ${p.count} juri (${p.jurors})${p.missing ? `; tidak dinilai oleh ${p.missing} (bukan karena benturan kepentingan)` : ''}${p.partial ? `; nilai tidak lengkap dari ${p.partial}` : ''}`,
    en: (p) =>
      `${p.round}: ${p.name} scored by ${p.count} jurors (${p.jurors})${p.missing ? `; not scored by ${p.missing} (not a recusal)` : ''}${p.partial ? `; incomplete marks from ${p.partial}` : ''}`,
  },
  absent: {
    id: (p: { juror: string; round: string; reason: string; date: string }) =>
      `${p.juror} berhalangan di ${p.round}: ${p.reason}${p.date ? ` (${p.date})` : ''}`,
    en: (p) => `${p.juror} absent from ${p.round}: ${p.reason}${p.date ? ` (${p.date})` : ''}`,
  },
  assessedBy: { id: 'Penilai', en: 'Assessed by' },
  panelWarnings: { id: 'Perhatian panel', en: 'Panel warnings' },
  // Invariants of the date words (date-words.ts): the event's dates are checked when it is read.
  notACalendarDate: {
    id: (p: { iso: string }) => `Bukan tanggal kalender: ${p.iso}`,
    en: (p) => `Not a calendar date: ${p.iso}`,
  },
  notAWholeNumber: {
    id: (p: { n: number }) => `Bukan bilangan cacah: ${p.n}`,
    en: (p) => `Not a whole number: ${p.n}`,
  },
});
