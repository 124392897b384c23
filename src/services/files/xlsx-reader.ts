/**
 * Reads a received .xlsx for verification in one pass over the zip: the zip guard (zip-guard.ts) inflates
 * and checks every entry once and keeps the XML parts; only the parts verification needs are then parsed,
 * each once, with saxes (the XML parser exceljs itself uses, so a part is well-formed, decoded and named
 * exactly as it was when exceljs read these files): the workbook and its relationships, the styles, the
 * shared strings, each worksheet, and the drawings and relationships of the worksheets.
 *
 * What it yields is what a reader sees and prints, not exceljs's object model: each cell's content, formula
 * and saved result, its number format code exactly as written (or the built-in id that no reader agrees on),
 * its horizontal alignment; rows and columns hidden or too small to read (with the sheet's defaults); merged
 * cells; conditional formats; pictures and every other drawing (shapes, text boxes, charts); the print
 * area; the header and footer texts; the workbook's calculation mode. A cell reads as it read through
 * exceljs 4.4 (sheet-cells.ts), so that the verdicts stay those of the trusted path: shared strings and
 * rich text as plain text, numbers under a date format as dates, shared formulas slid to their cell, a
 * merged-over cell as its merge's first cell. Where exceljs read less than Excel prints (style 0, a
 * redefined or unknown built-in number format, a formula behind a hyperlink, the sheet's default row height),
 * this reads what Excel prints.
 *
 * Every failure to read is an AppError('invalid-file'): the zip guard's, naming what is wrong with the zip,
 * or that the file is not a readable Excel file.
 */
import { createRequire } from 'node:module';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../api/errors.ts';
import { xlsxMessages } from '../../core/messages/zip.ts';
import type { Bilingual } from '../../core/model.ts';
import { openZip, partKey, type ZipFigures, type ZipParts } from './zip-guard.ts';

// Not named `require`: the Electron main bundle declares its own `require` shim in the same scope.
const requireCommonJs = createRequire(import.meta.url);
const excelUtils = requireCommonJs('exceljs/lib/utils/utils.js') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(value: number, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};
const { slideFormula } = requireCommonJs('exceljs/lib/utils/shared-formula.js') as {
  slideFormula(formula: string, from: string, to: string): string;
};
const colCache = requireCommonJs('exceljs/lib/utils/col-cache.js') as { decodeEx(range: string): { dimensions?: string } };
const defaultNumFormats = requireCommonJs('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;

export type CellContent = string | number | boolean | Date;

/** One cell as read: what it shows, its formula, and how it prints. */
export interface RawCell {
  /** undefined when the cell shows nothing (no value, or empty text). */
  content: CellContent | undefined;
  /** The formula, without "=", when the cell has one. */
  formula: string | undefined;
  /** The number format code exactly as written; undefined for General. */
  numFmt: string | undefined;
  /** A number format id that is neither defined in the file nor one every reader resolves alike (a locale's currency, say). */
  unknownFormat?: number;
  /** A built-in number format id (0–163) the file redefines: readers disagree on which of the two the cell prints with. */
  redefined?: { id: number; code: string };
  /** The cell's horizontal alignment ("fill" repeats its text across the cell). */
  horizontal?: string;
  /** Its style (cellXfs index), as written. */
  style?: number;
}

export interface RowLook {
  hidden: boolean;
  /** In points; undefined for the default height. */
  height: number | undefined;
}

export interface ColumnLook {
  hidden: boolean;
  /** In characters; undefined for the default width. */
  width: number | undefined;
}

export interface HeaderFooter {
  differentFirst: boolean;
  differentOddEven: boolean;
  /** oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter: the text as written. */
  texts: Map<string, string>;
}

export interface XlsxSheet {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden' as the workbook says ('visible' when it says nothing). */
  state: string;
  /** The worksheet's part, e.g. xl/worksheets/sheet2.xml. */
  part: string;
  /** The cell at (row, column), 1-based; an empty cell when there is none. */
  cell(row: number, col: number): RawCell;
  /** Every cell with something in it, by row and column; merged-over cells left out. */
  cells(): Map<number, Map<number, RawCell>>;
  row(row: number): RowLook;
  column(col: number): ColumnLook;
  /** The ranges of its conditional formats (each once). */
  conditionalFormats: string[];
  /** Pictures anchored over the sheet, and every other drawing object (shape, text box, chart, connector): by kind and part. */
  pictures: number;
  shapes: { kind: string; part: string }[];
  /** Pictures in the header or footer (legacyDrawingHF). */
  headerFooterPictures: boolean;
  /** The print area (e.g. "A1:K7"), several joined by "&&". */
  printArea: string | undefined;
  headerFooter: HeaderFooter;
}

export interface XlsxBook {
  /** The worksheets, in the workbook's order. */
  sheets: XlsxSheet[];
  sheet(name: string): XlsxSheet | undefined;
  /** The workbook asks readers not to calculate on opening (calcPr calcMode="manual"): saved results are what prints. */
  manualCalculation: boolean;
  /** Custom number formats that redefine a built-in id (0–163): readers disagree on which one a cell then prints with. */
  redefinedFormats: { id: number; code: string }[];
  figures: ZipFigures;
}

/** Parses one XML part with saxes, as exceljs does (no namespaces: names keep their prefix). */
function parse(
  xml: Buffer,
  handlers: { open(tag: SaxesTagPlain): void; text?(text: string): void; close?(tag: SaxesTagPlain): void },
): void {
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  // Without namespaces (xmlns unset), every attribute is plain text.
  parser.on('opentag', (tag) => handlers.open(tag as SaxesTagPlain));
  if (handlers.text) parser.on('text', handlers.text);
  const close = handlers.close;
  if (close) parser.on('closetag', (tag) => close(tag as SaxesTagPlain));
  parser.write(xml.toString('utf8'));
  if (failure) throw failure;
  parser.close();
  if (failure) throw failure;
}

const isTrue = (value: string | undefined) => value === 'true' || value === '1';

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** "B7" → [7, 2]; undefined when it is no cell reference. */
function cellRef(ref: string | undefined): [number, number] | undefined {
  if (!ref) return undefined;
  // The common case ("B7") without a regular expression; anything else through one.
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i > 0 && i < ref.length) {
    let row = 0;
    let j = i;
    for (; j < ref.length; j++) {
      const c = ref.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === ref.length && j - i <= 7 && ref.charCodeAt(i) !== 48) return [row, col];
  }
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!match) return undefined;
  return [Number(match[2]), columnNumber(match[1].toUpperCase())];
}

const letters = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Relationships of a part: Id → the target part's entry name, resolved against the part's folder. */
interface Relationship {
  target: string;
  external: boolean;
  /** The relationship type's last segment: "worksheet", "sharedStrings", "styles", "officeDocument", "drawing" … */
  type: string;
}

function relationships(xml: Buffer | undefined, folder: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!xml) return rels;
  parse(xml, {
    open(tag) {
      if (tag.name !== 'Relationship') return;
      const { Id, Target, TargetMode, Type } = tag.attributes;
      if (Id === undefined || Target === undefined) return;
      const external = TargetMode === 'External';
      const type = (Type ?? '').slice((Type ?? '').lastIndexOf('/') + 1);
      rels.set(Id, { target: external ? Target : resolve(folder, Target), external, type });
    },
  });
  return rels;
}

/**
 * The part a relationship of this type points at (what Excel reads), else the name exceljs read by default;
 * two relationships of one type that point at different parts are a file no reader reads alike.
 */
function partOfType(rels: Map<string, Relationship>, type: string, fallback: string): string {
  const targets = [...new Set([...rels.values()].filter((r) => r.type === type && !r.external).map((r) => partKey(r.target)))];
  if (targets.length > 1) throw odd(`several ${type} parts`);
  return targets[0] ?? fallback;
}

/** A relationship's target as an entry name: relative to the folder, or from the root when it starts with "/". */
function resolve(folder: string, target: string): string {
  const path = target.trim().startsWith('/') ? target.trim() : `${folder}/${target.trim()}`;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

interface Styles {
  /** cellXfs, by index: the number format id and the horizontal alignment. */
  xfs: { numFmtId: number; horizontal?: string }[];
  custom: Map<number, string>;
  redefined: { id: number; code: string }[];
}

function readStyles(xml: Buffer | undefined): Styles {
  const styles: Styles = { xfs: [], custom: new Map(), redefined: [] };
  if (!xml) return styles;
  const stack: string[] = [];
  let xf: { numFmtId: number; horizontal?: string } | undefined;
  parse(xml, {
    open(tag) {
      const parent = stack[stack.length - 1];
      stack.push(tag.name);
      if (tag.name === 'numFmt' && parent === 'numFmts') {
        const id = parseInt(tag.attributes.numFmtId ?? '', 10);
        const code = tag.attributes.formatCode ?? '';
        if (!Number.isFinite(id)) return;
        styles.custom.set(id, code);
        if (id < 164) {
          const builtIn = defaultNumFormats[id]?.f;
          if (builtIn === undefined || builtIn.toLowerCase() !== code.toLowerCase()) styles.redefined.push({ id, code });
        }
      } else if (tag.name === 'xf' && parent === 'cellXfs') {
        const id = parseInt(tag.attributes.numFmtId ?? '0', 10);
        xf = { numFmtId: Number.isFinite(id) ? id : 0 };
        styles.xfs.push(xf);
      } else if (tag.name === 'alignment' && parent === 'xf' && stack[stack.length - 3] === 'cellXfs' && xf) {
        if (tag.attributes.horizontal !== undefined) xf.horizontal = tag.attributes.horizontal;
      }
    },
    close() {
      const name = stack.pop();
      if (name === 'xf') xf = undefined;
    },
  });
  return styles;
}

/** A shared string: plain text, or the runs of rich text (exceljs: the last <t>, or the runs, of each <si>). */
type Shared = string | { richText: string[] };

const decodeEscapes = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function readSharedStrings(xml: Buffer | undefined): Shared[] {
  const strings: Shared[] = [];
  if (!xml) return strings;
  let current: Shared | undefined;
  let inSi = false;
  let run: string | undefined;
  let text: string[] | undefined;
  let depthRPh = 0;
  let inRun = false;
  parse(xml, {
    open(tag) {
      switch (tag.name) {
        case 'si':
          inSi = true;
          current = undefined;
          break;
        case 'rPh':
          depthRPh++;
          break;
        case 'r':
          if (inSi && depthRPh === 0) {
            inRun = true;
            run = undefined;
          }
          break;
        case 't':
          if (inSi && depthRPh === 0) text = [];
          break;
      }
    },
    text(t) {
      text?.push(t);
    },
    close(tag) {
      switch (tag.name) {
        case 't':
          if (text) {
            const value = decodeEscapes(text.join(''));
            if (inRun) run = value;
            else current = value;
            text = undefined;
          }
          break;
        case 'r':
          if (inRun) {
            // exceljs adds a run to the string's rich text; after a plain <t> there is none to add to, and it fails.
            if (typeof current === 'string') throw odd('rich text after plain text in a shared string');
            current ??= { richText: [] };
            current.richText.push(run ?? '');
            inRun = false;
          }
          break;
        case 'rPh':
          depthRPh--;
          break;
        case 'si':
          strings.push(current ?? '');
          inSi = false;
          break;
      }
    },
  });
  return strings;
}

const sharedText = (shared: Shared): string => (typeof shared === 'string' ? shared : shared.richText.join(''));

/** The text a cell shows, as exceljs's reading gives it (sheet-cells.ts): empty text is nothing. */
const shown = (text: string): string | undefined => (text === '' ? undefined : text);

interface ParsedCell {
  row: number;
  col: number;
  style: number | undefined;
  type: string | undefined;
  value: string | undefined;
  /** Inline rich text runs (<is><r><t>). */
  rich: string[] | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

interface ParsedSheet {
  /** Each cell read as it closes (the shared strings and styles are read first), by row and column. */
  cells: Map<number, Map<number, RawCell>>;
  /** Whether cells came out of order (then they are sorted, as exceljs walked them). */
  unordered: boolean;
  rows: Map<number, { hidden: boolean; height: number | undefined }>;
  cols: { min: number; max: number; width: number | undefined; hidden: boolean }[];
  defaultRowHeight: number | undefined;
  zeroHeight: boolean;
  defaultColWidth: number | undefined;
  merges: string[];
  conditional: string[];
  drawingIds: string[];
  headerFooterDrawing: boolean;
  headerFooter: HeaderFooter;
}

function parseWorksheet(xml: Buffer, read: (cell: ParsedCell) => RawCell): ParsedSheet {
  const sheet: ParsedSheet = {
    cells: new Map(),
    unordered: false,
    rows: new Map(),
    cols: [],
    defaultRowHeight: undefined,
    zeroHeight: false,
    defaultColWidth: undefined,
    merges: [],
    conditional: [],
    drawingIds: [],
    headerFooterDrawing: false,
    headerFooter: { differentFirst: false, differentOddEven: false, texts: new Map() },
  };
  let rowNumber = 0;
  let colNumber = 0;
  let lastRow = 0;
  let lastCol = 0;
  let cell: ParsedCell | undefined;
  /** Where text goes: the cell's value, formula, a rich run, a header or footer, an x14 range. */
  let sink: string[] | undefined;
  let sinkKind: 'v' | 'f' | 't' | 'rt' | 'hf' | 'sqref' | undefined;
  let hfName = '';
  let inRun = false;
  let runText: string[] | undefined;
  let inX14Conditional = false;
  const float = (text: string | undefined) => (text === undefined ? undefined : parseFloat(text || '0'));
  parse(xml, {
    open(tag) {
      const a = tag.attributes;
      switch (tag.name) {
        case 'sheetFormatPr': {
          const height = float(a.defaultRowHeight);
          if (height !== undefined && Number.isFinite(height)) sheet.defaultRowHeight = height;
          sheet.zeroHeight = isTrue(a.zeroHeight);
          const width = float(a.defaultColWidth);
          if (width !== undefined && Number.isFinite(width)) sheet.defaultColWidth = width;
          break;
        }
        case 'col': {
          const width = a.width === undefined ? undefined : parseFloat(a.width || '0');
          sheet.cols.push({
            min: parseInt(a.min || '0', 10),
            max: parseInt(a.max || '0', 10),
            width: width !== undefined && Number.isFinite(width) ? width : undefined,
            hidden: isTrue(a.hidden),
          });
          break;
        }
        case 'row': {
          const r = parseInt(a.r ?? '', 10);
          rowNumber = Number.isFinite(r) ? r : rowNumber + 1;
          colNumber = 0;
          const height = a.ht ? parseFloat(a.ht) : undefined;
          const earlier = sheet.rows.get(rowNumber);
          sheet.rows.set(rowNumber, {
            hidden: isTrue(a.hidden) || (earlier?.hidden ?? false),
            height: height !== undefined && Number.isFinite(height) ? height : earlier?.height,
          });
          break;
        }
        case 'c': {
          const ref = cellRef(a.r);
          const [row, col] = ref ?? [rowNumber, colNumber + 1];
          colNumber = col;
          const s = a.s === undefined ? undefined : parseInt(a.s, 10);
          cell = {
            row,
            col,
            style: s !== undefined && Number.isFinite(s) ? s : undefined,
            type: a.t,
            value: undefined,
            rich: undefined,
            formula: undefined,
            shareType: undefined,
            si: undefined,
            ref: undefined,
          };
          break;
        }
        case 'f':
          if (!cell) break;
          cell.shareType = a.t;
          cell.si = a.si;
          cell.ref = a.ref;
          sink = [];
          sinkKind = 'f';
          break;
        case 'v':
          if (!cell) break;
          sink = [];
          sinkKind = 'v';
          break;
        case 'r':
          if (cell) {
            inRun = true;
            runText = undefined;
          }
          break;
        case 't':
          if (!cell) break;
          sink = [];
          sinkKind = inRun ? 'rt' : 't';
          break;
        case 'mergeCell':
          if (a.ref) sheet.merges.push(a.ref);
          break;
        case 'conditionalFormatting':
          sheet.conditional.push(a.sqref ?? '');
          break;
        case 'x14:conditionalFormatting':
          inX14Conditional = true;
          break;
        case 'xm:sqref':
          if (inX14Conditional) {
            sink = [];
            sinkKind = 'sqref';
          }
          break;
        case 'headerFooter':
          sheet.headerFooter.differentFirst = isTrue(a.differentFirst);
          sheet.headerFooter.differentOddEven = isTrue(a.differentOddEven);
          break;
        case 'oddHeader':
        case 'oddFooter':
        case 'evenHeader':
        case 'evenFooter':
        case 'firstHeader':
        case 'firstFooter':
          hfName = tag.name;
          sink = [];
          sinkKind = 'hf';
          break;
        case 'drawing':
          if (a['r:id']) sheet.drawingIds.push(a['r:id']);
          break;
        case 'legacyDrawingHF':
          sheet.headerFooterDrawing = true;
          break;
      }
    },
    text(text) {
      sink?.push(text);
    },
    close(tag) {
      switch (tag.name) {
        case 'f':
        case 'v':
          if (cell && sink && sinkKind === tag.name) {
            const text = sink.join('');
            if (tag.name === 'f') {
              if (text !== '') cell.formula = (cell.formula ?? '') + text;
            } else if (text !== '') cell.value = (cell.value ?? '') + text;
          }
          sink = undefined;
          sinkKind = undefined;
          break;
        case 't':
          if (cell && sink) {
            const text = sink.join('');
            if (sinkKind === 'rt') runText = [...(runText ?? []), text];
            else if (text !== '') cell.value = (cell.value ?? '') + text;
          }
          sink = undefined;
          sinkKind = undefined;
          break;
        case 'r':
          if (cell && inRun) {
            cell.rich = [...(cell.rich ?? []), decodeEscapes((runText ?? []).at(-1) ?? '')];
            inRun = false;
          }
          break;
        case 'c':
          if (cell) {
            let row = sheet.cells.get(cell.row);
            if (!row) sheet.cells.set(cell.row, (row = new Map()));
            else if (cell.col <= lastCol || cell.row < lastRow) sheet.unordered = true;
            if (cell.row < lastRow) sheet.unordered = true;
            lastRow = cell.row;
            lastCol = cell.col;
            row.set(cell.col, read(cell));
          }
          cell = undefined;
          break;
        case 'x14:conditionalFormatting':
          inX14Conditional = false;
          break;
        case 'xm:sqref':
          if (sinkKind === 'sqref' && sink) sheet.conditional.push(sink.join(''));
          sink = undefined;
          sinkKind = undefined;
          break;
        case 'oddHeader':
        case 'oddFooter':
        case 'evenHeader':
        case 'evenFooter':
        case 'firstHeader':
        case 'firstFooter':
          if (sinkKind === 'hf' && sink) sheet.headerFooter.texts.set(hfName, sink.join(''));
          sink = undefined;
          sinkKind = undefined;
          break;
      }
    },
  });
  return sheet;
}

/** The kinds of object a drawing anchors over the cells: pictures, and everything else by its element name. */
function readDrawing(xml: Buffer): { pictures: number; shapes: string[] } {
  const found = { pictures: 0, shapes: [] as string[] };
  let depth = 0;
  let anchorDepth = -1;
  parse(xml, {
    open(tag) {
      depth++;
      const local = tag.name.slice(tag.name.indexOf(':') + 1);
      if (anchorDepth < 0) {
        if (local === 'twoCellAnchor' || local === 'oneCellAnchor' || local === 'absoluteAnchor') anchorDepth = depth;
        return;
      }
      // The anchor's objects, also inside mc:AlternateContent (mc:Choice / mc:Fallback: count one).
      if (local === 'pic') found.pictures++;
      else if (local === 'sp' || local === 'grpSp' || local === 'graphicFrame' || local === 'cxnSp' || local === 'contentPart') {
        found.shapes.push(local);
      }
    },
    close() {
      if (depth === anchorDepth) anchorDepth = -1;
      depth--;
    },
  });
  return found;
}

/** What one object kind is called in a finding. */
export const SHAPE_WORDS: Record<string, Bilingual> = {
  sp: xlsxMessages.shapeSp(),
  grpSp: xlsxMessages.shapeGrpSp(),
  graphicFrame: xlsxMessages.shapeGraphicFrame(),
  cxnSp: xlsxMessages.shapeCxnSp(),
  contentPart: xlsxMessages.shapeContentPart(),
};

const EMPTY: RawCell = Object.freeze({ content: undefined, formula: undefined, numFmt: undefined }) as RawCell;

/**
 * Opens the bytes (zip guard first, which throws AppError('invalid-file') naming the file) and reads the
 * workbook. A part that cannot be parsed or holds what no spreadsheet program writes makes the file
 * unreadable: AppError('invalid-file') in the words of every importer that loads a workbook.
 */
export function readXlsx(bytes: Uint8Array, fileName: string): XlsxBook {
  const zip = openZip(bytes, fileName);
  try {
    return readBook(zip);
  } catch {
    // A parser's or this reader's own words mean nothing to whoever chose the file; what to do next does.
    throw new AppError('invalid-file', xlsxMessages.unreadable({ fileName }));
  }
}

/** What no spreadsheet program writes, in a technician's words (readXlsx words it for people). */
const odd = (detail: string) => new AppError('invalid-file', xlsxMessages.oddPart({ detail }));

function readBook(zip: ZipParts): XlsxBook {
  const byKey = new Map<string, Buffer>();
  for (const [name, data] of zip.xml) byKey.set(partKey(name), data);
  const part = (name: string) => byKey.get(partKey(name));

  // The workbook: its sheets, print areas, calculation mode and date system.
  const sheetDefs: { name: string; state: string; rId: string | undefined }[] = [];
  const printAreas: { localSheetId: number; text: string }[] = [];
  let manualCalculation = false;
  let date1904 = false;
  // Excel opens the part the package's relationships name as the workbook; exceljs opened xl/workbook.xml. A
  // file where the two differ shows one workbook in Excel and another here: it is not read.
  const main = partOfType(relationships(part('_rels/.rels'), ''), 'officeDocument', 'xl/workbook.xml');
  if (main !== partKey('xl/workbook.xml')) throw odd(`the workbook is ${main}, not xl/workbook.xml`);
  const workbookXml = part('xl/workbook.xml');
  if (!workbookXml) throw odd('no xl/workbook.xml');
  {
    let definedName: { name: string | undefined; localSheetId: string | undefined; text: string[] } | undefined;
    parse(workbookXml, {
      open(tag) {
        const a = tag.attributes;
        if (tag.name === 'sheet') sheetDefs.push({ name: a.name ?? '', state: a.state || 'visible', rId: a['r:id'] });
        else if (tag.name === 'definedName') definedName = { name: a.name, localSheetId: a.localSheetId, text: [] };
        else if (tag.name === 'calcPr') manualCalculation = a.calcMode === 'manual';
        else if (tag.name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
      text(text) {
        definedName?.text.push(text);
      },
      close(tag) {
        if (tag.name === 'definedName' && definedName) {
          if (definedName.name === '_xlnm.Print_Area' && definedName.localSheetId !== undefined) {
            printAreas.push({ localSheetId: parseInt(definedName.localSheetId, 10), text: definedName.text.join('') });
          }
          definedName = undefined;
        }
      },
    });
  }
  const workbookRels = relationships(part('xl/_rels/workbook.xml.rels'), 'xl');
  // The styles and shared strings Excel reads: those the workbook's relationships name.
  const styles = readStyles(part(partOfType(workbookRels, 'styles', 'xl/styles.xml')));
  const shared = readSharedStrings(part(partOfType(workbookRels, 'sharedStrings', 'xl/sharedStrings.xml')));

  const sheets: XlsxSheet[] = [];
  for (const def of sheetDefs) {
    const rel = def.rId === undefined ? undefined : workbookRels.get(def.rId);
    // Only a worksheet relationship is a worksheet to Excel (a chart sheet's part is not read as one).
    if (!rel || rel.external || rel.type !== 'worksheet') continue;
    const xml = part(rel.target);
    if (!xml) continue; // a chart sheet, or a sheet whose part is missing: as exceljs, no worksheet
    const cells = cellReader(styles, shared, date1904);
    const parsed = parseWorksheet(xml, cells.read);
    const folder = rel.target.slice(0, rel.target.lastIndexOf('/'));
    const base = rel.target.slice(rel.target.lastIndexOf('/') + 1);
    const sheetRels = relationships(part(`${folder}/_rels/${base}.rels`), folder);
    let pictures = 0;
    const shapes: { kind: string; part: string }[] = [];
    for (const id of parsed.drawingIds) {
      const drawingRel = sheetRels.get(id);
      const drawing = drawingRel && !drawingRel.external ? part(drawingRel.target) : undefined;
      if (!drawing) continue;
      const found = readDrawing(drawing);
      pictures += found.pictures;
      for (const kind of found.shapes) shapes.push({ kind, part: drawingRel!.target });
    }
    sheets.push(buildSheet(def.name, def.state, rel.target, parsed, { format: cells.format, pictures, shapes }));
  }
  // Print areas: localSheetId counts the worksheets read, as exceljs counts them.
  for (const { localSheetId, text } of printAreas) {
    const sheet = sheets[localSheetId];
    if (!sheet) continue;
    const area = printAreaText(text);
    sheet.printArea = sheet.printArea ? `${sheet.printArea}&&${area}` : area;
  }
  return {
    sheets,
    sheet: (name) => sheets.find((s) => s.name === name),
    manualCalculation,
    redefinedFormats: styles.redefined,
    figures: zip.figures,
  };
}

function printAreaText(text: string): string {
  const first = text.split(',')[0] ?? text;
  try {
    const dimensions = colCache.decodeEx(first).dimensions;
    if (dimensions) return dimensions;
  } catch {
    // shown as written
  }
  return first.slice(first.lastIndexOf('!') + 1).replace(/\$/g, '');
}

type Look = Pick<RawCell, 'numFmt' | 'unknownFormat' | 'horizontal' | 'redefined'>;

/** How one worksheet's cells read (shared formulas resolve within their sheet): each cell as it closes, and each style's look. */
function cellReader(
  styles: Styles,
  shared: Shared[],
  date1904: boolean,
): { read: (cell: ParsedCell) => RawCell; format: (style: number | undefined) => Look } {
  const redefined = new Map(styles.redefined.map((r) => [r.id, r]));
  const looks = new Map<number, Look>();
  const dates = new Map<number, boolean>();
  /** Whether numbers under this style read as dates (exceljs's rule). */
  const isDateStyle = (style: number | undefined): boolean => {
    const index = style ?? 0;
    let date = dates.get(index);
    if (date === undefined) dates.set(index, (date = excelUtils.isDateFmt(format(style).numFmt)));
    return date;
  };
  const format = (style: number | undefined): Look => {
    // Excel applies cellXfs[0] to a cell without a style (exceljs applied none): so does this.
    const index = style ?? 0;
    const known = looks.get(index);
    if (known) return known;
    const xf = styles.xfs[index];
    const out: Look = { numFmt: undefined };
    if (xf) {
      if (xf.horizontal !== undefined) out.horizontal = xf.horizontal;
      const id = xf.numFmtId;
      // General (0) is General, as exceljs read it, even where the file redefines it: that is reported (redefined).
      if (id !== 0) {
        const code = styles.custom.get(id) ?? defaultNumFormats[id]?.f;
        if (code === undefined) out.unknownFormat = id;
        else out.numFmt = code;
      }
      const again = redefined.get(id);
      if (again) out.redefined = again;
    }
    looks.set(index, out);
    return out;
  };

  /** Shared formulas' first cells, by si, in document order (as exceljs resolved them). */
  const sharedMasters = new Map<string, { formula: string | undefined; row: number; col: number }>();

  function readParsed(cell: ParsedCell): RawCell {
    const look = cell.style === undefined ? format(undefined) : { ...format(cell.style), style: cell.style };
    const isDate = isDateStyle(cell.style);
    const number = (text: string): number | Date => {
      const n = parseFloat(text);
      return isDate ? excelUtils.excelToDate(n, date1904) : n;
    };
    if (cell.formula !== undefined || cell.shareType !== undefined) {
      let formula = cell.formula;
      if (cell.shareType === 'shared') {
        if (cell.ref !== undefined) {
          if (cell.si !== undefined) sharedMasters.set(cell.si, { formula: cell.formula, row: cell.row, col: cell.col });
        } else if (formula === undefined && cell.si !== undefined) {
          const master = sharedMasters.get(cell.si);
          if (master?.formula !== undefined) {
            formula = slideFormula(master.formula, `${letters(master.col)}${master.row}`, `${letters(cell.col)}${cell.row}`);
          }
        }
      }
      let result: CellContent | undefined;
      if (cell.value !== undefined) {
        if (cell.type === 'str') result = shown(excelUtils.xmlDecode(cell.value));
        else if (cell.type === 'b') result = parseInt(cell.value, 10) !== 0;
        else if (cell.type === 'e') result = shown(cell.value);
        else result = number(cell.value);
      }
      return { content: result, formula, ...look };
    }
    if (cell.value === undefined && cell.rich === undefined) return { content: undefined, formula: undefined, ...look };
    let content: CellContent | undefined;
    switch (cell.type) {
      case 's': {
        const index = parseInt(cell.value ?? '', 10);
        const string = shared[index];
        // exceljs failed on a shared string that is not there.
        if (string === undefined) throw odd(`shared string ${cell.value} of ${letters(cell.col)}${cell.row} is missing`);
        content = shown(sharedText(string));
        break;
      }
      case 'str':
        content = shown(excelUtils.xmlDecode(cell.value ?? ''));
        break;
      case 'inlineStr':
        content = shown(cell.rich ? cell.rich.join('') : (cell.value ?? ''));
        break;
      case 'b':
        content = parseInt(cell.value ?? '', 10) !== 0;
        break;
      case 'e':
        content = shown(cell.value ?? '');
        break;
      default:
        content = cell.value === undefined ? NaN : number(cell.value);
    }
    return { content, formula: undefined, ...look };
  }
  return { read: readParsed, format };
}

interface BuildContext {
  format: (style: number | undefined) => Look;
  pictures: number;
  shapes: { kind: string; part: string }[];
}

function buildSheet(name: string, state: string, partName: string, parsed: ParsedSheet, context: BuildContext): XlsxSheet {
  const { format } = context;
  // Merges: each covered cell → its merge's first cell; overlapping merges fail, as they failed in exceljs.
  const key = (row: number, col: number) => row * 32_768 + col;
  const masterOf = new Map<number, [number, number]>();
  for (const ref of parsed.merges) {
    const [from, to] = ref.split(':');
    const a = cellRef(from);
    const b = to === undefined ? a : cellRef(to);
    if (!a || !b) throw odd(`merge ${ref}`);
    const top = Math.min(a[0], b[0]);
    const bottom = Math.max(a[0], b[0]);
    const left = Math.min(a[1], b[1]);
    const right = Math.max(a[1], b[1]);
    if (top === bottom && left === right) continue;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (masterOf.has(key(r, c))) throw odd(`merges overlap at ${letters(c)}${r}`);
        masterOf.set(key(r, c), [top, left]);
      }
    }
  }

  let reads = parsed.cells;
  if (parsed.unordered) {
    // Walked in row and column order, as exceljs walked them (findings name cells in that order).
    reads = new Map(
      [...parsed.cells.entries()].sort(([a], [b]) => a - b).map(([r, row]) => [r, new Map([...row.entries()].sort(([a], [b]) => a - b))]),
    );
  }

  const cellAt = (row: number, col: number): RawCell => {
    const master = masterOf.size === 0 ? undefined : masterOf.get(key(row, col));
    if (master && (master[0] !== row || master[1] !== col)) {
      // A merged-over cell shows its merge's first cell: its value (a formula's shows nothing here, as in exceljs), its own format.
      const first = reads.get(master[0])?.get(master[1]);
      const look = format(reads.get(row)?.get(col)?.style);
      const content = first && first.formula === undefined ? first.content : undefined;
      return { content, formula: undefined, ...look };
    }
    return reads.get(row)?.get(col) ?? { ...EMPTY, ...format(undefined) };
  };

  const filled = (): Map<number, Map<number, RawCell>> => {
    const rows = new Map<number, Map<number, RawCell>>();
    for (const [r, row] of reads) {
      for (const [c, read] of row) {
        const master = masterOf.size === 0 ? undefined : masterOf.get(key(r, c));
        if (master && (master[0] !== r || master[1] !== c)) continue;
        if (!rows.has(r)) rows.set(r, new Map());
        rows.get(r)!.set(c, read);
      }
    }
    return rows;
  };

  const rowLook = (row: number): RowLook => {
    const look = parsed.rows.get(row);
    // zeroHeight: rows are hidden unless they have a height of their own; without one, a row is the sheet's default height.
    const hidden = (look?.hidden ?? false) || (parsed.zeroHeight && look?.height === undefined);
    return { hidden, height: look?.height ?? parsed.defaultRowHeight };
  };
  const columnLook = (col: number): ColumnLook => {
    const defs = parsed.cols.filter((d) => d.min <= col && col <= d.max);
    if (defs.length === 0) return { hidden: false, width: parsed.defaultColWidth };
    const hidden = defs.some((d) => d.hidden);
    const widths = defs.map((d) => d.width).filter((w): w is number => w !== undefined);
    return { hidden, width: widths.length ? Math.min(...widths) : parsed.defaultColWidth };
  };

  return {
    name,
    state,
    part: partName,
    cell: cellAt,
    cells: filled,
    row: rowLook,
    column: columnLook,
    conditionalFormats: [...new Set(parsed.conditional)],
    pictures: context.pictures,
    shapes: context.shapes,
    headerFooterPictures: parsed.headerFooterDrawing,
    printArea: undefined,
    headerFooter: parsed.headerFooter,
  };
}

/** Re-exported for the reader's callers: a refusal of the zip guard. */
export { AppError };
