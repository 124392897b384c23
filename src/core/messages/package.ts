/**
 * Signed files and what they carry (services/packages): event packages, enrolment files, key statements
 * and the nominees' documents. A refusal of a file names the kind of file and the file first:
 * "Paket acara x.timbang: …".
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

/** The kinds of signed file, as a refusal names them first ("Paket acara …"), and as a person picked one by mistake ("ini paket acara (.timbang)"). */
export const signedFileKinds = defineMessages('signed-file-kind', {
  eventPackage: { id: 'Paket acara', en: 'Event package' },
  enrolmentFile: { id: 'Berkas pendaftaran', en: 'Enrolment file' },
  /** By their format marker. */
  'timbang.package': { id: 'paket acara (.timbang)', en: 'an event package (.timbang)' },
  'timbang.enrolment': { id: 'berkas pendaftaran juri (.timbang-enrol)', en: 'a juror enrolment file (.timbang-enrol)' },
  'timbang.penetapan': { id: 'rekaman penetapan hasil (.timbang-penetapan)', en: 'a penetapan record (.timbang-penetapan)' },
});

/** What is wrong with a signed file, after its kind and name. */
export const signedFileMessages = defineMessages('signed-file', {
  /** The kind of file and its name, then the problem: "Paket acara x.timbang: bukan teks UTF-8." */
  inFile: {
    id: (p: { kind: Bilingual; fileName: string; problem: Bilingual }) => `${p.kind.id} ${p.fileName}: ${p.problem.id}`,
    en: (p) => `${p.kind.en} ${p.fileName}: ${p.problem.en}`,
  },
  tooLarge: {
    id: (p: { bytes: number; max: number }) => `terlalu besar (${p.bytes} byte, paling banyak ${p.max}).`,
    en: (p) => `too large (${p.bytes} bytes, at most ${p.max}).`,
  },
  zipFile: {
    id: 'ini berkas Excel atau zip (misalnya lembar nilai atau templat), bukan berkas yang diminta di sini.',
    en: 'this is an Excel or zip file (a score sheet or a template, say), not the file asked for here.',
  },
  notUtf8: { id: 'bukan teks UTF-8.', en: 'is not UTF-8 text.' },
  notJson: { id: 'bukan JSON; apakah ini berkas yang benar?', en: 'is not JSON; is this the right file?' },
  otherKind: {
    id: (p: { other: Bilingual }) => `ini ${p.other.id}, bukan berkas yang diminta di sini.`,
    en: (p) => `this is ${p.other.en}, not the file asked for here.`,
  },
  unexpectedContents: {
    id: (p: { where: string }) => `isinya tidak sesuai format (${p.where}).`,
    en: (p) => `does not have the expected contents (${p.where}).`,
  },
  badSignature: {
    id: 'tanda tangan tidak sah: isinya diubah setelah ditandatangani, atau rusak.',
    en: 'the signature is not valid: the contents were changed after signing, or are damaged.',
  },
});

/** Enrolling a juror's key at the secretariat (services/packages/enrolment.ts). */
export const enrolmentMessages = defineMessages('enrolment', {
  fingerprintMismatch: { id: 'sidik jari tidak cocok dengan kuncinya.', en: 'the fingerprint does not match its key.' },
  eventNotAuthored: {
    id: (p: { kind: Bilingual; fileName: string; eventId: string }) =>
      `${p.kind.id} ${p.fileName} untuk acara "${p.eventId}", yang tidak disusun di berkas kerja ini.`,
    en: (p) => `${p.kind.en} ${p.fileName} is for the event "${p.eventId}", which is not authored in this workspace.`,
  },
  jurorNotInEvent: {
    id: (p: { jurorId: string }) => `juri "${p.jurorId}" tidak ada di acara ini.`,
    en: (p) => `juror "${p.jurorId}" is not in this event.`,
  },
  enrolledWithAnotherKey: {
    id: (p: { jurorId: string; fingerprint: string }) =>
      `${p.jurorId} sudah terdaftar dengan kunci lain (sidik jari ${p.fingerprint}). Bila laptop juri hilang atau rusak, daftarkan ulang dengan alasannya (Daftarkan ulang, atau timbang reenrol): kunci lama tetap terikat pada juri itu dan lembarnya tetap sah.`,
    en: (p) =>
      `${p.jurorId} is already enrolled with another key (fingerprint ${p.fingerprint}). If the juror's laptop was lost or broke, re-enrol it with the reason (Re-enrol, or timbang reenrol): the old key stays bound to that juror and its sheets stay valid.`,
  },
  notEnrolled: {
    id: (p: { jurorId: string }) => `${p.jurorId} belum mendaftarkan kunci.`,
    en: (p) => `${p.jurorId} has not enrolled a key.`,
  },
  fingerprintReadAloudDiffers: {
    id: (p: { typed: string; jurorId: string }) =>
      `Sidik jari yang dibacakan (${p.typed}) tidak sama dengan kunci terdaftar ${p.jurorId}. Jangan konfirmasi; periksa berkasnya.`,
    en: (p) => `The fingerprint read aloud (${p.typed}) differs from ${p.jurorId}'s enrolled key. Do not confirm; check the file.`,
  },
});

/** Reading and applying an event package (services/packages/event-package.ts); most follow "Paket acara x.timbang: ". */
export const packageMessages = defineMessages('package', {
  secretariatFingerprintMismatch: {
    id: 'sidik jari sekretariat tidak cocok dengan kuncinya.',
    en: "the secretariat's fingerprint does not match its key.",
  },
  /** `lines` holds one line per finding in each language. */
  eventInvalid: {
    id: (p: { lines: { id: readonly string[]; en: readonly string[] } }) =>
      `acara di dalamnya tidak sah:\n${p.lines.id.map((line) => `- ${line}`).join('\n')}`,
    en: (p) => `the event inside is not valid:\n${p.lines.en.map((line) => `- ${line}`).join('\n')}`,
  },
  twoJurorKeys: { id: (p: { jurorId: string }) => `dua kunci untuk juri "${p.jurorId}".`, en: (p) => `two keys for juror "${p.jurorId}".` },
  keyForUnknownJuror: {
    id: (p: { jurorId: string }) => `kunci untuk juri "${p.jurorId}" yang tidak ada di acara.`,
    en: (p) => `a key for juror "${p.jurorId}", who is not in the event.`,
  },
  jurorFingerprintMismatch: {
    id: (p: { jurorId: string }) => `sidik jari juri ${p.jurorId} tidak cocok dengan kuncinya.`,
    en: (p) => `juror ${p.jurorId}'s fingerprint does not match their key.`,
  },
  recoveryFingerprintMismatch: {
    id: 'sidik jari kunci pemulihan sekretariat tidak cocok dengan kuncinya.',
    en: "the secretariat's recovery key fingerprint does not match its key.",
  },
  keyChangeForUnknownJuror: {
    id: (p: { jurorId: string }) => `pergantian kunci untuk juri "${p.jurorId}" yang tidak ada di acara.`,
    en: (p) => `a key change for juror "${p.jurorId}", who is not in the event.`,
  },
  /** `pinnedFrom` says where the pinned fingerprint came from. */
  otherSecretariat: {
    id: (p: { fileName: string; fingerprint: string; pinned: string; pinnedFrom: Bilingual }) =>
      `Paket acara ${p.fileName} ditandatangani kunci sekretariat lain: sidik jari ${p.fingerprint}, bukan ${p.pinned} yang disematkan (${p.pinnedFrom.id}). Paket ditolak; tidak ada lembar yang diperiksa atau digabung.`,
    en: (p) =>
      `Event package ${p.fileName} is signed by another secretariat key: fingerprint ${p.fingerprint}, not the pinned ${p.pinned} (${p.pinnedFrom.en}). Package refused; no sheet was verified or merged.`,
  },
  laptopHasOtherEvent: {
    id: (p: { otherName: string; otherId: string; fileName: string; name: string; eventId: string }) =>
      `Laptop ini sudah dipakai untuk acara "${p.otherName}" (${p.otherId}); paket ${p.fileName} untuk acara lain, "${p.name}" (${p.eventId}).`,
    en: (p) =>
      `This laptop is already set up for the event "${p.otherName}" (${p.otherId}); the package ${p.fileName} is for another event, "${p.name}" (${p.eventId}).`,
  },
  authoredHere: {
    id: (p: { name: string; fileName: string }) =>
      `Acara "${p.name}" disusun di berkas kerja ini oleh sekretariat; paket ${p.fileName} tidak diimpor ke sini.`,
    en: (p) => `The event "${p.name}" is authored in this workspace by the secretariat; the package ${p.fileName} is not imported here.`,
  },
  olderRevision: {
    id: (p: { fileName: string; revision: number; current: number }) =>
      `Paket acara ${p.fileName} revisi ${p.revision}, lebih lama dari revisi ${p.current} yang sudah ada. Paket ditolak; tidak ada yang berubah.`,
    en: (p) =>
      `Event package ${p.fileName} is revision ${p.revision}, older than revision ${p.current} already here. Package refused; nothing changed.`,
  },
  sameRevisionOtherContents: {
    id: (p: { fileName: string; revision: number; current: number }) =>
      `Paket acara ${p.fileName} revisi ${p.revision} tetapi isinya berbeda dari revisi ${p.current} yang sudah ada. Minta sekretariat menerbitkan revisi baru.`,
    en: (p) =>
      `Event package ${p.fileName} is revision ${p.revision} but its contents differ from revision ${p.current} already here. Ask the secretariat for a new revision.`,
  },
  dropsThisJuror: {
    id: (p: { fileName: string; revision: number; jurorId: string }) =>
      `Paket acara ${p.fileName}: revisi ${p.revision} tidak lagi memuat ${p.jurorId}, juri laptop ini. Paket ditolak; hubungi sekretariat.`,
    en: (p) =>
      `Event package ${p.fileName}: revision ${p.revision} no longer includes ${p.jurorId}, this laptop's juror. Package refused; contact the secretariat.`,
  },
  rolloverMissing: {
    id: (p: { fileName: string; fingerprint: string; pinned: string }) =>
      `Paket acara ${p.fileName} ditandatangani kunci sekretariat lain (sidik jari ${p.fingerprint}), bukan kunci yang dipakai sejak awal (${p.pinned}), dan tidak memuat pernyataan pergantian kunci yang ditandatangani kunci lama atau kunci pemulihan sekretariat. Paket ditolak; tidak ada yang berubah.`,
    en: (p) =>
      `Event package ${p.fileName} is signed by another secretariat key (fingerprint ${p.fingerprint}), not the one used from the start (${p.pinned}), and carries no key rollover statement signed by the previous key or the secretariat's recovery key. Package refused; nothing changed.`,
  },
  rolloverOtherKey: {
    id: (p: { fileName: string; replaced: string; pinned: string }) =>
      `Paket acara ${p.fileName}: pernyataan pergantian kunci menggantikan kunci ${p.replaced}, bukan kunci sekretariat yang disematkan di laptop ini (${p.pinned}). Paket ditolak; tidak ada yang berubah.`,
    en: (p) =>
      `Event package ${p.fileName}: the key rollover statement replaces key ${p.replaced}, not the secretariat key pinned on this laptop (${p.pinned}). Package refused; nothing changed.`,
  },
  pinnedRecoveryKey: {
    id: (p: { fingerprint: string }) => `kunci pemulihannya (${p.fingerprint})`,
    en: (p) => `its recovery key (${p.fingerprint})`,
  },
  noPinnedRecoveryKey: {
    id: 'kunci pemulihan (paket yang disematkan tidak menyebut kunci pemulihan)',
    en: 'a recovery key (the pinned package names none)',
  },
  /** `recovery` is pinnedRecoveryKey or noPinnedRecoveryKey. */
  rolloverForged: {
    id: (p: { fileName: string; signer: string; pinned: string; recovery: Bilingual }) =>
      `Paket acara ${p.fileName}: pernyataan pergantian kunci sekretariat PALSU — ditandatangani kunci ${p.signer}, bukan kunci sekretariat yang disematkan (${p.pinned}) dan bukan ${p.recovery.id}. Paket ditolak; tidak ada yang berubah. Hubungi sekretariat dan cocokkan sidik jarinya.`,
    en: (p) =>
      `Event package ${p.fileName}: FORGED secretariat key rollover — signed by key ${p.signer}, neither the pinned secretariat key (${p.pinned}) nor ${p.recovery.en}. Package refused; nothing changed. Contact the secretariat and compare fingerprints.`,
  },
  /** What a revision would drop that has scores; written in both languages at once in either message. */
  scoredNominee: { id: (p: { id: string }) => `nominasi/nominee ${p.id}`, en: (p) => `nominasi/nominee ${p.id}` },
  scoredCriterion: { id: (p: { code: string }) => `kriteria/criterion ${p.code}`, en: (p) => `kriteria/criterion ${p.code}` },
  scoredJuror: { id: (p: { id: string }) => `juri/juror ${p.id}`, en: (p) => `juri/juror ${p.id}` },
  dropsScored: {
    id: (p: { missing: readonly Bilingual[] }) =>
      `Revisi ini menghapus yang sudah dinilai: ${p.missing.map((m) => m.id).join(', ')}. Paket ditolak; nilai tetap aman.`,
    en: (p) => `This revision removes what already has scores: ${p.missing.map((m) => m.en).join(', ')}. Package refused; scores are kept.`,
  },
  documentNotInPackage: {
    id: (p: { fileName: string; nomineeId: string }) => `Dokumen ${p.fileName} (${p.nomineeId}) tidak ada di paket acara laptop ini.`,
    en: (p) => `Document ${p.fileName} (${p.nomineeId}) is not in this laptop's event package.`,
  },
  documentDamaged: {
    id: (p: { fileName: string; nomineeId: string }) =>
      `Dokumen ${p.fileName} (${p.nomineeId}) rusak di berkas kerja ini: isinya tidak cocok dengan hash paket.`,
    en: (p) => `Document ${p.fileName} (${p.nomineeId}) is damaged in this workspace: its contents do not match the package's hash.`,
  },
});

/** Bundling the nominees' documents into a package, and checking them when it is read (services/packages/package-documents.ts). */
export const documentMessages = defineMessages('package-document', {
  /** `name` is "file (nominee)". */
  fileMissing: {
    id: (p: { name: string }) => `Dokumen ${p.name}: berkasnya tidak ada.`,
    en: (p) => `Document ${p.name}: its file is missing.`,
  },
  wrongType: {
    id: (p: { name: string }) => `Dokumen ${p.name} ditolak: hanya PDF, JPG atau PNG (isi berkas harus sesuai namanya).`,
    en: (p) => `Document ${p.name} refused: only PDF, JPG or PNG (the file's contents must match its name).`,
  },
  tooLarge: {
    id: (p: { name: string; size: string; max: string }) =>
      `Dokumen ${p.name} terlalu besar: ${p.size}, paling banyak ${p.max} per berkas.`,
    en: (p) => `Document ${p.name} is too large: ${p.size}, at most ${p.max} per file.`,
  },
  overPackageLimit: {
    id: (p: { name: string; max: string }) => `Dokumen ${p.name} melewati batas paket: seluruh dokumen paling banyak ${p.max}.`,
    en: (p) => `Document ${p.name} goes over the package's limit: all documents together at most ${p.max}.`,
  },
  /** The following follow "Paket acara x.timbang: ". */
  twice: {
    id: (p: { name: string }) => `dokumen ${p.name} ada dua kali.`,
    en: (p) => `document ${p.name} is there twice.`,
  },
  noPinnedHash: {
    id: (p: { name: string }) => `dokumen ${p.name} tidak disematkan hash-nya.`,
    en: (p) => `document ${p.name} has no pinned hash.`,
  },
  notInPackage: {
    id: (p: { name: string }) => `dokumen ${p.name} tidak ada di dalam paket.`,
    en: (p) => `document ${p.name} is not in the package.`,
  },
  hashMismatch: {
    id: (p: { name: string }) =>
      `isi dokumen ${p.name} tidak cocok dengan hash SHA-256 yang ditandatangani: dokumen itu diubah atau rusak.`,
    en: (p) => `the contents of document ${p.name} do not match the signed SHA-256: the document was changed or is damaged.`,
  },
  notListed: {
    id: (p: { key: string }) => `berkas ${p.key} tidak tercantum di acara.`,
    en: (p) => `file ${p.key} is not listed in the event.`,
  },
});

/** Key statements a package carries (services/packages/key-statements.ts), after "Paket acara x.timbang: ". */
export const keyStatementMessages = defineMessages('key-statement', {
  jurorChangeMalformed: {
    id: 'pernyataan pergantian kunci juri tidak sesuai format.',
    en: 'a juror key change statement does not have the expected contents.',
  },
  jurorChangeOtherEvent: {
    id: (p: { jurorId: string; eventId: string }) => `pernyataan pergantian kunci ${p.jurorId} untuk acara lain (${p.eventId}).`,
    en: (p) => `the key change statement of ${p.jurorId} is for another event (${p.eventId}).`,
  },
  jurorChangeFingerprint: {
    id: (p: { jurorId: string }) => `sidik jari pada pernyataan pergantian kunci ${p.jurorId} tidak cocok dengan kuncinya.`,
    en: (p) => `a fingerprint in the key change statement of ${p.jurorId} does not match its key.`,
  },
  jurorChangeSameKey: {
    id: (p: { jurorId: string }) => `pernyataan pergantian kunci ${p.jurorId} menyebut kunci yang sama dua kali.`,
    en: (p) => `the key change statement of ${p.jurorId} names the same key twice.`,
  },
  jurorChangeNotSigned: {
    id: (p: { jurorId: string }) => `pernyataan pergantian kunci ${p.jurorId} tidak ditandatangani kunci sekretariat paket ini.`,
    en: (p) => `the key change statement of ${p.jurorId} is not signed by this package's secretariat key.`,
  },
  rolloverMalformed: {
    id: 'pernyataan pergantian kunci sekretariat tidak sesuai format.',
    en: 'the secretariat key rollover statement does not have the expected contents.',
  },
  rolloverOtherEvent: {
    id: (p: { eventId: string }) => `pernyataan pergantian kunci sekretariat untuk acara lain (${p.eventId}).`,
    en: (p) => `the secretariat key rollover statement is for another event (${p.eventId}).`,
  },
  rolloverFingerprint: {
    id: 'sidik jari pada pernyataan pergantian kunci sekretariat tidak cocok dengan kuncinya.',
    en: 'a fingerprint in the secretariat key rollover statement does not match its key.',
  },
  rolloverNotPackageSigner: {
    id: (p: { next: string }) =>
      `pernyataan pergantian kunci sekretariat menyebut kunci baru ${p.next}, tetapi paket ditandatangani kunci lain.`,
    en: (p) => `the secretariat key rollover statement names the new key ${p.next}, but the package is signed by another key.`,
  },
  rolloverSignerNotPrevious: {
    id: 'pernyataan pergantian kunci sekretariat mengaku ditandatangani kunci lama, tetapi menyebut penanda tangan lain.',
    en: 'the secretariat key rollover statement says the previous key signed it, but names another signer.',
  },
  rolloverSameKey: {
    id: 'pernyataan pergantian kunci sekretariat menyebut kunci yang sama dua kali.',
    en: 'the secretariat key rollover statement names the same key twice.',
  },
  rolloverBadSignature: {
    id: 'tanda tangan pernyataan pergantian kunci sekretariat tidak sah.',
    en: 'the signature of the secretariat key rollover statement is not valid.',
  },
});
