/**
 * Issue 14, build item 5: the zip guard's whole-workbook limits let the largest honest files through with
 * room to spare, also after LibreOffice Calc has re-saved them (it writes its own XML: more styles, rows it
 * formatted, directory entries). The honest files: a national-scale juror sheet (2,000 nominees ×
 * 12 criteria × 2 rounds, as in the bench), the demo sheet, and the secretariat's event template for the
 * national event. Each must pass the guard with every whole-workbook figure at most 60% of its limit, and the
 * re-saved national sheet must still verify.
 * Needs LibreOffice (apt-get install -y libreoffice-calc-nogui); without it the test fails saying so.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { writeEventTemplate } from '../../src/services/events/event-template.ts';
import { checkZip, ZIP_LIMITS, type ZipFigures } from '../../src/services/files/zip-guard.ts';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { demoDocument, tempDir } from '../support/demo.ts';
import { nationalEvent, nationalSheet } from '../reliability/hostile/national.ts';

const run = promisify(execFile);
// LibreOffice's first start in a fresh profile takes a while, more so on a busy machine.
const TIMEOUT = 240_000;
/** The share of each whole-workbook limit an honest file may use: the margin the limits were chosen for. */
const AT_MOST = 0.6;

/** Each whole-workbook figure against the limit of the same name. */
const LIMIT_OF: Record<Exclude<keyof ZipFigures, 'entries'>, number> = {
  xmlBytes: ZIP_LIMITS.xmlBytes,
  elements: ZIP_LIMITS.elements,
  otherElements: ZIP_LIMITS.otherElements,
  cells: ZIP_LIMITS.cells,
  rows: ZIP_LIMITS.rows,
  workbookColumns: ZIP_LIMITS.workbookColumns,
  mergedCells: ZIP_LIMITS.mergedCells,
  validatedCells: ZIP_LIMITS.validatedCells,
  namedCells: ZIP_LIMITS.namedCells,
  sharedStrings: ZIP_LIMITS.sharedStrings,
  sharedStringBytes: ZIP_LIMITS.sharedStringBytes,
};

describe('honest workbooks re-saved by LibreOffice pass the zip guard', () => {
  const work = tempDir('timbang-zip-libreoffice-');
  const originals = join(work.dir, 'asli');
  const saved = join(work.dir, 'libreoffice');
  let national: Event;
  let key: UnlockedKey;
  const files: Record<string, Buffer> = {};

  beforeAll(async () => {
    const demo = demoDocument();
    const demoSet = await demoFiles(demo);
    key = demoSet.jurorKeys.get('J1')!;
    national = nationalEvent(demo);
    files['lembar-nasional'] = await nationalSheet(national, key);
    files['lembar-demo'] = demoSet.sheets.get('J1')!;
    files['templat-nasional'] = await writeEventTemplate(national);
    mkdirSync(originals, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(originals, `${name}.xlsx`), bytes);
    try {
      await run('soffice', ['--version'], { timeout: 60_000 });
    } catch {
      throw new Error('LibreOffice (soffice) is not installed or does not run; install it with: apt-get install -y libreoffice-calc-nogui');
    }
    const profile = pathToFileURL(join(work.dir, 'profile')).href;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        saved,
        ...Object.keys(files).map((name) => join(originals, `${name}.xlsx`)),
      ],
      { timeout: TIMEOUT },
    );
  }, TIMEOUT);
  afterAll(() => work.remove());

  it('passes each, as written and as re-saved, every whole-workbook figure at most 60% of its limit', () => {
    const lines: string[] = [];
    for (const name of Object.keys(files)) {
      for (const [how, bytes] of [
        ['as written', files[name]],
        ['re-saved by LibreOffice', readFileSync(join(saved, `${name}.xlsx`))],
      ] as const) {
        if (how !== 'as written') expect(bytes.equals(files[name])).toBe(false);
        const figures = checkZip(bytes, `${name}.xlsx`);
        for (const [figure, limit] of Object.entries(LIMIT_OF)) {
          const value = figures[figure as keyof typeof LIMIT_OF];
          expect(value, `${name} ${how}: ${figure} ${value} of ${limit}`).toBeLessThanOrEqual(AT_MOST * limit);
        }
        lines.push(
          `${`${name}, ${how}`.padEnd(42)} ${Object.entries(LIMIT_OF)
            .map(
              ([figure, limit]) =>
                `${figure} ${figures[figure as keyof typeof LIMIT_OF]} (${Math.round((100 * figures[figure as keyof typeof LIMIT_OF]) / limit)}%)`,
            )
            .join(', ')}`,
        );
      }
    }
    console.log(lines.join('\n'));
  });

  it('still verifies the national sheet re-saved by LibreOffice', async () => {
    const bytes = readFileSync(join(saved, 'lembar-nasional.xlsx'));
    const result = await verifyScoreSheet(bytes, 'lembar-nasional.xlsx', {
      event: national,
      latestPackageRevision: 1,
      jurorKeys: new Map([['J1', key.publicKey]]),
    });
    expect(result.status, result.details.map((d) => d.en).join('\n')).toBe('valid');
  }, 60_000);
});
