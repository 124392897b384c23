/**
 * What every part of the report reads, prepared once: the input, the words in the chosen language, and
 * lookups by id, including each juror's weighted total per round and nominee, computed from the marks
 * with core's arithmetic (the same figures as the juror's own sheet).
 */
import type { Deliberation } from '../../api/contract.ts';
import { eventTimeZone, localDate } from '../../core/local-time.ts';
import type { Criterion, Event, Nominee, Round } from '../../core/model.ts';
import { weightedTotal } from '../../core/scoring.ts';
import type { RekapFile, SecretariatKey } from '../merge/rekapitulasi.ts';
import type { PaperLabel } from '../paper/paper-labels.ts';
import { compositeKey, keyParts } from '../../core/composite-key.ts';
import { reportMessages } from '../../core/messages/report.ts';
import type { Lang } from '../printing/date-words.ts';
import { esc } from '../printing/html.ts';
import { inLanguage, type Words } from '../printing/words.ts';
import type { MinutesStatus } from './minutes-status.ts';

export interface ReportInput {
  event: Event;
  /** From deliberate() or deliberation(). */
  result: Deliberation;
  /** The verification appendix: one row per input file. */
  files: RekapFile[];
  lang: Lang;
  /** ISO time of printing (any offset): printed, and its date stands in for a missing plenary date, in the event's time zone. */
  generatedAt: string;
  /**
   * The secretariat key that signed the event package the sheets were verified against, printed beside the
   * results hash (cover, every page's footer, appendix, Berita Acara). `pinned` is false when nobody checked
   * it against the secretariat's real key (the CLI without --secretariat or --db): every page then says so.
   * In the app it is the workspace's own key, pinned by definition.
   */
  secretariat?: SecretariatKey;
  /**
   * Issue 16: final (a penetapan in force for these results: its version) or a draft (why). Absent means a
   * draft: every page then says "DRAF — belum ditetapkan" and the Berita Acara has no signature lines.
   */
  minutes?: MinutesStatus;
  /** Issue 16: jurors excused from a section (berhalangan), as the secretariat recorded them; none from files. */
  absences?: { jurorId: string; roundId: string; categoryId: string; reason: string; date: string | null }[];
}

export type Ranked = Deliberation['categories'][number]['ranking'][number];

export interface ReportContext extends ReportInput {
  /** The report's words (core/messages/report.ts) in the chosen language. */
  t: Words<typeof reportMessages>;
  /** Rounds in their order (Seleksi Administrasi first). */
  rounds: Round[];
  nominee: (id: string) => Nominee | undefined;
  categoryName: (id: string) => string;
  /** Any fictional nominee means demo marks: every page says they are not official results. */
  demo: boolean;
  /** The date of the plenary (or of printing, when the event has none), YYYY-MM-DD. */
  plenaryDate: string;
  /** The event's IANA time zone (WITA unless it says otherwise): every time printed is read there. */
  timeZone: string;
  /** A juror's weighted total in a round for a nominee; null unless every criterion was marked. */
  jurorTotal: (jurorId: string, roundId: string, nomineeId: string) => number | null;
  /** The juror's name: from the event, else as typed in their sheet; null when neither says (a blank to write it in). */
  jurorName: (jurorId: string) => string | null;
  /** The paper sheet a juror's section was used from (provenance 'kertas'), or null when it came from their laptop. */
  paperSection: (jurorId: string, roundId: string, categoryId: string) => PaperLabel | null;
  /** Every section used from a paper sheet, with its juror, in the order of the files. */
  paperUsed: (PaperLabel & { jurorId: string })[];
}

export function reportContext(input: ReportInput): ReportContext {
  const { event, result } = input;
  const nominees = new Map(event.nominees.map((n) => [n.id, n]));
  const categories = new Map(event.categories.map((c) => [c.id, c.name[input.lang]]));
  const criteria = new Map<string, Criterion[]>();
  const criteriaOf = (roundId: string, categoryId: string) => {
    const k = compositeKey(roundId, categoryId);
    let list = criteria.get(k);
    if (!list) {
      list = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
      criteria.set(k, list);
    }
    return list;
  };
  const totals = new Map<string, number | null>();
  for (const [k, marks] of Map.groupBy(result.marks, (m) => compositeKey(m.jurorId, m.roundId, m.nomineeId))) {
    const { roundId, nomineeId } = marks[0];
    const categoryId = nominees.get(nomineeId)?.categoryId;
    if (categoryId === undefined) continue;
    const total = weightedTotal(criteriaOf(roundId, categoryId), new Map(marks.map((m) => [m.criterionCode, m.value])));
    totals.set(k, total.scored === total.of ? total.total : null);
  }
  // A paper sheet holds one section: when the reconciliation used the file, that section came from paper.
  const paper = new Map(
    input.files.flatMap((f) =>
      f.paper && f.use === 'used' && f.jurorId ? [[compositeKey(f.jurorId, f.paper.roundId, f.paper.categoryId), f.paper] as const] : [],
    ),
  );
  return {
    ...input,
    t: inLanguage(reportMessages, input.lang),
    rounds: [...event.rounds].sort((a, b) => a.order - b.order),
    nominee: (id) => nominees.get(id),
    categoryName: (id) => categories.get(id) ?? id,
    demo: event.nominees.some((n) => n.fictional),
    plenaryDate: event.schedule.plenary ?? localDate(input.generatedAt, eventTimeZone(event)),
    timeZone: eventTimeZone(event),
    jurorTotal: (jurorId, roundId, nomineeId) => totals.get(compositeKey(jurorId, roundId, nomineeId)) ?? null,
    jurorName: (jurorId) => event.jurors.find((j) => j.id === jurorId)?.name || result.jurorNames[jurorId] || null,
    paperSection: (jurorId, roundId, categoryId) => paper.get(compositeKey(jurorId, roundId, categoryId)) ?? null,
    paperUsed: [...paper.entries()].map(([k, label]) => ({ ...label, jurorId: keyParts(k)[0] })),
  };
}

/** A nominee's name as printed (escaped), with † for a demo nominee that does not exist. */
export function nomineeName(ctx: ReportContext, id: string, name: string): string {
  return `${esc(name)}${ctx.nominee(id)?.fictional ? '<span class="dagger">†</span>' : ''}`;
}
