/** The words of continuity (issue 21): re-enrolment, resuming from one's own sheet, the secretariat key rollover and the workspace move. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const continuityMessages = defineMessages('continuity', {
  alreadyEnrolledWithKey: {
    id: (p: { fileName: string; jurorId: string; fingerprint: string }) =>
      `Berkas pendaftaran ${p.fileName}: ${p.jurorId} sudah terdaftar dengan kunci ini (${p.fingerprint}); tidak ada yang perlu diganti.`,
    en: (p) =>
      `Enrolment file ${p.fileName}: ${p.jurorId} is already enrolled with this key (${p.fingerprint}); there is nothing to replace.`,
  },
  reEnrolmentReason: {
    id: 'Tulis alasan pendaftaran ulang (mis. "laptop hilang").',
    en: 'Give a reason for the re-enrolment (e.g. "laptop lost").',
  },
  signedWithOldKey: {
    id: (p: { jurorId: string; previousFingerprint: string; nextFingerprint: string; reason: string }) =>
      `Kunci ${p.jurorId} berganti: lembar ini ditandatangani kunci lama ${p.previousFingerprint}; ${p.jurorId} didaftarkan ulang dengan kunci baru ${p.nextFingerprint} (${p.reason}). Lembar kunci lama tetap milik ${p.jurorId} dan digantikan oleh lembar revisi lebih tinggi dari kunci baru, tidak bertentangan.`,
    en: (p) =>
      `${p.jurorId}'s key changed: this sheet is signed with the old key ${p.previousFingerprint}; ${p.jurorId} was re-enrolled with the new key ${p.nextFingerprint} (${p.reason}). The old key's sheets remain ${p.jurorId}'s and are superseded by the new key's higher revisions, not in conflict.`,
  },
  signedWithNewKey: {
    id: (p: { jurorId: string; nextFingerprint: string; previousFingerprint: string; reason: string; continuesAfterRevision: number }) =>
      `Kunci ${p.jurorId} berganti: lembar ini ditandatangani kunci baru ${p.nextFingerprint}, pengganti kunci lama ${p.previousFingerprint} (${p.reason}); nilai dilanjutkan di atas revisi ${p.continuesAfterRevision} kunci lama.`,
    en: (p) =>
      `${p.jurorId}'s key changed: this sheet is signed with the new key ${p.nextFingerprint}, replacing the old key ${p.previousFingerprint} (${p.reason}); marks continue above the old key's revision ${p.continuesAfterRevision}.`,
  },
  resumeOnlyOnJurorLaptop: {
    id: 'Melanjutkan dari lembar sendiri hanya di laptop juri (acara dari paket sekretariat).',
    en: "Resuming from one's own sheet is only on a juror's laptop (an event from the secretariat's package).",
  },
  chooseWhoYouAre: { id: 'Pilih dulu siapa Anda di antara juri acara ini.', en: "First choose who you are among this event's jurors." },
  keyNotInPackageYet: {
    id: (p: { revision: number; jurorId: string }) =>
      `Paket acara revisi ${p.revision} belum memuat kunci laptop ini untuk ${p.jurorId}. Buat kunci, kirim berkas pendaftaran ke sekretariat, lalu impor paket berikutnya yang memuatnya; sesudah itu lembar lama dapat dipulihkan.`,
    en: (p) =>
      `Event package revision ${p.revision} does not carry this laptop's key for ${p.jurorId} yet. Make a key, send the enrolment file to the secretariat, then import the next package that carries it; the old sheet can be restored after that.`,
  },
  chooseYourSheet: { id: 'Pilih lembar nilai Anda (.xlsx).', en: 'Choose your score sheet (.xlsx).' },
  notYourSheet: {
    id: (p: { fileName: string; juror: string; jurorId: string }) =>
      `Lembar ${p.fileName} milik ${p.juror}, bukan Anda (${p.jurorId}). Hanya lembar Anda sendiri yang dapat dipulihkan. Tidak ada yang diubah.`,
    en: (p) => `Sheet ${p.fileName} is ${p.juror}'s, not yours (${p.jurorId}). Only your own sheets can be restored. Nothing changed.`,
  },
  statusOnly: {
    id: (p: { status: string }) => `status ${p.status}`,
    en: (p) => `status ${p.status}`,
  },
  cannotRestore: {
    id: (p: { fileName: string; status: string; reasons: readonly Bilingual[] }) =>
      `Lembar ${p.fileName} tidak dapat dipulihkan (${p.status === 'unknown-key' ? 'ditandatangani kunci yang tidak terikat pada Anda di paket acara' : p.status}):\n${p.reasons.map((d) => `- ${d.id}`).join('\n')}\nTidak ada yang diubah.`,
    en: (p) =>
      `Sheet ${p.fileName} cannot be restored (${p.status === 'unknown-key' ? 'signed with a key the event package does not bind to you' : p.status}):\n${p.reasons.map((d) => `- ${d.en}`).join('\n')}\nNothing changed.`,
  },
  otherMarksHere: {
    id: (p: { count: number; shown: string }) =>
      `Laptop ini sudah punya nilai lain untuk ${p.count} sel (${p.shown}${p.count > 8 ? '; …' : ''}); lembar tidak menimpa nilai yang diberikan di sini atau bagian yang sudah difinalisasi. Tidak ada yang diubah.`,
    en: (p) =>
      `This laptop already has other marks for ${p.count} cells (${p.shown}${p.count > 8 ? '; …' : ''}); a sheet does not overwrite marks given here or a section already finalized. Nothing changed.`,
  },
  invalidRecoveryCode: {
    id: (p: { characters: number }) =>
      `Kode pemulihan tidak sah: harus ${p.characters} huruf/angka (11 kelompok 5), dan pemeriksaannya harus cocok. Periksa salinannya huruf demi huruf.`,
    en: (p) =>
      `The recovery code is not valid: it must be ${p.characters} letters and digits (11 groups of 5), and its check must match. Check the copy character by character.`,
  },
  rolloverReason: {
    id: 'Tulis alasan pergantian kunci sekretariat (mis. "laptop sekretariat hilang").',
    en: 'Give a reason for the secretariat key rollover (e.g. "secretariat laptop lost").',
  },
  alreadySignedByThisKey: {
    id: (p: { fileName: string; fingerprint: string }) =>
      `Paket ${p.fileName} sudah ditandatangani kunci berkas kerja ini (${p.fingerprint}); tidak ada yang perlu diganti.`,
    en: (p) => `Package ${p.fileName} is already signed by this workspace's key (${p.fingerprint}); there is nothing to replace.`,
  },
  workspaceNotEmpty: {
    id: (p: { eventName: string }) =>
      `Berkas kerja ini sudah memuat acara "${p.eventName}". Ambil alih ke berkas kerja sekretariat yang baru (kosong).`,
    en: (p) => `This workspace already holds the event "${p.eventName}". Take it over into a new (empty) secretariat workspace.`,
  },
  noRecoveryKeyNamed: {
    id: (p: { fileName: string }) =>
      `Paket ${p.fileName} tidak menyebut kunci pemulihan, jadi kode pemulihan tidak dapat dipakai untuk acara ini. Bila kunci lama masih dapat dibuka, tanda tangani pergantian dengan kunci lama.`,
    en: (p) =>
      `Package ${p.fileName} names no recovery key, so no recovery code can be used for this event. If the old key still opens, sign the rollover with it.`,
  },
  otherRecoveryKey: {
    id: (p: { fingerprint: string; fileName: string; namedFingerprint: string }) =>
      `Kode pemulihan ini milik kunci ${p.fingerprint}, bukan kunci pemulihan yang disebut paket ${p.fileName} (${p.namedFingerprint}). Tidak ada yang diubah.`,
    en: (p) =>
      `This recovery code belongs to key ${p.fingerprint}, not the recovery key package ${p.fileName} names (${p.namedFingerprint}). Nothing changed.`,
  },
  otherOldKey: {
    id: (p: { fingerprint: string; fileName: string; signerFingerprint: string }) =>
      `Kunci lama yang dibuka (${p.fingerprint}) bukan kunci yang menandatangani paket ${p.fileName} (${p.signerFingerprint}). Tidak ada yang diubah.`,
    en: (p) =>
      `The old key opened (${p.fingerprint}) is not the key that signed package ${p.fileName} (${p.signerFingerprint}). Nothing changed.`,
  },
  movePassphraseTooShort: {
    id: (p: { minimum: number }) =>
      `Frasa sandi pindahan minimal ${p.minimum} karakter: ia menyegel kunci dan isi berkas kerja di berkas pindahan.`,
    en: (p) =>
      `The move passphrase needs at least ${p.minimum} characters: it seals the key and the workspace's contents in the move file.`,
  },
  moveFile: {
    id: (p: { fileName: string; detail: Bilingual }) => `Berkas pindahan ${p.fileName}: ${p.detail.id}`,
    en: (p) => `Move file ${p.fileName}: ${p.detail.en}`,
  },
  notAMoveFile: { id: 'bukan berkas pindahan Timbang (.timbang-pindah).', en: 'is not a Timbang move file (.timbang-pindah).' },
  moveFileTruncated: { id: 'terpotong.', en: 'is truncated.' },
  moveHeaderUnexpected: { id: 'kepalanya tidak sesuai format.', en: 'its header does not have the expected contents.' },
  moveFileFromNewerTimbang: {
    id: (p: { fileName: string; schemaVersion: number; latest: number }) =>
      `Berkas pindahan ${p.fileName} dibuat oleh Timbang yang lebih baru (skema ${p.schemaVersion}; versi ini mengenal sampai ${p.latest}). Perbarui Timbang di laptop ini dulu; tidak ada yang diubah.`,
    en: (p) =>
      `Move file ${p.fileName} was made by a newer Timbang (schema ${p.schemaVersion}; this version knows up to ${p.latest}). Update Timbang on this laptop first; nothing changed.`,
  },
  moveKeyFingerprintMismatch: {
    id: (p: { fileName: string }) => `Berkas pindahan ${p.fileName}: sidik jari kunci tidak cocok dengan kuncinya.`,
    en: (p) => `Move file ${p.fileName}: the key's fingerprint does not match the key.`,
  },
  moveFileDamaged: {
    id: (p: { fileName: string }) =>
      `Berkas pindahan ${p.fileName} rusak atau diubah: isinya tidak lolos pemeriksaan. Tidak ada yang diubah.`,
    en: (p) => `Move file ${p.fileName} is damaged or was changed: its contents fail the check. Nothing changed.`,
  },
  wrongMovePassphrase: {
    id: 'Frasa sandi salah (atau berkas pindahan rusak). Tidak ada yang diubah.',
    en: 'Wrong passphrase (or a damaged move file). Nothing changed.',
  },
  moveFileTruncatedNothingChanged: {
    id: (p: { fileName: string }) => `Berkas pindahan ${p.fileName} terpotong. Tidak ada yang diubah.`,
    en: (p) => `Move file ${p.fileName} is truncated. Nothing changed.`,
  },
  workspaceHereNotEmpty: {
    id: (p: { events: number; names: string; hasKey: boolean }) =>
      `Berkas kerja di laptop ini sudah berisi ${p.events ? `acara ${p.names}` : ''}${p.events && p.hasKey ? ' dan ' : ''}${p.hasKey ? 'kunci tanda tangan' : ''}. Mengimpor berkas pindahan akan menggantinya; pilih "Ganti" bila memang itu maksudnya (isi sekarang disimpan dulu sebagai cadangan).`,
    en: (p) =>
      `The workspace on this laptop already holds ${p.events ? `the event ${p.names}` : ''}${p.events && p.hasKey ? ' and ' : ''}${p.hasKey ? 'a signing key' : ''}. Importing the move file would replace it; choose "Replace" if that is what you mean (what is here now is kept as a backup first).`,
  },
  moveFileNotAWorkspace: {
    id: (p: { fileName: string }) => `Berkas pindahan ${p.fileName}: isinya bukan berkas kerja Timbang yang utuh. Tidak ada yang diubah.`,
    en: (p) => `Move file ${p.fileName}: its contents are not a whole Timbang workspace. Nothing changed.`,
  },
  moveHeaderKeyMismatch: {
    id: (p: { fileName: string }) =>
      `Berkas pindahan ${p.fileName}: kunci di kepala berkas bukan kunci berkas kerjanya. Tidak ada yang diubah.`,
    en: (p) => `Move file ${p.fileName}: the key in the header is not its workspace's key. Nothing changed.`,
  },
  // The recovery code's printed page (recovery-page.ts), for the Ketua.
  recoveryTitle: { id: 'Kode Pemulihan Kunci Sekretariat', en: 'Secretariat Key Recovery Code' },
  recoveryFor: {
    id: 'Untuk Ketua Dewan Juri. Rahasia: simpan dalam amplop tertutup, terpisah dari laptop sekretariat.',
    en: 'For the Ketua of the jury. Secret: keep it in a sealed envelope, apart from the secretariat laptop.',
  },
  recoveryEvents: { id: 'Acara', en: 'Event' },
  recoveryFingerprint: { id: 'Sidik jari kunci pemulihan', en: 'Recovery key fingerprint' },
  recoveryMade: { id: 'Dibuat', en: 'Made' },
  recoveryWhat: {
    id: 'Bila kunci sekretariat hilang (laptop hilang atau rusak, frasa sandi terlupa), kode ini menandatangani pergantian ke kunci sekretariat yang baru, dan laptop juri menerimanya sekali. Tanpa kode ini (atau kunci lama), paket dari kunci baru ditolak laptop juri.',
    en: "If the secretariat key is lost (laptop lost or broken, passphrase forgotten), this code signs the rollover to a new secretariat key, which jurors' laptops accept once. Without this code (or the old key), packages from a new key are refused by jurors' laptops.",
  },
  recoveryUse: {
    id: 'Cara memakai: npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-code "KODE" --reason "…" (lihat Panduan darurat).',
    en: 'To use it: npx timbang secretariat rollover --db new-secretariat.sqlite --from-package event-revision-N.timbang --recovery-code "CODE" --reason "…" (see the emergency guide).',
  },
  recoveryWarn: {
    id: 'Siapa pun yang memegang kode ini dapat menerbitkan paket yang diterima laptop juri. Jangan difoto, jangan dikirim lewat pesan.',
    en: "Whoever holds this code can issue packages that jurors' laptops accept. Do not photograph it or send it in a message.",
  },
  recoveryHeader: { id: 'Timbang · Kode pemulihan (rahasia)', en: 'Timbang · Recovery code (secret)' },
  reEnrolEventNotAuthored: {
    id: (p: { fileName: string; eventId: string }) =>
      `Berkas pendaftaran ${p.fileName} untuk acara "${p.eventId}", yang tidak disusun di berkas kerja ini.`,
    en: (p) => `Enrolment file ${p.fileName} is for the event "${p.eventId}", which is not authored in this workspace.`,
  },
  revisionDidNotRise: {
    id: 'Revisi lembar tidak naik di atas lembar yang dilanjutkan.',
    en: 'The sheet revision did not rise above the resumed sheet.',
  },
});
