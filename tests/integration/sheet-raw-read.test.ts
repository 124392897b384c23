/**
 * Issue 18, item 1: verification reads the sheet's XML itself (files/xlsx-reader.ts) instead of exceljs's
 * object model, and so sees what only the raw file says and every reader prints: a built-in number format
 * the file redefines or that no reader resolves alike, shapes and text boxes drawn over the cells, totals
 * without saved results in a workbook set to calculate by hand, header and footer text, and rows hidden by
 * the sheet's defaults. Each is 'tampered', named by cell or part; what only looks different stays valid.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { verifyScoreSheet, writeScoreSheet, type SheetVerification } from '../../src/services/sheets/score-sheet.ts';
import { headerFooterSections } from '../../src/services/sheets/sheet-verify.ts';
import { readCell } from '../../src/services/sheets/sheet-cells.ts';
import { readXlsx } from '../../src/services/files/xlsx-reader.ts';
import { demoSheetPayload, jurorKey, loadWorkbook, saveWorkbook, verifyContext, worksheet } from '../support/sheets.ts';
import { entryText, patchZip } from '../reliability/hostile/zip.ts';

const FILE = 'lembar-J4.xlsx';
/** The parts exceljs writes: the cover is sheet1, section 1-ukm sheet2. */
const STYLES = 'xl/styles.xml';
const WORKBOOK = 'xl/workbook.xml';
const UKM = 'xl/worksheets/sheet2.xml';

let j4: UnlockedKey;
let written: Buffer;

beforeAll(async () => {
  j4 = jurorKey();
  written = await writeScoreSheet(demoSheetPayload(j4), j4);
});

const verify = (bytes: Uint8Array) => verifyScoreSheet(bytes, FILE, verifyContext({ J4: j4.publicKey }));
const lines = (result: SheetVerification) => result.details.map((d) => d.en);

async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(written);
  edit(workbook);
  return saveWorkbook(workbook);
}

function expectTampered(result: SheetVerification, ...expected: (string | RegExp)[]): void {
  expect(result.status, lines(result).join('\n')).toBe('tampered');
  for (const line of expected) {
    if (typeof line === 'string') expect(lines(result)).toContain(line);
    else
      expect(
        lines(result).some((l) => line.test(l)),
        `${line}\n${lines(result).join('\n')}`,
      ).toBe(true);
  }
  // Both languages, each finding.
  for (const d of result.details) expect(d.id.length > 0 && d.en.length > 0).toBe(true);
}

/** A number format given to one cell by exceljs, then renumbered in the styles to `id` (its own definition dropped). */
async function withFormatId(address: string, id: number, keepDefinition = false): Promise<Buffer> {
  const marker = '0.0000000';
  const bytes = await edited((wb) => {
    const cell = worksheet(wb, '1-ukm').getCell(address);
    cell.style = { ...cell.style, numFmt: marker };
  });
  const styles = entryText(bytes, STYLES);
  const custom = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${marker.replace(/\./g, '\\.')}"/>`).exec(styles);
  if (!custom) throw new Error('exceljs wrote no custom format');
  return patchZip(bytes, {
    [STYLES]: (text) =>
      text
        .replace(custom[0], keepDefinition ? custom[0].replace(`numFmtId="${custom[1]}"`, `numFmtId="${id}"`) : '')
        .replaceAll(`numFmtId="${custom[1]}"`, `numFmtId="${id}"`),
  });
}

describe('number formats only the raw file shows', () => {
  it('a custom format redefining General (id 0), which exceljs ignored and Excel may print with', async () => {
    const bytes = patchZip(written, {
      [STYLES]: (text) =>
        text.includes('<numFmts')
          ? text.replace(/<numFmts count="(\d+)">/, (_, n) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="0" formatCode=";;;"/>`)
          : text.replace(/(<styleSheet[^>]*>)/, '$1<numFmts count="1"><numFmt numFmtId="0" formatCode=";;;"/></numFmts>'),
    });
    expectTampered(
      await verify(bytes),
      /^xl\/styles\.xml: built-in number format 0 is redefined as ';;;', and signed cells use it \(first: Sheet Sampul!B\d+\)/,
    );
  });

  it('a built-in format redefined as another, even one that prints the same figure', async () => {
    // 2 is "0.00", the totals' format; "0.0" would print 53.0 where 53.00 was signed: the same total.
    const bytes = await withFormatId('I7', 2, true);
    const redefined = patchZip(bytes, { [STYLES]: (text) => text.replace('formatCode="0.0000000"', 'formatCode="0.0"') });
    expectTampered(
      await verify(redefined),
      "xl/styles.xml: built-in number format 2 is redefined as '0.0', and signed cells use it (first: Sheet 1-ukm!I7): different programs print them with different formats",
    );
  });

  it('a built-in format id that readers resolve each their own way (5: a local currency), or that is nowhere defined', async () => {
    for (const id of [5, 27, 200]) {
      const result = await verify(await withFormatId('F8', id));
      expectTampered(
        result,
        `Sheet 1-ukm!F8: mark prints with built-in number format ${id}, which the file does not define and each program reads its own way (a local currency, say), signed '1' (UK2, La Moringa)`,
      );
      expect(result.details).toHaveLength(1);
    }
  });

  it('a built-in id every reader resolves alike stays harmless where it prints the signed figure', async () => {
    const result = await verify(await withFormatId('F8', 1)); // "0"
    expect(result.status, lines(result).join('\n')).toBe('valid');
  });
});

describe('what is drawn or printed over the cells', () => {
  const picture = (wb: ExcelJS.Workbook) => {
    const image = wb.addImage({
      base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      extension: 'png',
    });
    worksheet(wb, '1-ukm').addImage(image, 'F8:F8');
  };
  const TEXT_BOX =
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>' +
    '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></xdr:spPr>' +
    '<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>5</a:t></a:r></a:p></xdr:txBody></xdr:sp>';

  it('a text box over a mark (a white box printing another figure), named with its part', async () => {
    const bytes = await edited(picture);
    const shaped = patchZip(bytes, { 'xl/drawings/drawing1.xml': (text) => text.replace(/<xdr:pic>[\s\S]*<\/xdr:pic>/, TEXT_BOX) });
    const result = await verify(shaped);
    expectTampered(result, 'Sheet 1-ukm: a shape or text box over the cells that was not signed (xl/drawings/drawing1.xml)');
    expect(lines(result).join('\n')).not.toContain('picture');
  });

  it('a chart or a group of shapes, beside a picture', async () => {
    const bytes = await edited(picture);
    const both = patchZip(bytes, {
      'xl/drawings/drawing1.xml': (text) =>
        text.replace(
          '</xdr:wsDr>',
          '<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
            '<xdr:ext cx="100" cy="100"/><xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="3" name="G"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr><xdr:grpSpPr/>' +
            `${TEXT_BOX}</xdr:grpSp><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
        ),
    });
    expectTampered(
      await verify(both),
      'Sheet 1-ukm: a picture over the cells that was not signed',
      'Sheet 1-ukm: a group of shapes over the cells that was not signed (xl/drawings/drawing1.xml)',
    );
  });

  it('header and footer text other than the one written, on any page it prints on', async () => {
    const result = await verify(
      await edited((wb) => {
        const sheet = worksheet(wb, '1-ukm');
        sheet.headerFooter.oddFooter = sheet.headerFooter.oddFooter!.replace('&R&8', '&R&8Nilai akhir disahkan: 100 · ');
        const cover = worksheet(wb, 'Sampul');
        cover.headerFooter.differentFirst = true;
        cover.headerFooter.firstHeader = '&C&"Arial,Bold"&14DIBATALKAN';
      }),
    );
    expectTampered(
      result,
      /^Sheet 1-ukm: the page footer prints 'Sidik jari: [\d ]+ \| Halaman &P dari &N \| Nilai akhir disahkan: 100 · J4 · 1-ukm', written with the signed sheet 'Sidik jari: [\d ]+ \| Halaman &P dari &N \| J4 · 1-ukm'$/,
      "Sheet Sampul: the page header prints 'DIBATALKAN', written with the signed sheet empty",
    );
    expect(result.details).toHaveLength(2);
  });

  it('an even-page header that never prints (differentOddEven off), fonts and sizes rewritten, a header dropped: harmless', async () => {
    const result = await verify(
      await edited((wb) => {
        const sheet = worksheet(wb, '1-ukm');
        sheet.headerFooter.evenHeader = 'tidak pernah dicetak';
        sheet.headerFooter.oddFooter = sheet.headerFooter.oddFooter!.replace(/&8/g, '&"Calibri,Regular"&9 ');
        worksheet(wb, '2-ukm').headerFooter.oddHeader = '';
      }),
    );
    expect(result.status, lines(result).join('\n')).toBe('valid');
  });

  it('reads a header as it prints: sections, fields kept, fonts, sizes and colours left out', () => {
    expect(headerFooterSections('&L&8Sidik jari: 1 && 2&C&"Arial,Bold"&K00FF00Halaman &P dari &N&R&B&8J1 · Sampul')).toEqual({
      L: 'Sidik jari: 1 & 2',
      C: 'Halaman &P dari &N',
      R: 'J1 · Sampul',
    });
    expect(headerFooterSections('tanpa bagian')).toEqual({ L: '', C: 'tanpa bagian', R: '' });
  });
});

describe('what a workbook says about all of its cells', () => {
  const dropResult = (wb: ExcelJS.Workbook) => {
    const cell = worksheet(wb, '1-ukm').getCell('I7');
    cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
  };
  const manual = (bytes: Uint8Array) =>
    patchZip(bytes, { [WORKBOOK]: (text) => text.replace(/<calcPr([^>]*)\/>/, '<calcPr$1 calcMode="manual"/>') });

  it('a total without its saved result in a workbook set to calculate by hand', async () => {
    const bytes = manual(await edited(dropResult));
    expect(entryText(bytes, WORKBOOK)).toContain('calcMode="manual"');
    const result = await verify(bytes);
    expectTampered(
      result,
      `Sheet 1-ukm!I7: total has no saved result, and the workbook is set to calculate by hand (calcMode "manual"), so it prints empty or stale, signed '53.00' (Padu Padan by Erwin Yuan)`,
    );
    expect(result.details).toHaveLength(1);
  });

  it('calculating by hand with every result saved, or a result dropped where readers calculate: valid', async () => {
    expect((await verify(manual(written))).status).toBe('valid');
    expect((await verify(await edited(dropResult))).status).toBe('valid');
  });

  it("rows hidden or flattened by the sheet's defaults, which only the raw file says", async () => {
    const zero = await verify(patchZip(written, { [UKM]: (text) => text.replace(/<sheetFormatPr /, '<sheetFormatPr zeroHeight="1" ') }));
    expectTampered(zero, 'Sheet 1-ukm!A7:K7: the row is hidden', 'Sheet 1-ukm!A1:K1: the row is hidden');
    const flat = await verify(patchZip(written, { [UKM]: (text) => text.replace(/defaultRowHeight="[\d.]+"/, 'defaultRowHeight="1"') }));
    expectTampered(flat, 'Sheet 1-ukm!A7:K7: the row is hidden');
    // Row 6 has a height of its own.
    expect(lines(flat)).not.toContain('Sheet 1-ukm!A6:K6: the row is hidden');
  });

  it('reads the shared strings Excel reads: those the workbook relationships name, not a file of the usual name beside them', async () => {
    const strings = entryText(written, 'xl/sharedStrings.xml');
    const bytes = patchZip(written, {
      'xl/strings-excel.xml': () => strings.replace('>La Moringa<', '>La Moringa (diskualifikasi)<'),
      'xl/_rels/workbook.xml.rels': (text) => text.replace('Target="sharedStrings.xml"', 'Target="strings-excel.xml"'),
      '[Content_Types].xml': (text) => text.replace('/xl/sharedStrings.xml', '/xl/strings-excel.xml'),
    });
    expectTampered(await verify(bytes), /^Sheet 2-ukm!C8: nominee name 'La Moringa \(diskualifikasi\)', signed 'La Moringa'/);
  });

  it('a package whose workbook is not xl/workbook.xml is not read as the one beside it', async () => {
    const bytes = patchZip(written, {
      'xl/workbook2.xml': () => entryText(written, WORKBOOK),
      '_rels/.rels': (text) => text.replace('Target="xl/workbook.xml"', 'Target="xl/workbook2.xml"'),
    });
    const result = await verify(bytes);
    expect(result.status).toBe('malformed');
  });

  it('a formula behind a link is still a formula', async () => {
    const bytes = await edited((wb) => {
      worksheet(wb, '1-ukm').getCell('F8').value = { formula: 'IF(TODAY()>0,5,1)', result: 1 };
    });
    const linked = patchZip(bytes, {
      [UKM]: (text) =>
        text.replace('<printOptions', `<hyperlinks><hyperlink ref="F8" location="'Sampul'!A1" display="1"/></hyperlinks><printOptions`),
    });
    expect(entryText(linked, UKM)).toContain('<hyperlink ref="F8"');
    expectTampered(await verify(linked), 'Sheet 1-ukm!F8: mark formula =IF(TODAY()>0,5,1), signed 1 (UK2, La Moringa)');
  });

  it('a second sheet with the name of a signed one', async () => {
    const bytes = patchZip(written, {
      [WORKBOOK]: (text) =>
        text.replace(/(<sheet [^>]*name="1-ukm"[^>]*\/>)/, (tag) => `${tag}${tag.replace(/sheetId="\d+"/, 'sheetId="99"')}`),
    });
    expectTampered(await verify(bytes), 'Sheet 1-ukm: an added sheet that was not signed');
  });
});

describe('the raw reader reads each cell as exceljs read it', () => {
  it('text, rich text, numbers, dates, booleans, errors, formulas with their results, shared formulas, merges, formats', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Uji');
    sheet.getCell('A1').value = 'teks';
    sheet.getCell('B1').value = { richText: [{ text: 'kaya ', font: { bold: true } }, { text: 'teks' }] };
    sheet.getCell('C1').value = 4.5;
    sheet.getCell('D1').value = new Date(Date.UTC(2025, 5, 26));
    sheet.getCell('E1').value = true;
    sheet.getCell('F1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.getCell('G1').value = { formula: 'C1*2', result: 9 };
    sheet.getCell('H1').value = { formula: 'A1&"!"', result: 'teks!' };
    sheet.getCell('I1').value = { formula: 'C1>1', result: false };
    sheet.getCell('A2').value = { formula: 'C1+1', result: 5.5, shareType: 'shared', ref: 'A2:A4' } as ExcelJS.CellFormulaValue;
    sheet.getCell('A3').value = { sharedFormula: 'A2', result: 6.5 } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell('A4').value = { sharedFormula: 'A2', result: 7.5 } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell('B2').value = 'gabungan';
    sheet.mergeCells('B2:D3');
    sheet.getCell('C3').value = 'di bawah gabungan';
    sheet.getCell('E2').value = 3;
    sheet.getCell('E2').numFmt = '0.00;[Red]-0.00';
    sheet.getCell('F2').value = 'kata "kutip" & <tanda>';
    sheet.getCell('G2').value = '';
    sheet.getCell('H2').value = 'baris\nbaru';
    const bytes = await wb.xlsx.writeBuffer();
    const book = readXlsx(new Uint8Array(bytes), 'uji.xlsx');
    const loaded = await loadWorkbook(new Uint8Array(bytes));
    const theirs = worksheet(loaded, 'Uji');
    const ours = book.sheet('Uji')!;
    for (let r = 1; r <= 4; r++) {
      for (let c = 1; c <= 9; c++) {
        const expected = readCell(theirs.getCell(r, c));
        const read = ours.cell(r, c);
        expect({ content: read.content, formula: read.formula, numFmt: read.numFmt }, `${r}:${c}`).toEqual({
          content: expected.content,
          formula: expected.formula,
          numFmt: expected.numFmt,
        });
      }
    }
    expect(ours.cell(3, 1).formula).toBe('C2+1'); // slid from A2, as exceljs slides it
    expect([...ours.cells().keys()]).toEqual([1, 2, 3, 4]);
    expect(ours.cells().get(3)?.has(3)).toBe(false); // merged over
  });
});
