/**
 * The signed score sheet in the hands of other programs: LibreOffice Calc re-saves it (it must still verify,
 * showing the same values), Python's openpyxl reads the marks and the totals' saved results as the app
 * computed them, and LibreOffice prints it (A4, a section's whole width on one page, headings repeated).
 * Needs: apt-get install -y libreoffice-calc-nogui python3-openpyxl poppler-utils. Missing tools fail the
 * tests with that message; they are never skipped.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { readCell } from '../../src/services/sheets/sheet-cells.ts';
import { sheetTotal } from '../../src/services/sheets/sheet-layout.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';
import { demoSheetPayload, eventAllowing, jurorKey, loadWorkbook, verifyContext } from '../support/sheets.ts';

const run = promisify(execFile);
// LibreOffice's first start in a fresh profile takes a while, more so on a busy machine.
const TIMEOUT = 240_000;
const INSTALL = 'apt-get install -y libreoffice-calc-nogui python3-openpyxl poppler-utils';
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts', 'score-sheet');
const SECTION_SHEETS = ['1-ukm', '1-manufaktur', '2-ukm', '2-manufaktur'];
const FIRST_DATA_ROW = 7;
const FIRST_MARK_COLUMN = 5;

async function requireTool(command: string, args: string[], what: string): Promise<void> {
  try {
    await run(command, args, { timeout: 60_000 });
  } catch {
    throw new Error(`${what} (${command}) is not installed or does not run; install it with: ${INSTALL}`);
  }
}

/** A Python 3 that has openpyxl: the one on PATH, or Debian's own (where python3-openpyxl installs it). */
async function pythonWithOpenpyxl(): Promise<string> {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      await run(python, ['-c', 'import openpyxl'], { timeout: 60_000 });
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error(`No python3 with openpyxl found (tried python3 and /usr/bin/python3); install it with: ${INSTALL}`);
}

/** The demo payload plus a long first section (60 nominees), so that a section runs over several pages. */
function longPayload(key: UnlockedKey): SheetPayload {
  const payload = demoSheetPayload(key);
  const section = payload.sections[0];
  section.nominees = Array.from({ length: 60 }, (_, i) => {
    const model = section.nominees[i % 4];
    return { ...model, nomineeId: `ukm-${String(i + 1).padStart(3, '0')}`, name: `${model.name} ${i + 1}` };
  });
  return payload;
}

/** Every filled cell of the visible sheets, as "sheet!A1" → value (a formula by its saved result). */
function visibleValues(workbook: ExcelJS.Workbook): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const { content } = readCell(cell);
        if (content === undefined) return;
        values.set(`${sheet.name}!${cell.address}`, content instanceof Date ? content.toISOString() : content);
      }),
    );
  }
  return values;
}

describe('the signed score sheet read by independent programs', () => {
  const work = tempDir('timbang-sheet-readers-');
  let key: UnlockedKey;
  const payloads: Record<string, SheetPayload> = {};
  const files: Record<string, string> = {};

  beforeAll(async () => {
    key = jurorKey();
    payloads.demo = demoSheetPayload(key);
    payloads.long = longPayload(key);
    for (const [name, payload] of Object.entries(payloads)) {
      files[name] = join(work.dir, `${name}.xlsx`);
      writeFileSync(files[name], await writeScoreSheet(payload, key));
    }
  });
  afterAll(() => work.remove());

  /** LibreOffice conversions, one at a time (they share a profile of their own, apart from any user's). */
  let queue: Promise<unknown> = Promise.resolve();
  const conversions = new Map<string, Promise<string>>();
  function convert(format: 'xlsx' | 'pdf'): Promise<string> {
    if (!conversions.has(format)) {
      const job = queue.then(async () => {
        await requireTool('soffice', ['--version'], 'LibreOffice');
        const out = join(work.dir, `out-${format}`);
        mkdirSync(out, { recursive: true });
        const profile = pathToFileURL(join(work.dir, 'profile')).href;
        await run(
          'soffice',
          [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', out, ...Object.values(files)],
          { timeout: TIMEOUT },
        );
        return out;
      });
      queue = job.catch(() => undefined);
      conversions.set(format, job);
    }
    return conversions.get(format)!;
  }

  it(
    '(a) re-saved by LibreOffice Calc, it still verifies and shows the same values',
    async () => {
      const saved = await convert('xlsx');
      for (const name of Object.keys(files)) {
        const bytes = readFileSync(join(saved, `${name}.xlsx`));
        const result = await verifyScoreSheet(
          bytes,
          `${name}.xlsx`,
          verifyContext({ J4: key.publicKey }, 2, eventAllowing(payloads[name])),
        );
        expect(result.status, result.details.map((d) => d.en).join('\n')).toBe('valid');
        expect(result.payload).toEqual(payloads[name]);

        const before = visibleValues(await loadWorkbook(readFileSync(files[name])));
        const after = await loadWorkbook(bytes);
        expect(after.getWorksheet('Tanda tangan')?.state).toBe('hidden'); // LibreOffice's form of veryHidden
        const afterValues = visibleValues(after);
        expect([...afterValues.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [where, value] of before) {
          const other = afterValues.get(where);
          if (typeof value === 'number' && typeof other === 'number') expect(Math.abs(other - value), where).toBeLessThan(1e-9);
          else expect(other, where).toEqual(value);
        }
      }
    },
    TIMEOUT,
  );

  it(
    '(b) openpyxl reads every mark and every total (saved result) as the app computed them',
    async () => {
      const python = await pythonWithOpenpyxl();
      const script = [
        'import json, sys, openpyxl',
        'out = {}',
        'for path in sys.argv[1:]:',
        '    wb = openpyxl.load_workbook(path, data_only=True)',
        '    out[path] = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets if ws.sheet_state == "visible"}',
        'print(json.dumps(out))',
      ].join('\n');
      const saved = await convert('xlsx');
      const paths = Object.keys(files).flatMap((name) => [files[name], join(saved, `${name}.xlsx`)]);
      const { stdout } = await run(python, ['-c', script, ...paths], { timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 });
      const read = JSON.parse(stdout) as Record<string, Record<string, unknown[][]>>;

      for (const name of Object.keys(files)) {
        const payload = payloads[name];
        for (const path of [files[name], join(saved, `${name}.xlsx`)]) {
          const sheets = read[path];
          expect(Object.keys(sheets), path).toEqual(['Sampul', ...SECTION_SHEETS]);
          payload.sections.forEach((section, s) => {
            const rows = sheets[SECTION_SHEETS[s]];
            section.nominees.forEach((nominee, n) => {
              const row = rows[FIRST_DATA_ROW - 1 + n];
              const where = `${path} ${SECTION_SHEETS[s]} row ${FIRST_DATA_ROW + n}`;
              expect(row[1], where).toBe(nominee.nomineeId);
              section.criteria.forEach((criterion, c) => {
                const mark = nominee.marks[criterion.code];
                expect(row[FIRST_MARK_COLUMN - 1 + c], `${where} ${criterion.code}`).toBe(mark === null ? null : Number(mark));
              });
              const total = sheetTotal(section.criteria, nominee);
              const cell = row[FIRST_MARK_COLUMN - 1 + section.criteria.length];
              if (total === null) expect(cell, `${where} total`).toBeNull();
              else expect(Math.abs((cell as number) - total), `${where} total ${String(cell)} vs ${total}`).toBeLessThan(1e-9);
            });
            // Nothing below the last nominee.
            expect(
              rows
                .slice(FIRST_DATA_ROW - 1 + section.nominees.length)
                .flat()
                .filter((v) => v !== null),
              SECTION_SHEETS[s],
            ).toEqual([]);
          });
        }
      }
    },
    TIMEOUT,
  );

  it(
    '(c) printed by LibreOffice: A4, each section one page wide with its headings on every page',
    async () => {
      await requireTool('pdftotext', ['-v'], 'pdftotext (poppler-utils)');
      await requireTool('pdftoppm', ['-v'], 'pdftoppm (poppler-utils)');
      await requireTool('pdfinfo', ['-v'], 'pdfinfo (poppler-utils)');
      const pdfDir = await convert('pdf');
      rmSync(ARTIFACTS, { recursive: true, force: true });
      mkdirSync(ARTIFACTS, { recursive: true });

      for (const name of Object.keys(files)) {
        const pdf = join(pdfDir, `${name}.pdf`);
        const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf], { timeout: 60_000 });
        const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
          page: Number(m[1]),
          w: Number(m[2]),
          h: Number(m[3]),
        }));
        const pageText = async (page: number) =>
          (await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { timeout: 60_000 })).stdout;
        const texts = await Promise.all(sizes.map((s) => pageText(s.page)));
        const a4 = (s: { w: number; h: number }) => Math.abs(Math.min(s.w, s.h) - 595.3) < 2 && Math.abs(Math.max(s.w, s.h) - 841.9) < 2;
        expect(sizes.every(a4), `${name}: every page A4`).toBe(true);

        // The cover first, in portrait, with the fingerprint and the statement.
        expect(sizes[0].h).toBeGreaterThan(sizes[0].w);
        expect(texts[0]).toContain('LEMBAR PENILAIAN JURI');
        expect(texts[0]).toContain(key.fingerprint);
        expect(texts[0]).toContain('Dengan ini saya menyatakan');

        payloads[name].sections.forEach((section, s) => {
          const sheet = SECTION_SHEETS[s];
          const pages = texts.map((text, i) => ({ text, size: sizes[i] })).filter(({ text }) => text.includes(`J4 · ${sheet}`));
          expect(pages.length, `${name}: pages of ${sheet}`).toBeGreaterThan(0);
          for (const { text, size } of pages) {
            const where = `${name}: a page of ${sheet}`;
            expect(size.w, `${where} is landscape`).toBeGreaterThan(size.h);
            // The whole width on this page: every criterion, the total, notes and remarks; the headings repeated.
            for (const heading of [
              ...section.criteria.map((c) => `${c.code} (${c.weight}%)`),
              'Nominasi',
              'Total',
              'Catatan',
              'Keterangan',
            ]) {
              expect(text, `${where} shows ${heading}`).toContain(heading);
            }
            expect(text).toMatch(/Halaman \d+ dari \d+/);
            expect(text).toContain(key.fingerprint);
          }
          if (name === 'long' && s === 0) expect(pages.length, 'the 60-nominee section runs over pages').toBeGreaterThan(1);
        });

        await run('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, name)], { timeout: TIMEOUT });
      }
      const pngs = readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png'));
      expect(pngs.filter((f) => f.startsWith('demo-'))).toHaveLength(5); // cover + four sections
    },
    TIMEOUT,
  );
});
