/**
 * No false alarms: what people and other programs harmlessly do to an honest score sheet must leave it
 * valid. Each edit is made by the real program: LibreOffice Calc through its own UNO API (a row deleted or
 * inserted below the signed table, which makes LibreOffice write an empty <row r="1048576">), LibreOffice's
 * .ods round trip, Python's openpyxl (which keeps formulas but drops their saved results), and Gnumeric.
 * Needs: apt-get install -y libreoffice-calc-nogui python3-uno python3-openpyxl gnumeric. A missing tool
 * fails the test with that message; nothing is skipped.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, type VerifyContext } from '../../src/services/sheets/score-sheet.ts';
import { PROJECT_ROOT, demoDocument, tempDir } from '../support/demo.ts';

const run = promisify(execFile);
const TIMEOUT = 240_000;
const INSTALL = 'apt-get install -y libreoffice-calc-nogui python3-uno python3-openpyxl gnumeric';
const EDIT_TOOL = join(PROJECT_ROOT, 'tests', 'interop', 'tools', 'libreoffice-edit.py');
/** The password every Timbang sheet is protected with: it keeps slips of the hand out, not people. */
const SHEET_PASSWORD = 'timbang';

async function tool(command: string, args: string[], what: string): Promise<void> {
  try {
    await run(command, args, { timeout: TIMEOUT });
  } catch (error) {
    throw new Error(
      `${what} failed (${command} ${args.join(' ')}): ${(error as Error).message.slice(0, 400)}\nInstall the readers with: ${INSTALL}`,
    );
  }
}

describe('an honest score sheet after harmless edits by other programs', () => {
  const work = tempDir('timbang-harmless-');
  const original = join(work.dir, 'J3.xlsx');
  const profile = pathToFileURL(join(work.dir, 'profile')).href;
  let context: VerifyContext;
  /** LibreOffice runs one at a time: its instances share the private profile. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };

  beforeAll(async () => {
    const demo = await demoFiles(demoDocument());
    writeFileSync(original, demo.sheets.get('J3')!);
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    context = {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    };
  }, TIMEOUT);
  afterAll(() => work.remove());

  async function expectValid(file: string): Promise<void> {
    const result = await verifyScoreSheet(readFileSync(file), file.split('/').pop()!, context);
    expect(result.status, result.details.map((d) => d.en).join('\n')).toBe('valid');
  }

  const calcEdit = (action: 'delete-row' | 'insert-row', sheet: string, row: number) =>
    serial(async () => {
      const out = join(work.dir, `${action}-${sheet}-${row}.xlsx`);
      await tool(
        '/usr/bin/python3',
        [EDIT_TOOL, join(work.dir, 'profile-uno'), original, out, action, sheet, String(row), SHEET_PASSWORD],
        'LibreOffice Calc (UNO)',
      );
      return out;
    });

  it(
    'stays valid after LibreOffice deletes an empty row below the table',
    async () => {
      // 1-pemkab has 5 nominees in rows 7–11: row 30 is empty.
      await expectValid(await calcEdit('delete-row', '1-pemkab', 30));
    },
    TIMEOUT,
  );

  it(
    'stays valid after LibreOffice inserts a row below the table',
    async () => {
      await expectValid(await calcEdit('insert-row', '2-ukm', 14));
    },
    TIMEOUT,
  );

  it(
    'stays valid after a round trip through LibreOffice .ods',
    async () => {
      const ods = await serial(async () => {
        await tool(
          'soffice',
          [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'ods', '--outdir', join(work.dir, 'ods'), original],
          'LibreOffice (.ods)',
        );
        await tool(
          'soffice',
          [
            `-env:UserInstallation=${profile}`,
            '--headless',
            '--convert-to',
            'xlsx',
            '--outdir',
            join(work.dir, 'ods-xlsx'),
            join(work.dir, 'ods', 'J3.ods'),
          ],
          'LibreOffice (.ods → .xlsx)',
        );
        return join(work.dir, 'ods-xlsx', 'J3.xlsx');
      });
      await expectValid(ods);
    },
    TIMEOUT,
  );

  it(
    'stays valid after openpyxl loads and saves it (formulas kept, their saved results dropped)',
    async () => {
      const out = join(work.dir, 'openpyxl.xlsx');
      await tool(
        '/usr/bin/python3',
        ['-c', 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])', original, out],
        'openpyxl',
      );
      await expectValid(out);
    },
    TIMEOUT,
  );

  it(
    'stays valid after Gnumeric re-saves it',
    async () => {
      const out = join(work.dir, 'gnumeric.xlsx');
      await tool('ssconvert', ['--export-type=Gnumeric_Excel:xlsx2', original, out], 'Gnumeric (ssconvert)');
      await expectValid(out);
    },
    TIMEOUT,
  );
});
