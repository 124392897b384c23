/**
 * The printed Lembar Penilaian Juri (A4 portrait) as one self-contained HTML document, printed by Chromium
 * exactly as the report is: Playwright's page.pdf in the CLI and the browser bridge, printToPDF in the app
 * (the ReportPrinting service), with the page header and footer from the same meta tags (page-frame.ts).
 * The footer of every page repeats the form number and its checksum, so a loose second page is still
 * matched to its form.
 *
 * Contents: the form number and checksum (large, for the operators keying it), the event, round, category
 * and juror; one row per nominee with an empty box per criterion (a conflicted nominee's row is crossed out
 * with the reason); the rubric anchors of every criterion; the juror's statement, place and date, name and
 * signature; and a box for the two operators who key it.
 */
import { esc, num } from '../printing/html.ts';
import type { Lang } from '../printing/date-words.ts';
import type { PaperFormLayout } from './paper-form.ts';
import { paperFormMessages } from '../../core/messages/paper.ts';
import { printablePage } from '../printing/printable-page.ts';
import { inLanguage } from '../printing/words.ts';

/** What the form adds to the report's print CSS (fonts, tables and page size are the report's). */
const FORM_STYLE = `
.form-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; margin-bottom: 3mm; }
.form-head h1 { font-size: 16pt; margin: 0 0 1mm; letter-spacing: 0.03em; }
.form-id { border: 1.2pt solid #111; padding: 2mm 3mm; min-width: 62mm; }
.form-id .label { font-size: 7.5pt; color: #333; }
.form-id .value { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 13pt; font-weight: bold; letter-spacing: 0.04em; }
.form-id .checksum-note { font-size: 6.5pt; color: #444; margin-top: 1mm; max-width: 70mm; }
.who th { text-align: left; width: 34mm; padding: 0.8mm 2mm 0.8mm 0; vertical-align: top; color: #333; font-weight: normal; }
.who td { padding: 0.8mm 0; font-weight: bold; }
.who .write-in { display: inline-block; min-width: 80mm; border-bottom: 0.6pt solid #333; height: 1.2em; }
.marks th, .marks td { border: 0.6pt solid #444; padding: 1mm 1.2mm; vertical-align: middle; }
.marks thead th { background: #e8ecf2; text-align: center; font-size: 7.5pt; }
.marks thead th.nominee-head { text-align: left; }
.marks td.box { height: 10mm; width: 17mm; }
.marks td.crossed { background: repeating-linear-gradient(135deg, #f1f1f1 0 2mm, #fff 2mm 4mm); font-style: italic; color: #333; text-align: center; }
.marks .code { font-size: 9pt; font-weight: bold; }
.rubric { margin-top: 4mm; }
.rubric table { margin-bottom: 2mm; break-inside: avoid; }
.rubric th, .rubric td { border: 0.4pt solid #9a9a9a; padding: 0.6mm 1.2mm; font-size: 7.5pt; vertical-align: top; text-align: left; }
.rubric td.level { width: 9mm; text-align: center; font-weight: bold; }
.rubric caption { text-align: left; font-weight: bold; font-size: 8pt; padding: 0.5mm 0; }
.statement { margin-top: 5mm; break-inside: avoid; }
.sign-table { width: 100%; margin-top: 3mm; }
.sign-table td { width: 50%; vertical-align: bottom; padding: 0 4mm 0 0; height: 22mm; }
.sign-line { border-bottom: 0.6pt solid #333; height: 14mm; }
.secretariat-box { border: 0.8pt dashed #555; padding: 2mm 3mm; margin-top: 4mm; break-inside: avoid; }
.secretariat-box .keyed { width: auto; margin-top: 3mm; }
.secretariat-box .keyed td { padding: 0 2mm 0 0; white-space: nowrap; vertical-align: bottom; }
.secretariat-box .line { display: inline-block; width: 45mm; border-bottom: 0.6pt dotted #333; height: 1em; }
.who .write-in.short, .sign-table .write-in { min-width: 60mm; display: inline-block; border-bottom: 0.6pt solid #333; height: 1.2em; }
`;

export interface PaperFormHtmlOptions {
  lang: Lang;
}

export function paperFormHtml(form: PaperFormLayout, { lang }: PaperFormHtmlOptions): string {
  const t = inLanguage(paperFormMessages, lang);
  const section = `${form.round.name[lang]} · ${form.category.name[lang]}`;
  const header = `${form.eventName} · ${t.header()} · ${form.formNumber}${form.demo ? ` · ${t.demo()}` : ''}`;
  const footer = t.footer({ form: form.formNumber, checksum: form.checksum, revision: form.packageRevision });
  const columns = form.criteria
    .map(
      (c) =>
        `<th scope="col"><span class="code">${esc(c.code)}</span><div class="sub">${esc(t.weight())} ${num(c.weight, lang, Number.isInteger(c.weight) ? 0 : 1)}%</div><div class="sub">${esc(t.scale({ min: c.scale.min, max: c.scale.max }))}</div></th>`,
    )
    .join('');
  const rows = form.nominees
    .map((n, i) => {
      const cells =
        n.conflict === null
          ? form.criteria.map((c) => `<td class="box" data-criterion="${esc(c.code)}"></td>`).join('')
          : `<td class="crossed" colspan="${form.criteria.length}">${esc(t.conflict({ reason: n.conflict }))}</td>`;
      return `<tr data-nominee="${esc(n.id)}"><td class="num">${i + 1}</td><td><strong>${esc(n.name)}</strong><div class="sub">${esc(n.region)}</div></td>${cells}</tr>`;
    })
    .join('');
  const rubric = form.criteria
    .map(
      (c) => `<table>
      <caption>${esc(c.code)} · ${esc(c.label[lang])} <span class="sub">(${esc(t.weight())} ${num(c.weight, lang, Number.isInteger(c.weight) ? 0 : 1)}%, ${esc(t.scale({ min: c.scale.min, max: c.scale.max }))})</span></caption>
      <tbody>${[...c.rubric]
        .sort((a, b) => a.score - b.score)
        .map((level) => `<tr><td class="level">${level.score}</td><td>${esc(level.text[lang])}</td></tr>`)
        .join('')}</tbody>
    </table>`,
    )
    .join('');
  const statement =
    lang === 'en'
      ? `<p>${esc(paperFormMessages.statement().id)}</p><p class="translation sub">${esc(t.statement())}</p>`
      : `<p>${esc(t.statement())}</p>`;
  return printablePage({
    lang,
    title: `${t.header()} ${form.formNumber} — ${form.eventName}`,
    header,
    footer,
    style: FORM_STYLE,
    body: `<section class="paper-form" data-form="${esc(form.formNumber)}">
  ${form.demo ? `<p class="demo-notice">${esc(t.demo())}</p>` : ''}
  <div class="form-head">
    <div>
      <h1>${esc(t.title())}</h1>
      <p class="sub">${esc(t.subtitle())}</p>
    </div>
    <div class="form-id">
      <div class="label">${esc(t.formNumber())}</div>
      <div class="value" data-testid="form-number">${esc(form.formNumber)}</div>
      <div class="label">${esc(t.checksum())}</div>
      <div class="value" data-testid="form-checksum">${esc(form.checksum)}</div>
      <div class="checksum-note">${esc(t.revision({ n: form.packageRevision }))}. ${esc(t.checksumNote())}</div>
    </div>
  </div>
  <table class="who">
    <tr><th scope="row">${esc(t.event())}</th><td>${esc(form.eventName)}</td></tr>
    <tr><th scope="row">${esc(t.round())} · ${esc(t.category())}</th><td>${esc(section)}</td></tr>
    <tr><th scope="row">${esc(t.juror())}</th><td>${esc(form.juror.id)} — ${esc(t.roleName({ role: form.juror.role }))}</td></tr>
    <tr><th scope="row">${esc(t.position())}</th><td>${esc(form.juror.title)}, ${esc(form.juror.institution)}</td></tr>
    <tr><th scope="row">${esc(t.name())}</th><td>${form.juror.name ? esc(form.juror.name) : '<span class="write-in"></span>'}</td></tr>
  </table>
  <table class="marks">
    <thead><tr><th scope="col" class="num">${esc(t.no())}</th><th scope="col" class="nominee-head">${esc(t.nominee())}</th>${columns}</tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <div class="statement">
    ${statement}
    <table class="sign-table"><tr>
      <td><p>${esc(t.placeDate({ place: form.place }))}</p><p>${esc(t.name())}: ${form.juror.name ? `<strong>${esc(form.juror.name)}</strong>` : '<span class="write-in short"></span>'}</p></td>
      <td><div class="sign-line"></div><div class="sub">${esc(t.signature())}</div></td>
    </tr></table>
  </div>
  <section class="rubric">
    <h2>${esc(t.rubric())}</h2>
    ${rubric}
  </section>
  <div class="secretariat-box">
    <strong>${esc(t.forSecretariat())}</strong> · ${esc(t.formNumber())} ${esc(form.formNumber)} · ${esc(t.checksum())} ${esc(form.checksum)}
    <table class="keyed"><tr><td>${esc(t.keyedBy({ n: 1 }))}:</td><td><span class="line"></span></td><td>${esc(t.keyedBy({ n: 2 }))}:</td><td><span class="line"></span></td></tr></table>
  </div>
</section>`,
  });
}
