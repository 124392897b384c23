/**
 * How a paper sheet is labelled wherever sheets are listed (the sheet list, the report's verification appendix
 * and Berita Acara, the Rekapitulasi's Verifikasi sheet): *kertas*, its form, who keyed it, and the notes of
 * the paper rule (paper-rule.ts) on how the reconciliation used it and the laptop sheets around it.
 */
import type { Bilingual } from '../../core/model.ts';
import type { SheetPayload } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import { paperNotes } from './paper-rule.ts';
import { workspaceSecretariatKey } from './paper-verify.ts';

/** What a paper sheet says about itself: the form, who keyed it, a scan's hash, and the one section it covers. */
export interface PaperLabel {
  formNumber: string;
  operators: [string, string];
  scanSha256: string | null;
  roundId: string;
  categoryId: string;
}

/** The paper label of a payload; null for a sheet from a juror's laptop. */
export function paperLabel(payload: SheetPayload | null | undefined): PaperLabel | null {
  const provenance = payload?.provenance;
  if (!payload || !provenance) return null;
  const [section] = payload.sections;
  return {
    formNumber: provenance.formNumber,
    operators: provenance.operators,
    scanSha256: provenance.scanSha256 ?? null,
    roundId: section.roundId,
    categoryId: section.categoryId,
  };
}

export interface PaperAnnotation {
  paper: PaperLabel | null;
  /** Why the reconciliation used (or did not use) the file's sections as it did, where paper took part. */
  notes: Bilingual[];
}

/**
 * One annotation per file, in the order given (the valid payloads, null for the others), with only what
 * applies: `paper` for a paper sheet, `notes` where paper took part; empty for every other file, so a laptop
 * sheet's row reads as it always did. Nothing to read when no sheet is paper.
 */
export function paperAnnotations(payloads: readonly (SheetPayload | null)[]): Partial<PaperAnnotation>[] {
  if (!payloads.some((p) => p?.provenance)) return payloads.map(() => ({}));
  const notes = Map.groupBy(paperNotes(payloads.map((payload, i) => ({ file: String(i), payload }))), (n) => n.file);
  return payloads.map((payload, i) => {
    const paper = paperLabel(payload);
    const said = (notes.get(String(i)) ?? []).map((n) => n.note);
    return { ...(paper ? { paper } : {}), ...(said.length > 0 ? { notes: said } : {}) };
  });
}

/**
 * The sheets of the secretariat's inbox with their paper annotations. Only a sheet signed with the
 * secretariat's own key can be a valid paper sheet, so without one nothing else is read; with some, only the
 * payloads of the jurors concerned are.
 */
export function withPaperLabels<S extends { id: number }>(db: Db, eventId: string, sheets: readonly S[]): (S & Partial<PaperAnnotation>)[] {
  const plain = () => [...sheets];
  const secretariatKey = workspaceSecretariatKey(db);
  if (!secretariatKey) return plain();
  const signed = db
    .prepare("SELECT DISTINCT juror_id AS jurorId FROM received_sheet WHERE event_id = ? AND status = 'valid' AND public_key = ?")
    .all(eventId, secretariatKey) as { jurorId: string }[];
  if (signed.length === 0) return plain();
  const rows = db
    .prepare(
      `SELECT id, payload FROM received_sheet WHERE event_id = ? AND status = 'valid' AND juror_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(eventId, JSON.stringify(signed.map((s) => s.jurorId))) as { id: number; payload: string | null }[];
  const payloads = rows.map((r) => (r.payload ? (JSON.parse(r.payload) as SheetPayload) : null));
  const annotations = new Map(paperAnnotations(payloads).map((a, i) => [rows[i].id, a]));
  return sheets.map((s) => ({ ...s, ...annotations.get(s.id) }));
}
