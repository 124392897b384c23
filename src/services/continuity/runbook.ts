/**
 * The runbook (issue 21, item 6): "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop", for the juror
 * and for the secretariat, step by step. One text, two renderings: the printed page (runbookHtml, printed by
 * Chromium through the report's printing service and page frame) and the README's section (runbookMarkdown;
 * a test checks the README holds exactly it, so the two cannot drift).
 *
 * Text between backticks is something to type or a name on screen; it prints in a monospace face.
 */
import { esc } from '../report/html.ts';
import type { Lang } from '../report/date-words.ts';
import { printablePage } from '../report/printable-page.ts';

interface Role {
  who: string;
  steps: string[];
}

interface Part {
  id: 'laptop-hilang' | 'lupa-frasa-sandi' | 'pindah-laptop';
  title: string;
  when: string;
  roles: Role[];
}

interface Runbook {
  title: string;
  subtitle: string;
  intro: string;
  parts: Part[];
  keep: string;
  header: string;
}

export const RUNBOOK: Record<Lang, Runbook> = {
  id: {
    title: 'Laptop hilang atau rusak · Lupa frasa sandi · Pindah laptop',
    subtitle: 'Panduan darurat Timbang untuk juri dan sekretariat',
    intro:
      'Nilai Anda ada di tiga tempat: berkas kerja di laptop (dengan cadangan otomatis), setiap lembar nilai bertanda tangan yang sudah Anda kirim, dan berkas kerja sekretariat. Selama salah satunya ada, tidak ada nilai yang hilang. Kirim lembar nilai setiap kali satu bagian selesai dan simpan salinannya di luar laptop.',
    parts: [
      {
        id: 'laptop-hilang',
        title: 'Laptop hilang atau rusak',
        when: 'Laptop tidak dapat dipakai lagi, dan berkas kerjanya tidak dapat dipindahkan.',
        roles: [
          {
            who: 'Juri',
            steps: [
              'Beri tahu sekretariat segera, dan sebutkan revisi lembar nilai terakhir yang Anda kirim (ada di nama berkasnya, mis. `lembar-nilai-J3-revisi-4.xlsx`).',
              'Di laptop baru pasang Timbang dari sekretariat (periksa SHA-256-nya), buka, dan pilih Juri.',
              'Impor paket acara (`.timbang`), pilih siapa Anda, lalu buat kunci baru dengan frasa sandi cadangan baru. Tulis frasa sandi itu dan simpan terpisah dari laptop.',
              'Ekspor berkas pendaftaran (`.timbang-enrol`), kirim ke sekretariat, dan bacakan sidik jari kunci baru kepada sekretariat.',
              'Impor paket revisi berikutnya dari sekretariat: paket itu memuat kunci baru Anda dan pernyataan pergantian kunci yang ditandatangani sekretariat.',
              'Pada `Lanjutkan dari lembar sendiri`, pilih lembar nilai terakhir Anda (salinan dari flashdisk atau surel, atau dari sekretariat). Nilai kembali dengan asal "dipulihkan dari lembar J3 revisi 4"; bagian yang sudah final tetap final.',
              'Periksa angkanya, lanjutkan menilai, lalu kirim lembar nilai baru: revisinya lebih tinggi dan menggantikan lembar lama.',
            ],
          },
          {
            who: 'Sekretariat',
            steps: [
              'Impor berkas pendaftaran dari laptop baru juri. Karena juri sudah terdaftar dengan kunci lain, pilih `Daftarkan ulang (laptop hilang atau rusak)` dan tulis alasannya.',
              'Dengarkan juri membacakan sidik jari kunci barunya, ketik, dan konfirmasi.',
              'Ekspor paket revisi berikutnya dan kirim ke juri itu: paket membawa pernyataan yang mengikat kunci baru pada kunci lama, ditandatangani kunci sekretariat.',
              'Bila juri tidak punya salinan lembar terakhirnya, kirimkan salinan yang sudah Anda terima.',
              'Lembar dari kunci lama tetap sah sebagai lembar juri itu dan digantikan oleh lembar kunci baru, tidak bertentangan. Tab `Lembar nilai`, tab `Juri & kunci` dan lampiran verifikasi laporan menyebut pergantian kunci.',
            ],
          },
          {
            who: 'Sekretariat, bila laptop sekretariat yang hilang',
            steps: [
              'Di laptop baru pasang Timbang dan buat berkas kerja sekretariat yang baru.',
              'Ambil paket acara terakhir yang Anda terbitkan (setiap juri memilikinya) dan kode pemulihan dari Ketua.',
              'Jalankan `TIMBANG_PASSPHRASE=… npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-file kode-pemulihan.txt --reason "laptop sekretariat hilang"`. Acara, kunci juri dan pergantian kunci juri diambil alih; kunci pemulihan baru dibuat: cetak kodenya dan serahkan kepada Ketua.',
              'Terbitkan paket berikutnya dan kirim ke semua juri: laptop juri menerimanya sekali dan menyematkan kunci sekretariat yang baru. Bacakan sidik jari baru kepada para juri.',
              'Paket yang ditandatangani kunci lain tanpa pernyataan dari kunci lama atau kunci pemulihan ditolak laptop juri; tidak ada yang berubah.',
              'Minta juri mengirim ulang lembar nilainya, atau impor salinan yang Anda punya.',
            ],
          },
        ],
      },
      {
        id: 'lupa-frasa-sandi',
        title: 'Lupa frasa sandi',
        when: 'Kunci tanda tangan tidak mau terbuka.',
        roles: [
          {
            who: 'Juri',
            steps: [
              'Di aplikasi, kunci disegel keychain sistem dan terbuka tanpa frasa sandi. Bila keychain tidak bisa, pilih `Buka dengan frasa sandi cadangan`.',
              'Bila frasa sandi cadangan (atau frasa sandi kunci) pun terlupa, kunci itu tidak dapat dibuka lagi: tidak ada pintu belakang. Nilai di berkas kerja dan di lembar yang sudah dikirim tetap ada.',
              'Ikuti langkah "Laptop hilang atau rusak" di berkas kerja baru: kunci baru, pendaftaran ulang, lalu `Lanjutkan dari lembar sendiri`. Nilai yang belum pernah dikirim dalam lembar bertanda tangan diberikan lagi.',
            ],
          },
          {
            who: 'Sekretariat',
            steps: [
              'Kunci sekretariat yang tidak dapat dibuka lagi sama dengan kunci yang hilang: lakukan pergantian kunci dengan kode pemulihan dari Ketua (lihat di atas).',
              'Bagi juri yang lupa frasa sandinya: daftarkan ulang laptopnya seperti laptop yang hilang.',
            ],
          },
        ],
      },
      {
        id: 'pindah-laptop',
        title: 'Pindah laptop',
        when: 'Laptop lama masih berjalan (mis. sekretariat pindah dari PC kantor ke laptop di hotel tempat rapat pleno).',
        roles: [
          {
            who: 'Juri dan sekretariat',
            steps: [
              'Di laptop lama, pada layar awal pilih `Pindahkan berkas kerja`, buka kunci, tentukan frasa sandi pindahan (minimal 8 karakter), dan simpan berkas `.timbang-pindah` ke flashdisk. Dari baris perintah: `TIMBANG_PASSPHRASE=… npx timbang workspace export --db lama.sqlite --out kerja.timbang-pindah`.',
              'Di laptop baru, pasang Timbang, pada layar awal pilih `Terima berkas kerja pindahan`, pilih berkasnya, dan ketik frasa sandi pindahan. Dari baris perintah: `TIMBANG_PASSPHRASE=… npx timbang workspace import kerja.timbang-pindah --db baru.sqlite`.',
              'Kunci disegel keychain laptop baru; frasa sandi pindahan kini menjadi frasa sandi cadangannya (tanpa keychain: frasa sandi kuncinya).',
              'Periksa sidik jari kunci di laptop baru: harus sama dengan di laptop lama. Tidak perlu mendaftar ulang.',
              'Hapus berkas `.timbang-pindah` dari flashdisk setelah berhasil, dan jangan memakai laptop lama lagi untuk acara ini.',
            ],
          },
        ],
      },
    ],
    keep: 'Simpan halaman ini bersama frasa sandi cadangan (juri) dan kode pemulihan (Ketua), terpisah dari laptop.',
    header: 'Timbang · Panduan darurat',
  },
  en: {
    title: 'Laptop lost or broken · Forgotten passphrase · Moving to another laptop',
    subtitle: "Timbang's emergency guide for jurors and the secretariat",
    intro:
      "Your marks are in three places: the workspace on the laptop (with automatic backups), every signed score sheet you have sent, and the secretariat's workspace. As long as one of them exists, no mark is lost. Send a score sheet whenever a section is done and keep a copy away from the laptop.",
    parts: [
      {
        id: 'laptop-hilang',
        title: 'Laptop lost or broken',
        when: 'The laptop cannot be used any more, and its workspace cannot be moved.',
        roles: [
          {
            who: 'Juror',
            steps: [
              'Tell the secretariat at once, and name the revision of the last score sheet you sent (it is in its file name, e.g. `lembar-nilai-J3-revisi-4.xlsx`).',
              'On the new laptop install Timbang from the secretariat (check its SHA-256), open it and choose Juri.',
              'Import the event package (`.timbang`), choose who you are, then make a new key with a new backup passphrase. Write the passphrase down and keep it apart from the laptop.',
              "Export the enrolment file (`.timbang-enrol`), send it to the secretariat, and read the new key's fingerprint aloud to the secretariat.",
              "Import the secretariat's next package revision: it carries your new key and the key change statement the secretariat signed.",
              'Under `Lanjutkan dari lembar sendiri` (resume from your own sheet), choose your last score sheet (a copy from a USB stick or e-mail, or from the secretariat). The marks come back with the origin "restored from sheet J3 revision 4"; finalized sections stay final.',
              'Check the figures, go on scoring, then send a new score sheet: its revision is higher and supersedes the old sheet.',
            ],
          },
          {
            who: 'Secretariat',
            steps: [
              "Import the enrolment file from the juror's new laptop. As the juror is already enrolled with another key, choose `Daftarkan ulang (laptop hilang atau rusak)` (re-enrol) and give the reason.",
              "Hear the juror read the new key's fingerprint aloud, type it and confirm.",
              "Export the next package revision and send it to that juror: it carries a statement binding the new key to the old one, signed with the secretariat's key.",
              'If the juror has no copy of their last sheet, send them the copy you received.',
              "The old key's sheets remain valid as that juror's and are superseded by the new key's, not in conflict. The `Score sheets` and `Jurors & keys` tabs and the report's verification appendix say the key changed.",
            ],
          },
          {
            who: "Secretariat, when the secretariat's laptop is the one lost",
            steps: [
              'On a new laptop install Timbang and make a new secretariat workspace.',
              'Take the last event package you issued (every juror has it) and the recovery code from the Ketua.',
              'Run `TIMBANG_PASSPHRASE=… npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-file kode-pemulihan.txt --reason "secretariat laptop lost"`. The event, the jurors\' keys and their key changes are taken over; a new recovery key is made: print its code and hand it to the Ketua.',
              "Issue the next package and send it to every juror: jurors' laptops accept it once and pin the new secretariat key. Read the new fingerprint aloud to the jurors.",
              "A package signed by another key without a statement from the old key or the recovery key is refused by jurors' laptops; nothing changes.",
              'Ask the jurors to send their score sheets again, or import the copies you have.',
            ],
          },
        ],
      },
      {
        id: 'lupa-frasa-sandi',
        title: 'Forgotten passphrase',
        when: 'The signing key does not open.',
        roles: [
          {
            who: 'Juror',
            steps: [
              "In the app the key is sealed by the system's keychain and opens without a passphrase. If the keychain cannot, choose `Buka dengan frasa sandi cadangan` (open with the backup passphrase).",
              "If the backup passphrase (or the key's passphrase) is forgotten too, that key can never be opened again: there is no back door. The marks in the workspace and in the sheets already sent are still there.",
              'Follow "Laptop lost or broken" in a new workspace: a new key, re-enrolment, then `Lanjutkan dari lembar sendiri`. Marks never sent in a signed sheet are given again.',
            ],
          },
          {
            who: 'Secretariat',
            steps: [
              "A secretariat key that cannot be opened any more is a lost key: roll over to a new key with the Ketua's recovery code (see above).",
              'For a juror who forgot their passphrase: re-enrol their laptop as a lost one.',
            ],
          },
        ],
      },
      {
        id: 'pindah-laptop',
        title: 'Moving to another laptop',
        when: 'The old laptop still works (e.g. the secretariat moves from the office PC to a laptop at the hotel of the plenary).',
        roles: [
          {
            who: 'Juror and secretariat',
            steps: [
              'On the old laptop, on the start screen choose `Pindahkan berkas kerja` (move the workspace), open the key, choose a move passphrase (at least 8 characters), and save the `.timbang-pindah` file to a USB stick. From the command line: `TIMBANG_PASSPHRASE=… npx timbang workspace export --db lama.sqlite --out kerja.timbang-pindah`.',
              'On the new laptop, install Timbang, on the start screen choose `Terima berkas kerja pindahan` (receive a moved workspace), pick the file and type the move passphrase. From the command line: `TIMBANG_PASSPHRASE=… npx timbang workspace import kerja.timbang-pindah --db baru.sqlite`.',
              "The key is sealed by the new laptop's keychain; the move passphrase is now its backup passphrase (without a keychain: the key's passphrase).",
              "Check the key's fingerprint on the new laptop: it must be the same as on the old one. No re-enrolment is needed.",
              'Delete the `.timbang-pindah` file from the USB stick once done, and do not use the old laptop for this event again.',
            ],
          },
        ],
      },
    ],
    keep: 'Keep this page with the backup passphrase (jurors) and the recovery code (the Ketua), apart from the laptop.',
    header: 'Timbang · Emergency guide',
  },
};

/** `code` spans to <code>, everything else escaped. */
const inline = (text: string) =>
  text
    .split('`')
    .map((piece, i) => (i % 2 ? `<code>${esc(piece)}</code>` : esc(piece)))
    .join('');

const RUNBOOK_STYLE = `
.runbook h1 { font-size: 16pt; margin-bottom: 1mm; }
.runbook .subtitle { font-size: 10pt; color: #333; margin: 0 0 3mm; }
.runbook .intro { border-left: 1.2pt solid #2f5d8a; padding: 1mm 0 1mm 3mm; margin: 0 0 3mm; font-size: 9pt; }
.runbook section.part { break-inside: auto; margin-top: 4mm; }
.runbook section.part h2 { border-bottom: 0.8pt solid #111; padding-bottom: 0.8mm; }
.runbook .when { font-style: italic; color: #333; }
.runbook .role { break-inside: avoid; margin: 2mm 0 0; }
.runbook .role h3 { margin-bottom: 0.8mm; }
.runbook ol { margin: 0 0 0 5mm; padding: 0; }
.runbook li { margin: 0.6mm 0; font-size: 9pt; }
.runbook code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 8pt; background: #f1f3f6; padding: 0 0.6mm; overflow-wrap: anywhere; }
.runbook .keep { margin-top: 5mm; border: 0.8pt dashed #555; padding: 2mm 3mm; font-weight: bold; }
.runbook .done { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.6pt solid #333; margin-right: 1.5mm; vertical-align: -0.5mm; }
`;

/** The printed runbook: one self-contained HTML document, printed like the report (same print CSS and page frame). */
export function runbookHtml(lang: Lang): string {
  const r = RUNBOOK[lang];
  const parts = r.parts
    .map(
      (part) => `<section class="part" data-part="${part.id}">
  <h2>${esc(part.title)}</h2>
  <p class="when">${esc(part.when)}</p>
  ${part.roles
    .map(
      (role) => `<div class="role">
    <h3>${esc(role.who)}</h3>
    <ol>${role.steps.map((step) => `<li><span class="done"></span>${inline(step)}</li>`).join('')}</ol>
  </div>`,
    )
    .join('\n  ')}
</section>`,
    )
    .join('\n');
  return printablePage({
    lang,
    title: `${r.title} — Timbang`,
    header: r.header,
    footer: r.title,
    style: RUNBOOK_STYLE,
    body: `<article class="runbook">
<h1>${esc(r.title)}</h1>
<p class="subtitle">${esc(r.subtitle)}</p>
<p class="intro">${esc(r.intro)}</p>
${parts}
<p class="keep">${esc(r.keep)}</p>
</article>`,
  });
}

/** The same runbook as Markdown, for the README (a test checks that the README holds exactly this). */
export function runbookMarkdown(lang: Lang): string {
  const r = RUNBOOK[lang];
  const lines = [`### ${r.title}`, '', `*${r.subtitle}.* ${r.intro}`, ''];
  for (const part of r.parts) {
    lines.push(`#### ${part.title}`, '', `*${part.when}*`, '');
    for (const role of part.roles) {
      lines.push(`**${role.who}**`, '');
      role.steps.forEach((step, i) => lines.push(`${i + 1}. ${step}`));
      lines.push('');
    }
  }
  lines.push(`*${r.keep}*`, '');
  return lines.join('\n');
}
