/**
 * The secretariat's recovery code on paper, for the Ketua: printed once, like the report (same print CSS and
 * page frame), large enough to copy by hand, with what it is for and what to do with it.
 */
import { esc } from '../printing/html.ts';
import type { Lang } from '../printing/date-words.ts';
import { continuityMessages } from '../../core/messages/continuity.ts';
import { printablePage } from '../printing/printable-page.ts';
import { inLanguage } from '../printing/words.ts';
import type { RecoveryKeyInfo } from './secretariat-keys.ts';

/** What the recovery page adds to the report's print CSS: the code large enough to copy by hand. */
const RECOVERY_STYLE = `
.recovery h1 { font-size: 18pt; }
.recovery .code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 17pt; font-weight: bold; letter-spacing: 0.06em; border: 1.5pt solid #111; padding: 5mm; margin: 6mm 0; text-align: center; line-height: 1.7; }
.recovery .code .group { display: inline-block; margin: 0 2.5mm; white-space: nowrap; }
.recovery .warn { border: 1.2pt solid #b3261e; color: #b3261e; padding: 2mm 3mm; font-weight: bold; }
.recovery table th { text-align: left; width: 52mm; font-weight: normal; color: #333; padding: 0.8mm 0; }
`;

export function recoveryCodeHtml(info: RecoveryKeyInfo & { code: string }, events: string[], lang: Lang): string {
  const t = inLanguage(continuityMessages, lang);
  return printablePage({
    lang,
    title: t.recoveryTitle(),
    header: t.recoveryHeader(),
    footer: `${t.recoveryFingerprint()}: ${info.fingerprint}`,
    style: RECOVERY_STYLE,
    body: `<section class="recovery">
<h1>${esc(t.recoveryTitle())}</h1>
<p><strong>${esc(t.recoveryFor())}</strong></p>
<table>
${events.length ? `<tr><th scope="row">${esc(t.recoveryEvents())}</th><td>${events.map(esc).join('<br>')}</td></tr>` : ''}
<tr><th scope="row">${esc(t.recoveryFingerprint())}</th><td class="mono">${esc(info.fingerprint)}</td></tr>
<tr><th scope="row">${esc(t.recoveryMade())}</th><td>${esc(info.createdAt)}</td></tr>
</table>
<p class="code" data-testid="recovery-code">${info.code
      .split('-')
      .map((group) => `<span class="group">${esc(group)}</span>`)
      .join(' ')}</p>
<p>${esc(t.recoveryWhat())}</p>
<p class="sub">${esc(t.recoveryUse())}</p>
<p class="warn">${esc(t.recoveryWarn())}</p>
</section>`,
  });
}
