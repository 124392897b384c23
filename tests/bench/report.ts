/**
 * The deliberation report (Rekapitulasi + Berita Acara): building its HTML and printing it to PDF with
 * Chromium, for the demo event and at national scale (2,000 nominees in eight categories, 15 jurors,
 * everyone scored in both rounds). Figures only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Deliberation } from '../../src/api/contract.ts';
import type { MergeMark } from '../../src/core/merge.ts';
import type { Event } from '../../src/core/model.ts';
import { demoScores } from '../../src/services/demo/demo-scores.ts';
import { deliberate } from '../../src/services/merge/deliberation.ts';
import type { RekapFile } from '../../src/services/merge/rekapitulasi.ts';
import { renderPdfWithChromium } from '../../src/services/report/render-pdf.ts';
import { reportHtml, type ReportInput } from '../../src/services/report/report-html.ts';

const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'demo-event.json'), 'utf8')) as Event;

/** The deliberation of marks as if every juror's sheet arrived and verified. */
function deliberationOf(event: Event, marks: MergeMark[]): { result: Deliberation; files: RekapFile[] } {
  const completeness = Object.fromEntries(
    event.jurors.map((j) => [
      j.id,
      Object.fromEntries(event.rounds.flatMap((r) => r.categoryIds.map((c) => [`${r.id}/${c}`, 'received' as const]))),
    ]),
  );
  const files = event.jurors.map((j, i): RekapFile => ({
    fileName: `${j.id}.xlsx`,
    fileHash: (i + 1).toString(16).padStart(64, 'a'),
    jurorId: j.id,
    signedWith: '12345 67890 12345 67890 12345',
    sheetRevision: 1,
    status: 'valid',
    use: 'used',
  }));
  const result = deliberate(
    event,
    'mean',
    { files: [], completeness, marks, conflicts: [], jurorNames: {} },
    files.map(() => 'used'),
    [],
  );
  return { result, files };
}

/** 2,000 nominees over the demo's eight categories, 15 jurors, both rounds open to all; marks follow a quality per nominee. */
function national(): { event: Event; marks: MergeMark[] } {
  const event = structuredClone(demo);
  event.nominees = Array.from({ length: 2000 }, (_, i) => ({
    id: `n-${String(i + 1).padStart(5, '0')}`,
    categoryId: event.categories[i % event.categories.length].id,
    name: `Nominasi Nasional ${i + 1} (Provinsi ${(i % 38) + 1})`,
    region: `Provinsi ${(i % 38) + 1}`,
    fictional: true,
    attributes: {},
  }));
  event.jurors = Array.from({ length: 15 }, (_, i) => ({
    id: `J${i + 1}`,
    role: i === 0 ? ('ketua' as const) : i === 1 ? ('sekretaris' as const) : ('anggota' as const),
    title: `Juri Nasional ${i + 1}`,
    institution: 'Kementerian / Lembaga',
  }));
  event.conflicts = [];
  // The demo's figures and documents (issue 17) name its own nominees, not these.
  delete event.figures;
  delete event.documents;
  event.rounds = event.rounds.map((r) => ({ ...r, shortlistSize: null }));
  const marks: MergeMark[] = [];
  event.nominees.forEach((nominee, n) => {
    const quality = 1.5 + (3.4 * ((n * 7919) % 2000)) / 2000;
    for (const juror of event.jurors) {
      const j = Number(juror.id.slice(1));
      for (const criterion of event.criteria.filter((c) => c.categoryIds.includes(nominee.categoryId))) {
        const wobble = (((n + 1) * 31 + j * 17 + criterion.code.length * 13) % 7) / 3 - 1;
        marks.push({
          jurorId: juror.id,
          roundId: criterion.roundId,
          nomineeId: nominee.id,
          criterionCode: criterion.code,
          value: Math.min(5, Math.max(1, Math.round(quality + wobble))),
        });
      }
    }
  });
  return { event, marks };
}

/** Pages of a PDF Chromium wrote: one "/Type /Page" object each (not the "/Pages" tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function benchOne(label: string, input: ReportInput, runs: number): Promise<void> {
  const htmlTimes: number[] = [];
  let html = '';
  for (let i = 0; i < runs; i++) {
    const r = await timed(() => reportHtml(input));
    html = r.value;
    htmlTimes.push(r.ms);
  }
  const pdfTimes: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const r = await timed(() => renderPdfWithChromium(html));
    pdf = r.value;
    pdfTimes.push(r.ms);
  }
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)].toFixed(0);
  console.log(
    `${`report HTML, ${label}`.padEnd(66)} runs=${String(runs).padStart(4)}  median=${median(htmlTimes)} ms  (${(html.length / 1024 / 1024).toFixed(2)} MiB)`,
  );
  console.log(
    `${`report PDF (Chromium, incl. launch), ${label}`.padEnd(66)} runs=${String(runs).padStart(4)}  median=${median(pdfTimes)} ms  (${pageCount(pdf)} pages, ${(pdf.length / 1024 / 1024).toFixed(2)} MiB)`,
  );
}

export async function reportBench(quick = false): Promise<void> {
  const generatedAt = new Date().toISOString();
  const demoRun = deliberationOf(demo, demoScores(demo).marks);
  await benchOne('demo (40 nominees, 9 jurors)', { event: demo, ...demoRun, lang: 'id', generatedAt }, 3);

  if (quick) return;
  const { event, marks } = national();
  const deliberated = await timed(() => deliberationOf(event, marks));
  console.log(
    `${'report input: deliberate, national (2,000 nominees × 15 jurors)'.padEnd(66)} ${deliberated.ms.toFixed(0)} ms (${marks.length} marks; not part of the report)`,
  );
  await benchOne('national (2,000 nominees, 15 jurors)', { event, ...deliberated.value, lang: 'id', generatedAt }, 1);
}
