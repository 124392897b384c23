/**
 * The deliberation report as one self-contained HTML document for print (A4 portrait): the Rekapitulasi
 * Nilai (cover, one part per category, Terbaik Umum, plenary decisions, verification appendix) followed
 * by the Berita Acara Penetapan Pemenang. Inline style and SVG only: no script, no external resource,
 * and a CSP that says so. Chromium prints it (Playwright's page.pdf in the CLI, printToPDF in the app);
 * the page header and footer come from the meta tags read by page-frame.ts.
 */
import type { Deliberation } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { beritaAcara } from './berita-acara.ts';
import { formatLocalDate, formatLocalDateTime } from '../../core/local-time.ts';
import { formatDate, formatRange } from '../printing/date-words.ts';
import { esc, num } from '../printing/html.ts';
import { nomineeName, reportContext, type Ranked, type ReportContext, type ReportInput } from './report-context.ts';
import { printablePage } from '../printing/printable-page.ts';
import { categoryAwardsNote, categoryPanelNote, eventSpecialAwards, heldPlace, reportPanel } from './report-awards.ts';
import { DRAFT_MARK } from './minutes-status.ts';
import { axisSvg, stripSvg } from './spread-chart.ts';
import { PAGE_PART } from './page-frame.ts';

export type { ReportInput } from './report-context.ts';

type CategoryResult = Deliberation['categories'][number];

export function reportHtml(input: ReportInput): string {
  const ctx = reportContext(input);
  const { t, event, result } = ctx;
  // Issue 16: until a penetapan fixes these results, every page says it is a draft (header and watermark).
  const draft = ctx.minutes?.final !== true;
  const header = `${event.name} · ${t.header()}${ctx.demo ? ` · ${t.demoHeader()}` : ''}${draft ? ` · ${t.draftMark()}` : ''}`;
  const panel = reportPanel(ctx); // issue 16: who assessed each round × category, quorum, equal treatment
  const body = [
    cover(ctx),
    ...result.categories.map((category) => categorySection(ctx, category, panel)),
    `${overallSection(ctx)}\n${appendix(ctx)}`,
    beritaAcara(ctx),
  ].join(`\n${PAGE_PART}\n`); // each part begins on a page of its own, so a print may take them apart
  return printablePage({
    lang: ctx.lang,
    title: `${t.title()} — ${event.name}`,
    header,
    footer: `${t.hashFooter()}: ${result.resultsHash}`,
    ...(ctx.secretariat ? { footerKey: `${t.keyFooter()}: ${keyText(ctx)}` } : {}),
    dataImages: true,
    body: `${draft ? `<div class="draft-watermark" aria-hidden="true">${esc(DRAFT_MARK.id)}</div>` : ''}\n${body}`,
  });
}

/** Tables short enough to move whole to the next page rather than leave a row or two behind. */
const KEEP_ROWS = 15;
const block = (rows: number, html: string) => (rows <= KEEP_ROWS ? `<div class="keep">${html}</div>` : html);

const row = (label: string, value: string) => `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`;

function cover(ctx: ReportContext): string {
  const { t, event, result, lang } = ctx;
  const schedule = event.schedule;
  const finalFormula = ctx.rounds.map((r) => `${num(r.weight, lang, 0)}% ${esc(r.name[lang])}`).join(' + ');
  const roundName = (id: string) => esc(event.rounds.find((r) => r.id === id)?.name[lang] ?? id);
  const tieBreak = event.merge.tieBreak.map((step) =>
    step.kind === 'plenary'
      ? esc(t.tieStepPlenary())
      : step.kind === 'round'
        ? t.tieStepRound({ round: roundName(step.roundId) })
        : t.tieStepTopCriterion({ round: roundName(step.roundId) }),
  );
  const gaps = Object.entries(result.completeness).flatMap(([jurorId, sections]) =>
    // Issue 16: a juror excused from a section (berhalangan) owes nothing there; the absences are listed per category.
    Object.entries(sections)
      .filter(([, state]) => state !== 'received' && state !== 'excused')
      .map(([section, state]) => {
        const [roundId, categoryId] = section.split('/');
        const why =
          state === 'conflict' ? ` (${esc(t.conflictSections())})` : state === 'unfinished' ? ` (${esc(t.unfinishedSections())})` : '';
        return `${esc(jurorId)} · ${roundName(roundId)} · ${esc(ctx.categoryName(categoryId))}${why}`;
      }),
  );
  const badFiles = ctx.files.filter((f) => f.status !== 'valid' || f.use !== 'used').length;
  const warnings = [
    ...(badFiles > 0 ? [esc(t.badFiles({ n: badFiles }))] : []),
    ...(gaps.length > 0 ? [`${esc(t.missing())}: ${gaps.join('; ')}`] : []),
  ];
  const jurors = event.jurors
    .map(
      (j) =>
        `<tr><td>${esc(j.id)}</td><td class="nowrap">${esc(t.roleName({ role: j.role }))}</td><td>${esc(j.title)}<div class="sub">${esc(j.institution)}</div></td><td>${esc(ctx.jurorName(j.id) ?? '')}</td></tr>`,
    )
    .join('');
  return `<section class="cover">
  ${ctx.demo ? `<p class="demo-notice">${esc(t.demoNotice())}</p><p class="sub">${esc(t.fictionalNote())}</p>` : ''}
  ${ctx.secretariat?.pinned === false ? `<p class="demo-notice not-pinned">${esc(t.notPinned())}</p>` : ''}
  <h1>${esc(t.title())}</h1>
  <p class="event-name">${esc(event.name)}</p>
  <table class="facts">
    ${row(t.place(), esc(event.place))}
    ${row(t.yearHeld(), esc(event.yearHeld))}
    ${row(t.period(), esc(formatRange(event.periodAssessed.start, event.periodAssessed.end, lang)))}
    ${row(t.interviews(), schedule.interviews ? esc(`${formatRange(schedule.interviews.start, schedule.interviews.end, lang)}${schedule.interviews.venue ? `, ${schedule.interviews.venue}` : ''}`) : esc(t.notScheduled()))}
    ${row(t.plenary(), schedule.plenary ? esc(formatDate(schedule.plenary, lang)) : esc(t.notScheduled()))}
    ${row(t.ceremony(), schedule.ceremony ? esc(`${formatDate(schedule.ceremony.date, lang)}, ${schedule.ceremony.venue}`) : esc(t.notScheduled()))}
    ${row(t.rule(), esc(t.ruleName({ rule: result.rule })))}
    ${row(t.final(), finalFormula)}
    ${row(t.tieBreak(), tieBreak.map((s, i) => `${i + 1}. ${s}`).join('; '))}
    ${row(t.generated(), esc(generatedText(ctx)))}
  </table>
  <p>${esc(t.sheets({ used: result.usedSheets, total: result.sheets }))}${ctx.paperUsed.length > 0 ? ` ${esc(t.paperSheets({ n: ctx.paperUsed.length }))}` : ''} ${esc(t.flags())}: ${esc(t.flagRule({ threshold: num(event.merge.disagreementThreshold, lang, 0) }))}</p>
  ${warnings.length > 0 ? `<div class="warning"><strong>${esc(t.warnings())}:</strong> ${warnings.join('<br>')}</div>` : ''}
  <div class="hash-box">${
    ctx.secretariat
      ? `<table class="hash-table"><tr><th>${esc(t.resultsHash())}</th><td class="hash">${esc(result.resultsHash)}</td></tr>${secretariatRow(ctx)}</table>`
      : `<div class="label">${esc(t.resultsHash())}</div><div class="hash">${esc(result.resultsHash)}</div>`
  }<div class="sub">${esc(t.hashNote())}</div>${ctx.secretariat?.pinned === false ? `<div class="sub">${esc(t.notPinnedNote())}</div>` : ''}</div>
  <h2>${esc(t.jury())}</h2>
  <table class="grid">
    <thead><tr><th>${esc(t.jurorCode())}</th><th>${esc(t.role())}</th><th>${esc(t.position())}</th><th>${esc(t.name())}</th></tr></thead>
    <tbody>${jurors}</tbody>
  </table>
</section>`;
}

/** The secretariat's fingerprint as printed beside the results hash, with the mark when it was not pinned. */
function keyText(ctx: ReportContext): string {
  const key = ctx.secretariat;
  if (!key) return '';
  return key.pinned ? key.fingerprint : `${key.fingerprint} (${ctx.t.notPinned()})`;
}

/** Under the results hash on the cover: who signed the package, and whether that key was pinned. */
function secretariatRow(ctx: ReportContext): string {
  const { t, secretariat } = ctx;
  if (!secretariat) return '';
  const state = secretariat.pinned
    ? `<span class="sub">(${esc(t.pinned())})</span>`
    : `<span class="not-pinned-mark">${esc(t.notPinned())}</span>`;
  return `<tr><th>${esc(t.secretariatKey())}</th><td><span class="hash">${esc(secretariat.fingerprint)}</span> ${state}</td></tr>`;
}

/** "4 Juli 2025 pukul 09.15 WITA": the time of printing in the event's zone. */
function generatedText(ctx: ReportContext): string {
  return formatLocalDateTime(ctx.generatedAt, ctx.timeZone, ctx.lang);
}

function categorySection(ctx: ReportContext, category: CategoryResult, panel: ReturnType<typeof reportPanel> = []): string {
  const { t } = ctx;
  return `<section class="category">
  <h2 class="category-title"><span class="kicker">${esc(t.category())}</span> ${esc(ctx.categoryName(category.id))}</h2>
  ${rankingTable(ctx, category)}
  ${agreementNote(ctx, category)}
  ${spreadChart(ctx, category)}
  ${ctx.rounds
    .filter((r) => r.categoryIds.includes(category.id))
    .map((round) => jurorMatrix(ctx, category, round.id))
    .join('\n')}
  <p class="sub">${esc(t.matrixLegend())}${ctx.paperUsed.some((p) => p.categoryId === category.id) ? ` · ${esc(t.paperLegend())}` : ''}</p>
  ${conflictNote(ctx, category)}
  ${categoryPanelNote(ctx, category.id, panel)}
  ${flagTable(ctx, category)}
</section>`;
}

function rankingTable(ctx: ReportContext, category: CategoryResult): string {
  const { t, lang, result } = ctx;
  const rounds = ctx.rounds.filter((r) => r.categoryIds.includes(category.id));
  const decision = result.decisions.find((d) => d.categoryId === category.id);
  const rows = category.ranking
    .map((n) => {
      // Issue 16: a place only where the category's awards give one (its own number of places, its minimum).
      const place = heldPlace(ctx, category.id, n.nomineeId);
      const winner = place !== undefined;
      const notes = [
        ...(winner
          ? [`<strong>${esc(t.terbaik({ rank: place }))}</strong>${n.joint ? ` (${esc(t.joint())})` : ''}`]
          : n.joint
            ? [esc(t.joint())]
            : []),
        ...(decision && !n.joint && decision.nomineeIds.includes(n.nomineeId) ? [esc(t.decided())] : []),
        ...(rounds.some((r) => n.rounds[r.id] === null || n.rounds[r.id] === undefined) ? [esc(t.notRanked())] : []),
      ];
      return `<tr class="${winner ? 'winner' : ''}">
      <td class="num">${n.rank}${n.joint ? '=' : ''}</td>
      <td>${nomineeName(ctx, n.nomineeId, n.name)} <span class="sub">${esc(ctx.nominee(n.nomineeId)?.region ?? '')}</span></td>
      ${rounds.map((r) => `<td class="num">${num(n.rounds[r.id], lang)}</td>`).join('')}
      <td class="num strong">${num(n.final, lang)}</td>
      <td>${notes.join('; ')}</td>
    </tr>`;
    })
    .join('');
  const decisionNote = decision
    ? `<p class="decision">${esc(t.decisionLine({ text: decision.text, by: decision.decidedBy, at: formatLocalDate(decision.recordedAt, ctx.timeZone, lang) }))}</p>`
    : '';
  const joint = category.ranking.some((n) => n.joint) ? `<p class="sub">${esc(t.jointNote())}</p>` : '';
  return `${block(
    category.ranking.length,
    `<h3>${esc(t.ranking())}</h3>
  <table class="grid ranking">
    <thead><tr><th class="num">${esc(t.rank())}</th><th>${esc(t.nominee())}</th>${rounds.map((r) => `<th class="num">${esc(r.name[lang])}<div class="sub">${num(r.weight, lang, 0)}%</div></th>`).join('')}<th class="num">${esc(t.final())}</th><th>${esc(t.note())}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`,
  )}
  ${joint}${decisionNote}${categoryAwardsNote(ctx, category.id)}`;
}

function agreementNote(ctx: ReportContext, category: CategoryResult): string {
  const { t, lang, event, result } = ctx;
  const n = event.merge.winnersPerCategory;
  const agreement = ctx.rounds.flatMap((round) => {
    const a = result.agreement.find((x) => x.roundId === round.id && x.categoryId === category.id);
    return a
      ? [esc(t.agreementValue({ round: round.name[lang], w: a.w === null ? t.agreementUndefined() : num(a.w, lang), jurors: a.jurors }))]
      : [];
  });
  const names = new Map(category.ranking.map((r) => [r.nomineeId, r.name]));
  const changes = result.leaveOneOut.flatMap((l) =>
    l.changes
      .filter((c) => c.categoryId === category.id)
      .map((c) => esc(t.looChange({ juror: l.jurorId, n, podium: c.podium.map((id) => names.get(id) ?? id).join(', ') }))),
  );
  return `<div class="keep notes">
    <p><strong>${esc(t.agreement())}:</strong> ${agreement.join(' · ')}. <span class="sub">${esc(t.agreementNote())}</span></p>
    <p><strong>${esc(t.leaveOneOut())}:</strong> ${changes.length > 0 ? changes.join(' ') : esc(t.looStable({ n }))}</p>
  </div>`;
}

function jurorMatrix(ctx: ReportContext, category: CategoryResult, roundId: string): string {
  const { t, lang, event, result } = ctx;
  const round = ctx.rounds.find((r) => r.id === roundId)!;
  const conflicts = new Set(result.conflicts.map((c) => compositeKey(c.jurorId, c.nomineeId)));
  const flagged = new Set(result.flags.filter((f) => f.roundId === roundId).map((f) => compositeKey(f.jurorId, f.nomineeId)));
  const scored = category.ranking.filter((n) => n.rounds[roundId] !== null && n.rounds[roundId] !== undefined);
  if (scored.length === 0) return '';
  const rows = scored
    .map((n) => {
      const cells = event.jurors
        .map((j) => {
          const k = compositeKey(j.id, n.nomineeId);
          if (conflicts.has(k)) return '<td class="num muted">×</td>';
          const flag = flagged.has(k) ? '<span class="flag">!</span>' : '';
          return `<td class="num">${flag}${num(ctx.jurorTotal(j.id, roundId, n.nomineeId), lang, 1)}</td>`;
        })
        .join('');
      return `<tr><td class="num">${n.rank}${n.joint ? '=' : ''}</td><td>${nomineeName(ctx, n.nomineeId, n.name)}</td>${cells}<td class="num strong">${num(n.rounds[roundId], lang)}</td></tr>`;
    })
    .join('');
  return block(
    scored.length,
    `<h3>${esc(t.matrix({ round: round.name[lang] }))}</h3>
  <table class="grid matrix">
    <thead><tr><th class="num">${esc(t.rank())}</th><th>${esc(t.nominee())}</th>${event.jurors.map((j) => `<th class="num">${esc(j.id)}${ctx.paperSection(j.id, roundId, category.id) ? `<div class="sub paper-mark">${esc(t.paperMark())}</div>` : ''}</th>`).join('')}<th class="num">${esc(t.panel())}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`,
  );
}

/** Who did not score whom in this category, and why; those declared on a juror's laptop say so. */
function conflictNote(ctx: ReportContext, category: CategoryResult): string {
  const { t, result } = ctx;
  const inCategory = new Set(category.ranking.map((n) => n.nomineeId));
  const lines = result.conflicts
    .filter((c) => inCategory.has(c.nomineeId))
    .map(
      (c) =>
        `${esc(c.jurorId)} — ${nomineeName(ctx, c.nomineeId, ctx.nominee(c.nomineeId)?.name ?? c.nomineeId)} (${esc(c.reason)}${c.declared ? `; ${esc(t.declaredConflict())}` : ''})`,
    );
  return lines.length === 0 ? '' : `<p class="sub keep"><strong>${esc(t.conflicts())}:</strong> ${lines.join('; ')}</p>`;
}

function flagTable(ctx: ReportContext, category: CategoryResult): string {
  const { t, lang, event, result } = ctx;
  const position = new Map(category.ranking.map((n, i) => [n.nomineeId, i]));
  const roundOrder = new Map(ctx.rounds.map((r, i) => [r.id, i]));
  const jurorOrder = new Map(event.jurors.map((j, i) => [j.id, i]));
  const criteria = new Map(event.criteria.map((c) => [c.code, c]));
  const flags = result.flags
    .filter((f) => position.has(f.nomineeId))
    .sort(
      (a, b) =>
        roundOrder.get(a.roundId)! - roundOrder.get(b.roundId)! ||
        position.get(a.nomineeId)! - position.get(b.nomineeId)! ||
        a.criterionCode.localeCompare(b.criterionCode) ||
        jurorOrder.get(a.jurorId)! - jurorOrder.get(b.jurorId)!,
    );
  const threshold = num(event.merge.disagreementThreshold, lang, 0);
  if (flags.length === 0) return `<h3>${esc(t.flags())}</h3><p>${esc(t.noFlags({ threshold }))}</p>`;
  const names = new Map(category.ranking.map((n) => [n.nomineeId, n.name]));
  const rows = flags
    .map((f) => {
      const criterion = criteria.get(f.criterionCode);
      return `<tr>
      <td>${esc(event.rounds.find((r) => r.id === f.roundId)?.name[lang] ?? f.roundId)}</td>
      <td>${nomineeName(ctx, f.nomineeId, names.get(f.nomineeId) ?? f.nomineeId)}</td>
      <td>${esc(f.jurorId)}</td>
      <td><span class="code">${esc(f.criterionCode)}</span> ${esc(criterion?.label[lang] ?? '')}</td>
      <td class="num">${num(f.value, lang, Number.isInteger(f.value) ? 0 : 1)}</td>
      <td class="num">${num(f.median, lang, Number.isInteger(f.median) ? 0 : 1)}</td>
    </tr>`;
    })
    .join('');
  return block(
    flags.length,
    `<h3>${esc(t.flags())} <span class="sub">${esc(t.flagRule({ threshold }))}</span></h3>
  <table class="grid flags">
    <thead><tr><th>${esc(t.round())}</th><th>${esc(t.nominee())}</th><th>${esc(t.juror())}</th><th>${esc(t.criterion())}</th><th class="num">${esc(t.mark())}</th><th class="num">${esc(t.median())}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`,
  );
}

function spreadChart(ctx: ReportContext, category: CategoryResult): string {
  const { t, lang, event } = ctx;
  const rounds = ctx.rounds.filter((r) => r.categoryIds.includes(category.id));
  const rows = category.ranking
    .map((n: Ranked) => {
      const strips = rounds
        .map((round) => {
          const panel = n.rounds[round.id] ?? null;
          if (panel === null) return '<td class="strip-cell muted">—</td>';
          const totals = event.jurors.map((j) => ctx.jurorTotal(j.id, round.id, n.nomineeId));
          return `<td class="strip-cell">${stripSvg(totals, panel, `${n.name} · ${round.name[lang]}`)}</td>`;
        })
        .join('');
      return `<tr><td class="chart-name">${nomineeName(ctx, n.nomineeId, n.name)}</td>${strips}</tr>`;
    })
    .join('');
  return block(
    category.ranking.length,
    `<h3>${esc(t.spread())} <span class="sub">${esc(t.spreadLegend())}</span></h3>
  <table class="chart">
    <thead><tr><th></th>${rounds.map((r) => `<th class="strip-cell">${esc(r.name[lang])}${axisSvg()}</th>`).join('')}</tr></thead>
    <tbody>${rows}</tbody>
  </table>`,
  );
}

function overallSection(ctx: ReportContext): string {
  const { t, lang, event, result } = ctx;
  const overall = event.merge.overall;
  const overallPart =
    overall === null
      ? ''
      : `<h2>${esc(overall.name[lang])}</h2>
  <table class="grid ranking">
    <thead><tr><th class="num">${esc(t.rank())}</th><th>${esc(t.nominee())}</th><th>${esc(t.category())}</th><th class="num">${esc(t.final())}</th><th>${esc(t.note())}</th></tr></thead>
    <tbody>${result.overall
      .map(
        (n) => `<tr class="winner">
      <td class="num">${n.rank}${n.joint ? '=' : ''}</td>
      <td>${nomineeName(ctx, n.nomineeId, n.name)}</td>
      <td>${esc(ctx.categoryName(n.categoryId))}</td>
      <td class="num strong">${num(n.final, lang)}</td>
      <td><strong>${esc(t.terbaik({ rank: n.rank }))}</strong>${n.joint ? ` (${esc(t.joint())})` : ''}</td>
    </tr>`,
      )
      .join('')}</tbody>
  </table>`;
  const names = new Map(result.categories.flatMap((c) => c.ranking.map((n) => [n.nomineeId, n.name] as const)));
  const decisions =
    result.decisions.length === 0
      ? `<p>${esc(t.noDecisions())}</p>`
      : `<table class="grid">
    <thead><tr><th>${esc(t.category())}</th><th>${esc(t.order())}</th><th>${esc(t.decision())}</th><th>${esc(t.decidedBy())}</th><th>${esc(t.recordedAt())}</th></tr></thead>
    <tbody>${result.decisions
      .map(
        (d) => `<tr>
      <td>${esc(ctx.categoryName(d.categoryId))}</td>
      <td>${d.nomineeIds.map((id, i) => `${i + 1}. ${nomineeName(ctx, id, names.get(id) ?? id)}`).join('<br>')}</td>
      <td>${esc(d.text)}</td>
      <td>${esc(d.decidedBy)}</td>
      <td class="nowrap">${esc(formatLocalDateTime(d.recordedAt, ctx.timeZone, lang))}</td>
    </tr>`,
      )
      .join('')}</tbody>
  </table>`;
  return `<section class="overall">
  ${overallPart}
  ${eventSpecialAwards(ctx)}
  <h2>${esc(t.decisions())}</h2>
  ${decisions}
</section>`;
}

/** Under a file's row, across the table: a paper sheet's origin (form, operators, scan) and the reconciliation's notes on it. */
function fileNotes(ctx: ReportContext, f: ReportContext['files'][number]): string {
  const lines = [
    ...(f.paper
      ? [`<strong>${esc(ctx.t.paperOrigin({ form: f.paper.formNumber, operators: f.paper.operators, scan: f.paper.scanSha256 }))}</strong>`]
      : []),
    ...(f.notes ?? []).map((n) => esc(n[ctx.lang])),
    ...(f.dossierHash ? [`${esc(ctx.t.dossierSeen())}: <span class="mono">${esc(f.dossierHash)}</span>`] : []),
  ];
  return lines.length === 0 ? '' : `<tr class="file-notes"><td></td><td colspan="7" class="sub">${lines.join('<br>')}</td></tr>`;
}

function appendix(ctx: ReportContext): string {
  const { t } = ctx;
  const rows = ctx.files
    .map(
      (f, i) => `<tr>
    <td class="num">${i + 1}</td>
    <td class="file">${esc(f.fileName)}</td>
    <td>${esc(f.jurorId ?? '—')}</td>
    <td class="mono nowrap">${esc(f.signedWith ?? '—')}</td>
    <td class="num">${esc(f.sheetRevision ?? '—')}</td>
    <td class="${f.status === 'valid' ? '' : 'bad'}">${esc(t.statusName({ status: f.status }))}</td>
    <td class="${f.use === 'used' ? '' : 'bad'}">${esc(t.useName({ use: f.use }))}</td>
    <td class="mono hash-cell">${esc(f.fileHash || '—')}</td>
  </tr>${fileNotes(ctx, f)}`,
    )
    .join('');
  return `<section class="appendix">
  <h2>${esc(t.verification())}</h2>
  ${ctx.secretariat ? `<p>${esc(t.packageSigner({ fingerprint: ctx.secretariat.fingerprint }))}: ${ctx.secretariat.pinned ? esc(t.pinned()) : `<strong>${esc(t.notPinned())}</strong>`}.</p>` : ''}
  <p class="sub">${esc(t.verificationNote())}</p>
  <table class="grid files">
    <thead><tr><th class="num">No</th><th>${esc(t.file())}</th><th>${esc(t.juror())}</th><th>${esc(t.fingerprint())}</th><th class="num">${esc(t.revision())}</th><th>${esc(t.status())}</th><th>${esc(t.use())}</th><th>${esc(t.fileHash())}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}
