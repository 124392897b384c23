/**
 * The demo report as poppler reads it: A4 on every page, a sensible page count, no page left with a
 * stray line, and every page rendered to PNG in tests/artifacts/report/ (git-ignored) for people to look
 * at. Needs Debian's chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm); missing tools fail the
 * tests with that message, they are never skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { PROJECT_ROOT, demoDocument, tempDir } from '../support/demo.ts';

const exec = promisify(execFile);
const INSTALL = 'apt-get install -y chromium poppler-utils';
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts', 'report');
const TIMEOUT = 120_000;

async function requireTool(command: string, args: string[]): Promise<void> {
  try {
    await exec(command, args, { timeout: 60_000 });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw new Error(`${command} is not installed; install it with: ${INSTALL}`);
  }
}

describe('the demo report printed by Chromium, read by poppler', () => {
  const tmp = tempDir('timbang-report-pdf-');
  const pdf = join(tmp.dir, 'laporan.pdf');
  let pages: number;

  beforeAll(async () => {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}; install it with: ${INSTALL} (or set CHROMIUM_PATH)`);
    for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) await requireTool(tool, ['-v']);

    const files = await demoFiles(demoDocument());
    const packageFile = join(tmp.dir, 'event.timbang');
    writeFileSync(packageFile, files.packageText);
    const sheets = [...files.sheets].map(([jurorId, bytes]) => {
      const path = join(tmp.dir, `${jurorId}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const errors: string[] = [];
    const key = readPackage(new TextEncoder().encode(files.packageText), 'event.timbang').secretariat.fingerprint;
    const code = await main(['report', '--event', packageFile, ...sheets, '--pdf', pdf, '--secretariat', key], {
      out: () => {},
      err: (l) => errors.push(l),
    });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    pages = Number(/^Pages:\s+(\d+)/m.exec((await exec('pdfinfo', [pdf])).stdout)?.[1]);
  }, TIMEOUT);
  afterAll(() => tmp.remove());

  it('has a reasonable number of A4 portrait pages', async () => {
    // Cover, one or two pages per category (8), Terbaik Umum, the appendix and two or three of Berita Acara.
    expect(pages).toBeGreaterThanOrEqual(12);
    expect(pages).toBeLessThanOrEqual(24);
    const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
    const sizes = [...stdout.matchAll(/^Page\s+(\d+) size:\s+(.*)$/gm)];
    expect(sizes).toHaveLength(pages);
    for (const [, page, size] of sizes) expect(size, `page ${page}`).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)/);
  });

  it('leaves no page with only a stray line between its header and footer', async () => {
    for (let page = 1; page <= pages; page++) {
      const { stdout } = await exec('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
      const body = stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(1, -1); // header and footer off
      expect(body.length, `lines on page ${page}`).toBeGreaterThanOrEqual(3);
    }
  });

  it(
    'renders every page to PNG in tests/artifacts/report/',
    async () => {
      rmSync(ARTIFACTS, { recursive: true, force: true });
      mkdirSync(ARTIFACTS, { recursive: true });
      await exec('pdftoppm', ['-png', '-r', '50', pdf, join(ARTIFACTS, 'laporan')], { timeout: 60_000 });
      const images = readdirSync(ARTIFACTS)
        .filter((f) => f.endsWith('.png'))
        .sort();
      expect(images).toHaveLength(pages);
      for (const image of images) expect(statSync(join(ARTIFACTS, image)).size, image).toBeGreaterThan(2_000);
    },
    TIMEOUT,
  );
});
