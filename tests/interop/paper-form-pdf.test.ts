/**
 * The printed paper Lembar Penilaian Juri as poppler reads it: `timbang form` prints it with Chromium from
 * a signed package; pdftotext must find the form number and checksum on every page, one row per nominee,
 * every rubric anchor, and the crossed-out row of a conflict of interest; pdftoppm renders page 1, and the
 * picture must show one ruled row per nominee below the header, every mark box empty except the crossed
 * one. Pages go to tests/artifacts/paper-form/ (git-ignored) for people to look at. Needs Debian's chromium
 * and poppler-utils; missing tools fail the tests with that message, they are never skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { writePackage } from '../../src/services/packages/event-package.ts';
import { paperFormLayout } from '../../src/services/paper/paper-form.ts';
import { PROJECT_ROOT, demoDocument, tempDir } from '../support/demo.ts';
import { jurorKey } from '../support/sheets.ts';

const exec = promisify(execFile);
const INSTALL = 'apt-get install -y chromium poppler-utils';
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts', 'paper-form');
const TIMEOUT = 120_000;
const DPI = 150;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on a page with its box in points (pdftotext -bbox-layout). */
async function words(pdf: string, page: number): Promise<Word[]> {
  const { stdout } = await exec('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}

/** A page rendered in grey (pdftoppm -gray, binary PGM): width, height and one byte per pixel. */
async function greyPage(pdf: string, page: number, out: string): Promise<{ width: number; pixel(x: number, y: number): number }> {
  await exec('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf, out], {
    timeout: 60_000,
  });
  const bytes = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const offset = header[0].length;
  return { width, pixel: (x, y) => bytes[offset + y * width + x] };
}

const px = (points: number) => Math.round((points * DPI) / 72);

describe('the paper form printed by Chromium, read by poppler', () => {
  const tmp = tempDir('timbang-paper-form-');
  const packageFile = join(tmp.dir, 'acara.timbang');
  const event = demoDocument();
  const plain = join(tmp.dir, 'J3-pemkab.pdf');
  const crossed = join(tmp.dir, 'J4-manufaktur.pdf');
  const out: string[] = [];

  beforeAll(async () => {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}; install it with: ${INSTALL} (or set CHROMIUM_PATH)`);
    for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
      await exec(tool, ['-v']).catch((error: { code?: unknown }) => {
        if (error.code === 'ENOENT') throw new Error(`${tool} is not installed; install it with: ${INSTALL}`);
      });
    }
    writeFileSync(packageFile, writePackage(event, 4, '2025-06-20T08:00:00.000Z', [], jurorKey()));
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) };
    expect(
      await main(['form', '--event', packageFile, '--juror', 'J3', '--round', 'administrasi', '--category', 'pemkab', '--pdf', plain], io),
    ).toBe(0);
    expect(
      await main(
        ['form', '--event', packageFile, '--juror', 'J4', '--round', 'administrasi', '--category', 'manufaktur', '--pdf', crossed],
        io,
      ),
    ).toBe(0);
  }, TIMEOUT);
  afterAll(() => tmp.remove());

  it('says which form it wrote, with its number and checksum', () => {
    const form = paperFormLayout(event, 4, { jurorId: 'J3', roundId: 'administrasi', categoryId: 'pemkab' });
    expect(out[0]).toBe(
      `Formulir LPJ-J3-1-01 (kode periksa ${form.checksum}) ditulis: ${plain} — juri J3, Seleksi Administrasi · Pemerintah Kabupaten/Kota, 5 nominasi, paket revisi 4`,
    );
    expect(form.checksum).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('is A4 portrait and carries the form number and checksum on every page', async () => {
    const form = paperFormLayout(event, 4, { jurorId: 'J3', roundId: 'administrasi', categoryId: 'pemkab' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec((await exec('pdfinfo', [plain])).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', String(pages), plain]);
    for (const [, page, size] of stdout.matchAll(/^Page\s+(\d+) size:\s+(.*)$/gm))
      expect(size, `page ${page}`).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)/);
    for (let page = 1; page <= pages; page++) {
      const text = (await exec('pdftotext', ['-layout', '-f', String(page), '-l', String(page), plain, '-'])).stdout;
      expect(text, `page ${page}`).toContain(`LPJ-J3-1-01 · kode periksa ${form.checksum} · paket revisi 4`);
      expect(text, `page ${page}`).toContain(`Halaman ${page} dari ${pages}`);
    }
  });

  it('has one row per nominee, the juror and section, and every rubric anchor of every criterion', async () => {
    const text = (await exec('pdftotext', ['-layout', plain, '-'])).stdout.replace(/[ \t]+/g, ' ');
    expect(text).toContain('LEMBAR PENILAIAN JURI');
    expect(text).toContain('Seleksi Administrasi · Pemerintah Kabupaten/Kota');
    expect(text).toContain('J3 — Anggota');
    const nominees = event.nominees.filter((n) => n.categoryId === 'pemkab');
    nominees.forEach((n, i) => {
      const name = n.fictional ? `${n.name}†` : n.name;
      expect(text.split(name).length - 1, name).toBe(1);
      expect(text).toMatch(new RegExp(`\\n ?${i + 1} ?\\n`)); // the row number, on the row's own line
    });
    const criteria = event.criteria.filter((c) => c.roundId === 'administrasi' && c.categoryIds.includes('pemkab'));
    expect(criteria.map((c) => c.code)).toEqual(['PD1', 'PD2', 'PD3', 'PD4']);
    for (const c of criteria) {
      expect(text).toContain(`${c.code} · ${c.label.id}`);
      for (const level of c.rubric)
        expect(text, `${c.code} ${level.score}`).toMatch(
          new RegExp(`\\n ?${level.score} ${level.text.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`),
        );
    }
  });

  it('crosses out the row of a nominee the juror has a conflict of interest with, naming the reason', async () => {
    const text = (await exec('pdftotext', ['-raw', crossed, '-'])).stdout.replace(/\s+/g, ' ');
    const conflict = event.conflicts.find((c) => c.jurorId === 'J4' && c.nomineeId === 'manufaktur-04')!;
    expect(text).toContain(`× Benturan kepentingan: tidak dinilai (${conflict.reason})`);
  });

  it('shows, as a picture, one ruled row per nominee with every mark box empty, and the conflicted row filled', async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [pdf, jurorId, code, nominees, conflicted] of [
      [plain, 'J3', 'PD4', 5, -1],
      [crossed, 'J4', 'BU5', 5, 3],
    ] as const) {
      const page = await greyPage(pdf, 1, join(ARTIFACTS, `${jurorId}-halaman-1`));
      const bbox = await words(pdf, 1);
      const column = bbox.find((w) => w.text === code)!;
      const x = px((column.xMin + column.xMax) / 2);
      // Below the header's last line ("nilai 1–5" of that column) and above the juror's statement.
      const headerEnd = Math.max(
        ...bbox
          .filter((w) => w.text === 'nilai' && w.xMax >= column.xMin - 8 && w.xMin <= column.xMax + 8 && w.yMin < 400)
          .map((w) => w.yMax),
      );
      const tableEnd = bbox.find((w) => w.text === 'Dengan')!.yMin;
      const rulesAt = (at: number) => {
        const found: number[] = [];
        let dark = false;
        for (let y = px(headerEnd) + 1; y < px(tableEnd); y++) {
          const isDark = page.pixel(at, y) < 160;
          if (isDark && !dark) found.push(y);
          dark = isDark;
        }
        return found;
      };
      // The table's right border, found from the middle of the first row; the rules are counted just inside
      // it, where no text of a row reaches (a crossed row's reason is centred, with padding).
      const firstRow = rulesAt(x);
      const middle = Math.round((firstRow[0] + firstRow[1]) / 2);
      let border = x;
      while (page.pixel(border, middle) >= 160 && border < page.width - 1) border++;
      const rules = rulesAt(border - px(1.5));
      // The header's bottom rule, then each nominee row's bottom rule.
      expect(rules, `${jurorId}: ruled lines at the table's right edge`).toHaveLength(nominees + 1);
      for (let row = 0; row < nominees; row++) {
        let darkest = 255;
        for (let y = rules[row] + 3; y < rules[row + 1] - 2; y++)
          for (let dx = -8; dx <= 8; dx++) darkest = Math.min(darkest, page.pixel(x + dx, y));
        if (row === conflicted) expect(darkest, `${jurorId} row ${row + 1}: crossed out`).toBeLessThan(200);
        else expect(darkest, `${jurorId} row ${row + 1}, ${code}: an empty box`).toBeGreaterThan(235);
      }
      await exec('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, jurorId)], { timeout: 60_000 });
    }
    expect(readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
  });
});
