/**
 * The Berita Acara Penetapan Pemenang: the minutes the whole panel signs. It is the legal text, so it is
 * always in Indonesian, in the formula secretariats use ("Pada hari ini Jumat tanggal Empat bulan Juli
 * tahun Dua Ribu Dua Puluh Lima, bertempat di Kupang, …"); in English mode an italic translation follows
 * the opening and the closing, for readers only.
 */
import { dateInWords, formatDate, weekdayEn } from '../printing/date-words.ts';
import { esc, num } from '../printing/html.ts';
import { nomineeName, type Ranked, type ReportContext } from './report-context.ts';
import { reportMessages } from '../../core/messages/report.ts';
import { inLanguage } from '../printing/words.ts';
import type { CategoryAwards } from '../../api/contract.ts';
import { formatLocalDateTime } from '../../core/local-time.ts';
import { DRAFT_MARK } from './minutes-status.ts';
import { beritaAcaraPanel, reportPanel } from './report-awards.ts';

/** The legal text is Indonesian whatever the report's language; the catalog's English is its translation. */
const id = inLanguage(reportMessages, 'id');
const CATEGORY_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Why a place stays empty, as the Berita Acara says it after "tidak ditetapkan". */
const VACANCY: Record<string, (minimum: number | null) => string> = {
  'below-minimum': (minimum) => `Nilai Akhir di bawah batas minimum ${num(minimum, 'id')}`,
  incomplete: () => 'tidak ada nominasi yang dinilai lengkap',
  'no-nominee': () => 'tidak ada nominasi',
};

/** A category's places as rows: each holder, or "tidak ditetapkan" with the reason (a place shared by joint holders above adds no row). */
function placeRows(ctx: ReportContext, awards: CategoryAwards, ranking: readonly Ranked[]): string {
  return awards.places
    .flatMap((p) => {
      if (p.vacant === 'shared') return [];
      if (p.vacant) {
        return [
          `<tr class="ba-vacant"><td>${esc(id.terbaik({ rank: p.place }))}</td><td>tidak ditetapkan <span class="sub">(${esc(VACANCY[p.vacant](awards.minimum))})</span></td><td class="num">—</td></tr>`,
        ];
      }
      return p.nomineeIds.map((nomineeId) => {
        const n = ranking.find((r) => r.nomineeId === nomineeId)!;
        return `<tr><td>${esc(id.terbaik({ rank: p.place }))}${p.nomineeIds.length > 1 ? ` (${esc(id.joint())})` : ''}</td><td>${nomineeName(ctx, n.nomineeId, n.name)}</td><td class="num">${num(n.final, 'id')}</td></tr>`;
      });
    })
    .join('');
}

/** Special awards as rows, each across the table: the award, the nominee (with its category across the event), why. */
function specialRows(ctx: ReportContext, awards: ReportContext['result']['specialAwards'], withCategory: boolean): string {
  return awards
    .map((a) => {
      const nominee = ctx.nominee(a.nomineeId);
      const category =
        withCategory && nominee
          ? ` (${esc(ctx.event.categories.find((c) => c.id === nominee.categoryId)?.name.id ?? nominee.categoryId)})`
          : '';
      return `<tr class="ba-special"><td colspan="3"><strong>${esc(a.name)}</strong>: ${nomineeName(ctx, a.nomineeId, nominee?.name ?? a.nomineeId)}${category} — ${esc(a.reason)}</td></tr>`;
    })
    .join('');
}

/** One block of winners under its heading; the score column lines up across blocks (fixed layout). */
function winnersTable(
  ctx: ReportContext,
  heading: string,
  winners: readonly (Ranked & { categoryId?: string })[],
  withCategory: boolean,
  extraRows = '',
  scoreHeading = 'Nilai Akhir',
): string {
  const rows =
    winners
      .map(
        (n) => `<tr>
    <td>${esc(id.terbaik({ rank: n.rank }))}${n.joint ? ` (${esc(id.joint())})` : ''}</td>
    <td>${nomineeName(ctx, n.nomineeId, n.name)}${withCategory && n.categoryId ? `<div class="sub">${esc(ctx.event.categories.find((c) => c.id === n.categoryId)?.name.id ?? n.categoryId)}</div>` : ''}</td>
    <td class="num">${num(n.final, 'id')}</td>
  </tr>`,
      )
      .join('') + extraRows;
  return `<table class="ba-winners">
    <colgroup><col class="ba-rank"><col><col class="ba-score"></colgroup>
    <thead><tr><th colspan="2" class="ba-heading">${heading}</th><th class="num sub">${scoreHeading}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/** Beside the results hash: the secretariat key that signed the event package, and whether it was pinned. */
function signer(ctx: ReportContext): string {
  if (!ctx.secretariat) return '';
  const { fingerprint, pinned } = ctx.secretariat;
  return `; paket acara ditandatangani kunci sekretariat dengan sidik jari <span class="mono hash">${esc(fingerprint)}</span>${pinned ? '' : ` <strong>(${esc(id.notPinned())})</strong>`}`;
}

/**
 * Issue 16: the number with its version once fixed ("versi 2, menggantikan versi 1"); until then a draft
 * notice that says why, and no signature lines.
 */
function numberLine(ctx: ReportContext): string {
  const number = ctx.event.minutes?.number ? esc(ctx.event.minutes.number) : '<span class="blank"></span>';
  const status = ctx.minutes;
  if (status?.final !== true) return `<p class="ba-number">Nomor: ${number}</p>`;
  return `<p class="ba-number">Nomor: ${number} · Versi ${status.version}${status.supersedes ? ` (menggantikan versi ${status.supersedes})` : ''}</p>`;
}

function draftNotice(ctx: ReportContext): string {
  const status = ctx.minutes;
  const reasons = status && !status.final ? status.reasons : [];
  const note = reportMessages.baDraftNote();
  return `<div class="ba-draft"><p class="ba-draft-title">${esc(DRAFT_MARK.id)}</p>
  <p>${esc(note.id)}</p>
  ${reasons.length ? `<ul>${reasons.map((r) => `<li>${esc(r.id)}</li>`).join('')}</ul>` : ''}
  ${ctx.lang === 'en' ? `<p class="translation">${esc(DRAFT_MARK.en)}: ${esc(note.en)}${reasons.length ? ` ${reasons.map((r) => esc(r.en)).join(' ')}` : ''}</p>` : ''}
</div>`;
}

/** Under the signing place and date, once fixed: which penetapan this is, when and by whom. */
function fixedLine(ctx: ReportContext): string {
  const status = ctx.minutes;
  if (status?.final !== true) return '';
  return `<p class="sub">Ditetapkan dengan penetapan versi ${status.version}${status.supersedes ? `, menggantikan versi ${status.supersedes}` : ''}, ${esc(formatLocalDateTime(status.fixedAt, ctx.timeZone, 'id'))}, oleh ${esc(status.fixedBy)}.</p>`;
}

export function beritaAcara(ctx: ReportContext): string {
  const { event, result, lang } = ctx;
  const en = lang === 'en';
  // Each category's own places (issue 16): holders, or "tidak ditetapkan" where a place stays empty; then its special awards.
  const categories = result.categories
    .map((category, i) => {
      const name = event.categories.find((c) => c.id === category.id)?.name.id ?? category.name;
      const awards = result.awards.find((a) => a.categoryId === category.id);
      const rows =
        (awards ? placeRows(ctx, awards, category.ranking) : '') +
        specialRows(
          ctx,
          result.specialAwards.filter((a) => a.categoryId === category.id),
          false,
        );
      return winnersTable(ctx, `${CATEGORY_LETTERS[i] ?? i + 1}. ${esc(name)}`, [], false, rows);
    })
    .join('');
  const acrossEvent = result.specialAwards.filter((a) => a.categoryId === null);
  const special = acrossEvent.length > 0 ? winnersTable(ctx, 'Penghargaan Khusus', [], true, specialRows(ctx, acrossEvent, true), '') : '';
  const minutes = event.minutes;
  const decrees = [
    ...(minutes?.decrees ?? []),
    ...(minutes?.panelDecree ? [`Surat Keputusan tentang Tim Penilai ${event.name} Nomor ${minutes.panelDecree}`] : []),
  ];
  const dasar =
    decrees.length > 0
      ? `<div class="ba-basis"><p class="ba-text"><strong>Dasar:</strong></p><ol class="ba-decrees">${decrees.map((d) => `<li>${esc(d)}</li>`).join('')}</ol></div>`
      : '';
  const overall =
    event.merge.overall && result.overall.length > 0 ? winnersTable(ctx, esc(event.merge.overall.name.id), result.overall, true) : '';
  const names = new Map(result.categories.flatMap((c) => c.ranking.map((n) => [n.nomineeId, n.name] as const)));
  const decisions = result.decisions
    .map(
      (d) =>
        `<li>${esc(event.categories.find((c) => c.id === d.categoryId)?.name.id ?? d.categoryId)}: ${d.nomineeIds.map((n) => nomineeName(ctx, n, names.get(n) ?? n)).join(' di atas ')}. ${esc(d.text)}</li>`,
    )
    .join('');
  const rule = `Nilai Akhir = ${ctx.rounds.map((r) => `${num(r.weight, 'id', 0)}% ${r.name.id}`).join(' + ')}`;
  const basis = `Penetapan ini didasarkan pada Rekapitulasi Nilai terlampir, yang dihitung dengan aturan ${id.ruleName({ rule: result.rule })} (${rule}) dari ${result.usedSheets} lembar nilai juri bertanda tangan elektronik yang telah diverifikasi. Hash hasil penggabungan:`;
  // Sections that came from a juror's paper form: named with the form and who keyed it.
  const sectionName = (roundId: string, categoryId: string, lang: 'id' | 'en') =>
    `${event.rounds.find((r) => r.id === roundId)?.name[lang] ?? roundId} · ${event.categories.find((c) => c.id === categoryId)?.name[lang] ?? categoryId}`;
  const paper = ctx.paperUsed.map((p) =>
    reportMessages.baPaperSection({
      jurorId: p.jurorId,
      section: { id: sectionName(p.roundId, p.categoryId, 'id'), en: sectionName(p.roundId, p.categoryId, 'en') },
      form: p.formNumber,
      operators: p.operators,
    }),
  );
  const paperText = reportMessages.baPaper({ sections: paper });
  const opening = reportMessages.baOpening({
    dateInWords: dateInWords(ctx.plenaryDate),
    weekday: weekdayEn(ctx.plenaryDate),
    date: formatDate(ctx.plenaryDate, 'en'),
    place: event.place,
    event: event.name,
  });
  const closing = reportMessages.baClosing();
  // The closing, the place and date and the signatures stay on one page when they fit on one.
  const signatures = event.jurors
    .map(
      (juror, i) => `<tr>
    <td class="num">${i + 1}.</td>
    <td><div class="ba-name">${ctx.jurorName(juror.id) ? esc(ctx.jurorName(juror.id)!) : '<span class="blank"></span>'}</div><div>${esc(juror.title)}</div><div class="sub">${esc(juror.institution)}</div></td>
    <td class="ba-role">${esc(id.roleName({ role: juror.role }))}</td>
    <td class="ba-sign ${i % 2 === 0 ? 'left' : 'right'}"><span class="sign-no">${i + 1}.</span><span class="sign-line"></span></td>
  </tr>`,
    )
    .join('');
  return `<section class="berita-acara">
  ${ctx.demo ? `<p class="demo-notice">${esc(id.demoNotice())}${en ? ` · ${esc(reportMessages.demoNotice().en)}` : ''}</p>` : ''}
  <h1 class="ba-title">BERITA ACARA<br>PENETAPAN PEMENANG<br>${esc(event.name.toUpperCase())}</h1>
  ${en ? '<p class="translation center">Minutes of the determination of the winners. The Indonesian text is the legal record; the translations in italics are for information.</p>' : ''}
  ${numberLine(ctx)}
  ${dasar}
  <p class="ba-text">${esc(opening.id)}</p>
  ${en ? `<p class="translation">${esc(opening.en)}</p>` : ''}
  ${categories}
  ${special}
  ${overall}
  ${beritaAcaraPanel(ctx, reportPanel(ctx))}
  <p class="ba-text">${esc(basis)} <span class="mono hash">${esc(result.resultsHash)}</span>${signer(ctx)}.</p>
  ${paper.length > 0 ? `<p class="ba-text ba-paper">${esc(paperText.id)}</p>` : ''}
  ${paper.length > 0 && en ? `<p class="translation">${esc(paperText.en)}</p>` : ''}
  ${decisions ? `<p class="ba-text">Urutan nominasi dengan nilai sama yang tidak terpecahkan oleh penentu ditetapkan dalam rapat pleno:</p><ol class="ba-decisions">${decisions}</ol>` : ''}
  <div class="${event.jurors.length <= 15 ? 'keep' : ''}">
  <p class="ba-text">${esc(closing.id)}</p>
  ${en ? `<p class="translation">${esc(closing.en)}</p>` : ''}
  <div class="ba-signing">
    <p>${esc(event.place)}, ${esc(formatDate(ctx.plenaryDate, 'id'))}</p>
    <p class="strong">DEWAN JURI<br>${esc(event.name.toUpperCase())}</p>
    ${fixedLine(ctx)}
  </div>
  ${
    ctx.minutes?.final === true
      ? `<table class="grid signatures">
    <thead><tr><th class="num">No</th><th>Nama, Jabatan dan Instansi</th><th>Kedudukan</th><th>Tanda Tangan</th></tr></thead>
    <tbody>${signatures}</tbody>
  </table>`
      : draftNotice(ctx)
  }
  </div>
</section>`;
}
