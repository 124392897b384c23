/**
 * Writing the score sheet workbook with exceljs: the layout's cells with their styles, print settings
 * (A4, fit to one page wide, heading rows on every page, page x of n and the key's fingerprint in the
 * footer), sheet protection, and the hidden sheet that carries the signed payload.
 */
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Fill, Font, Worksheet } from 'exceljs';
import { AppError } from '../../api/errors.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { sheetWritingMessages } from '../../core/messages/sheet-writing.ts';
import { canonicalJson } from '../keys/signing.ts';
import type { SheetPayload } from './sheet-payload.ts';
import {
  COVER_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROW,
  SIGNATURE_SHEET,
  SUBHEADER_ROW,
  coverLayout,
  pageFooter,
  pageHeaderText,
  sectionLayout,
  sectionSheetNames,
  type CellStyle,
  type LayoutCell,
} from './sheet-layout.ts';
import { signatureRows } from './sheet-signature.ts';

/**
 * Protection keeps a reader from changing a cell by accident; it is not security (anyone can lift it, and
 * the signature is what tells an edited sheet apart). A low spin count keeps writing quick.
 */
const PROTECTION_PASSWORD = 'timbang';
const PROTECTION = { spinCount: 1000 };

/** Excel's number format for text: a cell typed over later stays text. */
const TEXT_FORMAT = '@';
const A4 = 9;
/** Excel shows at most this many characters in a cell. */
const MAX_CELL_TEXT = 32_767;

const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADING_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
const SUBHEADING_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F4F8' } };
const SHADED_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E7E7' } };
const GREY = { argb: 'FF6B6B6B' };

interface Look {
  font?: Partial<Font>;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
  fill?: Fill;
  numFmt?: string;
}

const LOOKS: Record<CellStyle, Look> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { bold: true, size: 12 } },
  line: { font: { size: 10 } },
  hint: { font: { italic: true, size: 9, color: GREY }, alignment: { vertical: 'top', wrapText: false } },
  label: { font: { bold: true }, alignment: { vertical: 'top' } },
  value: { alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  statement: { alignment: { vertical: 'top', wrapText: true } },
  statementHint: { font: { italic: true, size: 9, color: GREY }, alignment: { vertical: 'top', wrapText: true } },
  signature: { alignment: { vertical: 'top' } },
  heading: {
    font: { bold: true, size: 10 },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
    fill: HEADING_FILL,
  },
  subheading: {
    font: { italic: true, size: 8 },
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: BORDER,
    fill: SUBHEADING_FILL,
  },
  number: { font: { size: 10 }, alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER },
  text: { font: { size: 10 }, alignment: { vertical: 'top' }, border: BORDER },
  wrap: { font: { size: 10 }, alignment: { vertical: 'top', wrapText: true }, border: BORDER },
  mark: { font: { size: 10 }, alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER },
  total: { font: { bold: true, size: 10 }, alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER, numFmt: '0.00' },
};

/**
 * Cells that look alike share one style object. exceljs turns each cell's style into XML to find its
 * style id unless it has seen that very object before (a WeakMap), so 50,000 mark cells with a style each
 * cost more than everything else in a national sheet; shared, each look is worked out once. The styles
 * written are the same: the same properties per cell, and a number format (General) that exceljs gives
 * alike to a number and to an empty cell, which is all a cell without a format of its own holds here.
 * A shared style is never changed in place (see `withBorder`).
 */
type Styles = Map<string, Partial<ExcelJS.Style>>;

function styleOf(styles: Styles, cell: LayoutCell): Partial<ExcelJS.Style> {
  const look = LOOKS[cell.style];
  const fill = cell.shaded ? SHADED_FILL : look.fill;
  const numFmt = look.numFmt ?? (cell.expected.kind === 'text' ? TEXT_FORMAT : undefined);
  const key = compositeKey(cell.style, cell.shaded ? 1 : 0, numFmt ?? '');
  let style = styles.get(key);
  if (!style) {
    style = {};
    if (numFmt) style.numFmt = numFmt;
    if (look.font) style.font = look.font;
    if (look.alignment) style.alignment = look.alignment;
    if (look.border) style.border = look.border;
    if (fill) style.fill = fill;
    styles.set(key, style);
  }
  return style;
}

/** A border added to one cell, on a copy of its style (which other cells may share). */
function withBorder(target: ExcelJS.Cell, border: Partial<Borders>): void {
  target.style = { ...target.style, border };
}

/**
 * Writes one layout cell. Text goes in as a string value, which exceljs writes as text: a note such as
 * =HYPERLINK("…") is never evaluated in the workbook; the text format keeps it so if typed over. The layout
 * has already put an apostrophe before text that starts like a formula (sheet-layout.ts, cellText), so it
 * stays text in a CSV saved from the sheet as well, and verification expects exactly what is written here.
 */
function writeCell(sheet: Worksheet, cell: LayoutCell, styles: Styles): void {
  const target = sheet.getCell(cell.row, cell.col);
  const { expected } = cell;
  switch (expected.kind) {
    case 'text':
      if (expected.text.length > MAX_CELL_TEXT) {
        throw new AppError(
          'invalid-input',
          sheetWritingMessages.cellTextTooLong({ address: target.address, sheet: sheet.name, max: MAX_CELL_TEXT }),
        );
      }
      if (expected.text !== '') target.value = expected.text;
      break;
    case 'number':
      target.value = expected.value;
      break;
    case 'mark':
      if (expected.mark !== null) target.value = Number(expected.mark);
      break;
    case 'total':
      // The cached result is written with the formula, so readers that do not calculate (openpyxl,
      // previews, the verifier) see the total too.
      if (expected.total) target.value = { formula: expected.total.formula, result: expected.total.result };
      break;
  }
  target.style = styleOf(styles, cell);
}

export async function writeWorkbook(payload: SheetPayload, signature: string, publicKey: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const styles: Styles = new Map();
  workbook.creator = 'Timbang';
  workbook.created = new Date(payload.exportedAt);
  workbook.modified = new Date(payload.exportedAt);
  const names = sectionSheetNames(payload);

  const cover = workbook.addWorksheet(COVER_SHEET, {
    pageSetup: { paperSize: A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  const coverCells = coverLayout(payload, names);
  coverCells.columns.forEach((column, i) => {
    cover.getColumn(i + 1).width = column.width;
  });
  for (const cell of coverCells.cells) writeCell(cover, cell, styles);
  for (const [row, height] of coverCells.heights) cover.getRow(row).height = height;
  for (let row = coverCells.tableRows[0] + 1; row <= coverCells.tableRows[1]; row++) {
    for (let col = 1; col <= 3; col++) withBorder(cover.getCell(row, col), BORDER);
  }
  withBorder(cover.getCell(coverCells.signatureRow, 2), { bottom: THIN });
  cover.headerFooter.oddFooter = pageFooter(payload, COVER_SHEET);
  await cover.protect(PROTECTION_PASSWORD, { ...PROTECTION });

  for (const [i, section] of payload.sections.entries()) {
    const layout = sectionLayout(payload, section, names[i]);
    const sheet = workbook.addWorksheet(names[i], {
      views: [{ state: 'frozen', xSplit: 3, ySplit: SUBHEADER_ROW }],
      pageSetup: {
        paperSize: A4,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${HEADER_ROW}:${SUBHEADER_ROW}`,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    layout.columns.forEach((column, c) => {
      sheet.getColumn(c + 1).width = column.width;
    });
    for (const cell of layout.headCells) writeCell(sheet, cell, styles);
    section.nominees.forEach((_, n) => {
      for (const cell of layout.rowCells(n, FIRST_DATA_ROW + n)) writeCell(sheet, cell, styles);
    });
    for (let row = SUBHEADER_ROW; row < FIRST_DATA_ROW + section.nominees.length; row++) {
      const height = layout.rowHeight(row);
      if (height !== undefined) sheet.getRow(row).height = height;
    }
    sheet.headerFooter.oddHeader = pageHeaderText(payload, `${section.roundName} · ${section.categoryName}`);
    sheet.headerFooter.oddFooter = pageFooter(payload, names[i]);
    await sheet.protect(PROTECTION_PASSWORD, { ...PROTECTION });
  }

  // Hidden from the juror's eyes and from printing; LibreOffice keeps it, as "hidden" rather than "veryHidden".
  const carrier = workbook.addWorksheet(SIGNATURE_SHEET, { state: 'veryHidden' });
  carrier.getColumn(1).width = 16;
  carrier.getColumn(2).width = 100;
  signatureRows(canonicalJson(payload), signature, publicKey).forEach(([label, value], r) => {
    carrier.getCell(r + 1, 1).value = label;
    const cell = carrier.getCell(r + 1, 2);
    cell.value = value;
    cell.numFmt = TEXT_FORMAT;
  });
  await carrier.protect(PROTECTION_PASSWORD, { ...PROTECTION });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
