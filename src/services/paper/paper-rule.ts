/**
 * The paper rule of reconciliation, and the notes that say how it applied.
 *
 * A paper sheet (provenance 'kertas') takes its revision when the secretariat signs it: one above every
 * sheet it then held for that juror and section (paper-sheet.ts). A laptop sheet whose revision is as high
 * or higher was therefore made by the juror on their own laptop afterwards, or without the secretariat
 * knowing of it: it is the juror's own signature, and it wins. So, per juror × round × category:
 * - a paper section whose revision is not above every laptop revision of that section is set aside (never
 *   used), and its note names the laptop revision that prevails;
 * - otherwise the ordinary revision rules of merge/reconcile.ts decide, and a laptop section the paper one
 *   supersedes gets a note naming the form and who keyed it.
 * Nothing here depends on the order sheets arrived in, so the results hash stays order-independent.
 *
 * reconcile.ts calls `withoutSetAsidePaper` on its candidate sections (one call, so that file stays as its
 * owner shapes it); `paperNotes` gives the same decisions as sentences for the sheet list, the report and
 * the Rekapitulasi.
 */
import type { Bilingual } from '../../core/model.ts';
import { compositeKey } from '../../core/composite-key.ts';
import type { SheetPayload, SheetSection } from '../sheets/sheet-payload.ts';
import { paperMessages } from '../../core/messages/paper.ts';

interface Candidate {
  file: string;
  payload: SheetPayload;
  section: SheetSection;
}

/** Why the reconciliation uses a file's section as it does, when paper is involved. */
export interface PaperNote {
  file: string;
  jurorId: string;
  roundId: string;
  categoryId: string;
  note: Bilingual;
}

const sectionKey = (c: Candidate) => compositeKey(c.payload.juror.id, c.section.roundId, c.section.categoryId);
const where = (c: Candidate) => `${c.payload.juror.id}, ${c.section.roundName} · ${c.section.categoryName}`;
const newest = <C extends Candidate>(list: readonly C[]) =>
  list.reduce<C | null>((best, c) => (best === null || c.payload.sheetRevision > best.payload.sheetRevision ? c : best), null);

/** One section's candidates: those set aside by the paper rule, with the laptop revision that prevails. */
function decide<C extends Candidate>(candidates: readonly C[]): { setAside: Set<C>; laptop: C | null } {
  const setAside = new Set<C>();
  const laptop = newest(candidates.filter((c) => !c.payload.provenance));
  if (laptop === null) return { setAside, laptop };
  for (const c of candidates) if (c.payload.provenance && c.payload.sheetRevision <= laptop.payload.sheetRevision) setAside.add(c);
  return { setAside, laptop };
}

/** The candidate sections that take part in the revision rules: all but paper ones set aside by the paper rule. */
export function withoutSetAsidePaper<C extends Candidate>(candidates: C[]): C[] {
  if (!candidates.some((c) => c.payload.provenance)) return candidates; // no paper at all: nothing to do
  const setAside = new Set<C>();
  for (const section of Map.groupBy(candidates, sectionKey).values()) {
    if (section.some((c) => c.payload.provenance)) for (const c of decide(section).setAside) setAside.add(c);
  }
  return candidates.filter((c) => !setAside.has(c));
}

/** The notes on every section where paper took part, for the files given (valid payloads only; others null). */
export function paperNotes(received: readonly { file: string; payload: SheetPayload | null }[]): PaperNote[] {
  const candidates = received.flatMap(({ file, payload }) =>
    payload ? payload.sections.map((section): Candidate => ({ file, payload, section })) : [],
  );
  const notes: PaperNote[] = [];
  const note = (c: Candidate, text: Bilingual) =>
    notes.push({ file: c.file, jurorId: c.payload.juror.id, roundId: c.section.roundId, categoryId: c.section.categoryId, note: text });
  for (const section of Map.groupBy(candidates, sectionKey).values()) {
    if (!section.some((c) => c.payload.provenance)) continue;
    const { setAside, laptop } = decide(section);
    for (const c of setAside) {
      note(
        c,
        paperMessages.paperOlderThanLaptop({
          formNumber: c.payload.provenance!.formNumber,
          paperRevision: c.payload.sheetRevision,
          where: where(c),
          laptopRevision: laptop!.payload.sheetRevision,
        }),
      );
    }
    const paper = newest(section.filter((c) => c.payload.provenance && !setAside.has(c)));
    if (!paper) continue;
    const { formNumber, operators } = paper.payload.provenance!;
    for (const c of section.filter((c) => !c.payload.provenance)) {
      note(
        c,
        paperMessages.supersededByPaper({
          where: where(c),
          laptopRevision: c.payload.sheetRevision,
          formNumber,
          paperRevision: paper.payload.sheetRevision,
          firstOperator: operators[0],
          secondOperator: operators[1],
        }),
      );
    }
  }
  return notes;
}
