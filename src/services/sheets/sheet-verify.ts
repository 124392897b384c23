/**
 * Comparing a score sheet's visible cells with its signed payload. Every cell the layout defines must show
 * what the payload says (marks numerically, totals from their cached results, text exactly), nominee rows
 * must be where they were signed, and nothing may be added: no row, no cell, no sheet. Each difference is
 * one finding naming its sheet and cell.
 */
import { format as formatNumber } from 'numfmt';
import { sheetVerificationMessages as say } from '../../core/messages/sheet-verification.ts';
import { xlsxMessages } from '../../core/messages/zip.ts';
import type { Bilingual } from '../../core/model.ts';
import type { SheetPayload } from './sheet-payload.ts';
import { shownText } from './sheet-cells.ts';
import { SHAPE_WORDS, type RawCell as CellRead, type XlsxBook, type XlsxSheet as Worksheet } from '../files/xlsx-reader.ts';
import {
  COVER_SHEET,
  FIRST_DATA_ROW,
  SIGNATURE_SHEET,
  address,
  coverLayout,
  pageFooter,
  pageHeaderText,
  sectionLayout,
  sectionSheetNames,
  type Expected,
  type LayoutCell,
  type SectionLayout,
} from './sheet-layout.ts';

/** A signed mark and the number in its cell: the same mark, whatever a spreadsheet did to the float. */
const MARK_TOLERANCE = 1e-9;
/** A total's cached result and the total recomputed from the signed marks: the same to the printed cent. */
const TOTAL_TOLERANCE = 0.005;
const QUOTE_MAX = 60;

const where = (sheet: string, cell: string) => `Sheet ${sheet}!${cell}`;

function quote(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\n/g, '⏎');
  return `'${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}'`;
}
/** A header or footer is quoted whole (within reason): what differs is often at its end. */
const HEADER_QUOTE_MAX = 300;

/** What a cell shows, in a finding: a total by its saved result, any other formula as such. */
function found(read: CellRead, expected?: Expected): Bilingual {
  if (read.formula !== undefined && expected?.kind !== 'total') return say.formula({ formula: read.formula });
  if (read.content === undefined) return say.empty();
  const text = shownText(read.content);
  return typeof read.content === 'number' ? { id: text, en: text } : { id: quote(text), en: quote(text) };
}

/** What the payload says the cell shows, in a finding. */
function signed(expected: Expected): Bilingual {
  const plainText = (text: string): Bilingual => ({ id: quote(text), en: quote(text) });
  switch (expected.kind) {
    case 'text':
      return expected.text === '' ? say.empty() : plainText(expected.text);
    case 'number':
      return { id: String(expected.value), en: String(expected.value) };
    case 'mark':
      return expected.mark === null ? say.empty() : { id: expected.mark, en: expected.mark };
    case 'total':
      return expected.total === null ? say.empty() : { id: expected.total.result.toFixed(2), en: expected.total.result.toFixed(2) };
  }
}

const normalFormula = (formula: string) => formula.replace(/\s+/g, '').replace(/^=/, '').toUpperCase();

/** Whether a cell shows what it must. */
function matches(expected: Expected, read: CellRead): boolean {
  const { content, formula } = read;
  switch (expected.kind) {
    case 'text':
      if (formula !== undefined) return false;
      if (content === undefined) return expected.text === '';
      return (typeof content === 'string' || typeof content === 'number') && shownText(content) === expected.text;
    case 'number':
      return formula === undefined && typeof content === 'number' && Math.abs(content - expected.value) <= MARK_TOLERANCE;
    case 'mark':
      if (formula !== undefined) return false;
      if (expected.mark === null) return content === undefined;
      return typeof content === 'number' && Math.abs(content - Number(expected.mark)) <= MARK_TOLERANCE;
    case 'total':
      if (expected.total === null) return content === undefined && formula === undefined;
      if (formula === undefined || normalFormula(formula) !== normalFormula(expected.total.formula)) return false;
      // A tool that does not calculate (openpyxl) saves the formula without its result; Excel and LibreOffice
      // compute it again on opening, from the marks verified beside it, so the signed formula is enough.
      return content === undefined || (typeof content === 'number' && Math.abs(content - expected.total.result) <= TOTAL_TOLERANCE);
  }
}

/** The number formats Timbang writes: text as text, a total to two decimals, anything else General. */
const WRITTEN_FORMAT: Record<Expected['kind'], string> = { text: '@', number: 'General', mark: 'General', total: '0.00' };

/** The value a cell must hold, to print it; undefined where it must be empty. */
function signedValue(expected: Expected): string | number | undefined {
  switch (expected.kind) {
    case 'text':
      return expected.text === '' ? undefined : expected.text;
    case 'number':
      return expected.value;
    case 'mark':
      return expected.mark === null ? undefined : Number(expected.mark);
    case 'total':
      return expected.total?.result;
  }
}

/** What a value prints as under a number format, as Excel would print it (numfmt emulates ECMA-376 formats). */
function printed(value: string | number, numFmt: string): string {
  try {
    return formatNumber(numFmt, value);
  } catch {
    return `#FORMAT ${numFmt}`; // a format no reader can apply prints nothing like the signed value
  }
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const samePrint = (a: string, b: string) => a === b || (PLAIN_NUMBER.test(a) && PLAIN_NUMBER.test(b) && Number(a) === Number(b));

/**
 * The number formats a signed cell may carry: those that print the signed value itself (with or without
 * decimals, in a colour). Anything else, however harmless it looks to a formatter, may print something
 * else in some reader (a fill character, a condition, a date, a text section), so it is not accepted.
 */
const COLOUR = /\[(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)\]/gi;
const NUMBER_FORMATS = new Set(['general', '0', '0.0', '0.00', '0.000', '#,##0', '#,##0.0', '#,##0.00']);
const TEXT_FORMATS = new Set(['general', '@']);
function acceptedFormat(kind: Expected['kind'], numFmt: string): boolean {
  const plain = numFmt.replace(COLOUR, '').trim().toLowerCase();
  return (kind === 'text' ? TEXT_FORMATS : NUMBER_FORMATS).has(plain);
}

/**
 * A cell that holds the signed value can still print another one: a number format such as \5 over a signed 4,
 * or "90,00" over a total of 70, or the value repeated across the cell ("fill" alignment). What prints must
 * be what was signed; formats that only change how it looks (colour, decimals that keep the value: 4 as 4.0)
 * stay harmless.
 */
function printFinding(sheet: string, cell: LayoutCell, read: CellRead, checks: Checks): Bilingual | undefined {
  const value = signedValue(cell.expected);
  const written = WRITTEN_FORMAT[cell.expected.kind];
  if (value === undefined) return undefined;
  const at = where(sheet, address(cell.row, cell.col));
  const context = cell.context ? ` (${cell.context})` : '';
  if (read.redefined && !checks.redefined.has(read.redefined.id)) checks.redefined.set(read.redefined.id, { ...read.redefined, at });
  if (read.horizontal === 'fill') {
    return say.printedFill({ at, what: cell.what, signed: quote(printed(value, written)), context });
  }
  if (read.unknownFormat !== undefined) {
    const signedShown = printed(value, written);
    return say.printedUnknownFormat({ at, what: cell.what, format: read.unknownFormat, signed: quote(signedShown), context });
  }
  if (read.numFmt === undefined || read.numFmt === written) return undefined;
  const shown = printed(value, read.numFmt);
  const signedShown = printed(value, written);
  if (acceptedFormat(cell.expected.kind, read.numFmt) && samePrint(shown, signedShown)) return undefined;
  return say.printedFormat({ at, what: cell.what, shown: quote(shown), format: quote(read.numFmt), signed: quote(signedShown), context });
}

function cellFinding(sheet: string, cell: LayoutCell, read: CellRead, checks: Checks): Bilingual | undefined {
  const { expected } = cell;
  const at = where(sheet, address(cell.row, cell.col));
  const context = cell.context ? ` (${cell.context})` : '';
  if (matches(expected, read)) {
    // A total saved without its result is computed again on opening, unless the workbook says to calculate by hand.
    if (checks.manualCalculation && expected.kind === 'total' && expected.total && read.content === undefined) {
      return say.manualCalculation({ at, what: cell.what, signed: quote(expected.total.result.toFixed(2)), context });
    }
    return printFinding(sheet, cell, read, checks);
  }
  if (
    expected.kind === 'total' &&
    expected.total &&
    read.formula !== undefined &&
    normalFormula(read.formula) !== normalFormula(expected.total.formula)
  ) {
    return say.totalFormula({ at, formula: read.formula, signed: expected.total.formula, context });
  }
  const is = found(read, expected);
  const was = signed(expected);
  return say.cellDiffers({ at, what: cell.what, is, was, context });
}

const isFilled = (read: CellRead) =>
  read.formula !== undefined || (read.content !== undefined && !(typeof read.content === 'string' && read.content.trim() === ''));

/** Every filled cell of a sheet, by row. Merged-over cells repeat their first cell and are left out. */
function filledCells(sheet: Worksheet): Map<number, Map<number, CellRead>> {
  const rows = new Map<number, Map<number, CellRead>>();
  for (const [r, row] of sheet.cells()) {
    for (const [c, read] of row) {
      if (!isFilled(read)) continue;
      if (!rows.has(r)) rows.set(r, new Map());
      rows.get(r)!.set(c, read);
    }
  }
  return rows;
}

function unexpectedCell(sheet: string, row: number, col: number, read: CellRead): Bilingual {
  const is = found(read);
  const at = where(sheet, address(row, col));
  return say.unsignedContent({ at, is });
}

/**
 * Below these a row or column shows nothing readable (a mark needs about two characters of width and a
 * line of 10-point text about 6 points of height); the layout writes at least 15 points and 5 characters.
 */
const MIN_ROW_HEIGHT = 6;
const MIN_COLUMN_WIDTH = 2;

/** Hidden rows and columns would hide signed cells from a reader or a printout. */
function hiddenFindings(sheet: Worksheet, name: string, rows: number[], lastColumn: number): Bilingual[] {
  const findings: Bilingual[] = [];
  for (const r of rows) {
    const row = sheet.row(r);
    if (row.hidden || (row.height !== undefined && row.height < MIN_ROW_HEIGHT)) {
      const at = where(name, `A${r}:${address(r, lastColumn)}`);
      findings.push(say.rowHidden({ at }));
    }
  }
  for (let c = 1; c <= lastColumn; c++) {
    const column = sheet.column(c);
    if (column.hidden || (column.width !== undefined && column.width < MIN_COLUMN_WIDTH)) {
      const letter = address(1, c).replace(/\d+$/, '');
      const at = where(name, `${letter}:${letter}`);
      findings.push(say.columnHidden({ at }));
    }
  }
  return findings;
}

/** A sheet whose every cell is fixed by the layout (the cover, a section's heading rows). */
function compareFixed(
  sheet: Worksheet,
  name: string,
  cells: LayoutCell[],
  filled: Map<number, Map<number, CellRead>>,
  checks: Checks,
  beforeRow = Infinity,
): Bilingual[] {
  const findings: Bilingual[] = [];
  const covered = new Set<string>();
  for (const cell of cells) {
    covered.add(`${cell.row}:${cell.col}`);
    const finding = cellFinding(name, cell, sheet.cell(cell.row, cell.col), checks);
    if (finding) findings.push(finding);
  }
  for (const [r, row] of filled) {
    if (r >= beforeRow) continue;
    for (const [c, read] of row) if (!covered.has(`${r}:${c}`)) findings.push(unexpectedCell(name, r, c, read));
  }
  return findings;
}

function compareCover(sheet: Worksheet, payload: SheetPayload, names: string[], checks: Checks): Bilingual[] {
  const layout = coverLayout(payload, names);
  const filled = filledCells(sheet);
  const rows = [...new Set(layout.cells.map((cell) => cell.row))];
  return [
    ...compareFixed(sheet, COVER_SHEET, layout.cells, filled, checks),
    ...hiddenFindings(sheet, COVER_SHEET, rows, layout.columns.length),
  ];
}

const idText = (read: CellRead) => (read.content === undefined ? '' : shownText(read.content));

/**
 * A section sheet: its heading rows, then one row per nominee. Rows are matched to nominees by their ID
 * cell, so that a moved, deleted or added row is named as such rather than as every cell that shifted.
 */
function compareSection(sheet: Worksheet, layout: SectionLayout, checks: Checks): Bilingual[] {
  const name = layout.sheetName;
  const nominees = layout.section.nominees;
  const filled = filledCells(sheet);
  const findings = compareFixed(sheet, name, layout.headCells, filled, checks, FIRST_DATA_ROW);
  const range = (row: number) => where(name, `A${row}:${address(row, layout.lastColumn)}`);

  const dataRows = [...filled.keys()].filter((r) => r >= FIRST_DATA_ROW).sort((a, b) => a - b);
  const idAt = (row: number) => idText(sheet.cell(row, 2));
  const used = new Set<number>();
  const rowOf: (number | undefined)[] = nominees.map((nominee, i) => {
    const row = FIRST_DATA_ROW + i;
    if (filled.has(row) && idAt(row) === nominee.nomineeId) {
      used.add(row);
      return row;
    }
    return undefined;
  });
  // A nominee's row found elsewhere: moved, or shifted by a row deleted or added above it.
  const rowsById = new Map<string, number[]>();
  for (const row of dataRows) {
    if (used.has(row)) continue;
    const id = idAt(row);
    const rows = rowsById.get(id);
    if (rows) rows.push(row);
    else rowsById.set(id, [row]);
  }
  nominees.forEach((nominee, i) => {
    if (rowOf[i] !== undefined) return;
    const row = rowsById.get(nominee.nomineeId)?.find((r) => !used.has(r));
    if (row !== undefined) {
      used.add(row);
      rowOf[i] = row;
    }
  });
  // A filled row where the nominee should be, but with another ID: the same row, its ID cell changed.
  nominees.forEach((_, i) => {
    const row = FIRST_DATA_ROW + i;
    if (rowOf[i] === undefined && filled.has(row) && !used.has(row)) {
      used.add(row);
      rowOf[i] = row;
    }
  });

  const placed = rowOf.filter((row): row is number => row !== undefined);
  const inOrder = placed.every((row, k) => k === 0 || row > placed[k - 1]);
  nominees.forEach((nominee, i) => {
    const row = rowOf[i];
    const signedRow = FIRST_DATA_ROW + i;
    const who = `${nominee.name} (${nominee.nomineeId})`;
    if (row === undefined) {
      findings.push(say.rowMissing({ at: range(signedRow), who }));
      return;
    }
    if (row !== signedRow && !inOrder) {
      findings.push(say.rowMoved({ at: range(row), who, signedRow }));
    }
    // A row shifted by a tool that does not adjust references (exceljs, scripts) keeps the total's formula
    // as signed, naming its old row: that is the row finding's consequence, not one more finding per row.
    const asSigned = row === signedRow ? [] : layout.rowCells(i, signedRow);
    layout.rowCells(i, row).forEach((cell, k) => {
      const read = sheet.cell(cell.row, cell.col);
      const finding = cellFinding(name, cell, read, checks);
      if (finding && !(asSigned[k] && matches(asSigned[k].expected, read))) findings.push(finding);
    });
  });

  for (const row of dataRows) {
    const cells = filled.get(row)!;
    if (!used.has(row)) {
      const shown = [...cells.values()].slice(0, 3).map((read) => found(read));
      findings.push(say.addedRow({ at: range(row), shown }));
      continue;
    }
    for (const [c, read] of cells) if (c > layout.lastColumn) findings.push(unexpectedCell(name, row, c, read));
  }
  const headRows = [...new Set(layout.headCells.map((cell) => cell.row))];
  findings.push(...hiddenFindings(sheet, name, [...headRows, ...placed], layout.lastColumn));
  return findings;
}

/**
 * What prints over or instead of the signed cells without changing them: conditional formats (which carry
 * number formats and data bars of their own), pictures, shapes and text boxes, a print area that leaves rows
 * out, and header or footer text other than the one written. Timbang writes none of these (but the header
 * and footer), and a re-save keeps none it did not find.
 */
function overlayFindings(sheet: Worksheet, name: string, header: string | undefined, footer: string): Bilingual[] {
  const findings: Bilingual[] = [];
  for (const ref of sheet.conditionalFormats) {
    findings.push(say.conditionalFormat({ at: where(name, ref) }));
  }
  if (sheet.pictures > 0) {
    findings.push(say.picture({ sheet: name }));
  }
  const shapes = new Map<string, string>();
  for (const { kind, part } of sheet.shapes) if (!shapes.has(kind)) shapes.set(kind, part);
  for (const [kind, part] of shapes) {
    const words = SHAPE_WORDS[kind] ?? xlsxMessages.shapeOther();
    findings.push(say.shape({ sheet: name, words, part }));
  }
  if (sheet.printArea) {
    findings.push(say.printArea({ sheet: name, area: sheet.printArea }));
  }
  if (sheet.headerFooterPictures) {
    findings.push(say.headerFooterPicture({ sheet: name }));
  }
  findings.push(...headerFooterFindings(sheet, name, header, footer));
  return findings;
}

/**
 * A header or footer text as it prints: its left, centre and right sections, with the codes that only
 * change fonts, sizes and colours left out (programs rewrite those: Gnumeric drops "&8") and the fields
 * (&P, &N, &D …) kept as written, spaces collapsed. Text before any section code is centred, as Excel places it.
 */
export function headerFooterSections(text: string): { L: string; C: string; R: string } {
  const out = { L: '', C: '', R: '' };
  let section: 'L' | 'C' | 'R' = 'C';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '&') {
      out[section] += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === '&') {
      out[section] += '&';
      i++;
    } else if (next === 'L' || next === 'C' || next === 'R') {
      section = next;
      i++;
    } else if (next === '"') {
      const end = text.indexOf('"', i + 2);
      i = end < 0 ? text.length : end;
    } else if (next >= '0' && next <= '9') {
      let j = i + 1;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
      i = j - 1;
    } else if (next === 'K') {
      const colour = /^(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})/.exec(text.slice(i + 2));
      i += 1 + (colour ? colour[0].length : 0);
    } else if ('BIUESXYOH'.includes(next)) {
      i++;
    } else {
      out[section] += `&${next}`;
      i++;
    }
  }
  // Spaces around the codes are the writer's (openpyxl writes "&8 " before the text): not what the page says.
  for (const key of ['L', 'C', 'R'] as const) out[key] = out[key].replace(/\s+/g, ' ').trim();
  return out;
}

const printedHeader = (text: string) => {
  const { L, C, R } = headerFooterSections(text);
  return [L, C, R].filter((part) => part !== '').join(' | ');
};

/** Header and footer text that prints on the sheet's pages but is not the text written with the signed sheet. */
function headerFooterFindings(sheet: Worksheet, name: string, header: string | undefined, footer: string): Bilingual[] {
  const findings: Bilingual[] = [];
  const { texts, differentFirst, differentOddEven } = sheet.headerFooter;
  const applies = (key: string) =>
    key.startsWith('odd') || (key.startsWith('even') && differentOddEven) || (key.startsWith('first') && differentFirst);
  const same = (a: string, b: string) => {
    const x = headerFooterSections(a);
    const y = headerFooterSections(b);
    return x.L === y.L && x.C === y.C && x.R === y.R;
  };
  for (const [key, text] of texts) {
    if (!applies(key) || printedHeader(text) === '') continue;
    const isHeader = key.endsWith('Header');
    const expected = isHeader ? (header ?? '') : footer;
    if (same(text, expected)) continue;
    const what = isHeader ? say.pageHeader() : say.pageFooter();
    const signed = printedHeader(expected);
    const found = quote(printedHeader(text), HEADER_QUOTE_MAX);
    const written = quote(signed, HEADER_QUOTE_MAX);
    findings.push(say.headerFooterText({ sheet: name, what, found, written: signed === '' ? say.empty() : { id: written, en: written } }));
  }
  return findings;
}

/** What the workbook as a whole says about how its cells print, and what the cell checks found about it. */
interface Checks {
  manualCalculation: boolean;
  /** Built-in number formats the file redefines that signed cells use: the first such cell of each. */
  redefined: Map<number, { id: number; code: string; at: string }>;
}

/** Every visible difference between the workbook and the signed payload. */
export function compareVisible(workbook: XlsxBook, payload: SheetPayload): Bilingual[] {
  const names = sectionSheetNames(payload);
  const expected = new Set([COVER_SHEET, ...names]);
  const findings: Bilingual[] = [];
  const checks: Checks = { manualCalculation: workbook.manualCalculation, redefined: new Map() };
  const sheet = (name: string): Worksheet | undefined => {
    const ws = workbook.sheet(name);
    if (ws && ws.state !== 'visible') findings.push(say.sheetHidden({ sheet: name }));
    return ws;
  };

  const cover = sheet(COVER_SHEET);
  if (cover) findings.push(...compareCover(cover, payload, names, checks));
  else findings.push(say.coverMissing({ sheet: COVER_SHEET }));

  if (cover) findings.push(...overlayFindings(cover, COVER_SHEET, undefined, pageFooter(payload, COVER_SHEET)));
  payload.sections.forEach((section, i) => {
    const ws = sheet(names[i]);
    if (ws) {
      findings.push(
        ...compareSection(ws, sectionLayout(payload, section, names[i]), checks),
        ...overlayFindings(
          ws,
          names[i],
          pageHeaderText(payload, `${section.roundName} · ${section.categoryName}`),
          pageFooter(payload, names[i]),
        ),
      );
    } else {
      findings.push(say.sectionMissing({ sheet: names[i], section: `${section.roundName} · ${section.categoryName}` }));
    }
  });

  const seen = new Set<string>();
  for (const ws of workbook.sheets) {
    // A second sheet of a signed sheet's name is one no reader shows the same way: added, not signed.
    if (!seen.has(ws.name) && (ws.name === SIGNATURE_SHEET || expected.has(ws.name))) {
      seen.add(ws.name);
      continue;
    }
    findings.push(say.addedSheet({ sheet: ws.name }));
  }
  for (const { id, code, at } of checks.redefined.values()) {
    findings.push(say.redefinedFormat({ format: id, code: quote(code), at }));
  }
  return findings;
}
