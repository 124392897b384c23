/**
 * The secretariat's recovery code on paper, for the Ketua: printed once, like the report (same print CSS and
 * page frame), large enough to copy by hand, with what it is for and what to do with it.
 */
import { esc } from '../report/html.ts';
import type { Lang } from '../report/date-words.ts';
import { REPORT_STYLE } from '../report/report-style.ts';
import type { RecoveryKeyInfo } from './secretariat-keys.ts';

const TEXT = {
  id: {
    title: 'Kode Pemulihan Kunci Sekretariat',
    for: 'Untuk Ketua Dewan Juri. Rahasia: simpan dalam amplop tertutup, terpisah dari laptop sekretariat.',
    events: 'Acara',
    fingerprint: 'Sidik jari kunci pemulihan',
    made: 'Dibuat',
    code: 'Kode',
    what: 'Bila kunci sekretariat hilang (laptop hilang atau rusak, frasa sandi terlupa), kode ini menandatangani pergantian ke kunci sekretariat yang baru, dan laptop juri menerimanya sekali. Tanpa kode ini (atau kunci lama), paket dari kunci baru ditolak laptop juri.',
    use: 'Cara memakai: npx timbang secretariat rollover --db sekretariat-baru.sqlite --from-package acara-revisi-N.timbang --recovery-code "KODE" --reason "…" (lihat Panduan darurat).',
    warn: 'Siapa pun yang memegang kode ini dapat menerbitkan paket yang diterima laptop juri. Jangan difoto, jangan dikirim lewat pesan.',
    header: 'Timbang · Kode pemulihan (rahasia)',
    page: (n: string, of: string) => `Halaman ${n} dari ${of}`,
  },
  en: {
    title: 'Secretariat Key Recovery Code',
    for: 'For the Ketua of the jury. Secret: keep it in a sealed envelope, apart from the secretariat laptop.',
    events: 'Event',
    fingerprint: 'Recovery key fingerprint',
    made: 'Made',
    code: 'Code',
    what: "If the secretariat key is lost (laptop lost or broken, passphrase forgotten), this code signs the rollover to a new secretariat key, which jurors' laptops accept once. Without this code (or the old key), packages from a new key are refused by jurors' laptops.",
    use: 'To use it: npx timbang secretariat rollover --db new-secretariat.sqlite --from-package event-revision-N.timbang --recovery-code "CODE" --reason "…" (see the emergency guide).',
    warn: "Whoever holds this code can issue packages that jurors' laptops accept. Do not photograph it or send it in a message.",
    header: 'Timbang · Recovery code (secret)',
    page: (n: string, of: string) => `Page ${n} of ${of}`,
  },
};

export function recoveryCodeHtml(info: RecoveryKeyInfo & { code: string }, events: string[], lang: Lang): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="timbang-header" content="${esc(t.header)}">
<meta name="timbang-footer" content="${esc(`${t.fingerprint}: ${info.fingerprint}`)}">
<meta name="timbang-page" content="${esc(t.page('{n}', '{of}'))}">
<title>${esc(t.title)}</title>
<style>${REPORT_STYLE}
.recovery h1 { font-size: 18pt; }
.recovery .code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 17pt; font-weight: bold; letter-spacing: 0.06em; border: 1.5pt solid #111; padding: 5mm; margin: 6mm 0; text-align: center; line-height: 1.7; }
.recovery .code .group { display: inline-block; margin: 0 2.5mm; white-space: nowrap; }
.recovery .warn { border: 1.2pt solid #b3261e; color: #b3261e; padding: 2mm 3mm; font-weight: bold; }
.recovery table th { text-align: left; width: 52mm; font-weight: normal; color: #333; padding: 0.8mm 0; }
</style>
</head>
<body>
<section class="recovery">
<h1>${esc(t.title)}</h1>
<p><strong>${esc(t.for)}</strong></p>
<table>
${events.length ? `<tr><th scope="row">${esc(t.events)}</th><td>${events.map(esc).join('<br>')}</td></tr>` : ''}
<tr><th scope="row">${esc(t.fingerprint)}</th><td class="mono">${esc(info.fingerprint)}</td></tr>
<tr><th scope="row">${esc(t.made)}</th><td>${esc(info.createdAt)}</td></tr>
</table>
<p class="code" data-testid="recovery-code">${info.code
    .split('-')
    .map((group) => `<span class="group">${esc(group)}</span>`)
    .join(' ')}</p>
<p>${esc(t.what)}</p>
<p class="sub">${esc(t.use)}</p>
<p class="warn">${esc(t.warn)}</p>
</section>
</body>
</html>
`;
}
