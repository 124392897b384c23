/**
 * The panel as it really sits (issue 16, items 2 and 3): who is assigned to score what (Penugasan), whether
 * a round × category had its quorum, and whether every nominee of a category was scored by the same jurors
 * (recusals apart). Today two nominees of one category could be ranked on different juror sets (nine marks
 * for one, three for another) without anyone being told; these findings name the nominees and the jurors.
 * Pure: from the event, the merge's marks, the conflicts and the completeness of the sections.
 */
import { compositeKey } from './composite-key.ts';
import { quorumMessages } from './messages/event.ts';
import type { Bilingual, Event, Round } from './model.ts';
import { roundNominees } from './scoring.ts';

/** Whether a juror is assigned a round × category: its Penugasan row, or wajib when there is none. */
export function isAssigned(event: Pick<Event, 'assignments'>, jurorId: string, roundId: string, categoryId: string): boolean {
  const row = event.assignments?.find((a) => a.jurorId === jurorId && a.roundId === roundId && a.categoryId === categoryId);
  return row === undefined || row.duty === 'wajib';
}

/** The jurors assigned to a round × category, in the event's order. */
export function assignedJurors(event: Pick<Event, 'jurors' | 'assignments'>, roundId: string, categoryId: string): string[] {
  return event.jurors.filter((j) => isAssigned(event, j.id, roundId, categoryId)).map((j) => j.id);
}

/** How many jurors a round's quorum asks for out of `assigned`, or null when the round sets none. */
export function requiredQuorum(round: Pick<Round, 'quorum'>, assigned: number): number | null {
  const quorum = round.quorum;
  if (quorum === undefined) return null;
  if (typeof quorum === 'number') return quorum;
  return Math.ceil((quorum.numerator * assigned) / quorum.denominator - 1e-9);
}

/** The quorum as people write it: "5" or "2/3". */
export function quorumText(round: Pick<Round, 'quorum'>): string | null {
  const quorum = round.quorum;
  if (quorum === undefined) return null;
  return typeof quorum === 'number' ? String(quorum) : `${quorum.numerator}/${quorum.denominator}`;
}

export interface PanelMark {
  jurorId: string;
  roundId: string;
  nomineeId: string;
  criterionCode: string;
}

export type SectionState = 'received' | 'unfinished' | 'missing' | 'conflict' | 'excused';

export interface SectionPanel {
  roundId: string;
  categoryId: string;
  /** Jurors assigned (Penugasan). */
  assigned: string[];
  /** Jurors whose section was used (received, or sent unfinished). */
  present: string[];
  /** Jurors excused (berhalangan). */
  excused: string[];
  /** The quorum asked for, or null when the round sets none. */
  required: number | null;
  quorumMet: boolean;
  /** Jurors who marked at least one nominee of the section: who assessed it. */
  assessedBy: string[];
  /** Nominees not scored by the same jurors as the rest, recusals apart, with the jurors named. */
  unequal: { nomineeId: string; scoredBy: string[]; missing: string[]; partial: string[] }[];
}

/**
 * For every round × category: who was assigned, present and excused, the quorum, who assessed it, and the
 * nominees the panel did not treat equally. `completeness` is per juror, "round/category" → state.
 */
export function panelSections(
  event: Event,
  marks: readonly PanelMark[],
  conflicts: readonly { jurorId: string; nomineeId: string }[],
  completeness: Record<string, Record<string, string>>,
): SectionPanel[] {
  const recused = new Set(conflicts.map((c) => compositeKey(c.jurorId, c.nomineeId)));
  const byRoundNominee = new Map<string, Map<string, Set<string>>>(); // round/nominee → juror → criteria
  for (const m of marks) {
    const key = compositeKey(m.roundId, m.nomineeId);
    let jurors = byRoundNominee.get(key);
    if (!jurors) byRoundNominee.set(key, (jurors = new Map()));
    let criteria = jurors.get(m.jurorId);
    if (!criteria) jurors.set(m.jurorId, (criteria = new Set()));
    criteria.add(m.criterionCode);
  }
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const sections: SectionPanel[] = [];
  for (const round of rounds) {
    for (const category of event.categories.filter((c) => round.categoryIds.includes(c.id))) {
      const section = `${round.id}/${category.id}`;
      const assigned = assignedJurors(event, round.id, category.id);
      const state = (jurorId: string) => completeness[jurorId]?.[section];
      const present = assigned.filter((j) => state(j) === 'received' || state(j) === 'unfinished');
      const excused = assigned.filter((j) => state(j) === 'excused');
      const required = requiredQuorum(round, assigned.length);
      const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id)).map((c) => c.code);
      const nominees = roundNominees(event, round, category.id) ?? [];
      const assessedBy = event.jurors
        .map((j) => j.id)
        .filter((j) => nominees.some((n) => byRoundNominee.get(compositeKey(round.id, n.id))?.has(j)));
      const unequal: SectionPanel['unequal'] = [];
      for (const nominee of nominees) {
        const given = byRoundNominee.get(compositeKey(round.id, nominee.id)) ?? new Map<string, Set<string>>();
        const expected = assessedBy.filter((j) => !recused.has(compositeKey(j, nominee.id)));
        const scoredBy = expected.filter((j) => given.has(j));
        const missing = expected.filter((j) => !given.has(j));
        const partial = scoredBy.filter((j) => criteria.some((c) => !given.get(j)!.has(c)));
        if (missing.length > 0 || partial.length > 0) unequal.push({ nomineeId: nominee.id, scoredBy, missing, partial });
      }
      sections.push({
        roundId: round.id,
        categoryId: category.id,
        assigned,
        present,
        excused,
        required,
        quorumMet: required === null || present.length >= required,
        assessedBy,
        unequal,
      });
    }
  }
  return sections;
}

/** The checklist's quorum item lines: each round × category below its quorum, with who was there and who was not. */
export function quorumFindings(event: Event, sections: readonly SectionPanel[]): Bilingual[] {
  return sections
    .filter((s) => !s.quorumMet)
    .map((s) => {
      const round = event.rounds.find((r) => r.id === s.roundId)!;
      const category = event.categories.find((c) => c.id === s.categoryId)!;
      const absent = s.assigned.filter((j) => !s.present.includes(j));
      return quorumMessages.belowQuorum({
        round: round.name,
        category: category.name,
        present: s.present,
        required: s.required,
        assigned: s.assigned.length,
        absent,
      });
    });
}

/** The checklist's equal-treatment lines: each nominee scored by other jurors than the rest of its category. */
export function equalTreatmentFindings(event: Event, sections: readonly SectionPanel[]): Bilingual[] {
  return sections.flatMap((s) => {
    const round = event.rounds.find((r) => r.id === s.roundId)!;
    const category = event.categories.find((c) => c.id === s.categoryId)!;
    return s.unequal.map((u) => {
      const nominee = event.nominees.find((n) => n.id === u.nomineeId);
      const name = nominee ? `${nominee.name}${nominee.fictional ? '†' : ''}` : u.nomineeId;
      const missing = u.missing.length ? quorumMessages.notScoredBy({ jurors: u.missing }) : null;
      const partial = u.partial.length ? quorumMessages.incompleteFrom({ jurors: u.partial }) : null;
      const parts = [missing, partial].filter((p): p is Bilingual => p !== null);
      return quorumMessages.unequal({
        round: round.name,
        category: category.name,
        nominee: name,
        scoredBy: u.scoredBy,
        others: s.assessedBy.length,
        parts,
      });
    });
  });
}
