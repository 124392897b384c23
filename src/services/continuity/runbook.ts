/**
 * The runbook (issue 21, item 6): "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop", for the juror
 * and for the secretariat, step by step. One text, two renderings: the printed page (runbookHtml, printed by
 * Chromium through the report's printing service and page frame) and the README's section (runbookMarkdown;
 * a test checks the README holds exactly it, so the two cannot drift).
 *
 * Text between backticks is something to type or a name on screen; it prints in a monospace face.
 */
import { esc } from '../printing/html.ts';
import type { Lang } from '../printing/date-words.ts';
import { runbookMessages } from '../../core/messages/continuity.ts';
import type { Bilingual } from '../../core/model.ts';
import { printablePage } from '../printing/printable-page.ts';

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

/** An entry of the runbook's catalog. */
type Say = () => Bilingual;

interface Runbook {
  title: string;
  subtitle: string;
  intro: string;
  parts: Part[];
  keep: string;
  header: string;
}

/** The runbook's parts, roles and steps, as catalog entries (core/messages/continuity.ts runbookMessages). */
const m = runbookMessages;
const PARTS = [
  {
    id: 'laptop-hilang',
    title: m.lostTitle,
    when: m.lostWhen,
    roles: [
      { who: m.jurorWho, steps: [m.lostJuror1, m.lostJuror2, m.lostJuror3, m.lostJuror4, m.lostJuror5, m.lostJuror6, m.lostJuror7] },
      {
        who: m.secretariatWho,
        steps: [m.lostSecretariat1, m.lostSecretariat2, m.lostSecretariat3, m.lostSecretariat4, m.lostSecretariat5],
      },
      {
        who: m.lostSecretariatLaptopWho,
        steps: [
          m.lostSecretariatLaptop1,
          m.lostSecretariatLaptop2,
          m.lostSecretariatLaptop3,
          m.lostSecretariatLaptop4,
          m.lostSecretariatLaptop5,
          m.lostSecretariatLaptop6,
        ],
      },
    ],
  },
  {
    id: 'lupa-frasa-sandi',
    title: m.forgotTitle,
    when: m.forgotWhen,
    roles: [
      { who: m.jurorWho, steps: [m.forgotJuror1, m.forgotJuror2, m.forgotJuror3] },
      { who: m.secretariatWho, steps: [m.forgotSecretariat1, m.forgotSecretariat2] },
    ],
  },
  {
    id: 'pindah-laptop',
    title: m.moveTitle,
    when: m.moveWhen,
    roles: [{ who: m.moveBothWho, steps: [m.moveBoth1, m.moveBoth2, m.moveBoth3, m.moveBoth4, m.moveBoth5] }],
  },
] satisfies { id: Part['id']; title: Say; when: Say; roles: { who: Say; steps: Say[] }[] }[];

function runbookIn(lang: Lang): Runbook {
  const say = (entry: Say) => entry()[lang];
  return {
    title: say(m.title),
    subtitle: say(m.subtitle),
    intro: say(m.intro),
    parts: PARTS.map((part) => ({
      id: part.id,
      title: say(part.title),
      when: say(part.when),
      roles: part.roles.map((role) => ({ who: say(role.who), steps: role.steps.map(say) })),
    })),
    keep: say(m.keep),
    header: say(m.header),
  };
}

export const RUNBOOK: Record<Lang, Runbook> = { id: runbookIn('id'), en: runbookIn('en') };

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
