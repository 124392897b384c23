/**
 * The attack of issue 14 that pinning the secretariat key stops, staged as an attacker would: the demo's
 * jurors (`timbang demo`) enrolled in a real secretariat workspace that issues the real package; then a copy
 * of that package with one juror's key swapped for the attacker's and the round weights changed, re-signed
 * with another key (the real package functions), and that juror's sheet forged with the swapped key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../../src/core/model.ts';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import { readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { DEMO_EVENT_PATH } from './demo.ts';
import { TEST_PASSPHRASE } from './workspace.ts';

type Run = (...argv: string[]) => Promise<{ code: number; out: string; err: string }>;

export const JURORS = ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9'];
/** The juror whose key the attacker swaps. */
export const SWAPPED_JUROR = 'J3';
/** The nominee the forged sheet pushes up: third in Jasa Keuangan on the honest marks. */
export const FAVOURED = 'jasa-keuangan-03';

export interface StagedAttack {
  /** The secretariat's workspace, holding the real key. */
  workspace: string;
  realPackage: string;
  realFingerprint: string;
  /** The nine honest sheets from `timbang demo`. */
  sheets: string[];
  forgedPackage: string;
  forgedFingerprint: string;
  /** The nine sheets with the swapped juror's replaced by the forgery. */
  forgedSheets: string[];
}

function throwawayKey(): UnlockedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

async function expectOk(run: Run, ...argv: string[]): Promise<string> {
  const result = await run(...argv);
  if (result.code !== 0) throw new Error(`timbang ${argv.join(' ')} exited ${result.code}: ${result.err}`);
  return result.out;
}

export async function stageAttack(run: Run, dir: string): Promise<StagedAttack> {
  const demo = join(dir, 'd');
  await expectOk(run, 'demo', '--out', demo);
  const sheets = JURORS.map((j) => join(demo, 'sheets', `${j}.xlsx`));

  // The secretariat: the demo event, the demo jurors' enrolment files, the package signed with its own key.
  const workspace = join(dir, 'sekretariat.sqlite');
  await expectOk(run, 'event', 'import', DEMO_EVENT_PATH, '--db', workspace);
  await expectOk(run, 'enrol', '--db', workspace, ...JURORS.map((j) => join(demo, 'enrolments', `${j}.timbang-enrol`)));
  const realPackage = join(dir, 'acara.timbang');
  const previous = process.env.TIMBANG_PASSPHRASE;
  process.env.TIMBANG_PASSPHRASE = TEST_PASSPHRASE;
  let packaged: string;
  try {
    packaged = await expectOk(run, 'event', 'package', '--db', workspace, '--out', realPackage);
  } finally {
    if (previous === undefined) delete process.env.TIMBANG_PASSPHRASE;
    else process.env.TIMBANG_PASSPHRASE = previous;
  }
  const realFingerprint = /sidik jari sekretariat (\d{5}(?: \d{5}){4})/.exec(packaged)![1];

  // The attacker: the same package, J3's key swapped, the weights turned around, re-signed with another key.
  const real = readPackage(new Uint8Array(readFileSync(realPackage)), 'acara.timbang');
  const event: Event = structuredClone(real.event);
  event.rounds.find((r) => r.id === 'administrasi')!.weight = 10;
  event.rounds.find((r) => r.id === 'wawancara')!.weight = 90;
  const jurorKey = throwawayKey();
  const secretariatKey = throwawayKey();
  const jurorKeys = real.jurorKeys.map((k) =>
    k.jurorId === SWAPPED_JUROR ? { ...k, publicKey: jurorKey.publicKey, fingerprint: jurorKey.fingerprint } : k,
  );
  const forgedPackage = join(dir, 'acara-palsu.timbang');
  writeFileSync(forgedPackage, writePackage(event, real.revision + 1, new Date().toISOString(), jurorKeys, secretariatKey));

  // J3's sheet, forged with the swapped key: top marks for one nominee, the lowest for every other.
  const marks = event.criteria.flatMap((c) =>
    event.nominees
      .filter((n) => c.categoryIds.includes(n.categoryId))
      .map((n) => ({
        roundId: c.roundId,
        nomineeId: n.id,
        criterionCode: c.code,
        value: n.id === FAVOURED ? c.scale.max : c.scale.min,
      })),
  );
  const payload = sheetPayload({
    event,
    jurorId: SWAPPED_JUROR,
    jurorName: `Juri ${SWAPPED_JUROR} (demo)`,
    roundIds: event.rounds.map((r) => r.id),
    marks,
    notes: [],
    conflicts: new Map(event.conflicts.filter((c) => c.jurorId === SWAPPED_JUROR).map((c) => [c.nomineeId, c.reason])),
    declaredConflicts: [],
    isFinalized: () => true,
    packageRevision: real.revision + 1,
    sheetRevision: 1,
    exportedAt: new Date().toISOString(),
    key: jurorKey,
  });
  mkdirSync(join(dir, 'palsu'), { recursive: true });
  const forgedSheet = join(dir, 'palsu', `${SWAPPED_JUROR}.xlsx`);
  writeFileSync(forgedSheet, await writeScoreSheet(payload, jurorKey));
  const forgedSheets = sheets.map((s, i) => (JURORS[i] === SWAPPED_JUROR ? forgedSheet : s));

  return { workspace, realPackage, realFingerprint, sheets, forgedPackage, forgedFingerprint: secretariatKey.fingerprint, forgedSheets };
}
