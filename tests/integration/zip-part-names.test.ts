/**
 * Issue 14, build item 5: zip entry names are read as the readers read them before the duplicate check.
 * Two entries that name one part (letter case, "\" for "/", "./", "..", a leading "/", percent-encoding)
 * would let Excel or LibreOffice show one and exceljs the other: such a workbook is refused by the zip
 * guard, naming both entries and the file, before exceljs reads a byte. The same spellings through the
 * importers, with the workspace unchanged and within bounds, are in the hostile corpus ('part names').
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/api/errors.ts';
import type { Event } from '../../src/core/model.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { checkZip, partKey } from '../../src/services/files/zip-guard.ts';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { demoDocument } from '../support/demo.ts';
import { readZip, writeZip, type ZipEntry } from '../reliability/hostile/zip.ts';

const SECTION = 'xl/worksheets/sheet2.xml'; // J1's first section, 1-pemkab

function refusal(bytes: Uint8Array, fileName: string): AppError {
  try {
    checkZip(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${fileName} passed the zip guard`);
}

describe('zip entry names', () => {
  let event: Event;
  let sheet: Buffer;
  let jurorKey: string;
  let entries: ZipEntry[];
  let otherMarks: Buffer;

  beforeAll(async () => {
    event = demoDocument();
    const demo = await demoFiles(event);
    sheet = demo.sheets.get('J1')!;
    jurorKey = demo.jurorKeys.get('J1')!.publicKey;
    entries = readZip(sheet).map(({ name, data }) => ({ name, data, method: data.byteLength === 0 ? 0 : 8 }));
    const section = entries.find((e) => e.name === SECTION)!.data!;
    otherMarks = Buffer.from(
      Buffer.from(section)
        .toString('utf8')
        .replace(/<v>4<\/v>/g, '<v>5</v>'),
      'utf8',
    );
    expect(otherMarks.equals(Buffer.from(section))).toBe(false);
  }, 60_000);

  it('gives one key to every spelling of a part that OPC, JSZip or a lenient reader take as the same', () => {
    const spellings = [
      'xl/worksheets/sheet2.xml',
      './xl/worksheets/sheet2.xml',
      '/xl/worksheets/sheet2.xml',
      'xl\\worksheets\\sheet2.xml',
      'xl/worksheets/Sheet2.xml',
      'XL/WORKSHEETS/SHEET2.XML',
      'a/../xl/worksheets/sheet2.xml',
      '../xl/worksheets/sheet2.xml',
      'xl/media/../worksheets/./sheet2.xml',
      'xl//worksheets/sheet2.xml',
      'xl/worksheets/sheet%32.xml',
      'xl%2Fworksheets%2Fsheet2.xml',
      '.\\XL\\Worksheets\\.\\sheet%32.XML',
    ];
    expect(new Set(spellings.map(partKey))).toEqual(new Set(['xl/worksheets/sheet2.xml']));
    // Non-ASCII characters, as UTF-8 percent-encoded or not, and their letter case.
    expect(partKey('xl/media/%C3%89T%C3%89.png')).toBe(partKey('xl/media/été.png'));
    expect(partKey('[Content_Types].xml')).toBe('[content_types].xml');
  });

  it('keeps different parts apart, and directory entries apart from the files in them', () => {
    const names = [
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet10.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/',
      'xl/worksheets/',
      '_rels/',
      '_rels/.rels',
      'xl/%',
      'xl/%ZZ',
      'xl/%FF',
    ];
    expect(new Set(names.map(partKey)).size).toBe(names.length);
    // The real workbook has directory entries as exceljs writes them ("xl/" before "xl/workbook.xml"); with
    // one more and without any, it passes too.
    const files = entries.filter((e) => !e.name.endsWith('/'));
    expect(files.length).toBeLessThan(entries.length);
    expect(checkZip(sheet, 'lembar.xlsx').entries).toBe(entries.length);
    expect(checkZip(writeZip(files), 'tanpa-folder.xlsx').entries).toBe(files.length);
    const moreFolders = writeZip([...entries, { name: 'xl/worksheets/_rels/', data: new Uint8Array(0), method: 0 }]);
    expect(checkZip(moreFolders, 'dengan-folder.xlsx').entries).toBe(entries.length + 1);
  });

  it('refuses two entries that name one part, in either order, naming both and the file', async () => {
    const context = { event, latestPackageRevision: 1, jurorKeys: new Map([['J1', jurorKey]]) };
    for (const spelling of [
      './xl/worksheets/sheet2.xml',
      'xl\\worksheets\\sheet2.xml',
      'xl/worksheets/Sheet2.xml',
      'a/../xl/worksheets/sheet2.xml',
      '/xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet%32.xml',
    ]) {
      for (const crafted of ['after', 'before'] as const) {
        const twin: ZipEntry = { name: spelling, data: otherMarks };
        const bytes = writeZip(crafted === 'after' ? [...entries, twin] : [twin, ...entries]);
        const fileName = `J1-${crafted}.xlsx`;
        const [first, second] = crafted === 'after' ? [SECTION, spelling] : [spelling, SECTION];
        const error = refusal(bytes, fileName);
        expect(error.code).toBe('invalid-file');
        expect(error.bilingual.en).toBe(
          `File ${fileName}: holds entries '${first}' and '${second}', which Excel and LibreOffice take as one part ` +
            `(part names do not tell letter case, '\\' and '/', './', '..' or '%xx' apart): different readers could show different contents, other marks for instance. This file was crafted or is damaged.`,
        );
        expect(error.bilingual.id).toContain(
          `Berkas ${fileName}: berisi bagian '${first}' dan '${second}', yang bagi Excel dan LibreOffice adalah bagian yang sama`,
        );
        // The path a user takes: the sheet is malformed, with that message, and no marks come out of it.
        const verified = await verifyScoreSheet(bytes, fileName, context);
        expect(verified).toMatchObject({ status: 'malformed', payload: null, details: [error.bilingual] });
      }
    }
  }, 60_000);

  it('still refuses a name that climbs out or is absolute when it names no other part', () => {
    for (const name of ['a/../../evil.xml', '/etc/passwd', 'xl/../../../evil.xml']) {
      const error = refusal(writeZip([...entries, { name, data: Buffer.from('<x/>') }]), 'lembar.xlsx');
      expect(error.bilingual.en).toContain(`holds an entry named '${name}', a path that points outside the archive`);
    }
    // Inside the archive but spelled with "..": not a name Excel writes, refused as before.
    const error = refusal(writeZip([...entries, { name: 'xl/media/../media2/x.xml', data: Buffer.from('<x/>') }]), 'lembar.xlsx');
    expect(error.bilingual.en).toContain("holds an entry named 'xl/media/../media2/x.xml'");
  });
});
