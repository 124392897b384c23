/**
 * What the `timbang` command says (src/cli/): its lines for people, its progress and its refusals. The CLI
 * prints one language of each (`--lang`, Bahasa Indonesia by default); a refusal thrown as an AppError
 * carries both. Tests compare this output, so the wording is the contract of the command line too.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages, LANGUAGES, type Language } from './catalog.ts';

/** A text made, in each language, from another catalog's words (the report's status names, a round's name). */
export const inBoth = (word: (language: Language) => string): Bilingual =>
  Object.fromEntries(LANGUAGES.map((language) => [language, word(language)])) as unknown as Bilingual;

export const cliMessages = defineMessages('cli', {
  // Words used inside lines
  revision: { id: 'revisi', en: 'revision' },
  overall: { id: 'Terbaik Umum', en: 'Overall' },

  // Arguments refused by commander (printed in both languages, as "id / en")
  badPort: { id: 'port harus 1–65535', en: 'the port must be 1–65535' },
  wholeNumber: { id: 'bilangan bulat', en: 'a whole number' },
  badFingerprint: {
    id: 'sidik jari sekretariat adalah 25 angka (lima kelompok lima angka, dengan atau tanpa spasi)',
    en: 'the secretariat fingerprint is 25 digits (five groups of five, with or without spaces)',
  },

  // Progress (progress.ts)
  seconds: {
    id: (p: { seconds: number }) => `${p.seconds} detik`,
    en: (p) => `${p.seconds} ${p.seconds === 1 ? 'second' : 'seconds'}`,
  },
  countOf: { id: (p: { done: number; total: number }) => `${p.done} dari ${p.total}`, en: (p) => `${p.done} of ${p.total}` },
  buildingNationalDemo: {
    id: (p: { nominees: number; jurors: number }) =>
      `Menyusun dan menandatangani lembar nilai demo nasional (${p.nominees} nominasi, ${p.jurors} juri)…`,
    en: (p) => `Building and signing the national demo's score sheets (${p.nominees} nominees, ${p.jurors} jurors)…`,
  },
  writingSheet: { id: (p: { jurorId: string }) => `menulis ${p.jurorId}.xlsx`, en: (p) => `writing ${p.jurorId}.xlsx` },
  checkingSheets: {
    id: (p: { count: number }) => `Memeriksa ${p.count} lembar nilai terhadap paket acara…`,
    en: (p) => `Checking ${p.count} score sheets against the event package…`,
  },
  checkingAndMerging: {
    id: (p: { count: number }) => `Memeriksa dan menggabungkan ${p.count} lembar nilai…`,
    en: (p) => `Checking and merging ${p.count} score sheets…`,
  },
  writingRekapitulasi: { id: (p: { out: string }) => `Menulis Rekapitulasi ${p.out}…`, en: (p) => `Writing the Rekapitulasi ${p.out}…` },
  printingPdf: { id: (p: { pdf: string }) => `Mencetak ${p.pdf} dengan Chromium…`, en: (p) => `Printing ${p.pdf} with Chromium…` },
  buildingSheet: { id: 'Menyusun dan menandatangani lembar nilai…', en: 'Building and signing the score sheet…' },

  // backup restore (main.ts)
  restoredKeptAs: {
    id: (p: { from: string; keptAs: string; undo: string }) =>
      `Dipulihkan dari ${p.from}. Keadaan sebelumnya disimpan sebagai cadangan ${p.keptAs}; untuk membatalkan: ${p.undo}`,
    en: (p) => `Restored from ${p.from}. The previous state is kept as backup ${p.keptAs}; to undo: ${p.undo}`,
  },
  restoredDamagedKeptAs: {
    id: (p: { from: string; keptAs: string }) =>
      `Dipulihkan dari ${p.from}. Berkas sebelumnya bukan basis data yang terbaca; disimpan sebagai ${p.keptAs}`,
    en: (p) => `Restored from ${p.from}. The previous file was not a readable database; it is kept as ${p.keptAs}`,
  },
  restored: { id: (p: { from: string }) => `Dipulihkan dari ${p.from}.`, en: (p) => `Restored from ${p.from}.` },

  // Sheet files against a package (sheet-files.ts)
  fileUnreadable: {
    id: (p: { reason: string }) => `Berkas tidak dapat dibaca (${p.reason}).`,
    en: (p) => `The file cannot be read (${p.reason}).`,
  },
  pinned: { id: '(disematkan)', en: '(pinned)' },
  packageSigner: {
    id: (p: { package: string; revision: number; fingerprint: string; state: Bilingual }) =>
      `Paket acara ${p.package} revisi ${p.revision}: kunci sekretariat ${p.fingerprint} ${p.state.id}`,
    en: (p) => `Event package ${p.package} revision ${p.revision}: secretariat key ${p.fingerprint} ${p.state.en}`,
  },
  notPinnedWarning: {
    id: (p: { package: string; fingerprint: string }) =>
      `Perhatian: kunci sekretariat belum disematkan. Paket ${p.package} menyebut sendiri kunci penandatangannya (${p.fingerprint}); paket yang ditandatangani ulang dengan kunci juri atau bobot lain pun lolos. Cocokkan sidik jari itu dengan sekretariat, atau ulangi dengan --secretariat "<sidik jari dari sekretariat>" atau --db <berkas kerja sekretariat>.`,
    en: (p) =>
      `Attention: secretariat key not pinned. The package ${p.package} names its own signing key (${p.fingerprint}); a package re-signed with other juror keys or weights passes too. Check that fingerprint with the secretariat, or run again with --secretariat "<fingerprint from the secretariat>" or --db <secretariat workspace>.`,
  },

  // Pinning the secretariat key (secretariat-pin.ts)
  fromSecretariatOption: { id: 'dari --secretariat', en: 'from --secretariat' },
  fromWorkspaceKey: { id: (p: { path: string }) => `kunci berkas kerja ${p.path}`, en: (p) => `the key of workspace ${p.path}` },
  packageNotPrepared: {
    id: (p: { packageFile: string; eventId: string; from: Bilingual }) =>
      `Paket ${p.packageFile} untuk acara '${p.eventId}', yang tidak disiapkan di ${p.from.id}. Pakai berkas kerja sekretariat acara itu.`,
    en: (p) =>
      `Package ${p.packageFile} is for event '${p.eventId}', which was not prepared in ${p.from.en}. Use the workspace of that event's secretariat.`,
  },
  packageNotCurrent: {
    id: (p: { packageFile: string; revision: number; current: number }) =>
      `Paket ${p.packageFile} revisi ${p.revision}, tetapi revisi acara di berkas kerja sekretariat sekarang ${p.current}: paket lama bisa memuat kunci juri yang sudah dicabut atau bobot lain. Terbitkan dan pakai paket terbaru (npx timbang event package).`,
    en: (p) =>
      `Package ${p.packageFile} is revision ${p.revision}, but the event in the secretariat's workspace is now at revision ${p.current}: an older package may carry a juror key since removed, or other weights. Issue and use the latest package (npx timbang event package).`,
  },
  workspaceNotTimbang: {
    id: (p: { path: string; reason: string }) => `Berkas kerja ${p.path} tidak dapat dibaca sebagai berkas kerja Timbang (${p.reason}).`,
    en: (p) => `Workspace ${p.path} cannot be read as a Timbang workspace (${p.reason}).`,
  },
  workspaceIsJurors: {
    id: (p: { path: string }) =>
      `${p.path} adalah berkas kerja juri, bukan sekretariat: kuncinya kunci juri. Pakai berkas kerja sekretariat, atau --secretariat dengan sidik jari yang dibacakan sekretariat.`,
    en: (p) =>
      `${p.path} is a juror's workspace, not the secretariat's: its key is a juror's. Use the secretariat's workspace, or --secretariat with the fingerprint the secretariat reads out.`,
  },
  workspaceHasNoKey: {
    id: (p: { path: string }) =>
      `Berkas kerja ${p.path} belum punya kunci tanda tangan, jadi belum pernah menerbitkan paket acara; tidak ada kunci untuk disematkan.`,
    en: (p) => `Workspace ${p.path} has no signing key yet, so it has never issued an event package; there is no key to pin.`,
  },

  // timbang demo, verify, merge, sheet export (sheets.ts)
  demoSizeOutOfRange: {
    id: (p: { name: string; min: number; max: number; value: number }) => `--${p.name} harus ${p.min}–${p.max} (diberikan ${p.value}).`,
    en: (p) => `--${p.name} must be ${p.min}–${p.max} (given ${p.value}).`,
  },
  demoWritten: {
    id: (p: { out: string; sheets: number; seed: number }) =>
      `Demo ditulis ke ${p.out}: event.timbang dan ${p.sheets} lembar nilai (benih ${p.seed}). Nilai demo, bukan hasil resmi.`,
    en: (p) => `Demo written to ${p.out}: event.timbang and ${p.sheets} score sheets (seed ${p.seed}). Demo marks, not real results.`,
  },
  verifyNeedsInputs: {
    id: 'Sebutkan --event PAKET dan lembar nilainya (atau --penetapan BERKAS).',
    en: 'Give --event PACKAGE and its score sheets (or --penetapan FILE).',
  },
  rulesAndHash: {
    id: (p: { rule: string; hash: string }) => `Aturan: ${p.rule} · hash hasil: ${p.hash}`,
    en: (p) => `Rule: ${p.rule} · results hash: ${p.hash}`,
  },
  noPackageReceived: { id: 'Berkas kerja ini belum menerima paket acara.', en: 'This workspace has not received an event package.' },
  sheetWritten: {
    id: (p: { out: string; fileName: string }) => `Lembar nilai ditulis: ${p.out} (${p.fileName})`,
    en: (p) => `Score sheet written: ${p.out} (${p.fileName})`,
  },

  // timbang report (report.ts)
  fileAttention: {
    id: (p: { fileName: string; state: Bilingual }) => `Perhatian: ${p.fileName}: ${p.state.id} (lihat lampiran verifikasi).`,
    en: (p) => `Attention: ${p.fileName}: ${p.state.en} (see the verification appendix).`,
  },
  reportWritten: {
    id: (p: { pdf: string; rule: string; used: number; sheets: number; hash: string }) =>
      `Laporan ditulis: ${p.pdf} (aturan ${p.rule}, ${p.used} dari ${p.sheets} lembar dipakai, hash hasil ${p.hash})`,
    en: (p) => `Report written: ${p.pdf} (rule ${p.rule}, ${p.used} of ${p.sheets} sheets used, results hash ${p.hash})`,
  },

  // timbang form (form.ts)
  formWritten: {
    id: (p: {
      formNumber: string;
      checksum: string;
      pdf: string;
      jurorId: string;
      section: Bilingual;
      nominees: number;
      revision: number;
    }) =>
      `Formulir ${p.formNumber} (kode periksa ${p.checksum}) ditulis: ${p.pdf} — juri ${p.jurorId}, ${p.section.id}, ${p.nominees} nominasi, paket revisi ${p.revision}`,
    en: (p) =>
      `Form ${p.formNumber} (checksum ${p.checksum}) written: ${p.pdf} — juror ${p.jurorId}, ${p.section.en}, ${p.nominees} nominees, package revision ${p.revision}`,
  },

  // timbang event … and enrol (event.ts)
  templateNotXlsx: {
    id: (p: { out: string }) => `Nama berkas templat harus berakhiran .xlsx: ${p.out}`,
    en: (p) => `The template file name must end in .xlsx: ${p.out}`,
  },
  fileExists: {
    id: (p: { out: string }) => `${p.out} sudah ada; tidak ditimpa (pakai --force untuk menimpa).`,
    en: (p) => `${p.out} already exists; not overwritten (use --force to overwrite).`,
  },
  templateWritten: { id: (p: { out: string }) => `Templat ditulis: ${p.out}`, en: (p) => `Template written: ${p.out}` },
  outcomeNew: { id: 'acara baru', en: 'new event' },
  outcomeUpdated: { id: 'diperbarui', en: 'updated' },
  outcomeUnchanged: { id: 'tidak berubah', en: 'unchanged' },
  eventRevisionIn: {
    id: (p: { revision: number; outcome: Bilingual; db: string }) => `  revisi ${p.revision} (${p.outcome.id}) di ${p.db}`,
    en: (p) => `  revision ${p.revision} (${p.outcome.en}) in ${p.db}`,
  },
  packageWritten: {
    id: (p: { revision: number; out: string; fingerprint: string | null | undefined }) =>
      `Paket revisi ${p.revision} ditulis ke ${p.out}; sidik jari sekretariat ${p.fingerprint}`,
    en: (p) => `Package revision ${p.revision} written to ${p.out}; secretariat fingerprint ${p.fingerprint}`,
  },
  eventChangedBy: {
    id: (p: { eventId: string }) =>
      `Acara "${p.eventId}" sudah ada di berkas kerja ini dan berkas ini mengubahnya. Tidak ada yang diubah; ulangi dengan --replace bila memang ingin mengganti:`,
    en: (p) =>
      `The event "${p.eventId}" is already in this workspace and this file changes it. Nothing changed; repeat with --replace to replace it:`,
  },
  changedName: { id: 'nama', en: 'name' },
  changedYear: { id: 'tahun', en: 'year' },
  removedOf: {
    id: (p: { kind: 'categories' | 'criteria' | 'nominees' | 'jurors' }) => `${KIND_WORDS[p.kind]} dihapus`,
    en: (p) => `${p.kind} removed`,
  },
  addedOf: {
    id: (p: { kind: 'categories' | 'criteria' | 'nominees' | 'jurors' }) => `${KIND_WORDS[p.kind]} ditambah`,
    en: (p) => `${p.kind} added`,
  },
  droppedKeys: { id: 'kunci terdaftar yang hilang', en: 'enrolled keys dropped' },
  templateErrors: {
    id: (p: { file: string; count: number }) => `${p.file}: ${p.count} kesalahan; tidak ada yang diimpor.`,
    en: (p) => `${p.file}: ${p.count} errors; nothing imported.`,
  },
  noAuthoredEvent: {
    id: 'Berkas kerja ini belum punya acara; impor dulu dengan "timbang event import".',
    en: 'This workspace has no event yet; import one with "timbang event import".',
  },
  severalEvents: {
    id: (p: { count: number }) => `Ada ${p.count} acara; pilih dengan --event.`,
    en: (p) => `There are ${p.count} events; choose one with --event.`,
  },
  setKeyPassphrase: {
    id: (p: { variable: string }) => `Setel frasa sandi kunci di variabel lingkungan ${p.variable} (minimal 8 karakter).`,
    en: (p) => `Set the key's passphrase in the environment variable ${p.variable} (at least 8 characters).`,
  },
  newKeyMade: {
    id: (p: { fingerprint: string | null | undefined }) => `Kunci baru dibuat; sidik jari ${p.fingerprint}`,
    en: (p) => `New key made; fingerprint ${p.fingerprint}`,
  },
  eventValid: {
    id: (p: { name: string; eventId: string }) => `✓ Berkas acara sah: ${p.name} (${p.eventId})`,
    en: (p) => `✓ Valid event file: ${p.name} (${p.eventId})`,
  },
  eventYearAndPeriod: {
    id: (p: { year: number; start: string; end: string; place: string }) =>
      `  Tahun ${p.year} · periode penilaian ${p.start} s.d. ${p.end} · ${p.place}`,
    en: (p) => `  Year ${p.year} · period assessed ${p.start} to ${p.end} · ${p.place}`,
  },
  eventCounts: {
    id: (p: { categories: number; nominees: number; jurors: number; rounds: number; criteria: number; conflicts: number }) =>
      `  ${p.categories} kategori · ${p.nominees} nominasi · ${p.jurors} juri · ${p.rounds} babak · ${p.criteria} kriteria · ${p.conflicts} konflik kepentingan`,
    en: (p) =>
      `  ${p.categories} categories · ${p.nominees} nominees · ${p.jurors} jurors · ${p.rounds} rounds · ${p.criteria} criteria · ${p.conflicts} conflicts of interest`,
  },
  eventRounds: { id: (p: { rounds: string }) => `  Babak: ${p.rounds}`, en: (p) => `  Rounds: ${p.rounds}` },
  roundShortlist: { id: (p: { size: number }) => `${p.size} besar`, en: (p) => `shortlist ${p.size}` },

  // timbang audit, penetapan export, verify --penetapan (audit.ts)
  workspaceTooOld: {
    id: (p: { path: string }) =>
      `Berkas kerja ${p.path} dibuat Timbang yang lebih lama: buka sekali di aplikasi (atau dengan perintah yang menulis) agar diperbarui.`,
    en: (p) => `Workspace ${p.path} was made by an older Timbang: open it once in the app (or with a command that writes) to upgrade it.`,
  },
  noSecretariatEvent: {
    id: (p: { path: string }) => `Berkas kerja ${p.path} tidak memuat acara sekretariat.`,
    en: (p) => `Workspace ${p.path} holds no secretariat event.`,
  },
  chooseEventId: {
    id: (p: { ids: string }) => `Pilih acara dengan --event-id: ${p.ids}.`,
    en: (p) => `Choose the event with --event-id: ${p.ids}.`,
  },
  auditHeading: {
    id: (p: { name: string; rule: string; hash: string }) =>
      `Periksa sebelum penetapan — ${p.name} (aturan ${p.rule}, hash hasil ${p.hash})`,
    en: (p) => `Audit before the penetapan — ${p.name} (rule ${p.rule}, results hash ${p.hash})`,
  },
  auditPassed: { id: 'Lolos: hasil dapat ditetapkan.', en: 'Passed: the results can be fixed.' },
  auditFailing: {
    id: (p: { failing: number }) => `Belum lolos: ${p.failing} butir gagal.`,
    en: (p) => `Not passed: ${p.failing} items fail.`,
  },
  auditNamesSheets: { id: 'Sebutkan lembar nilai (.xlsx) setelah --event.', en: 'Name the score sheets (.xlsx) after --event.' },
  auditSheetsNeedEvent: {
    id: 'Lembar nilai dibaca dengan --event PAKET; tanpa --event, audit memeriksa kotak masuk berkas kerja.',
    en: "Sheets are read with --event PACKAGE; without --event, audit checks the workspace's inbox.",
  },
  auditNeedsInputs: {
    id: 'Sebutkan --event PAKET dengan lembar nilainya, atau --db BERKAS-KERJA.',
    en: 'Give --event PACKAGE with its sheets, or --db WORKSPACE.',
  },
  penetapanWritten: {
    id: (p: { version: number; out: string }) => `Penetapan versi ${p.version} ditulis: ${p.out}`,
    en: (p) => `Penetapan version ${p.version} written: ${p.out}`,
  },
  penetapanSignedByOther: {
    id: (p: { signed: string; pinned: string; from: Bilingual }) =>
      `ditandatangani kunci ${p.signed}, bukan kunci sekretariat yang disematkan ${p.pinned} (${p.from.id})`,
    en: (p) => `signed with key ${p.signed}, not the pinned secretariat key ${p.pinned} (${p.from.en})`,
  },
  penetapanPackageOtherEvent: {
    id: (p: { packageEvent: string; recordEvent: string }) => `paket untuk acara ${p.packageEvent}, penetapan untuk ${p.recordEvent}`,
    en: (p) => `the package is for event ${p.packageEvent}, the penetapan for ${p.recordEvent}`,
  },
  penetapanPackageOtherKey: {
    id: (p: { packageKey: string; recordKey: string }) => `paket ditandatangani kunci ${p.packageKey}, penetapan kunci ${p.recordKey}`,
    en: (p) => `the package is signed with key ${p.packageKey}, the penetapan with ${p.recordKey}`,
  },
  penetapanSheetMissing: {
    id: (p: { fileName: string; fileHash: string }) => `lembar yang dipakai penetapan tidak diberikan: ${p.fileName} (${p.fileHash})`,
    en: (p) => `a sheet the penetapan used is not given: ${p.fileName} (${p.fileHash})`,
  },
  penetapanSheetNotUsed: {
    id: (p: { fileName: string }) => `lembar yang tidak dipakai penetapan: ${p.fileName}`,
    en: (p) => `a sheet the penetapan did not use: ${p.fileName}`,
  },
  penetapanHashDiffers: {
    id: (p: { recomputed: string; recorded: string }) =>
      `penggabungan ulang memberi hash hasil ${p.recomputed}, penetapan menyebut ${p.recorded}`,
    en: (p) => `merging again gives results hash ${p.recomputed}, the penetapan says ${p.recorded}`,
  },
  penetapanMatches: {
    id: (p: { count: number }) => `Penggabungan ulang ${p.count} lembar memberi hash yang sama: cocok.`,
    en: (p) => `Merging the ${p.count} sheets again gives the same hash: it matches.`,
  },
  penetapanNotPinned: {
    id: 'Perhatian: kunci sekretariat belum disematkan (--secretariat atau --db); tanda tangan hanya dicek dengan kunci yang disebut rekaman itu sendiri.',
    en: 'Attention: secretariat key not pinned (--secretariat or --db); the signature is only checked with the key the record names itself.',
  },
  penetapanRecord: {
    id: (p: PenetapanLines) =>
      [
        `Penetapan versi ${p.version}${p.supersedes ? ` (menggantikan versi ${p.supersedes})` : ''} — ${p.eventName}: tanda tangan sah.`,
        `  ditetapkan ${p.fixedAt} oleh ${p.fixedBy}; kunci sekretariat ${p.fingerprint}`,
        `  aturan ${p.rule}, hash hasil ${p.resultsHash}`,
        `  ${p.files} berkas (${p.used} dipakai), ${p.decisions} keputusan pleno, ${p.awards} penghargaan tempat, ${p.specialAwards} penghargaan khusus, ${p.absences} juri berhalangan`,
        `  diperiksa: operator ${p.operator}, dikonfirmasi ${p.confirmedBy}`,
      ].join('\n'),
    en: (p) =>
      [
        `Penetapan version ${p.version}${p.supersedes ? ` (supersedes version ${p.supersedes})` : ''} — ${p.eventName}: signature valid.`,
        `  fixed ${p.fixedAt} by ${p.fixedBy}; secretariat key ${p.fingerprint}`,
        `  rule ${p.rule}, results hash ${p.resultsHash}`,
        `  ${p.files} files (${p.used} used), ${p.decisions} plenary decisions, ${p.awards} place awards, ${p.specialAwards} special awards, ${p.absences} jurors absent`,
        `  audited: operator ${p.operator}, confirmed by ${p.confirmedBy}`,
      ].join('\n'),
  },
  penetapanRefused: {
    id: (p: { file: string; reason: Bilingual }) => `Penetapan ${p.file}: ${p.reason.id}`,
    en: (p) => `Penetapan ${p.file}: ${p.reason.en}`,
  },
  penetapanNotPinnedKey: {
    id: (p: { signed: string }) => `ditandatangani kunci ${p.signed}, bukan kunci yang disematkan.`,
    en: (p) => `signed with key ${p.signed}, not the pinned key.`,
  },
  penetapanOtherPackageKey: {
    id: (p: { signed: string; packageKey: string }) => `ditandatangani kunci ${p.signed}, paket acara kunci ${p.packageKey}.`,
    en: (p) => `signed with key ${p.signed}, the event package with ${p.packageKey}.`,
  },
  penetapanForOtherEvent: {
    id: (p: { recordEvent: string; eventId: string }) => `untuk acara ${p.recordEvent}, bukan ${p.eventId}.`,
    en: (p) => `is for event ${p.recordEvent}, not ${p.eventId}.`,
  },
  penetapanOtherRule: {
    id: (p: { recordRule: string; rule: string }) => `menetapkan hasil dengan aturan ${p.recordRule}, bukan ${p.rule}.`,
    en: (p) => `fixed the results by the rule ${p.recordRule}, not ${p.rule}.`,
  },
  penetapanOtherHash: {
    id: (p: { hash: string; version: number; recorded: string }) =>
      `lembar-lembar ini memberi hash hasil ${p.hash}, penetapan versi ${p.version} menetapkan ${p.recorded}.`,
    en: (p) => `these sheets give results hash ${p.hash}, penetapan version ${p.version} fixed ${p.recorded}.`,
  },

  // Continuity (continuity.ts)
  setPassphrase: {
    id: (p: { purpose: Bilingual; variable: string }) =>
      `Setel frasa sandi ${p.purpose.id} di variabel lingkungan ${p.variable} (minimal 8 karakter).`,
    en: (p) => `Set the passphrase ${p.purpose.en} in the environment variable ${p.variable} (at least 8 characters).`,
  },
  passphraseOfKey: { id: 'kunci', en: 'of the key' },
  passphraseForMove: { id: 'pindahan', en: 'for the move' },
  passphraseOfMoveFile: { id: 'pindahan', en: 'of the move file' },
  passphraseOfOldKey: { id: 'kunci lama', en: 'of the old key' },
  passphraseOfNewSecretariatKey: { id: 'kunci sekretariat baru', en: 'of the new secretariat key' },
  recoveryFileExists: {
    id: (p: { out: string }) => `${p.out} sudah ada; kode pemulihan tidak ditulis di atasnya.`,
    en: (p) => `${p.out} already exists; the recovery code is not written over it.`,
  },
  recoveryCodeWritten: {
    id: (p: { fingerprint: string; out: string }) =>
      `Kunci pemulihan dibuat (sidik jari ${p.fingerprint}); kodenya ditulis SEKALI ke ${p.out}. Cetak untuk Ketua, simpan di luar laptop, lalu hapus berkasnya.`,
    en: (p) =>
      `Recovery key made (fingerprint ${p.fingerprint}); its code was written ONCE to ${p.out}. Print it for the Ketua, keep it off the laptop, then delete the file.`,
  },
  recoveryCodeShown: {
    id: (p: { fingerprint: string }) =>
      `Kunci pemulihan dibuat (sidik jari ${p.fingerprint}). KODE PEMULIHAN (ditampilkan sekali saja; tulis untuk Ketua):`,
    en: (p) => `Recovery key made (fingerprint ${p.fingerprint}). RECOVERY CODE (shown once only; write it down for the Ketua):`,
  },
  moveFileWritten: {
    id: (p: { out: string; events: number; fingerprint: string | null | undefined }) =>
      `Berkas pindahan ditulis: ${p.out} (${p.events} acara${p.fingerprint ? `, kunci ${p.fingerprint}` : ', tanpa kunci'}). Impor di laptop baru dengan frasa sandi yang sama.`,
    en: (p) =>
      `Move file written: ${p.out} (${p.events} events${p.fingerprint ? `, key ${p.fingerprint}` : ', no key'}). Import it on the new laptop with the same passphrase.`,
  },
  workspaceMoved: {
    id: (p: { db: string; events: string }) => `Berkas kerja dipindahkan ke ${p.db}: ${p.events}.`,
    en: (p) => `Workspace moved into ${p.db}: ${p.events}.`,
  },
  movedKey: {
    id: (p: { fingerprint: string; variable: string }) =>
      `  Kunci ${p.fingerprint}: cocokkan dengan laptop lama; kini disegel frasa sandi ${p.variable}.`,
    en: (p) => `  Key ${p.fingerprint}: compare it with the old laptop; now sealed by the ${p.variable} passphrase.`,
  },
  movedKeptAs: {
    id: (p: { keptAs: string }) => `  Isi sebelumnya disimpan sebagai cadangan ${p.keptAs}.`,
    en: (p) => `  What was here before is kept as backup ${p.keptAs}.`,
  },
  noPackageEvent: {
    id: 'Berkas kerja ini belum punya acara dari paket sekretariat.',
    en: "This workspace has no event from the secretariat's package yet.",
  },
  resumedSheet: {
    id: (p: { fileName: string; revision: number; signedWith: string; previousKey: boolean; marks: number }) =>
      `${p.fileName}: revisi ${p.revision}, kunci ${p.signedWith}${p.previousKey ? ' (kunci lama)' : ''}, ${p.marks} nilai dipulihkan`,
    en: (p) => `${p.fileName}: revision ${p.revision}, key ${p.signedWith}${p.previousKey ? ' (old key)' : ''}, ${p.marks} marks restored`,
  },
  resumed: {
    id: (p: { marks: number; unchanged: number; notes: number; conflicts: number; finalized: number; next: number }) =>
      `${p.marks} nilai dipulihkan (${p.unchanged} sudah ada), ${p.notes} catatan, ${p.conflicts} benturan kepentingan, ${p.finalized} bagian final lagi. Lembar berikutnya: revisi ${p.next}.`,
    en: (p) =>
      `${p.marks} marks restored (${p.unchanged} already here), ${p.notes} notes, ${p.conflicts} conflicts of interest, ${p.finalized} sections final again. Next sheet: revision ${p.next}.`,
  },
  reenrolled: {
    id: (p: { jurorId: string; previous: string; next: string; after: number }) =>
      `${p.jurorId} didaftarkan ulang: kunci lama ${p.previous} → kunci baru ${p.next}. Lembar kunci baru dilanjutkan di atas revisi ${p.after}. Ekspor paket berikutnya untuk ${p.jurorId}.`,
    en: (p) =>
      `${p.jurorId} re-enrolled: old key ${p.previous} → new key ${p.next}. The new key's sheets continue above revision ${p.after}. Export the next package for ${p.jurorId}.`,
  },
  keyChangesRecorded: {
    id: (p: { count: number }) => `  Pergantian kunci tercatat: ${p.count}.`,
    en: (p) => `  Key changes recorded: ${p.count}.`,
  },
  makeSecretariatKeyFirst: {
    id: 'Buat dulu kunci sekretariat (mis. dengan "timbang event package").',
    en: 'Make the secretariat key first (e.g. with "timbang event package").',
  },
  recoveryKeyExists: {
    id: (p: { fingerprint: string; createdAt: string }) =>
      `Sudah ada kunci pemulihan (sidik jari ${p.fingerprint}, dibuat ${p.createdAt}); kodenya hanya diberikan sekali. Pakai --replace untuk membuat yang baru.`,
    en: (p) =>
      `There is a recovery key already (fingerprint ${p.fingerprint}, made ${p.createdAt}); its code is given once only. Use --replace to make a new one.`,
  },
  rolloverNeedsOneSigner: {
    id: 'Beri tepat satu dari --recovery-code, --recovery-file atau --old-db: siapa yang menandatangani pergantian kunci.',
    en: 'Give exactly one of --recovery-code, --recovery-file or --old-db: who signs the key rollover.',
  },
  noRecoveryCodeIn: {
    id: (p: { file: string }) => `Tidak ada kode pemulihan di ${p.file}.`,
    en: (p) => `There is no recovery code in ${p.file}.`,
  },
  eventTakenOver: {
    id: (p: { eventId: string; previous: string; next: string; byRecovery: boolean; revision: number }) =>
      `Acara ${p.eventId} diambil alih: kunci sekretariat ${p.previous} → ${p.next} (ditandatangani ${p.byRecovery ? 'kunci pemulihan' : 'kunci lama'}); revisi ${p.revision}. Terbitkan paketnya (timbang event package) dan kirim ke semua juri; bacakan sidik jari baru.`,
    en: (p) =>
      `Event ${p.eventId} taken over: secretariat key ${p.previous} → ${p.next} (signed by the ${p.byRecovery ? 'recovery key' : 'old key'}); revision ${p.revision}. Issue its package (timbang event package) and send it to every juror; read the new fingerprint aloud.`,
  },
  runbookWritten: { id: (p: { pdf: string }) => `Panduan darurat ditulis: ${p.pdf}`, en: (p) => `Emergency guide written: ${p.pdf}` },
});

/** The Indonesian words for the kinds of things an event file adds or removes (`timbang event import`). */
const KIND_WORDS = { categories: 'kategori', criteria: 'kriteria', nominees: 'nominasi', jurors: 'juri' } as const;

/** A penetapan record as `timbang verify --penetapan` describes it. */
interface PenetapanLines {
  version: number;
  supersedes: number | null;
  eventName: string;
  fixedAt: string;
  fixedBy: string;
  fingerprint: string;
  rule: string;
  resultsHash: string;
  files: number;
  used: number;
  decisions: number;
  awards: number;
  specialAwards: number;
  absences: number;
  operator: string;
  confirmedBy: string;
}
