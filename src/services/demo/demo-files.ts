/**
 * `timbang demo`: the demo event as a secretariat would hand it out (a package with all nine jurors
 * enrolled), the nine jurors' enrolment files, and their signed score sheets for both rounds, with
 * generated marks. Every key is made for the occasion and forgotten: these files prove the chain works.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { MergeMark } from '../../core/merge.ts';
import type { Event } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint, publicKeyText } from '../keys/signing.ts';
import { writeEnrolment } from '../packages/enrolment.ts';
import { writePackage } from '../packages/event-package.ts';
import { writeScoreSheet } from '../sheets/score-sheet.ts';
import { sheetPayload } from '../sheets/sheet-export.ts';
import { demoScores } from './demo-scores.ts';
import { demoAbsent } from '../attendance/demo-attendance.ts';
import { NATIONAL_SEED, nationalEvent, nationalMarks, type NationalSize } from './national-demo.ts';

export interface DemoFiles {
  seed: number;
  packageText: string;
  /** Juror id → the .xlsx bytes of their signed sheet. */
  sheets: Map<string, Buffer>;
  /** Juror id → their signed enrolment file, for a secretariat workspace to enrol them. */
  enrolments: Map<string, string>;
  /** Juror id → their key, in memory only (tests sign further sheets with it); never written out. */
  jurorKeys: Map<string, UnlockedKey>;
}

function throwawayKey(): UnlockedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

export async function demoFiles(event: Event, seed?: number, now = new Date()): Promise<DemoFiles> {
  const scores = demoScores(event, seed);
  return { ...(await signedDemoFiles(event, scores.marks, now)), seed: scores.seed };
}

/** The national-scale demo (national-demo.ts): the event it grew to, and its package and signed sheets. */
export async function nationalDemoFiles(
  base: Event,
  size: NationalSize,
  seed = NATIONAL_SEED,
  now = new Date(),
): Promise<DemoFiles & { event: Event }> {
  const event = nationalEvent(base, size);
  return { ...(await signedDemoFiles(event, nationalMarks(event, seed), now)), seed, event };
}

/** A package with every juror enrolled, and each juror's finalized sheet of both rounds, signed with throwaway keys. */
async function signedDemoFiles(event: Event, marks: readonly MergeMark[], now: Date): Promise<Omit<DemoFiles, 'seed'>> {
  const jurorKeys = new Map(event.jurors.map((j) => [j.id, throwawayKey()]));
  const name = (jurorId: string) => `Juri ${jurorId} (demo)`;
  const packageText = writePackage(
    event,
    1,
    now.toISOString(),
    event.jurors.map((j) => ({
      jurorId: j.id,
      name: name(j.id),
      publicKey: jurorKeys.get(j.id)!.publicKey,
      fingerprint: jurorKeys.get(j.id)!.fingerprint,
    })),
    throwawayKey(),
  );
  const byJuror = Map.groupBy(marks, (m) => m.jurorId);
  const sheets = new Map<string, Buffer>();
  for (const juror of event.jurors) {
    const conflicts = new Map(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => [c.nomineeId, c.reason]));
    const payload = sheetPayload({
      event,
      jurorId: juror.id,
      jurorName: name(juror.id),
      roundIds: event.rounds.map((r) => r.id),
      marks: byJuror.get(juror.id) ?? [],
      notes: [],
      conflicts,
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: now.toISOString(),
      key: jurorKeys.get(juror.id)!,
    });
    // Issue 16: the section the demo juror was absent from is not in their sheet at all (missing, then excused).
    const sections = payload.sections.filter((s) => !demoAbsent(event, juror.id, s.roundId, s.categoryId));
    sheets.set(juror.id, await writeScoreSheet({ ...payload, sections }, jurorKeys.get(juror.id)!));
  }
  const enrolments = new Map(event.jurors.map((j) => [j.id, writeEnrolment(event.id, j.id, name(j.id), jurorKeys.get(j.id)!, now)]));
  return { packageText, sheets, enrolments, jurorKeys };
}
