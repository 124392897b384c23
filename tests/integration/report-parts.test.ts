/**
 * Issue 18: a large report is printed in parts (cover, each category, overall + appendix, Berita Acara) and
 * joined. Here the same report, printed whole and in parts, must read the same page by page: the same pages
 * break in the same places (the 15-juror matrices are wider than the page, so Chromium shrinks both alike),
 * and "Halaman n dari m" runs across the joined parts. Needs Debian's chromium and poppler-utils.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { MergeMark } from '../../src/core/merge.ts';
import { deliberate } from '../../src/services/merge/deliberation.ts';
import { renderPdfWithChromium } from '../../src/services/report/render-pdf.ts';
import { reportHtml } from '../../src/services/report/report-html.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

const exec = promisify(execFile);

/** The demo with `count` nominees and 15 jurors, everyone scored in both rounds. */
function wideReport(count: number): string {
  const event = demoDocument();
  event.nominees = Array.from({ length: count }, (_, i) => ({
    id: `n-${String(i + 1).padStart(5, '0')}`,
    categoryId: event.categories[i % event.categories.length].id,
    name: `Nominasi ${i + 1} (Provinsi ${(i % 38) + 1})`,
    region: `Provinsi ${(i % 38) + 1}`,
    fictional: true,
    attributes: {},
  }));
  event.jurors = Array.from({ length: 15 }, (_, i) => ({
    id: `J${i + 1}`,
    role: i === 0 ? ('ketua' as const) : i === 1 ? ('sekretaris' as const) : ('anggota' as const),
    title: `Juri ${i + 1}`,
    institution: 'Kementerian / Lembaga',
  }));
  event.conflicts = [];
  delete event.figures;
  delete event.documents;
  event.rounds = event.rounds.map((r) => ({ ...r, shortlistSize: null }));
  const marks: MergeMark[] = event.nominees.flatMap((nominee, n) =>
    event.jurors.flatMap((juror, j) =>
      event.criteria
        .filter((c) => c.categoryIds.includes(nominee.categoryId))
        .map((c) => ({
          jurorId: juror.id,
          roundId: c.roundId,
          nomineeId: nominee.id,
          criterionCode: c.code,
          value: Math.min(5, Math.max(1, ((n * 7 + j * 3 + c.code.length) % 5) + 1)),
        })),
    ),
  );
  const completeness = Object.fromEntries(
    event.jurors.map((j) => [
      j.id,
      Object.fromEntries(event.rounds.flatMap((r) => r.categoryIds.map((c) => [`${r.id}/${c}`, 'received' as const]))),
    ]),
  );
  const result = deliberate(event, 'mean', { files: [], completeness, marks, conflicts: [], jurorNames: {} }, [], []);
  return reportHtml({ event, result, files: [], lang: 'id', generatedAt: '2025-07-04T02:00:00.000Z' });
}

async function pages(pdf: string): Promise<string[]> {
  const { stdout } = await exec('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

describe('a report printed in parts', () => {
  const tmp = tempDir('timbang-report-parts-');
  afterAll(() => tmp.remove());

  it('reads page by page as the same report printed whole, numbered across the parts', async () => {
    const html = wideReport(160);
    const whole = join(tmp.dir, 'whole.pdf');
    const parts = join(tmp.dir, 'parts.pdf');
    writeFileSync(whole, await renderPdfWithChromium(html, { parts: false }));
    writeFileSync(parts, await renderPdfWithChromium(html, { parts: true }));
    const [a, b] = [await pages(whole), await pages(parts)];
    expect(a.length).toBeGreaterThan(15);
    expect(b).toHaveLength(a.length);
    for (let i = 0; i < a.length; i++) {
      expect(b[i], `page ${i + 1}`).toBe(a[i]);
      expect(b[i], `page ${i + 1}`).toMatch(new RegExp(`Halaman ${i + 1} dari ${a.length}$`));
    }
  }, 300_000);
});
