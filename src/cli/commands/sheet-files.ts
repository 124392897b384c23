/**
 * Score sheet files on disk, as `timbang verify`, `timbang merge` and `timbang report` read them: verified
 * against the event package, reconciled and deliberated, with the verification row of every file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Deliberation } from '../../api/contract.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { fingerprint } from '../../services/keys/signing.ts';
import { deliberate, requireMarks } from '../../services/merge/deliberation.ts';
import { reconcile, type Reconciliation } from '../../services/merge/reconcile.ts';
import type { RekapFile } from '../../services/merge/rekapitulasi.ts';
import { readPackage } from '../../services/packages/event-package.ts';
import { verifyScoreSheet, type SheetVerification } from '../../services/sheets/score-sheet.ts';

/** Verifies sheet files against an event package file; a file that cannot be read is reported as malformed. */
export async function verifyFiles(packageFile: string, sheets: string[]): Promise<{ event: Event; results: SheetVerification[]; hashes: string[] }> {
  const pkg = readPackage(new Uint8Array(readFileSync(packageFile)), basename(packageFile));
  const context = {
    event: pkg.event,
    latestPackageRevision: pkg.revision,
    jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
  };
  const results: SheetVerification[] = [];
  const hashes: string[] = [];
  for (const sheet of sheets) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(sheet));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results.push({ file: sheet, status: 'malformed', juror: null, rounds: [], revision: null, details: [{ id: `Berkas tidak dapat dibaca (${reason}).`, en: `The file cannot be read (${reason}).` }], payload: null, signingKey: null });
      hashes.push('');
      continue;
    }
    hashes.push(createHash('sha256').update(bytes).digest('hex'));
    results.push({ ...(await verifyScoreSheet(bytes, basename(sheet), context)), file: sheet });
  }
  return { event: pkg.event, results, hashes };
}

export interface DeliberatedFiles {
  event: Event;
  results: SheetVerification[];
  reconciled: Reconciliation;
  summary: Deliberation;
  /** One verification row per input file, in the order given. */
  rekap: RekapFile[];
}

/** Verify, reconcile and deliberate sheet files by the given rule (the event's own by default). */
export async function deliberateFiles(packageFile: string, sheets: string[], rule?: MergeRule): Promise<DeliberatedFiles> {
  const { event, results, hashes } = await verifyFiles(packageFile, sheets);
  // Keyed by path and position: the same path given twice is two inputs, the second a duplicate
  // (identical copies under different names are still told apart by name, whatever the order given).
  const reconciled = reconcile(event, results.map((r, i) => ({ file: `${r.file}\u0000${String(i).padStart(6, '0')}`, payload: r.status === 'valid' ? r.payload : null })));
  const summary = requireMarks(deliberate(event, rule ?? event.merge.rule, reconciled, reconciled.files.map((f) => f.use), []));
  const rekap = results.map((r, i) => ({
    fileName: basename(r.file), fileHash: hashes[i], jurorId: r.juror, signedWith: r.signingKey ? fingerprint(r.signingKey) : null,
    sheetRevision: r.revision, status: r.status, use: reconciled.files[i].use,
  }));
  return { event, results, reconciled, summary, rekap };
}
