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

/**
 * The runbook (continuity/runbook.ts): "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop", step by
 * step for the juror and the secretariat, printed and in the README. Entries are named part, role, step:
 * lostJuror3 is the third step of the juror's part when a laptop is lost. Text between backticks is
 * something to type or a name on screen.
 */
export const runbookMessages = defineMessages('runbook', {
  title: {
    id: 'Laptop hilang atau rusak · Lupa frasa sandi · Pindah laptop',
    en: 'Laptop lost or broken · Forgotten passphrase · Moving to another laptop',
  },
  /** The PDF's file name when it is saved. */
  fileName: { id: 'panduan-darurat-timbang.pdf', en: 'timbang-emergency-guide.pdf' },
  subtitle: { id: 'Panduan darurat Timbang untuk juri dan sekretariat', en: "Timbang's emergency guide for jurors and the secretariat" },
  intro: {
    id: 'Nilai Anda ada di tiga tempat: berkas kerja di laptop (dengan cadangan otomatis), setiap lembar nilai bertanda tangan yang sudah Anda kirim, dan berkas kerja sekretariat. Selama salah satunya ada, tidak ada nilai yang hilang. Kirim lembar nilai setiap kali satu bagian selesai dan simpan salinannya di luar laptop.',
    en: "Your marks are in three places: the workspace on the laptop (with automatic backups), every signed score sheet you have sent, and the secretariat's workspace. As long as one of them exists, no mark is lost. Send a score sheet whenever a section is done and keep a copy away from the laptop.",
  },
  keep: {
    id: 'Simpan halaman ini bersama frasa sandi cadangan (juri) dan kode pemulihan (Ketua), terpisah dari laptop.',
    en: 'Keep this page with the backup passphrase (jurors) and the recovery code (the Ketua), apart from the laptop.',
  },
  header: { id: 'Timbang · Panduan darurat', en: 'Timbang · Emergency guide' },
  lostTitle: { id: 'Laptop hilang atau rusak', en: 'Laptop lost or broken' },
  lostWhen: {
    id: 'Laptop tidak dapat dipakai lagi, dan berkas kerjanya tidak dapat dipindahkan.',
    en: 'The laptop cannot be used any more, and its workspace cannot be moved.',
  },
  /** Who acts, in every case that names the juror or the secretariat alone. */
  jurorWho: { id: 'Juri', en: 'Juror' },
  secretariatWho: { id: 'Sekretariat', en: 'Secretariat' },
  lostJuror1: {
    id: 'Beri tahu sekretariat segera, dan sebutkan revisi lembar nilai terakhir yang Anda kirim (ada di nama berkasnya, mis. `lembar-nilai-J3-revisi-4.xlsx`).',
    en: 'Tell the secretariat at once, and name the revision of the last score sheet you sent (it is in its file name, e.g. `lembar-nilai-J3-revisi-4.xlsx`).',
  },
  lostJuror2: {
    id: 'Di laptop baru pasang Timbang dari sekretariat (periksa SHA-256-nya), buka, dan pilih Juri.',
    en: 'On the new laptop install Timbang from the secretariat (check its SHA-256), open it and choose Juri.',
  },
  lostJuror3: {
    id: 'Impor paket acara (`.timbang`), pilih siapa Anda, lalu buat kunci baru dengan frasa sandi cadangan baru. Tulis frasa sandi itu dan simpan terpisah dari laptop.',
    en: 'Import the event package (`.timbang`), choose who you are, then make a new key with a new backup passphrase. Write the passphrase down and keep it apart from the laptop.',
  },
  lostJuror4: {
    id: 'Ekspor berkas pendaftaran (`.timbang-enrol`), kirim ke sekretariat, dan bacakan sidik jari kunci baru kepada sekretariat.',
    en: "Export the enrolment file (`.timbang-enrol`), send it to the secretariat, and read the new key's fingerprint aloud to the secretariat.",
  },
  lostJuror5: {
    id: 'Impor paket revisi berikutnya dari sekretariat: paket itu memuat kunci baru Anda dan pernyataan pergantian kunci yang ditandatangani sekretariat.',
    en: "Import the secretariat's next package revision: it carries your new key and the key change statement the secretariat signed.",
  },
  lostJuror6: {
    id: 'Pada `Lanjutkan dari lembar sendiri`, pilih lembar nilai terakhir Anda (salinan dari flashdisk atau surel, atau dari sekretariat). Nilai kembali dengan asal "dipulihkan dari lembar J3 revisi 4"; bagian yang sudah final tetap final.',
    en: 'Under `Lanjutkan dari lembar sendiri` (resume from your own sheet), choose your last score sheet (a copy from a USB stick or e-mail, or from the secretariat). The marks come back with the origin "restored from sheet J3 revision 4"; finalized sections stay final.',
  },
  lostJuror7: {
    id: 'Periksa angkanya, lanjutkan menilai, lalu kirim lembar nilai baru: revisinya lebih tinggi dan menggantikan lembar lama.',
    en: 'Check the figures, go on scoring, then send a new score sheet: its revision is higher and supersedes the old sheet.',
  },
  lostSecretariat1: {
    id: 'Impor berkas pendaftaran dari laptop baru juri. Karena juri sudah terdaftar dengan kunci lain, pilih `Daftarkan ulang (laptop hilang atau rusak)` dan tulis alasannya.',
    en: "Import the enrolment file from the juror's new laptop. As the juror is already enrolled with another key, choose `Daftarkan ulang (laptop hilang atau rusak)` (re-enrol) and give the reason.",
  },
  lostSecretariat2: {
    id: 'Dengarkan juri membacakan sidik jari kunci barunya, ketik, dan konfirmasi.',
    en: "Hear the juror read the new key's fingerprint aloud, type it and confirm.",
  },
  lostSecretariat3: {
    id: 'Ekspor paket revisi berikutnya dan kirim ke juri itu: paket membawa pernyataan yang mengikat kunci baru pada kunci lama, ditandatangani kunci sekretariat.',
    en: "Export the next package revision and send it to that juror: it carries a statement binding the new key to the old one, signed with the secretariat's key.",
  },
  lostSecretariat4: {
    id: 'Bila juri tidak punya salinan lembar terakhirnya, kirimkan salinan yang sudah Anda terima.',
    en: 'If the juror has no copy of their last sheet, send them the copy you received.',
  },
  lostSecretariat5: {
    id: 'Lembar dari kunci lama tetap sah sebagai lembar juri itu dan digantikan oleh lembar kunci baru, tidak bertentangan. Tab `Lembar nilai`, tab `Juri & kunci` dan lampiran verifikasi laporan menyebut pergantian kunci.',
    en: "The old key's sheets remain valid as that juror's and are superseded by the new key's, not in conflict. The `Score sheets` and `Jurors & keys` tabs and the report's verification appendix say the key changed.",
  },
  lostSecretariatLaptopWho: {
    id: 'Sekretariat, bila laptop sekretariat yang hilang',
    en: "Secretariat, when the secretariat's laptop is the one lost",
  },
  lostSecretariatLaptop1: {
    id: 'Di laptop baru pasang Timbang dan buat berkas kerja sekretariat yang baru.',
    en: 'On a new laptop install Timbang and make a new secretariat workspace.',
  },
  lostSecretariatLaptop2: {
    id: 'Ambil paket acara terakhir yang Anda terbitkan (setiap juri memilikinya) dan kode pemulihan dari Ketua.',
    en: 'Take the last event package you issued (every juror has it) and the recovery code from the Ketua.',
  },
  lostSecretariatLaptop3: {
    id: 'Jalankan `TIMBANG_PASSPHRASE=… npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-file kode-pemulihan.txt --reason "laptop sekretariat hilang"`. Acara, kunci juri dan pergantian kunci juri diambil alih; kunci pemulihan baru dibuat: cetak kodenya dan serahkan kepada Ketua.',
    en: 'Run `TIMBANG_PASSPHRASE=… npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-file kode-pemulihan.txt --reason "secretariat laptop lost"`. The event, the jurors\' keys and their key changes are taken over; a new recovery key is made: print its code and hand it to the Ketua.',
  },
  lostSecretariatLaptop4: {
    id: 'Terbitkan paket berikutnya dan kirim ke semua juri: laptop juri menerimanya sekali dan menyematkan kunci sekretariat yang baru. Bacakan sidik jari baru kepada para juri.',
    en: "Issue the next package and send it to every juror: jurors' laptops accept it once and pin the new secretariat key. Read the new fingerprint aloud to the jurors.",
  },
  lostSecretariatLaptop5: {
    id: 'Paket yang ditandatangani kunci lain tanpa pernyataan dari kunci lama atau kunci pemulihan ditolak laptop juri; tidak ada yang berubah.',
    en: "A package signed by another key without a statement from the old key or the recovery key is refused by jurors' laptops; nothing changes.",
  },
  lostSecretariatLaptop6: {
    id: 'Minta juri mengirim ulang lembar nilainya, atau impor salinan yang Anda punya.',
    en: 'Ask the jurors to send their score sheets again, or import the copies you have.',
  },
  forgotTitle: { id: 'Lupa frasa sandi', en: 'Forgotten passphrase' },
  forgotWhen: { id: 'Kunci tanda tangan tidak mau terbuka.', en: 'The signing key does not open.' },
  forgotJuror1: {
    id: 'Di aplikasi, kunci disegel keychain sistem dan terbuka tanpa frasa sandi. Bila keychain tidak bisa, pilih `Buka dengan frasa sandi cadangan`.',
    en: "In the app the key is sealed by the system's keychain and opens without a passphrase. If the keychain cannot, choose `Buka dengan frasa sandi cadangan` (open with the backup passphrase).",
  },
  forgotJuror2: {
    id: 'Bila frasa sandi cadangan (atau frasa sandi kunci) pun terlupa, kunci itu tidak dapat dibuka lagi: tidak ada pintu belakang. Nilai di berkas kerja dan di lembar yang sudah dikirim tetap ada.',
    en: "If the backup passphrase (or the key's passphrase) is forgotten too, that key can never be opened again: there is no back door. The marks in the workspace and in the sheets already sent are still there.",
  },
  forgotJuror3: {
    id: 'Ikuti langkah "Laptop hilang atau rusak" di berkas kerja baru: kunci baru, pendaftaran ulang, lalu `Lanjutkan dari lembar sendiri`. Nilai yang belum pernah dikirim dalam lembar bertanda tangan diberikan lagi.',
    en: 'Follow "Laptop lost or broken" in a new workspace: a new key, re-enrolment, then `Lanjutkan dari lembar sendiri`. Marks never sent in a signed sheet are given again.',
  },
  forgotSecretariat1: {
    id: 'Kunci sekretariat yang tidak dapat dibuka lagi sama dengan kunci yang hilang: lakukan pergantian kunci dengan kode pemulihan dari Ketua (lihat di atas).',
    en: "A secretariat key that cannot be opened any more is a lost key: roll over to a new key with the Ketua's recovery code (see above).",
  },
  forgotSecretariat2: {
    id: 'Bagi juri yang lupa frasa sandinya: daftarkan ulang laptopnya seperti laptop yang hilang.',
    en: 'For a juror who forgot their passphrase: re-enrol their laptop as a lost one.',
  },
  moveTitle: { id: 'Pindah laptop', en: 'Moving to another laptop' },
  moveWhen: {
    id: 'Laptop lama masih berjalan (mis. sekretariat pindah dari PC kantor ke laptop di hotel tempat rapat pleno).',
    en: 'The old laptop still works (e.g. the secretariat moves from the office PC to a laptop at the hotel of the plenary).',
  },
  moveBothWho: { id: 'Juri dan sekretariat', en: 'Juror and secretariat' },
  moveBoth1: {
    id: 'Di laptop lama, pada layar awal pilih `Pindahkan berkas kerja`, buka kunci, tentukan frasa sandi pindahan (minimal 8 karakter), dan simpan berkas `.timbang-pindah` ke flashdisk. Dari baris perintah: `TIMBANG_PASSPHRASE=… npx timbang workspace export --db lama.sqlite --out kerja.timbang-pindah`.',
    en: 'On the old laptop, on the start screen choose `Pindahkan berkas kerja` (move the workspace), open the key, choose a move passphrase (at least 8 characters), and save the `.timbang-pindah` file to a USB stick. From the command line: `TIMBANG_PASSPHRASE=… npx timbang workspace export --db lama.sqlite --out kerja.timbang-pindah`.',
  },
  moveBoth2: {
    id: 'Di laptop baru, pasang Timbang, pada layar awal pilih `Terima berkas kerja pindahan`, pilih berkasnya, dan ketik frasa sandi pindahan. Dari baris perintah: `TIMBANG_PASSPHRASE=… npx timbang workspace import kerja.timbang-pindah --db baru.sqlite`.',
    en: 'On the new laptop, install Timbang, on the start screen choose `Terima berkas kerja pindahan` (receive a moved workspace), pick the file and type the move passphrase. From the command line: `TIMBANG_PASSPHRASE=… npx timbang workspace import kerja.timbang-pindah --db baru.sqlite`.',
  },
  moveBoth3: {
    id: 'Kunci disegel keychain laptop baru; frasa sandi pindahan kini menjadi frasa sandi cadangannya (tanpa keychain: frasa sandi kuncinya).',
    en: "The key is sealed by the new laptop's keychain; the move passphrase is now its backup passphrase (without a keychain: the key's passphrase).",
  },
  moveBoth4: {
    id: 'Periksa sidik jari kunci di laptop baru: harus sama dengan di laptop lama. Tidak perlu mendaftar ulang.',
    en: "Check the key's fingerprint on the new laptop: it must be the same as on the old one. No re-enrolment is needed.",
  },
  moveBoth5: {
    id: 'Hapus berkas `.timbang-pindah` dari flashdisk setelah berhasil, dan jangan memakai laptop lama lagi untuk acara ini.',
    en: 'Delete the `.timbang-pindah` file from the USB stick once done, and do not use the old laptop for this event again.',
  },
});
