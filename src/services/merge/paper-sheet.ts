/**
 * A keyed and resolved paper form becomes a score sheet like any other: the same payload (one section), the
 * same workbook, provenance 'kertas' with the form, its checksum, both operators' names and optionally the
 * SHA-256 of a scan or photo; signed with the secretariat's key (never the juror's) and then received through
 * the same inbox as every laptop sheet (sheet-inbox.ts), so it passes the same verification, content
 * checks and reconciliation, including the paper rule (paper/paper-rule.ts).
 *
 * Its revision is one above every valid sheet the secretariat holds for that juror and section when it is
 * signed: it supersedes what came before it, and a laptop sheet of that revision or higher, made later on
 * the juror's own laptop, supersedes it in turn.
 */
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { listReceived, receiveSheet, type ReceivedSheet } from './sheet-inbox.ts';
import { writeScoreSheet } from '../sheets/score-sheet.ts';
import { sheetPayload } from '../sheets/sheet-export.ts';
import type { SheetPayload } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import type { FormSection, PaperFormLayout } from '../paper/paper-form.ts';
import { compare, firstEntry, settledEntry, summarize, keyingRow, type KeyingSummary } from '../paper/paper-keying.ts';
import { paperMessages } from '../../core/messages/paper.ts';

/** A valid sheet the secretariat holds with the section of a form. */
export interface HeldSheet {
  id: number;
  fileName: string;
  sheetRevision: number;
  paper: boolean;
}

/** The valid sheets held for a juror's section (laptop and paper), oldest first. */
export function heldSheets(db: Db, eventId: string, { jurorId, roundId, categoryId }: FormSection): HeldSheet[] {
  const rows = db
    .prepare(
      "SELECT id, file_name AS fileName, payload FROM received_sheet WHERE event_id = ? AND juror_id = ? AND status = 'valid' ORDER BY id",
    )
    .all(eventId, jurorId) as { id: number; fileName: string; payload: string | null }[];
  return rows.flatMap(({ id, fileName, payload }) => {
    if (!payload) return [];
    const parsed = JSON.parse(payload) as Pick<SheetPayload, 'sheetRevision' | 'sections' | 'provenance'>;
    return parsed.sections.some((s) => s.roundId === roundId && s.categoryId === categoryId)
      ? [{ id, fileName, sheetRevision: parsed.sheetRevision, paper: parsed.provenance !== undefined }]
      : [];
  });
}

/** The revision a paper sheet of this section gets if signed now. */
export function nextPaperRevision(db: Db, eventId: string, section: FormSection): number {
  return 1 + Math.max(0, ...heldSheets(db, eventId, section).map((s) => s.sheetRevision));
}

/** The signed payload of a settled form: one section, the juror's event conflicts, provenance 'kertas'. */
export function paperPayload(
  event: Event,
  form: PaperFormLayout,
  settled: { marks: Record<string, Record<string, string | null>>; jurorName: string },
  provenance: { operators: [string, string]; scanSha256?: string },
  packageRevision: number,
  sheetRevision: number,
  key: UnlockedKey,
  now: Date,
): SheetPayload {
  const marks = Object.entries(settled.marks).flatMap(([nomineeId, row]) =>
    Object.entries(row).flatMap(([criterionCode, mark]) =>
      mark === null ? [] : [{ roundId: form.round.id, nomineeId, criterionCode, value: Number(mark) }],
    ),
  );
  // A signed paper form is final, unless a box was left blank: then the section is as unfinished as a laptop's would be.
  const complete = form.nominees.every((n) => n.conflict !== null || form.criteria.every((c) => settled.marks[n.id]?.[c.code] != null));
  const payload = sheetPayload({
    event,
    jurorId: form.juror.id,
    jurorName: settled.jurorName,
    roundIds: [form.round.id],
    marks,
    notes: [],
    conflicts: new Map(form.nominees.flatMap((n) => (n.conflict === null ? [] : [[n.id, n.conflict] as const]))),
    declaredConflicts: [],
    isFinalized: () => complete,
    packageRevision,
    sheetRevision,
    exportedAt: now.toISOString(),
    key,
  });
  return {
    ...payload,
    sections: payload.sections.filter((s) => s.categoryId === form.category.id),
    provenance: {
      kind: 'kertas',
      formNumber: form.formNumber,
      checksum: form.checksum,
      operators: provenance.operators,
      ...(provenance.scanSha256 ? { scanSha256: provenance.scanSha256 } : {}),
    },
  };
}

export interface SignedPaper {
  keying: KeyingSummary;
  sheet: ReceivedSheet;
  /** The valid sheets of that section it now supersedes (laptop or older paper). */
  supersedes: HeldSheet[];
}

/**
 * Signs a keying whose differences are all resolved into a paper sheet with the secretariat's key, and
 * receives it. Refused while only one entry is in, while a difference is unresolved, once it is signed,
 * and when the form's layout has changed since it was keyed.
 */
export async function signPaperSheet(
  db: Db,
  event: Event,
  revision: number,
  keyingId: number,
  key: UnlockedKey,
  options: { scanSha256?: string } = {},
  now = new Date(),
): Promise<SignedPaper> {
  const comparison = compare(db, event, revision, keyingId);
  const { keying, form } = comparison;
  if (keying.state === 'signed') {
    throw new AppError(
      'conflict',
      paperMessages.alreadySigned({
        formNumber: keying.formNumber,
        fileName: keying.sheet!.fileName,
        sheetRevision: keying.sheet!.sheetRevision,
      }),
    );
  }
  const open = comparison.cells.filter((c) => c.resolution === null);
  if (open.length > 0) {
    const cells = open
      .map((c) =>
        c.criterionCode ? `${form.nominees.find((n) => n.id === c.nomineeId)?.name ?? c.nomineeId} ${c.criterionCode}` : 'nama juri',
      )
      .join('; ');
    throw new AppError('incomplete', paperMessages.unresolvedCells({ formNumber: keying.formNumber, open: open.length, cells }), {
      cells: open.map((c) => c.cell),
    });
  }
  const fileName = `kertas-${form.formNumber}-ketik-${keyingId}.xlsx`;
  const supersedes = heldSheets(db, event.id, keying).filter((s) => s.fileName !== fileName);
  // A sheet stored for this keying whose link was not written (the process ended in between) is linked, not signed again.
  const stored = db.prepare('SELECT id FROM received_sheet WHERE event_id = ? AND file_name = ?').get(event.id, fileName) as
    { id: number } | undefined;
  let receivedId = stored?.id;
  let sheetRevision = stored
    ? (db.prepare('SELECT sheet_revision AS r FROM received_sheet WHERE id = ?').get(stored.id) as { r: number }).r
    : 0;
  if (!stored) {
    sheetRevision = 1 + Math.max(0, ...supersedes.map((s) => s.sheetRevision));
    const settled = settledEntry(comparison, firstEntry(db, keyingId));
    const payload = paperPayload(
      event,
      form,
      settled,
      { operators: comparison.operators, scanSha256: options.scanSha256 },
      revision,
      sheetRevision,
      key,
      now,
    );
    const received = await receiveSheet(db, event, await writeScoreSheet(payload, key), fileName, now);
    receivedId = received.sheet.id;
  }
  db.prepare('INSERT INTO paper_sheet (keying_id, received_sheet_id, sheet_revision, scan_sha256, signed_at) VALUES (?, ?, ?, ?, ?)').run(
    keyingId,
    receivedId,
    sheetRevision,
    options.scanSha256 ?? null,
    now.toISOString(),
  );
  const sheet = listReceived(db, event).sheets.find((s) => s.id === receivedId)!;
  return {
    keying: summarize(db, event, revision, keyingRow(db, event.id, keyingId)),
    sheet,
    supersedes: supersedes.filter((s) => s.sheetRevision < sheetRevision),
  };
}

/** The .xlsx a keying was signed into, as received (the same bytes the inbox verified and keeps). */
export function paperSheetFile(db: Db, eventId: string, keyingId: number): { fileName: string; bytes: Buffer } {
  const row = db
    .prepare(
      'SELECT r.file_name AS fileName, r.bytes FROM paper_sheet s JOIN paper_keying k ON k.id = s.keying_id JOIN received_sheet r ON r.id = s.received_sheet_id WHERE s.keying_id = ? AND k.event_id = ?',
    )
    .get(keyingId, eventId) as { fileName: string; bytes: Buffer } | undefined;
  if (!row) {
    throw new AppError('not-found', paperMessages.keyingNotSigned({ keyingId }));
  }
  return row;
}
