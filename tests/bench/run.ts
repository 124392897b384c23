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

const dir = mkdtempSync(join(tmpdir(), 'timbang-bench-'));
try {
  console.log(`Timbang bench · Node ${process.versions.node} · ${new Date().toISOString()}`);
  for (const [name, event] of [['demo (40 nominees)', demo], ['national (2,000 nominees)', nationalScale(2000)]] as const) {
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
    demo.criteria.filter((c) => c.roundId === 'administrasi' && c.categoryIds.includes(nominee.categoryId)).map((c) => ({ nomineeId: nominee.id, criterionCode: c.code })),
  );
  let n = 0;
  measure('recordScore (validated, FULL sync), 10,000 writes', 10_000, () => {
    const target = targets[n % targets.length];
    recordScore(ws.db, demo, { jurorId: 'J1', roundId: 'administrasi', ...target }, (n++ % 5) + 1);
  });
  console.log(`${''.padEnd(66)} journal_mode=${ws.db.pragma('journal_mode', { simple: true })} synchronous=${ws.db.pragma('synchronous', { simple: true })} (2 = FULL)`);
  ws.close();

  // Filter-as-you-type over 2,000 nominees: one measurement per keystroke of "kopdit flobamora".
  const national = nationalScale(2000).nominees.map((nominee, i) => (i % 97 === 0 ? { ...nominee, name: `Kopdit Flobamora ${i}` } : nominee));
  const typed = 'kopdit flobamora';
  let k = 0;
  measure('filterNominees, 2,000 nominees, per keystroke', typed.length * 20, () => {
    filterNominees(national, typed.slice(0, (k++ % typed.length) + 1));
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
