/**
 * Score sheet files on disk, as `timbang verify`, `timbang merge`, `timbang report` and `timbang audit` read
 * them: verified against the event package here, then reconciled and deliberated by the same service as the
 * app's inbox (services/merge/merge-verified.ts), with the verification row of every file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Deliberation } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { pick } from '../../core/messages/catalog.ts';
import { cliMessages, inBoth } from '../../core/messages/cli.ts';
import { reportMessages } from '../../core/messages/report.ts';
import type { Bilingual, Event, MergeRule } from '../../core/model.ts';
import { fingerprint } from '../../services/keys/signing.ts';
import { requireMarks } from '../../services/merge/deliberation.ts';
import { mergeVerified, NO_PLENARY_RECORDS, type PlenaryRecords, type VerifiedSheet } from '../../services/merge/merge-verified.ts';
import { markContentChecked, type Reconciliation } from '../../services/merge/reconcile.ts';
import type { RekapFile } from '../../services/merge/rekapitulasi.ts';
import { readPackage, requireSecretariat } from '../../services/packages/event-package.ts';
import { paperAnnotations } from '../../services/paper/paper-labels.ts';
import type { SheetVerification } from '../../services/sheets/score-sheet.ts';
import { verifyPool } from '../../services/workers/verify-pool.ts';
import { withPreviousKeys } from '../../services/continuity/juror-keys.ts';
import { previousKeysByJuror } from '../../services/packages/key-statements.ts';
import type { CliContext, Lang } from '../context.ts';
import { requireCurrentPackage, type SecretariatPin } from './secretariat-pin.ts';

/** Who signed the event package the sheets were checked against, and whether that key was pinned. */
export interface PackageSigner {
  /** The package file as given. */
  package: string;
  revision: number;
  /** The fingerprint of the secretariat key that signed the package. */
  fingerprint: string;
  /** True when it matched the key given with --secretariat or --db; false when none was given. */
  pinned: boolean;
}

/** Sheet files verified against a package: each file's verification and hash (empty when unreadable), in the order given. */
export interface VerifiedFiles {
  event: Event;
  results: SheetVerification[];
  hashes: string[];
  signer: PackageSigner;
}

/**
 * Verifies sheet files against an event package file; a file that cannot be read is reported as malformed.
 * With a pin, a package signed by another secretariat key is refused before any sheet is read.
 */
export async function verifyFiles(packageFile: string, sheets: string[], pin: SecretariatPin | null): Promise<VerifiedFiles> {
  const pkg = readPackage(new Uint8Array(readFileSync(packageFile)), packageFile);
  if (pin) {
    requireSecretariat(pkg, pin.fingerprint, pin.from);
    requireCurrentPackage(pin, pkg.event.id, pkg.revision, packageFile);
  }
  const signer = { package: packageFile, revision: pkg.revision, fingerprint: pkg.secretariat.fingerprint, pinned: pin !== null };
  const context = {
    event: pkg.event,
    latestPackageRevision: pkg.revision,
    jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    // The key that signed the package: the only one a paper sheet (provenance 'kertas') may be signed with.
    secretariatKey: pkg.secretariat.publicKey,
  };
  const hashes: string[] = [];
  // Independent files, verified side by side in the pool's worker threads; each result keeps its file's place.
  const pool = verifyPool();
  // Issue 21 (continuity/juror-keys.ts): a sheet signed by an earlier key of its juror, bound by the package's key change, is that juror's.
  const verify = withPreviousKeys(pool.verify, previousKeysByJuror(pkg.jurorKeyChanges));
  const results = await Promise.all(
    sheets.map(async (sheet, i): Promise<SheetVerification> => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(sheet));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        hashes[i] = '';
        return {
          file: sheet,
          status: 'malformed',
          juror: null,
          rounds: [],
          revision: null,
          details: [cliMessages.fileUnreadable({ reason })],
          payload: null,
          signingKey: null,
        };
      }
      hashes[i] = createHash('sha256').update(bytes).digest('hex');
      const result = await verify(bytes, basename(sheet), context);
      // Verified valid against this very event: reconcile need not check its content again.
      if (result.status === 'valid' && result.payload) markContentChecked(pkg.event, result.payload);
      return { ...result, file: sheet };
    }),
  );
  return { event: pkg.event, results, hashes, signer };
}

export interface DeliberatedFiles {
  event: Event;
  results: SheetVerification[];
  signer: PackageSigner;
  reconciled: Reconciliation;
  summary: Deliberation;
  /** One verification row per input file, in the order given. */
  rekap: RekapFile[];
}

/**
 * Verified files as the merge's inputs, keyed by path and position: the same path given twice is two inputs,
 * the second a duplicate (identical copies under different names are still told apart by name, whatever the
 * order given).
 */
export function verifiedFiles(results: readonly SheetVerification[]): VerifiedSheet[] {
  return results.map((r, i) => ({ key: compositeKey(r.file, String(i).padStart(6, '0')), status: r.status, payload: r.payload }));
}

/**
 * Verify, reconcile and deliberate sheet files by the given rule (the event's own by default), with the
 * plenary's records when there are any (`timbang audit --db`); the deliberation must hold marks.
 */
export async function deliberateFiles(
  packageFile: string,
  sheets: string[],
  pin: SecretariatPin | null,
  rule?: MergeRule,
  plenary: PlenaryRecords = NO_PLENARY_RECORDS,
): Promise<DeliberatedFiles> {
  const verified = await verifyFiles(packageFile, sheets, pin);
  const merged = mergeFiles(verified, rule, plenary);
  return { ...merged, summary: requireMarks(merged.summary) };
}

/** Files verified by `verifyFiles`, reconciled and deliberated, with one verification row per file. */
export function mergeFiles(
  { event, results, hashes, signer }: VerifiedFiles,
  rule?: MergeRule,
  plenary: PlenaryRecords = NO_PLENARY_RECORDS,
): DeliberatedFiles {
  const { reconciliation: reconciled, deliberation: summary } = mergeVerified(
    event,
    verifiedFiles(results),
    rule ?? event.merge.rule,
    plenary,
  );
  const paper = paperAnnotations(results.map((r) => (r.status === 'valid' ? r.payload : null)));
  const rekap = results.map((r, i) => ({
    fileName: basename(r.file),
    fileHash: hashes[i],
    jurorId: r.juror,
    signedWith: r.signingKey ? fingerprint(r.signingKey) : null,
    sheetRevision: r.revision,
    status: r.status,
    use: reconciled.files[i].use,
    ...paper[i],
    ...(r.status === 'valid' && r.payload?.dossierHash ? { dossierHash: r.payload.dossierHash } : {}),
  }));
  return { event, results, signer, reconciled, summary, rekap };
}

/** The mark on every result read against a package whose signer nobody pinned. */
export const NOT_PINNED: Bilingual = reportMessages.notPinned();

/** The package's signer in --json output: whose key, and whether it was pinned (with the mark when not). */
export function signerJson(signer: PackageSigner) {
  return { ...signer, warning: signer.pinned ? null : NOT_PINNED };
}

/** One line for people: which package, signed by which secretariat key, pinned or not. */
export function signerLine(signer: PackageSigner, lang: Lang): string {
  const state = signer.pinned ? cliMessages.pinned() : inBoth((language) => `— ${pick(NOT_PINNED, language)}`);
  return pick(
    cliMessages.packageSigner({ package: signer.package, revision: signer.revision, fingerprint: signer.fingerprint, state }),
    lang,
  );
}

/** On stderr, so it reaches a person even when stdout goes to a file or is JSON. */
export function warnNotPinned(signer: PackageSigner, cli: CliContext): void {
  if (signer.pinned) return;
  cli.io.err(cli.say(cliMessages.notPinnedWarning({ package: signer.package, fingerprint: signer.fingerprint })));
}
