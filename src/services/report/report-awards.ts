/**
 * The Rekapitulasi's words on awards (issue 16): under each category's ranking, which places stay empty and
 * why, and the category's special awards; and the special awards across the event. Kept apart from
 * report-html.ts, which calls these where they belong.
 */
import { esc, num } from './html.ts';
import { nomineeName, type ReportContext } from './report-context.ts';

const TEXT = {
  id: {
    vacant: (place: number) => `Terbaik ${place}: tidak ditetapkan`,
    reason: {
      'below-minimum': (minimum: string) => `Nilai Akhir di bawah batas minimum ${minimum}; tidak ada nominasi yang dinaikkan ke tempat ini`,
      incomplete: () => 'tidak ada nominasi yang dinilai di semua babak',
      'no-nominee': () => 'nominasi kategori ini lebih sedikit dari jumlah pemenang',
    } as Record<string, (minimum: string) => string>,
    places: (size: number, minimum: string | null) => `Jumlah pemenang kategori ini: ${size}${minimum ? `; Nilai Akhir minimum ${minimum}` : ''}.`,
    special: 'Penghargaan khusus',
    specialAcross: 'Penghargaan khusus (seluruh acara)',
    decided: (by: string) => `diputuskan oleh ${by}`,
  },
  en: {
    vacant: (place: number) => `Terbaik ${place}: not awarded`,
    reason: {
      'below-minimum': (minimum: string) => `final score below the minimum of ${minimum}; nobody is promoted into this place`,
      incomplete: () => 'no nominee was scored in every round',
      'no-nominee': () => 'the category has fewer nominees than places',
    } as Record<string, (minimum: string) => string>,
    places: (size: number, minimum: string | null) => `Places in this category: ${size}${minimum ? `; minimum final score ${minimum}` : ''}.`,
    special: 'Special awards',
    specialAcross: 'Special awards (whole event)',
    decided: (by: string) => `decided by ${by}`,
  },
};

/** The place a nominee holds in its category, or undefined (issue 16: a category's own places and minimum). */
export function heldPlace(ctx: ReportContext, categoryId: string, nomineeId: string): number | undefined {
  return ctx.result.awards.find((a) => a.categoryId === categoryId)?.places.find((p) => p.nomineeIds.includes(nomineeId))?.place;
}

/** Under a category's ranking: its places and minimum, the empty places and why, its special awards. */
export function categoryAwardsNote(ctx: ReportContext, categoryId: string): string {
  const t = TEXT[ctx.lang];
  const awards = ctx.result.awards.find((a) => a.categoryId === categoryId);
  if (!awards) return '';
  const minimum = awards.minimum === null ? null : num(awards.minimum, ctx.lang);
  const vacant = awards.places.filter((p) => p.vacant !== null && p.vacant !== 'shared')
    .map((p) => `<strong>${esc(t.vacant(p.place))}</strong> (${esc(t.reason[p.vacant!](minimum ?? ''))})`);
  const special = ctx.result.specialAwards.filter((a) => a.categoryId === categoryId).map((a) => specialLine(ctx, a));
  return `<div class="keep notes awards-note">
    <p class="sub">${esc(t.places(awards.size, minimum))}</p>
    ${vacant.length > 0 ? `<p>${vacant.join('; ')}.</p>` : ''}
    ${special.length > 0 ? `<p><strong>${esc(t.special)}:</strong> ${special.join('; ')}.</p>` : ''}
  </div>`;
}

/** After Terbaik Umum: the special awards that belong to no one category. */
export function eventSpecialAwards(ctx: ReportContext): string {
  const across = ctx.result.specialAwards.filter((a) => a.categoryId === null);
  if (across.length === 0) return '';
  return `<h2>${esc(TEXT[ctx.lang].specialAcross)}</h2><p>${across.map((a) => specialLine(ctx, a)).join('; ')}.</p>`;
}

function specialLine(ctx: ReportContext, a: ReportContext['result']['specialAwards'][number]): string {
  const nominee = ctx.nominee(a.nomineeId);
  return `<strong>${esc(a.name)}</strong>: ${nomineeName(ctx, a.nomineeId, nominee?.name ?? a.nomineeId)} — ${esc(a.reason)} (${esc(TEXT[ctx.lang].decided(a.decidedBy))})`;
}
