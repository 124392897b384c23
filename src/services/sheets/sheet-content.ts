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

const fmt = (n: number) => String(n);

/**
 * Every way the payload breaks the event's rules, each naming the sheet (section), nominee, criterion
 * and rule, in both languages; empty when the payload is possible under the event.
 */
export function contentFindings(event: Event, payload: SheetPayload, options: ContentCheckOptions = {}): Bilingual[] {
  const findings: Bilingual[] = [];
  let omitted = 0;
  const add = (id: string, en: string) => {
    if (findings.length < MAX_CONTENT_FINDINGS) findings.push({ id, en });
    else omitted++;
  };
  const sameRevision = payload.packageRevision === options.latestPackageRevision;
  const text = (what: Bilingual, signed: string, expected: string, where: string) => {
    if (sameRevision && signed !== expected) {
      add(
        `${where}: ${what.id} "${signed}" tidak sama dengan acara ("${expected}")`,
        `${where}: ${what.en} "${signed}" differs from the event ("${expected}")`,
      );
    }
  };

  const juror = event.jurors.find((j) => j.id === payload.juror.id);
  if (!juror) {
    add(`Juri ${payload.juror.id} tidak ada di acara ini`, `Juror ${payload.juror.id} is not in this event`);
    return findings;
  }
  const cover = `Sheet ${COVER_SHEET}`;
  text({ id: 'nama acara', en: 'event name' }, payload.eventName, event.name, cover);
  text({ id: 'tempat', en: 'place' }, payload.place, event.place, cover);
  text({ id: 'peran juri', en: "juror's role" }, payload.juror.role, juror.role, cover);
  text({ id: 'jabatan juri', en: "juror's position" }, payload.juror.title, juror.title, cover);
  text({ id: 'instansi juri', en: "juror's institution" }, payload.juror.institution, juror.institution, cover);

  const nominees = new Map(event.nominees.map((n) => [n.id, n]));
  const eventConflicts = new Set(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => c.nomineeId));
  const declared = new Set<string>();
  for (const { nomineeId } of payload.declaredConflicts) {
    if (!nominees.has(nomineeId)) {
      add(
        `${cover}: benturan kepentingan dinyatakan dengan nominasi ${nomineeId}, yang tidak ada di acara`,
        `${cover}: a conflict of interest is declared with nominee ${nomineeId}, who is not in the event`,
      );
    } else if (declared.has(nomineeId)) {
      add(
        `${cover}: benturan kepentingan dengan ${nominees.get(nomineeId)!.name} (${nomineeId}) dinyatakan dua kali`,
        `${cover}: the conflict of interest with ${nominees.get(nomineeId)!.name} (${nomineeId}) is declared twice`,
      );
    }
    declared.add(nomineeId);
  }

  const sheetNames = sectionSheetNames(payload);
  const seenSections = new Set<string>();
  payload.sections.forEach((section, s) => {
    const where = `Sheet ${sheetNames[s]} (${section.roundName} · ${section.categoryName})`;
    const key = `${section.roundId}/${section.categoryId}`;
    if (seenSections.has(key)) {
      add(
        `${where}: babak ${section.roundId} kategori ${section.categoryId} muncul lebih dari sekali dalam lembar ini`,
        `${where}: round ${section.roundId}, category ${section.categoryId} appears more than once in this sheet`,
      );
      return;
    }
    seenSections.add(key);
    const round = event.rounds.find((r) => r.id === section.roundId);
    if (!round) {
      add(`${where}: babak ${section.roundId} tidak ada di acara`, `${where}: round ${section.roundId} is not in the event`);
      return;
    }
    const category = event.categories.find((c) => c.id === section.categoryId);
    if (!category || !round.categoryIds.includes(category.id)) {
      add(
        `${where}: kategori ${section.categoryId} tidak dinilai di babak ${round.name.id}`,
        `${where}: category ${section.categoryId} is not scored in round ${round.name.en}`,
      );
      return;
    }
    // Issue 16: marks only in the sections the juror is assigned (Penugasan).
    if (
      !isAssigned(event, juror.id, round.id, category.id) &&
      section.nominees.some((n) => Object.values(n.marks).some((m) => m !== null))
    ) {
      add(
        `${where}: ${juror.id} tidak ditugaskan menilai babak ${round.name.id} kategori ${category.name.id} (Penugasan: tidak), tetapi lembar memberi nilai`,
        `${where}: ${juror.id} is not assigned to score round ${round.name.en}, category ${category.name.en} (Penugasan: tidak), but the sheet gives marks`,
      );
      return;
    }
    if (section.roundOrder !== round.order) {
      add(
        `${where}: urutan babak ${fmt(section.roundOrder)}, di acara ${fmt(round.order)}`,
        `${where}: round order ${fmt(section.roundOrder)}, in the event ${fmt(round.order)}`,
      );
    }
    text({ id: 'nama babak', en: 'round name' }, section.roundName, round.name.id, where);
    text({ id: 'nama kategori', en: 'category name' }, section.categoryName, category.name.id, where);

    const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
    const byCode = new Map(criteria.map((c) => [c.code, c]));
    checkCriteria(section, criteria, where, add, text);

    // Who the round admits: at the latest revision exactly the round's nominees (its shortlist once issued);
    // at an older one, nominees of the category (a later shortlist may have left some out).
    const admitted = roundNominees(event, round, category.id);
    if (admitted === null) {
      add(
        `${where}: babak ${round.name.id} belum dibuka untuk kategori ini (daftar pendek belum diterbitkan)`,
        `${where}: round ${round.name.en} is not open for this category yet (no shortlist issued)`,
      );
      return;
    }
    const admittedIds = new Set(admitted.map((n) => n.id));
    const seenNominees = new Set<string>();
    for (const entry of section.nominees) {
      const nominee = nominees.get(entry.nomineeId);
      const who = `${where}, ${nominee?.name ?? entry.name} (${entry.nomineeId})`;
      if (seenNominees.has(entry.nomineeId)) {
        add(`${who}: nominasi ini muncul lebih dari sekali di bagian ini`, `${who}: this nominee appears more than once in this section`);
        continue;
      }
      seenNominees.add(entry.nomineeId);
      if (!nominee || nominee.categoryId !== category.id) {
        add(
          `${who}: bukan nominasi kategori ${category.name.id} di acara ini`,
          `${who}: not a nominee of category ${category.name.en} in this event`,
        );
        continue;
      }
      if (sameRevision && !admittedIds.has(nominee.id)) {
        add(`${who}: tidak termasuk daftar pendek babak ${round.name.id}`, `${who}: not on the shortlist of round ${round.name.en}`);
      }
      text({ id: 'nama', en: 'name' }, entry.name, nominee.fictional ? `${nominee.name}†` : nominee.name, who);
      text({ id: 'wilayah', en: 'region' }, entry.region, nominee.region, who);

      const conflicted = eventConflicts.has(nominee.id) || declared.has(nominee.id);
      if (conflicted && entry.conflict === null) {
        add(
          `${who}: juri ini berbenturan kepentingan dengan nominasi ini, tetapi lembar tidak mencatatnya`,
          `${who}: this juror has a conflict of interest with this nominee, but the sheet does not record it`,
        );
      }
      if (!conflicted && entry.conflict !== null) {
        add(
          `${who}: lembar mencatat benturan kepentingan yang tidak ada di acara maupun di pernyataan juri`,
          `${who}: the sheet records a conflict of interest that is neither in the event nor declared by the juror`,
        );
      }
      for (const [code, mark] of Object.entries(entry.marks)) {
        const criterion = byCode.get(code);
        const at = `${who}, ${code}`;
        if (!criterion) {
          add(`${at}: kriteria ini tidak dinilai di bagian ini`, `${at}: this criterion is not scored in this section`);
          continue;
        }
        if (mark === null) continue;
        if (conflicted || entry.conflict !== null) {
          add(
            `${at}: nilai ${mark} untuk nominasi yang berbenturan kepentingan dengan juri ini`,
            `${at}: mark ${mark} for a nominee this juror has a conflict of interest with`,
          );
          continue;
        }
        const { scale } = criterion;
        const value = Number(mark);
        if (!isOnScale(value, scale)) {
          add(
            `${at}: nilai ${mark} di luar skala ${fmt(scale.min)}–${fmt(scale.max)} (kelipatan ${fmt(scale.step)})`,
            `${at}: mark ${mark} is off the scale ${fmt(scale.min)}–${fmt(scale.max)} (step ${fmt(scale.step)})`,
          );
        } else if (canonicalScore(value, scale) !== mark) {
          add(
            `${at}: nilai ditulis "${mark}", bukan bentuk bakunya "${canonicalScore(value, scale)}"`,
            `${at}: the mark is written "${mark}", not in its canonical form "${canonicalScore(value, scale)}"`,
          );
        }
      }
      for (const criterion of criteria) {
        if (!(criterion.code in entry.marks))
          add(
            `${who}, ${criterion.code}: kriteria tidak ada di baris ini`,
            `${who}, ${criterion.code}: the criterion is missing from this row`,
          );
      }
    }
  });
  if (omitted > 0) findings.push({ id: `… dan ${fmt(omitted)} temuan lain`, en: `… and ${fmt(omitted)} more findings` });
  return findings;
}

/** The section's criteria are the event's for this round and category, with the same weights and scales. */
function checkCriteria(
  section: SheetSection,
  criteria: Event['criteria'],
  where: string,
  add: (id: string, en: string) => void,
  text: (what: Bilingual, signed: string, expected: string, where: string) => void,
): void {
  const signed = new Map<string, SheetSection['criteria'][number]>();
  for (const c of section.criteria) {
    if (signed.has(c.code)) add(`${where}, ${c.code}: kriteria muncul dua kali`, `${where}, ${c.code}: the criterion appears twice`);
    signed.set(c.code, c);
  }
  for (const criterion of criteria) {
    const c = signed.get(criterion.code);
    if (!c) {
      add(
        `${where}, ${criterion.code}: kriteria acara ini tidak ada di lembar`,
        `${where}, ${criterion.code}: this event criterion is missing from the sheet`,
      );
      continue;
    }
    if (c.weight !== criterion.weight)
      add(
        `${where}, ${c.code}: bobot ${fmt(c.weight)}, di acara ${fmt(criterion.weight)}`,
        `${where}, ${c.code}: weight ${fmt(c.weight)}, in the event ${fmt(criterion.weight)}`,
      );
    if (c.scaleMax !== criterion.scale.max)
      add(
        `${where}, ${c.code}: skala maksimum ${fmt(c.scaleMax)}, di acara ${fmt(criterion.scale.max)}`,
        `${where}, ${c.code}: scale maximum ${fmt(c.scaleMax)}, in the event ${fmt(criterion.scale.max)}`,
      );
    text({ id: 'nama kriteria', en: 'criterion label' }, c.label, criterion.label.id, `${where}, ${c.code}`);
  }
  const known = new Set(criteria.map((c) => c.code));
  for (const code of signed.keys()) {
    if (!known.has(code))
      add(
        `${where}, ${code}: kriteria ini tidak ada di acara untuk babak dan kategori ini`,
        `${where}, ${code}: this criterion is not in the event for this round and category`,
      );
  }
}
