/**
 * `npm run bench`: figures, never pass/fail. The hot paths: validating an event, writing it to a
 * workspace and listing nominees (demo and a national-scale 2,000 nominees); a juror's score writes
 * (each one committed with synchronous=FULL before it returns); filtering 2,000 nominees as a name is typed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Event } from '../../src/core/model.ts';
import { validateEvent } from '../../src/core/validate-event.ts';
import { filterNominees } from '../../src/core/scoring.ts';
import { listNominees, nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
import { recordScore } from '../../src/services/scores/score-store.ts';
import { reportBench } from './report.ts';
import { demoScoreBench, nationalBench } from './national.ts';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { generateKeyPairSync } from 'node:crypto';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';

const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'demo-event.json'), 'utf8')) as Event;

/** The demo event grown to `count` nominees spread over its categories. */
function nationalScale(count: number): Event {
  const event = structuredClone(demo);
  event.nominees = Array.from({ length: count }, (_, i) => ({
    id: `n-${String(i + 1).padStart(5, '0')}`,
    categoryId: event.categories[i % event.categories.length].id,
    name: `Nominasi ${i + 1}`,
    region: `Wilayah ${i % 38}`,
    fictional: true,
    attributes: {},
  }));
  event.conflicts = [];
  // The demo's figures and documents (issue 17) name its own nominees, not these.
  delete event.figures;
  delete event.documents;
  return event;
}

function measure(label: string, runs: number, work: () => void): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
  console.log(`${label.padEnd(66)} runs=${String(runs).padStart(4)}  p50=${pct(0.5)} ms  p99=${pct(0.99)} ms`);
}

/**
 * `npm run bench -- --quick` (or TIMBANG_BENCH_QUICK=1): the national figures at 1,000 nominees × 8 sheets,
 * the growth tables to 1,000 nominees and 4 sheets, the report on the demo only: a few minutes instead of
 * the full run's quarter of an hour on two cores. TIMBANG_BENCH_PAIRS: interleaved pairs per ratio (≥ 3).
 * TIMBANG_BENCH_FIXTURES=DIR keeps the generated national demos there and reuses them next time.
 */
const quick = process.argv.includes('--quick') || process.env.TIMBANG_BENCH_QUICK === '1';
const pairs = Math.max(3, Number(process.env.TIMBANG_BENCH_PAIRS ?? 3));

const dir = mkdtempSync(join(tmpdir(), 'timbang-bench-'));
try {
  const started = performance.now();
  console.log(
    `Timbang bench · Node ${process.versions.node} · ${new Date().toISOString()} · ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? ' · --quick (smaller national figures)' : ''}`,
  );
  for (const [name, event] of [
    ['demo (40 nominees)', demo],
    ['national (2,000 nominees)', nationalScale(2000)],
  ] as const) {
    measure(`validateEvent, ${name}`, 50, () => {
      if (!validateEvent(event).ok) throw new Error('bench event invalid');
    });
    const ws = openWorkspace(join(dir, `${event.nominees.length}.sqlite`));
    measure(`saveEvent (one transaction, FULL sync), ${name}`, 20, () => saveEvent(ws.db, event, nextRevision(ws.db, event.id)));
    measure(`listNominees, ${name}`, 100, () => listNominees(ws.db, event.id));
    ws.close();
  }

  // A juror's marks: every write validated and committed (WAL, synchronous=FULL) before the next.
  const ws = openWorkspace(join(dir, 'scores.sqlite'));
  saveEvent(ws.db, demo, nextRevision(ws.db, demo.id));
  const targets = demo.nominees.flatMap((nominee) =>
    demo.criteria
      .filter((c) => c.roundId === 'administrasi' && c.categoryIds.includes(nominee.categoryId))
      .map((c) => ({ nomineeId: nominee.id, criterionCode: c.code })),
  );
  let n = 0;
  measure('recordScore (validated, FULL sync), 10,000 writes', 10_000, () => {
    const target = targets[n % targets.length];
    recordScore(ws.db, demo, { jurorId: 'J1', roundId: 'administrasi', ...target }, (n++ % 5) + 1);
  });
  console.log(
    `${''.padEnd(66)} journal_mode=${ws.db.pragma('journal_mode', { simple: true })} synchronous=${ws.db.pragma('synchronous', { simple: true })} (2 = FULL)`,
  );
  ws.close();

  // Filter-as-you-type over 2,000 nominees: one measurement per keystroke of "kopdit flobamora".
  const national = nationalScale(2000).nominees.map((nominee, i) =>
    i % 97 === 0 ? { ...nominee, name: `Kopdit Flobamora ${i}` } : nominee,
  );
  const typed = 'kopdit flobamora';
  let k = 0;
  measure('filterNominees, 2,000 nominees, per keystroke', typed.length * 20, () => {
    filterNominees(national, typed.slice(0, (k++ % typed.length) + 1));
  });

  await demoScoreBench(2000);
  await sheetBench();
  await nationalBench({ quick, pairs });
  await reportBench(quick);
  console.log(`\nbench took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** A national-scale juror sheet: 2,000 nominees × 12 criteria × 2 rounds, written (signed) and verified. */
async function sheetBench(): Promise<void> {
  const rubric = [1, 2, 3, 4, 5].map((score) => ({ score, text: { id: `tingkat ${score}`, en: `level ${score}` } }));
  const criteria = ['administrasi', 'wawancara'].flatMap((roundId) =>
    Array.from({ length: 12 }, (_, i) => ({
      code: `${roundId === 'administrasi' ? 'A' : 'W'}${i + 1}`,
      roundId,
      categoryIds: ['nasional'],
      label: { id: `Kriteria ${i + 1}`, en: `Criterion ${i + 1}` },
      weight: i < 11 ? 8 : 12,
      scale: { min: 1, max: 5, step: 1 },
      rubric,
    })),
  );
  const event: Event = {
    ...structuredClone(demo),
    id: 'paritrana-nasional',
    categories: [{ id: 'nasional', name: { id: 'Nasional', en: 'National' } }],
    rounds: demo.rounds.map((r) => ({ ...r, categoryIds: ['nasional'], shortlistSize: null })),
    criteria,
    conflicts: [],
    nominees: Array.from({ length: 2000 }, (_, i) => ({
      id: `n-${i + 1}`,
      categoryId: 'nasional',
      name: `Nominasi ${i + 1}`,
      region: `Wilayah ${i % 38}`,
      fictional: true,
      attributes: {},
    })),
    merge: { ...demo.merge, overall: null },
  };
  delete event.figures;
  delete event.documents;
  if (!validateEvent(event).ok) throw new Error('bench sheet event invalid');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = { privateKey, publicKey: publicKeyText(publicKey), fingerprint: fingerprint(publicKeyText(publicKey)) };
  const marks = event.nominees.flatMap((n, i) =>
    criteria.map((c, k) => ({ roundId: c.roundId, nomineeId: n.id, criterionCode: c.code, value: ((i + k) % 5) + 1 })),
  );
  const payload = sheetPayload({
    event,
    jurorId: 'J1',
    jurorName: 'Bench',
    roundIds: ['administrasi', 'wawancara'],
    marks,
    notes: [],
    conflicts: new Map(),
    declaredConflicts: [],
    isFinalized: () => true,
    packageRevision: 1,
    sheetRevision: 1,
    exportedAt: new Date().toISOString(),
    key,
  });
  let bytes: Buffer = Buffer.alloc(0);
  await measureAsync(`score sheet export, 2,000 nominees × 12 criteria × 2 rounds`, 3, async () => {
    bytes = await writeScoreSheet(payload, key);
  });
  console.log(`${''.padEnd(66)} ${(bytes.length / 1024 / 1024).toFixed(2)} MiB`);
  const context = { event, latestPackageRevision: 1, jurorKeys: new Map([['J1', key.publicKey]]) };
  await measureAsync('score sheet verify, same sheet', 3, async () => {
    const result = await verifyScoreSheet(new Uint8Array(bytes), 'bench.xlsx', context);
    if (result.status !== 'valid') throw new Error(`bench sheet ${result.status}`);
  });
}

async function measureAsync(label: string, runs: number, work: () => Promise<void>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(66)} runs=${String(runs).padStart(4)}  median=${times[Math.floor(runs / 2)].toFixed(0)} ms  max=${times.at(-1)!.toFixed(0)} ms`,
  );
}
