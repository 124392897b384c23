/**
 * `npm run bench`: figures, never pass/fail. Measures what the walking skeleton does on the hot paths:
 * validating an event, writing it to a workspace (synchronous=FULL), and listing nominees, for the demo
 * event and for a national-scale event of 2,000 nominees.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Event } from '../../src/core/model.ts';
import { validateEvent } from '../../src/core/validate-event.ts';
import { listNominees, nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
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
} finally {
  rmSync(dir, { recursive: true, force: true });
}
