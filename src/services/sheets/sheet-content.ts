/**
 * What a signed score sheet may say under the event. A signature proves who wrote a sheet, not that what
 * was written is possible: a juror who decrypts their own key (or a modified app) can sign "500" on a 1–5
 * scale, a nominee twenty times, or marks for a nominee they are recused from. Every signed payload is
 * checked here before any of its marks count: by verification (the CLI's verify/merge/report and the
 * app's import, which make such a sheet 'invalid-content') and again by reconciliation, so a payload
 * stored before these checks existed cannot reach the merge either.
 *
 * Numbers and ids are checked against the event as it is now, whatever revision the sheet was scored at;
 * the texts a sheet repeats (names, labels) only when it names the latest revision, since the secretariat
 * may have corrected a spelling since. An older sheet keeps marks for nominees a later shortlist left
 * out: the merge counts only whom the round admits now.
 */
import type { Bilingual, Event } from '../../core/model.ts';
import { canonicalScore, isOnScale } from '../../core/scale.ts';
import { roundNominees } from '../../core/scoring.ts';
import { isAssigned } from '../../core/quorum.ts';
import { sheetContentMessages as say, sheetWritingMessages as what } from '../../core/messages/sheet-writing.ts';
import type { SheetPayload, SheetSection } from './sheet-payload.ts';
import { COVER_SHEET, sectionSheetNames } from './sheet-layout.ts';

/** Enough findings to see the pattern of a forged sheet, without storing one per mark of a national one. */
export const MAX_CONTENT_FINDINGS = 100;

export interface ContentCheckOptions {
  /**
   * The latest package revision: a sheet that names it must repeat the event's texts exactly and score only
   * whom the round admits now. Without it, only the rules that hold at every revision are checked.
   */
  latestPackageRevision?: number;
}

/**
 * Every way the payload breaks the event's rules, each naming the sheet (section), nominee, criterion
 * and rule, in both languages; empty when the payload is possible under the event.
 */
export function contentFindings(event: Event, payload: SheetPayload, options: ContentCheckOptions = {}): Bilingual[] {
  const findings: Bilingual[] = [];
  let omitted = 0;
  const add = (finding: Bilingual) => {
    if (findings.length < MAX_CONTENT_FINDINGS) findings.push(finding);
    else omitted++;
  };
  const sameRevision = payload.packageRevision === options.latestPackageRevision;
  const text = (named: Bilingual, signed: string, expected: string, where: string) => {
    if (sameRevision && signed !== expected) add(say.textDiffers({ where, what: named, signed, expected }));
  };

  const juror = event.jurors.find((j) => j.id === payload.juror.id);
  if (!juror) {
    add(say.jurorNotInEvent({ jurorId: payload.juror.id }));
    return findings;
  }
  const cover = `Sheet ${COVER_SHEET}`;
  text(what.whatEventName(), payload.eventName, event.name, cover);
  text(what.whatPlace(), payload.place, event.place, cover);
  text(what.whatJurorRole(), payload.juror.role, juror.role, cover);
  text(what.whatJurorPosition(), payload.juror.title, juror.title, cover);
  text(what.whatJurorInstitution(), payload.juror.institution, juror.institution, cover);

  const nominees = new Map(event.nominees.map((n) => [n.id, n]));
  const eventConflicts = new Set(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => c.nomineeId));
  const declared = new Set<string>();
  for (const { nomineeId } of payload.declaredConflicts) {
    if (!nominees.has(nomineeId)) {
      add(say.declaredConflictUnknownNominee({ cover, nomineeId }));
    } else if (declared.has(nomineeId)) {
      add(say.declaredConflictTwice({ cover, nominee: nominees.get(nomineeId)!.name, nomineeId }));
    }
    declared.add(nomineeId);
  }

  const sheetNames = sectionSheetNames(payload);
  const seenSections = new Set<string>();
  payload.sections.forEach((section, s) => {
    const where = `Sheet ${sheetNames[s]} (${section.roundName} · ${section.categoryName})`;
    const key = `${section.roundId}/${section.categoryId}`;
    if (seenSections.has(key)) {
      add(say.sectionTwice({ where, roundId: section.roundId, categoryId: section.categoryId }));
      return;
    }
    seenSections.add(key);
    const round = event.rounds.find((r) => r.id === section.roundId);
    if (!round) {
      add(say.roundNotInEvent({ where, roundId: section.roundId }));
      return;
    }
    const category = event.categories.find((c) => c.id === section.categoryId);
    if (!category || !round.categoryIds.includes(category.id)) {
      add(say.categoryNotInRound({ where, categoryId: section.categoryId, round: round.name }));
      return;
    }
    // Issue 16: marks only in the sections the juror is assigned (Penugasan).
    if (
      !isAssigned(event, juror.id, round.id, category.id) &&
      section.nominees.some((n) => Object.values(n.marks).some((m) => m !== null))
    ) {
      add(say.marksWithoutAssignment({ where, jurorId: juror.id, round: round.name, category: category.name }));
      return;
    }
    if (section.roundOrder !== round.order) {
      add(say.roundOrderDiffers({ where, signed: section.roundOrder, expected: round.order }));
    }
    text(what.whatRoundName(), section.roundName, round.name.id, where);
    text(what.whatCategoryName(), section.categoryName, category.name.id, where);

    const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
    const byCode = new Map(criteria.map((c) => [c.code, c]));
    checkCriteria(section, criteria, where, add, text);

    // Who the round admits: at the latest revision exactly the round's nominees (its shortlist once issued);
    // at an older one, nominees of the category (a later shortlist may have left some out).
    const admitted = roundNominees(event, round, category.id);
    if (admitted === null) {
      add(say.roundNotOpen({ where, round: round.name }));
      return;
    }
    const admittedIds = new Set(admitted.map((n) => n.id));
    const seenNominees = new Set<string>();
    for (const entry of section.nominees) {
      const nominee = nominees.get(entry.nomineeId);
      const who = `${where}, ${nominee?.name ?? entry.name} (${entry.nomineeId})`;
      if (seenNominees.has(entry.nomineeId)) {
        add(say.nomineeTwice({ who }));
        continue;
      }
      seenNominees.add(entry.nomineeId);
      if (!nominee || nominee.categoryId !== category.id) {
        add(say.notANomineeOfCategory({ who, category: category.name }));
        continue;
      }
      if (sameRevision && !admittedIds.has(nominee.id)) {
        add(say.notOnShortlist({ who, round: round.name }));
      }
      text(what.whatName(), entry.name, nominee.fictional ? `${nominee.name}†` : nominee.name, who);
      text(what.whatRegion(), entry.region, nominee.region, who);

      const conflicted = eventConflicts.has(nominee.id) || declared.has(nominee.id);
      if (conflicted && entry.conflict === null) {
        add(say.conflictNotRecorded({ who }));
      }
      if (!conflicted && entry.conflict !== null) {
        add(say.conflictUnknown({ who }));
      }
      for (const [code, mark] of Object.entries(entry.marks)) {
        const criterion = byCode.get(code);
        const at = `${who}, ${code}`;
        if (!criterion) {
          add(say.criterionNotInSection({ at }));
          continue;
        }
        if (mark === null) continue;
        if (conflicted || entry.conflict !== null) {
          add(say.markDespiteConflict({ at, mark }));
          continue;
        }
        const { scale } = criterion;
        const value = Number(mark);
        if (!isOnScale(value, scale)) {
          add(say.markOffScale({ at, mark, min: scale.min, max: scale.max, step: scale.step }));
        } else if (canonicalScore(value, scale) !== mark) {
          add(say.markNotCanonical({ at, mark, canonical: canonicalScore(value, scale) }));
        }
      }
      for (const criterion of criteria) {
        if (!(criterion.code in entry.marks)) add(say.criterionMissingFromRow({ who, code: criterion.code }));
      }
    }
  });
  if (omitted > 0) findings.push(say.moreFindings({ count: omitted }));
  return findings;
}

/** The section's criteria are the event's for this round and category, with the same weights and scales. */
function checkCriteria(
  section: SheetSection,
  criteria: Event['criteria'],
  where: string,
  add: (finding: Bilingual) => void,
  text: (what: Bilingual, signed: string, expected: string, where: string) => void,
): void {
  const signed = new Map<string, SheetSection['criteria'][number]>();
  for (const c of section.criteria) {
    if (signed.has(c.code)) add(say.criterionTwice({ where, code: c.code }));
    signed.set(c.code, c);
  }
  for (const criterion of criteria) {
    const c = signed.get(criterion.code);
    if (!c) {
      add(say.eventCriterionMissing({ where, code: criterion.code }));
      continue;
    }
    if (c.weight !== criterion.weight) add(say.weightDiffers({ where, code: c.code, signed: c.weight, expected: criterion.weight }));
    if (c.scaleMax !== criterion.scale.max) {
      add(say.scaleMaxDiffers({ where, code: c.code, signed: c.scaleMax, expected: criterion.scale.max }));
    }
    text(what.whatCriterionLabel(), c.label, criterion.label.id, `${where}, ${c.code}`);
  }
  const known = new Set(criteria.map((c) => c.code));
  for (const code of signed.keys()) {
    if (!known.has(code)) add(say.criterionNotInEvent({ where, code }));
  }
}
