/**
 * Results hashes computed the way the app and the CLI compute them, for the results-hash stability test
 * and the bench: the NTT demo through its signed sheets, and the national demo through its signed payloads.
 */
import { createHash } from 'node:crypto';
import type { Deliberation } from '../../src/api/contract.ts';
import type { MergeRule } from '../../src/core/model.ts';
import { canonicalJson } from '../../src/services/keys/signing.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { NATIONAL_SEED, nationalEvent, nationalMarks, type NationalSize } from '../../src/services/demo/national-demo.ts';
import { deliberate } from '../../src/services/merge/deliberation.ts';
import { reconcile } from '../../src/services/merge/reconcile.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { demoDocument } from './demo.ts';
import { jurorKey } from './sheets.ts';

export const RULES: MergeRule[] = ['mean', 'trimmed', 'median', 'zscore'];

/** The NTT demo (`timbang demo`, no seed): its nine signed sheets verified, reconciled and merged by each rule. */
export async function demoHashes(): Promise<Record<MergeRule, string>> {
  const results = await demoDeliberations();
  return Object.fromEntries(RULES.map((rule) => [rule, results[rule].resultsHash])) as Record<MergeRule, string>;
}

/**
 * The hash of the rankings alone: the summary as it was before issue 16 added the awards (places per
 * category, empty places, special awards) to it. The rankings themselves must not move.
 */
export function rankingsHash(result: Pick<Deliberation, 'eventId' | 'rule' | 'categories' | 'overall'>): string {
  const { eventId, rule, categories, overall } = result;
  return createHash('sha256').update(canonicalJson({ eventId, rule, categories, overall })).digest('hex');
}

/** The NTT demo's deliberation under each rule. */
export async function demoDeliberations(): Promise<Record<MergeRule, Deliberation>> {
  const files = await demoFiles(demoDocument());
  const pkg = readPackage(new TextEncoder().encode(files.packageText), 'event.timbang');
  const context = {
    event: pkg.event,
    latestPackageRevision: pkg.revision,
    jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
  };
  const received = [];
  for (const [jurorId, bytes] of files.sheets) {
    const result = await verifyScoreSheet(new Uint8Array(bytes), `${jurorId}.xlsx`, context);
    if (result.status !== 'valid') throw new Error(`demo sheet ${jurorId}: ${result.status}`);
    received.push({ file: `${jurorId}.xlsx`, payload: result.payload });
  }
  const reconciled = reconcile(pkg.event, received);
  return Object.fromEntries(
    RULES.map((rule) => [
      rule,
      deliberate(
        pkg.event,
        rule,
        reconciled,
        reconciled.files.map((f) => f.use),
        [],
      ),
    ]),
  ) as Record<MergeRule, Deliberation>;
}

/**
 * The national demo (`timbang demo --nominees … --jurors … --criteria …`): the payloads its sheets sign
 * (the same marks the files carry), reconciled and merged by each rule asked for.
 */
export function nationalHashes(size: NationalSize, rules: readonly MergeRule[], seed = NATIONAL_SEED): Partial<Record<MergeRule, string>> {
  const event = nationalEvent(demoDocument(), size);
  const marks = Map.groupBy(nationalMarks(event, seed), (m) => m.jurorId);
  const received = event.jurors.map((juror) => {
    const key = jurorKey();
    const payload = sheetPayload({
      event,
      jurorId: juror.id,
      jurorName: `Juri ${juror.id} (demo)`,
      roundIds: event.rounds.map((r) => r.id),
      marks: marks.get(juror.id) ?? [],
      notes: [],
      conflicts: new Map(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => [c.nomineeId, c.reason])),
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: '2025-07-04T02:00:00.000Z',
      key,
    });
    return { file: `${juror.id}.xlsx`, payload };
  });
  const reconciled = reconcile(event, received);
  return Object.fromEntries(
    rules.map((rule) => [
      rule,
      deliberate(
        event,
        rule,
        reconciled,
        reconciled.files.map((f) => f.use),
        [],
      ).resultsHash,
    ]),
  );
}
