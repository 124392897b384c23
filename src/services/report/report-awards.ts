/**
 * The Rekapitulasi's words on awards (issue 16): under each category's ranking, which places stay empty and
 * why, and the category's special awards; and the special awards across the event. Kept apart from
 * report-html.ts, which calls these where they belong.
 */
import { panelSections, type SectionPanel } from '../../core/quorum.ts';
import { formatDate } from '../printing/date-words.ts';
import { esc, num } from '../printing/html.ts';
import { nomineeName, type ReportContext } from './report-context.ts';

/** The place a nominee holds in its category, or undefined (issue 16: a category's own places and minimum). */
export function heldPlace(ctx: ReportContext, categoryId: string, nomineeId: string): number | undefined {
  return ctx.result.awards.find((a) => a.categoryId === categoryId)?.places.find((p) => p.nomineeIds.includes(nomineeId))?.place;
}

/** Under a category's ranking: its places and minimum, the empty places and why, its special awards. */
export function categoryAwardsNote(ctx: ReportContext, categoryId: string): string {
  const { t } = ctx;
  const awards = ctx.result.awards.find((a) => a.categoryId === categoryId);
  if (!awards) return '';
  const minimum = awards.minimum === null ? null : num(awards.minimum, ctx.lang);
  const vacant = awards.places
    .filter((p) => p.vacant !== null && p.vacant !== 'shared')
    .map(
      (p) =>
        `<strong>${esc(t.vacant({ place: p.place }))}</strong> (${esc(t.vacantReason({ reason: p.vacant!, minimum: minimum ?? '' }))})`,
    );
  const special = ctx.result.specialAwards.filter((a) => a.categoryId === categoryId).map((a) => specialLine(ctx, a));
  return `<div class="keep notes awards-note">
    <p class="sub">${esc(t.places({ size: awards.size, minimum }))}</p>
    ${vacant.length > 0 ? `<p>${vacant.join('; ')}.</p>` : ''}
    ${special.length > 0 ? `<p><strong>${esc(t.special())}:</strong> ${special.join('; ')}.</p>` : ''}
  </div>`;
}

/** After Terbaik Umum: the special awards that belong to no one category. */
export function eventSpecialAwards(ctx: ReportContext): string {
  const across = ctx.result.specialAwards.filter((a) => a.categoryId === null);
  if (across.length === 0) return '';
  return `<h2>${esc(ctx.t.specialAcross())}</h2><p>${across.map((a) => specialLine(ctx, a)).join('; ')}.</p>`;
}

function specialLine(ctx: ReportContext, a: ReportContext['result']['specialAwards'][number]): string {
  const nominee = ctx.nominee(a.nomineeId);
  return `<strong>${esc(a.name)}</strong>: ${nomineeName(ctx, a.nomineeId, nominee?.name ?? a.nomineeId)} — ${esc(a.reason)} (${esc(ctx.t.specialDecidedBy({ by: a.decidedBy }))})`;
}

// ---------------------------------------------------------------------------------------------------
// The panel (issue 16, items 2 and 3): who assessed each category, quorum, equal treatment, absences.

/** The panel per round × category of a report, computed from its marks, conflicts and completeness. */
export function reportPanel(ctx: ReportContext): SectionPanel[] {
  return panelSections(ctx.event, ctx.result.marks, ctx.result.conflicts, ctx.result.completeness);
}

/** Under a category's matrices: who assessed each round, who was absent, and the quorum and equal-treatment warnings. */
export function categoryPanelNote(ctx: ReportContext, categoryId: string, panel: readonly SectionPanel[]): string {
  const { t } = ctx;
  const sections = panel.filter((s) => s.categoryId === categoryId);
  const roundName = (id: string) => ctx.rounds.find((r) => r.id === id)?.name[ctx.lang] ?? id;
  const assessed = sections.map((s) =>
    esc(t.assessed({ round: roundName(s.roundId), jurors: s.assessedBy.join(', ') || '—', count: s.assessedBy.length })),
  );
  const absent = (ctx.absences ?? [])
    .filter((a) => a.categoryId === categoryId)
    .map((a) =>
      esc(t.absent({ juror: a.jurorId, round: roundName(a.roundId), reason: a.reason, date: a.date ? formatDate(a.date, ctx.lang) : '' })),
    );
  const warnings = [
    ...sections
      .filter((s) => !s.quorumMet)
      .map((s) =>
        esc(t.belowQuorum({ round: roundName(s.roundId), present: s.present.length, required: s.required!, assigned: s.assigned.length })),
      ),
    ...sections.flatMap((s) =>
      s.unequal.map((u) => {
        const nominee = ctx.nominee(u.nomineeId);
        return t.unequal({
          round: roundName(s.roundId),
          name: nomineeName(ctx, u.nomineeId, nominee?.name ?? u.nomineeId),
          count: u.scoredBy.length,
          jurors: esc(u.scoredBy.join(', ') || '—'),
          missing: esc(u.missing.join(', ')),
          partial: esc(u.partial.join(', ')),
        });
      }),
    ),
  ];
  return `<div class="keep notes panel-note">
    <p class="sub"><strong>${esc(t.assessedBy())}:</strong> ${assessed.join(' · ')}${absent.length ? ` · ${absent.join(' · ')}` : ''}</p>
    ${warnings.length ? `<div class="warning" data-panel-warning><strong>${esc(t.panelWarnings())}:</strong> ${warnings.join('; ')}.</div>` : ''}
  </div>`;
}

/**
 * The Berita Acara's account of the panel (always Indonesian): who assessed each category in each round,
 * who did not score whom because of a conflict of interest, who was absent, who replaced whom.
 */
export function beritaAcaraPanel(ctx: ReportContext, panel: readonly SectionPanel[]): string {
  const { event, result } = ctx;
  const roundName = (id: string) => ctx.rounds.find((r) => r.id === id)?.name.id ?? id;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const perCategory = event.categories
    .map((category, i) => {
      const rounds = panel
        .filter((s) => s.categoryId === category.id)
        .map((s) => `${roundName(s.roundId)} oleh ${s.assessedBy.join(', ') || '—'}`);
      return `<li>${letters[i] ?? i + 1}. ${esc(category.name.id)}: ${esc(rounds.join('; '))}</li>`;
    })
    .join('');
  const names = new Map(result.categories.flatMap((c) => c.ranking.map((n) => [n.nomineeId, n.name] as const)));
  const recused = result.conflicts
    .map((c) => `<li>${esc(c.jurorId)} — ${nomineeName(ctx, c.nomineeId, names.get(c.nomineeId) ?? c.nomineeId)} (${esc(c.reason)})</li>`)
    .join('');
  const roundOrder = new Map(ctx.rounds.map((r, i) => [r.id, i]));
  const categoryOrder = new Map(event.categories.map((c, i) => [c.id, i]));
  const jurorOrder = new Map(event.jurors.map((j, i) => [j.id, i]));
  const absences = [...(ctx.absences ?? [])].sort(
    (a, b) =>
      (jurorOrder.get(a.jurorId) ?? 0) - (jurorOrder.get(b.jurorId) ?? 0) ||
      (roundOrder.get(a.roundId) ?? 0) - (roundOrder.get(b.roundId) ?? 0) ||
      (categoryOrder.get(a.categoryId) ?? 0) - (categoryOrder.get(b.categoryId) ?? 0),
  );
  const absent = absences
    .map(
      (a) =>
        `<li>${esc(a.jurorId)} — ${esc(roundName(a.roundId))} · ${esc(event.categories.find((c) => c.id === a.categoryId)?.name.id ?? a.categoryId)}: ${esc(a.reason)}${a.date ? ` (${esc(formatDate(a.date, 'id'))})` : ''}</li>`,
    )
    .join('');
  const replaced = event.jurors
    .filter((j) => j.replaces)
    .map(
      (j) =>
        `<li>${esc(j.id)}${j.name ? ` (${esc(j.name)})` : ''} menggantikan ${esc(j.replaces!)}${j.decree ? ` berdasarkan ${esc(j.decree)}` : ''}</li>`,
    )
    .join('');
  const members = event.jurors.map((j) => `${esc(j.id)} ${esc(ctx.jurorName(j.id) ?? j.title)}`).join('; ');
  return `<div class="ba-panel">
  <p class="ba-text">Penilaian dilakukan oleh Dewan Juri (${members}) sebagai berikut:</p>
  <ol class="ba-list">${perCategory}</ol>
  ${recused ? `<p class="ba-text">Tidak menilai nominasi karena benturan kepentingan:</p><ul class="ba-list">${recused}</ul>` : ''}
  ${absent ? `<p class="ba-text">Berhalangan hadir:</p><ul class="ba-list">${absent}</ul>` : ''}
  ${replaced ? `<p class="ba-text">Penggantian anggota:</p><ul class="ba-list">${replaced}</ul>` : ''}
</div>`;
}
