/**
 * One measured run of `npm run bench`, in a process of its own so that every run starts cold and its peak
 * memory is its own: `node tests/bench/child.ts <mode> <json args>`; prints one line of JSON.
 *
 * Modes:
 *   exceljs   exceljs 4.4.0 loading each sheet (`new ExcelJS.Workbook().xlsx.readFile(f)`), one after another
 *   app       the app's path: a secretariat workspace imports each sheet through the API handlers (dispatch,
 *             as the transports call them), then opens the deliberation and one nominee's protocol;
 *             `concurrent: true` sends every import at once, as a renderer may (verification in the pool)
 *   reopen    the deliberation of a workspace already imported, in a fresh process (the app restarted)
 *   cli       `timbang merge --json` in-process (verify, reconcile, deliberate)
 *   export    one juror's sheet export through the handlers, from a juror workspace holding every mark
 *   score     score writes through the handlers (dispatch → recordScore), each committed before the next
 * TIMBANG_VERIFY_THREADS decides the verification threads (0: none, everything on one core).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Handlers } from '../../src/api/contract.ts';
import { dispatch } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import type { Event } from '../../src/core/model.ts';
import { saveAuthored } from '../../src/services/events/authored.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { enrol, readEnrolment } from '../../src/services/packages/enrolment.ts';
import { applyPackage, demoPackage } from '../../src/services/packages/event-package.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { verifyPool } from '../../src/services/workers/verify-pool.ts';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
const [mode, raw] = process.argv.slice(2);
const args = JSON.parse(raw ?? '{}') as Record<string, unknown>;

interface Fixture {
  dir: string;
  sheets: string[];
}

async function call<T>(handlers: Handlers, method: string, input: unknown): Promise<{ value: T; bytes: number }> {
  const envelope = await dispatch(handlers, method, input);
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  // What a transport sends: the envelope as JSON.
  return { value: envelope.value as T, bytes: Buffer.byteLength(JSON.stringify(envelope)) };
}

function secretariat(dir: string, workspace: string) {
  const ws = openWorkspace(workspace);
  const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as Event;
  return { ws, event, handlers: createHandlers({ workspace: ws, resourcesDir: RESOURCES, appVersion: 'bench' }) };
}

/**
 * CPU time (user + system, every thread of the process) since `from`, in ms: unlike the wall time, it hardly
 * moves when other work shares the machine, so its ratios stay comparable between busy and quiet runs.
 */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function rss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

async function run(): Promise<Record<string, unknown>> {
  switch (mode) {
    case 'exceljs': {
      const { sheets } = args as unknown as Fixture;
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const file of sheets) await new ExcelJS.Workbook().xlsx.readFile(file);
      return { ms: performance.now() - start, cpuMs: cpuMs(cpu) };
    }
    case 'app': {
      const { dir, sheets } = args as unknown as Fixture;
      const { ws, event, handlers } = secretariat(dir, args.workspace as string);
      saveAuthored(ws.db, event);
      for (const file of sheets) {
        const juror = basename(file, '.xlsx');
        const enrolment = join(dir, 'enrolments', `${juror}.timbang-enrol`);
        enrol(ws.db, readEnrolment(new Uint8Array(readFileSync(enrolment)), basename(enrolment)), basename(enrolment));
      }
      const files = sheets.map((f) => ({ fileName: basename(f), base64: readFileSync(f).toString('base64') }));
      const perSheet: number[] = [];
      const start = performance.now();
      const cpu = process.cpuUsage();
      const importOne = async (file: (typeof files)[number]) => {
        const began = performance.now();
        const { value } = await call<{ sheet: { status: string } }>(handlers, 'importSheet', { eventId: event.id, file });
        if (value.sheet.status !== 'valid') throw new Error(`${file.fileName}: ${value.sheet.status}`);
        perSheet.push(performance.now() - began);
      };
      if (args.concurrent) await Promise.all(files.map(importOne));
      else for (const file of files) await importOne(file);
      const imported = performance.now();
      const deliberation = await call<{ resultsHash: string; categories: { ranking: { nomineeId: string }[] }[] }>(
        handlers,
        'deliberation',
        { eventId: event.id, rule: event.merge.rule },
      );
      const deliberated = performance.now();
      const deliberatedCpu = cpuMs(cpu);
      const nomineeId = deliberation.value.categories[0].ranking[0].nomineeId;
      const protocol = await call(handlers, 'nomineeProtocol', { eventId: event.id, rule: event.merge.rule, nomineeId });
      const opened = performance.now();
      const threads = verifyPool().counts.threads;
      ws.close();
      return {
        ms: deliberated - start,
        cpuMs: deliberatedCpu,
        importMs: imported - start,
        perSheet,
        deliberationMs: deliberated - imported,
        deliberationBytes: deliberation.bytes,
        protocolMs: opened - deliberated,
        protocolBytes: protocol.bytes,
        resultsHash: deliberation.value.resultsHash,
        threads,
      };
    }
    case 'reopen': {
      const { dir } = args as unknown as Fixture;
      const start = performance.now();
      const { ws, event, handlers } = secretariat(dir, args.workspace as string);
      const deliberation = await call<{ resultsHash: string }>(handlers, 'deliberation', { eventId: event.id, rule: event.merge.rule });
      const ms = performance.now() - start;
      ws.close();
      return { ms, bytes: deliberation.bytes, resultsHash: deliberation.value.resultsHash };
    }
    case 'cli': {
      const { dir, sheets } = args as unknown as Fixture;
      const out: string[] = [];
      const start = performance.now();
      const cpu = process.cpuUsage();
      const code = await main(['merge', '--event', join(dir, 'event.timbang'), ...sheets, '--json'], {
        out: (l) => out.push(l),
        err: () => undefined,
      });
      const ms = performance.now() - start;
      const cpuUsed = cpuMs(cpu);
      if (code !== 0) throw new Error(`timbang merge exit ${code}`);
      return {
        ms,
        cpuMs: cpuUsed,
        resultsHash: (JSON.parse(out.join('\n')) as { resultsHash: string }).resultsHash,
        threads: verifyPool().counts.threads,
      };
    }
    case 'export': {
      const { dir } = args as unknown as Fixture;
      const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as Event;
      const ws = openWorkspace(args.workspace as string);
      const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES, appVersion: 'bench' });
      applyPackage(ws.db, demoPackage(event));
      await call(handlers, 'chooseJuror', { eventId: event.id, jurorId: 'J1' });
      await call(handlers, 'createKey', { passphrase: 'bench-kupang-2025' });
      // Every mark of the juror, written as the scoring screen would have, in one transaction (the bench's shortcut).
      const marks = JSON.parse(readFileSync(join(dir, 'J1.marks.json'), 'utf8')) as {
        roundId: string;
        nomineeId: string;
        criterionCode: string;
        value: number;
      }[];
      const insert = ws.db.prepare(
        'INSERT INTO score (event_id, juror_id, round_id, nominee_id, criterion_code, value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      ws.db.transaction(() => {
        for (const m of marks) insert.run(event.id, 'J1', m.roundId, m.nomineeId, m.criterionCode, m.value, '2025-06-20T08:00:00.000Z');
      })();
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < (args.runs as number); i++) {
        const start = performance.now();
        const file = await call<{ base64: string }>(handlers, 'exportSheet', {
          eventId: event.id,
          name: 'Juri Satu',
          roundIds: event.rounds.map((r) => r.id),
        });
        times.push(performance.now() - start);
        bytes = Buffer.from(file.value.base64, 'base64').length;
      }
      ws.close();
      return { times, bytes, marks: marks.length };
    }
    case 'score': {
      const { dir } = args as unknown as Fixture;
      const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as Event;
      const ws = openWorkspace(args.workspace as string);
      const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES, appVersion: 'bench' });
      applyPackage(ws.db, demoPackage(event));
      await call(handlers, 'chooseJuror', { eventId: event.id, jurorId: 'J1' });
      const round = [...event.rounds].sort((a, b) => a.order - b.order)[0];
      const conflicted = new Set(event.conflicts.filter((c) => c.jurorId === 'J1').map((c) => c.nomineeId));
      const targets = event.nominees
        .filter((n) => !conflicted.has(n.id))
        .flatMap((n) =>
          event.criteria
            .filter((c) => c.roundId === round.id && c.categoryIds.includes(n.categoryId))
            .map((c) => ({ nomineeId: n.id, criterionCode: c.code })),
        );
      const times: number[] = [];
      for (let i = 0; i < (args.writes as number); i++) {
        const target = targets[(i * 7919) % targets.length];
        const start = performance.now();
        await call(handlers, 'recordScore', { eventId: event.id, roundId: round.id, ...target, value: (i % 5) + 1 });
        times.push(performance.now() - start);
      }
      ws.close();
      return { times };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const result = await run();
process.stdout.write(`${JSON.stringify({ ...result, maxRss: rss() })}\n`);
// Idle worker threads are unref'd; nothing else should keep the process.
process.exit(0);
