/**
 * A cell's content as exceljs's object model gives it: what verification read before it read the XML itself
 * (files/xlsx-reader.ts, which reads every cell the same way), kept for reading workbooks that exceljs has
 * loaded (tests, the interop readers). A formula gives its
 * saved result, read from cell.result: exceljs 4.4 drops a result of false or 0 from cell.value, and
 * LibreOffice saves TRUE and FALSE as formulas. Rich text (LibreOffice writes some text with mixed fonts
 * that way) and links give their plain text. Unlike the event template's reading, text is not trimmed:
 * a signed note keeps its spaces.
 */
import ExcelJS from 'exceljs';
import '../files/raw-number-formats.ts';
import type { Cell, CellValue } from 'exceljs';

export type { CellContent } from '../files/xlsx-reader.ts';
import type { CellContent } from '../files/xlsx-reader.ts';

export interface CellRead {
  /** undefined when the cell shows nothing (no value, or empty text). */
  content: CellContent | undefined;
  /** The formula, without "=", when the cell has one. */
  formula: string | undefined;
  /** The cell's number format code; undefined for General. */
  numFmt: string | undefined;
}

export function readCell(cell: Cell): CellRead {
  const numFmt = cell.numFmt || undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    return { content: plain(cell.result as CellValue), formula: cell.formula ?? undefined, numFmt };
  }
  return { content: plain(cell.value), formula: undefined, numFmt };
}

function plain(value: CellValue | undefined): CellContent | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return plain(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return plain(value.text as CellValue);
  return undefined; // a formula object, handled by readCell
}

/** The text of a cell's content, for the "found" part of a finding. */
export function shownText(content: CellContent | undefined): string {
  if (content === undefined) return '';
  if (content instanceof Date) return Number.isNaN(content.getTime()) ? String(content) : content.toISOString();
  if (typeof content === 'number') return String(Number(content.toPrecision(12)));
  return String(content);
}
