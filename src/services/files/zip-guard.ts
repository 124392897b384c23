/**
 * The gate every .xlsx (event template, score sheet) passes before exceljs sees it, or, for a score sheet,
 * before verification's own reader (xlsx-reader.ts) parses the XML this step has already inflated and
 * checked (openZip keeps it: each entry is inflated once in all).
 *
 * Why before exceljs: exceljs hands the bytes to JSZip, which inflates every entry into memory, and then
 * builds objects for what the XML declares, trusting it. A 300 KiB file declaring a 300 MiB entry costs
 * half a GiB before anything can object; a 1.5 KiB sheet with `<col max="100000000">` or a merge over
 * A1:XFD1048576 makes exceljs loop until the process runs out of memory and dies (not an exception the
 * importer could catch). So the file is judged here first, in two steps:
 *
 * 1. The zip's own directory, read with a DataView and without inflating anything: the end-of-central-
 *    directory record, then every central directory header and the local header it points at. Refused:
 *    not a zip at all, cut short (no end record), split or ZIP64 archives, too many entries, names that
 *    are absolute or climb out with "..", two entries that name one part (see partKey: letter case,
 *    "\" for "/", "./", "..", percent-encoding; Excel and LibreOffice would show one of them and exceljs
 *    the other), encryption, unknown compression, entries that overlap (the "better zip bomb"), declared
 *    sizes, XML sizes or compression ratios beyond the limits below, and any archive JSZip would read
 *    differently from this (another end record after ours, a directory not right before it or holding
 *    more records than counted, a second name in an Info-ZIP extra field): what is checked here must be
 *    exactly what exceljs then reads.
 * 2. Only then each entry is inflated once, bounded by the size it declared (so a header that lies about
 *    its size cannot make this step any bigger than the limits allow), and checked: the size and CRC-32
 *    are what the directory said; XML parts are UTF-8 without NUL and carry no DTD (`<!DOCTYPE`,
 *    `<!ENTITY`: Excel and LibreOffice never write one; exceljs's parser would reject the entities, but
 *    only after the work); the XML elements are counted (every one is work for exceljs's parser);
 *    worksheets stay within the rows, columns, merged and validated cells that exceljs and our readers
 *    handle within a few seconds and a few hundred MiB (measured, see ZIP_LIMITS); and the same figures
 *    added up over the whole workbook, with its shared strings and the cells its defined names cover,
 *    stay within the workbook's limits: many sheets each under a sheet's limits cost as much as one
 *    sheet over them. All of this in the one pass, as each entry is inflated; nothing is inflated twice
 *    (the workbook and its relationships again only to name a sheet in a refusal).
 *    This step costs about 60 ms of CPU on a national-scale sheet, against some 600 ms for its verification.
 *
 * Every refusal is an AppError('invalid-file') whose message names the file and says what is wrong, in
 * Indonesian and English. Nothing is written anywhere.
 */
import { isUtf8 } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../api/errors.ts';
import { zipMessages } from '../../core/messages/zip.ts';
import type { Bilingual } from '../../core/model.ts';
import { MAX_SIGNED_FILE_BYTES } from './file-limits.ts';

const MiB = 1024 * 1024;

/**
 * Far beyond a national event, far below what hurts. The largest honest inputs, measured (checkZip returns
 * these figures; tests/integration/zip-libreoffice.test.ts holds them to at most 60% of each limit):
 * - a national juror sheet (2,000 nominees × 12 criteria × 2 rounds, as in the bench): 0.5 MiB holding
 *   5.5 MiB of XML (6.1 MiB once LibreOffice has re-saved it) in 19 entries, at most 33:1 compressed;
 *   two section sheets of 2,006 rows × 19 columns: 76,378 cells and 4,073 rows in all, 4,210 shared
 *   strings in 2.3 MiB, 161,386 XML elements of which 479 outside the cell data and shared strings.
 *   Verifying it takes about 1.1 s of CPU and +30 MiB;
 * - the secretariat's event template for 10,000 nominees (five times the national scale): 52,170 cells,
 *   10,568 rows, 20,264 shared strings in 0.9 MiB, 153,800 elements (as LibreOffice re-saves it); for
 *   20,000 nominees 100,694 cells and 302,502 elements, still let through (read in about 2 s, +86 MiB).
 * What reading costs, through the sheet and template importers (exceljs 4.4 and our readers), each kind
 * alone in a fresh process on a 2-core machine busy with other work: about 1 KiB of memory per cell (400,000
 * number cells in one sheet: +270 to +290 MiB, 3.6 s), 450 bytes per empty row, 160 per column defined,
 * 400 per merged cell, 100 per cell a defined name covers (one name over a whole sheet ran the process out
 * of memory), 2 KiB per rich-text shared string, and up to 600 bytes and 10 µs per element outside the
 * cell data (350,000 relationships: +206 MiB, 3.3 to 5.3 s). A workbook just under every whole-workbook
 * limit at once (7 sheets of 6,400 × 3 number cells with every column formatted, 19,000 merged cells, a
 * name over 99,000 cells, 15,000 conditional-format elements, 10 MiB of Cyrillic text) costs the sheet
 * importer about 1.7 s of CPU (1.5 times the national sheet's verification) and, in a fresh process,
 * +190 to +275 MiB, most of it garbage V8 has not yet collected; in the long-running process of
 * tests/reliability/hostile-files.test.ts, which holds every import to +300 MiB and 5 s, about +110 MiB.
 */
export const ZIP_LIMITS = {
  /** The same as for signed files. */
  fileBytes: MAX_SIGNED_FILE_BYTES,
  entries: 1_000,
  entryBytes: 32 * MiB,
  totalBytes: 64 * MiB,
  /** Uncompressed : compressed, for entries above ratioFromBytes (tiny entries may compress oddly). */
  ratio: 200,
  ratioFromBytes: 1 * MiB,
  /** The XML parts (everything exceljs parses: .xml, .rels, .vml) once unpacked, in the whole workbook. */
  xmlBytes: 16 * MiB,
  /** XML elements (start tags) in the whole workbook: each one is an event of exceljs's parser. */
  elements: 350_000,
  /** Of those, the ones outside worksheets' cell data and the shared strings, where one element can cost what a cell does. */
  otherElements: 100_000,
  /** The highest row number, and number of rows, in a worksheet; and the rows of all worksheets together. */
  rows: 50_000,
  /** Excel's own maximum (XFD); beyond it exceljs would loop over columns that cannot exist. */
  columns: 16_384,
  /**
   * Columns (used or defined by `<col>`) of all worksheets together: 32 sheets with every column formatted.
   * Gnumeric defines all 16,384 columns of every sheet it saves; a national score sheet has 18 sheets.
   */
  workbookColumns: 32 * 16_384,
  /** Rows × columns of a worksheet's used range, what the readers walk through; and of all worksheets together. */
  cells: 150_000,
  /** Cells covered by merges, in the whole workbook (exceljs creates each one). */
  mergedCells: 20_000,
  /** Cells covered by data validation, in the whole workbook (exceljs stores one entry per cell). */
  validatedCells: 1_100_000,
  /** Cells covered by defined names (other than print areas and titles), in the whole workbook (exceljs lists each one). */
  namedCells: 100_000,
  /** Shared strings (`<si>`), and the size of the part that holds them. */
  sharedStrings: 100_000,
  sharedStringBytes: 12 * MiB,
} as const;

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64Locator: 0x07064b50 } as const;
const END_SIZE = 22;
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its compressed bytes are. */
  dataStart: number;
  dataEnd: number;
  localOffset: number;
}

type Refuse = (message: Bilingual, details?: { problem: 'not-a-zip' | 'unsafe-zip' }) => AppError;

/** What a workbook that passed adds up to, each figure as the whole-workbook limit of the same name counts it. */
export interface ZipFigures {
  entries: number;
  xmlBytes: number;
  elements: number;
  otherElements: number;
  /** Rows × columns of each worksheet's used range (or its cells, when more), added up. */
  cells: number;
  rows: number;
  workbookColumns: number;
  mergedCells: number;
  validatedCells: number;
  namedCells: number;
  sharedStrings: number;
  sharedStringBytes: number;
}

/**
 * Throws AppError('invalid-file') naming fileName when the bytes are not a zip that is safe to hand to
 * exceljs; else what the workbook adds up to (for tests and measurements: the importers need nothing).
 */
export function checkZip(bytes: Uint8Array, fileName: string): ZipFigures {
  return guardZip(bytes, fileName).figures;
}

/** What a workbook that passed holds: each XML part (.xml, .rels, .vml) once inflated, by its entry name, and the other entries' names. */
export interface ZipParts {
  figures: ZipFigures;
  /** XML parts by entry name (a leading "/" dropped, as exceljs drops it): the only parts checked as XML, so the only ones to parse. */
  xml: Map<string, Buffer>;
  /** Every entry name (a leading "/" dropped). */
  names: string[];
}

/**
 * checkZip, keeping what it inflated: the one pass over the zip that both guards it and hands the reader
 * its XML (xlsx-reader.ts), so nothing is inflated twice.
 */
export function openZip(bytes: Uint8Array, fileName: string): ZipParts {
  return guardZip(bytes, fileName, true);
}

function guardZip(bytes: Uint8Array, fileName: string, keep = false): ZipParts {
  const refuse: Refuse = (message, details = { problem: 'unsafe-zip' }) =>
    new AppError('invalid-file', zipMessages.inFile({ fileName, problem: message }), details);
  const { entries, xmlBytes } = readDirectory(bytes, refuse);
  const xml = new Map<string, Buffer>();
  const totals = checkContents(bytes, entries, refuse, keep ? (name, data) => xml.set(name.replace(/^\//, ''), data) : undefined);
  const names = keep ? entries.map((entry) => entry.name.replace(/^\//, '')) : [];
  return { xml, names, figures: figuresOf(entries.length, xmlBytes, totals) };
}

function figuresOf(entries: number, xmlBytes: number, totals: Totals): ZipFigures {
  return {
    entries,
    xmlBytes,
    elements: totals.elements,
    otherElements: totals.otherElements,
    cells: totals.cells,
    rows: totals.rows,
    workbookColumns: totals.columns,
    mergedCells: totals.mergedCells,
    validatedCells: totals.validatedCells,
    namedCells: totals.namedCells,
    sharedStrings: totals.sharedStrings,
    sharedStringBytes: totals.sharedStringBytes,
  };
}

/**
 * Whether checkZip refused because the bytes are no zip at all (or empty): harmless to any zip reader,
 * which fails at once, so an importer may word that refusal in its own terms.
 */
export function isNotAZip(error: AppError): boolean {
  return (error.details as { problem?: string } | undefined)?.problem === 'not-a-zip';
}

// ---------------------------------------------------------------------------------------------------
// Step 1: the directory, without inflating.

function readDirectory(bytes: Uint8Array, refuse: Refuse): { entries: Entry[]; xmlBytes: number } {
  const size = bytes.byteLength;
  if (size === 0) throw refuse(zipMessages.empty(), { problem: 'not-a-zip' });
  if (size > ZIP_LIMITS.fileBytes) {
    throw refuse(zipMessages.tooLarge({ size, max: ZIP_LIMITS.fileBytes }));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const startsAsZip = size >= 4 && (u32(0) === SIG.local || u32(0) === SIG.end);
  if (!startsAsZip) {
    // Zip readers (JSZip among them) look for the end record anywhere and accept data before the archive:
    // only bytes without one are no zip to them either.
    if (!Buffer.from(bytes.buffer, bytes.byteOffset, size).includes(END_SIGNATURE)) throw refuse(notAZip(bytes), { problem: 'not-a-zip' });
    throw refuse(zipMessages.dataBeforeZip());
  }

  const all = Buffer.from(bytes.buffer, bytes.byteOffset, size);
  const end = findEnd(view);
  if (end < 0) {
    throw refuse(zipMessages.noEnd());
  }
  const disk = u16(end + 4);
  const cdDisk = u16(end + 6);
  const entriesOnDisk = u16(end + 8);
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  const zip64 = count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (end >= 20 && u32(end - 20) === SIG.zip64Locator);
  if (zip64) {
    throw refuse(zipMessages.zip64());
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== count) {
    throw refuse(zipMessages.split());
  }
  if (count === 0) throw refuse(zipMessages.noEntries());
  if (count > ZIP_LIMITS.entries) {
    throw refuse(zipMessages.tooManyEntries({ count, max: ZIP_LIMITS.entries }));
  }
  const damaged = zipMessages.damaged();
  // JSZip takes the last end record in the file, reads directory records from the offset on for as long as
  // there are any (whatever the count says), and shifts every offset when the directory is not right before
  // the end record. Only an archive where all of that agrees is read the same here as there.
  if (cdOffset + cdSize !== end || all.lastIndexOf(END_SIGNATURE) !== end) throw refuse(damaged);

  const entries: Entry[] = [];
  /** Each part's key (partKey) → the entry name that first named it. */
  const parts = new Map<string, string>();
  /** The first name that points outside the archive: refused once every name has been seen, so that a duplicate is named as such. */
  let outside: string | undefined;
  let total = 0;
  let xmlTotal = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > cdOffset + cdSize || u32(at) !== SIG.central) throw refuse(damaged);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const entrySize = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(at + 30) + u16(at + 32);
    const localOffset = u32(at + 42);
    if (next > cdOffset + cdSize) throw refuse(damaged);
    const rawName = all.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const extra = all.subarray(at + CENTRAL_SIZE + nameLength, at + CENTRAL_SIZE + nameLength + u16(at + 30));
    // As JSZip names it: UTF-8 (invalid bytes replaced), or an Info-ZIP Unicode Path field's name.
    const name = rawName.toString('utf8');
    const shown = showName(name);
    const unicodePath = flags & 0x0800 ? undefined : infoZipPath(rawName, extra);
    if (unicodePath !== undefined && unicodePath !== name) {
      throw refuse(zipMessages.secondName({ shown, second: showName(unicodePath) }));
    }
    at = next;

    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || localOffset === 0xffffffff) {
      throw refuse(zipMessages.entryZip64({ shown }));
    }
    // Two entries that name one part: Excel and LibreOffice would show one and exceljs the other.
    const key = partKey(name);
    const earlier = parts.get(key);
    if (earlier !== undefined) throw refuse(samePart(earlier, name));
    parts.set(key, name);
    if (outside === undefined && unsafeName(name)) outside = name;
    if (flags & 0x0001) {
      throw refuse(zipMessages.encrypted({ shown }));
    }
    if (method !== 0 && method !== 8) {
      throw refuse(zipMessages.method({ shown, method }));
    }
    if (entrySize > ZIP_LIMITS.entryBytes) {
      throw refuse(zipMessages.entryTooLarge({ shown, size: entrySize, max: ZIP_LIMITS.entryBytes }));
    }
    total += entrySize;
    if (total > ZIP_LIMITS.totalBytes) {
      throw refuse(zipMessages.totalTooLarge({ shown, total, max: ZIP_LIMITS.totalBytes }));
    }
    if (isXmlPart(name)) {
      xmlTotal += entrySize;
      if (xmlTotal > ZIP_LIMITS.xmlBytes) {
        throw refuse(zipMessages.xmlTooLarge({ shown, total: xmlTotal, max: ZIP_LIMITS.xmlBytes }));
      }
    }
    if (entrySize > ZIP_LIMITS.ratioFromBytes && entrySize > ZIP_LIMITS.ratio * compressedSize) {
      const ratio = compressedSize === 0 ? '∞' : String(Math.round(entrySize / compressedSize));
      throw refuse(zipMessages.ratio({ shown, ratio, compressed: compressedSize, size: entrySize, max: ZIP_LIMITS.ratio }));
    }
    if (method === 0 && compressedSize !== entrySize) throw refuse(damaged);
    // The local header: only its length fields are needed to find where the data starts.
    if (localOffset + LOCAL_SIZE > cdOffset || u32(localOffset) !== SIG.local) throw refuse(damaged);
    const dataStart = localOffset + LOCAL_SIZE + u16(localOffset + 26) + u16(localOffset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > cdOffset) throw refuse(damaged);
    entries.push({ name, method, crc, compressedSize, size: entrySize, dataStart, dataEnd, localOffset });
  }
  if (at !== end) throw refuse(damaged);
  if (outside !== undefined) {
    throw refuse(zipMessages.outside({ shown: showName(outside) }));
  }

  // Entries that share or overlap their bytes: the way a few KiB are made to unpack to gigabytes.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    if (byOffset[i].localOffset < byOffset[i - 1].dataEnd) {
      throw refuse(zipMessages.overlap({ first: showName(byOffset[i].name), second: showName(byOffset[i - 1].name) }));
    }
  }
  return { entries, xmlBytes: xmlTotal };
}

/** The end-of-central-directory record: the last one whose comment reaches exactly to the end of the file. */
function findEnd(view: DataView): number {
  const last = view.byteLength - END_SIZE;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === SIG.end && at + END_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return -1;
}

/** The name in an Info-ZIP Unicode Path extra field (0x7075) that JSZip would use instead, when there is a valid one. */
function infoZipPath(rawName: Buffer, extra: Buffer): string | undefined {
  let found: string | undefined;
  for (let at = 0; at + 4 <= extra.byteLength;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const field = extra.subarray(at + 4, at + 4 + length);
    if (id === 0x7075 && field.byteLength >= 5 && field[0] === 1 && field.readUInt32LE(1) === crc32(rawName))
      found = field.subarray(5).toString('utf8');
    at += 4 + length;
  }
  return found;
}

/** What the bytes look like instead, for a message that helps whoever picked the wrong file. */
function notAZip(bytes: Uint8Array): Bilingual {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    return zipMessages.pdf();
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return zipMessages.xls();
  }
  // The first 4 KiB, less a character the cut may have split.
  const head = bytes.subarray(0, 4096);
  if (isUtf8(head) || (bytes.byteLength > 4096 && [1, 2, 3].some((cut) => isUtf8(head.subarray(0, 4096 - cut))))) {
    const text = Buffer.from(head).toString('utf8').trimStart();
    if (text.startsWith('{') && text.includes('"timbang.')) {
      return zipMessages.timbangJson();
    }
    if (!text.includes('\u0000')) {
      return zipMessages.plainText();
    }
  }
  return zipMessages.notAZip();
}

/**
 * The part an entry name stands for, as the readers match names. OPC (ECMA-376 Part 2) compares part names
 * as case-insensitive ASCII strings [M1.12] and maps a ZIP item name to a part name by adding a leading "/"
 * [M3.6], non-ASCII characters percent-encoded as UTF-8; JSZip (under exceljs) resolves "./", "//" and ".."
 * in every name (a ".." at the root is dropped) and exceljs drops a leading "/"; lenient readers take "\"
 * for "/". So the key is the name with percent-encoding decoded, "\" turned into "/", "." and empty
 * segments dropped, ".." resolved, and letter case folded (all of Unicode's, not only ASCII's: stricter
 * than OPC, and no honest file has two names that differ only there).
 */
export function partKey(name: string): string {
  const decoded = name.includes('%') ? name.replace(/(?:%[0-9A-Fa-f]{2})+/g, percentDecoded) : name;
  const segments: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/').toLowerCase();
}

/** A run of "%XX" as the UTF-8 text it encodes; left as it is when the bytes are no UTF-8. */
function percentDecoded(run: string): string {
  const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
  return isUtf8(bytes) ? bytes.toString('utf8') : run;
}

/** The refusal for two entries whose names stand for one part. */
function samePart(first: string, second: string): Bilingual {
  if (first === second) {
    return zipMessages.sameName({ shown: showName(first) });
  }
  return zipMessages.samePart({ first: showName(first), second: showName(second) });
}

/** The entries exceljs parses as XML: every one whose name holds ".xml", ".rels" or ".vml" anywhere (its patterns are not anchored). */
const isXmlPart = (name: string) => /\.(xml|rels|vml)/i.test(name);

/** Absolute (/x, \x, C:x), climbing out ("..") or holding NUL: none of these is a part of an Office file. */
function unsafeName(name: string): boolean {
  if (name.includes('\u0000') || /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((part) => part === '..');
}

/** An entry name fit for a message: control characters shown as '?', at most 80 characters, quoted. */
function showName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `'${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}'`;
}

// ---------------------------------------------------------------------------------------------------
// Step 2: each entry, inflated within what it declared.

interface SheetFigures {
  /** A worksheet (else a comments part, whose figures are the cells its comments are attached to). */
  isSheet: boolean;
  maxRow: number;
  maxColumn: number;
  rowElements: number;
  cellElements: number;
  /** The largest `<col max>`. */
  columnDefinitions: number;
  mergedCells: number;
  validatedCells: number;
  /** One of the ranges that made a figure large, to point at. */
  widest: string;
}

/** What the parts read so far add up to, for the whole-workbook limits. */
interface Totals {
  elements: number;
  otherElements: number;
  cells: number;
  rows: number;
  columns: number;
  mergedCells: number;
  validatedCells: number;
  namedCells: number;
  sharedStrings: number;
  sharedStringBytes: number;
}

/** Step 2 for every entry, in directory order; the first problem refuses the file. */
function checkContents(bytes: Uint8Array, entries: Entry[], refuse: Refuse, keep?: (name: string, data: Buffer) => void): Totals {
  const inflated = (entry: Entry): Buffer => inflateEntry(bytes, entry, refuse);
  const L = ZIP_LIMITS;
  const totals: Totals = {
    elements: 0,
    otherElements: 0,
    cells: 0,
    rows: 0,
    columns: 0,
    mergedCells: 0,
    validatedCells: 0,
    namedCells: 0,
    sharedStrings: 0,
    sharedStringBytes: 0,
  };
  for (const entry of entries) {
    const data = inflated(entry);
    if (!isXmlPart(entry.name)) continue;
    const shown = showName(entry.name);
    keep?.(entry.name, data);
    if (!isUtf8(data) || data.includes(0)) {
      throw refuse(zipMessages.notUtf8({ shown }));
    }
    // XML is case-sensitive: only these spellings declare a DTD.
    if (data.includes('<!DOCTYPE') || data.includes('<!ENTITY')) {
      throw refuse(zipMessages.dtd({ shown }));
    }
    // Read as latin1: every byte one character; the markup is ASCII.
    const xml = data.toString('latin1');
    const strings = entry.name === 'xl/sharedStrings.xml'; // the one part exceljs reads as shared strings

    // Elements first, a plain count: what the rest of this step and exceljs's parser spend grows with them.
    const { all, cellData } = countElements(xml, WORKSHEET_ENTRY.test(entry.name));
    totals.elements += all;
    totals.otherElements += all - (strings ? all : cellData);
    if (totals.elements > L.elements) {
      throw refuse(zipMessages.tooManyElements({ shown, count: totals.elements, max: L.elements }));
    }
    if (totals.otherElements > L.otherElements) {
      throw refuse(zipMessages.tooManyOtherElements({ shown, count: totals.otherElements, max: L.otherElements }));
    }

    if (strings) {
      const count = countTags(xml, 'si');
      totals.sharedStrings = count;
      totals.sharedStringBytes = data.byteLength;
      if (count > L.sharedStrings || data.byteLength > L.sharedStringBytes) {
        throw refuse(
          zipMessages.sharedStrings({ shown, count, bytes: data.byteLength, max: L.sharedStrings, maxBytes: L.sharedStringBytes }),
        );
      }
      continue;
    }
    if (entry.name === 'xl/workbook.xml') {
      const named = namedCells(xml);
      totals.namedCells = named.cells;
      if (named.cells > L.namedCells) {
        throw refuse(zipMessages.namedCells({ shown, cells: named.cells, widest: named.widest, max: L.namedCells }));
      }
      continue;
    }

    const figures = sheetFigures(xml);
    if (!figures) continue;
    const sheet = () => sheetName(entries, entry, inflated);
    const problem = sheetProblem(figures);
    if (problem) {
      const name = sheet();
      throw refuse(zipMessages.inSheet({ name, problem }));
    }
    if (figures.isSheet) {
      totals.cells += Math.max(figures.maxRow * figures.maxColumn, figures.cellElements);
      totals.rows += Math.max(figures.maxRow, figures.rowElements);
      totals.columns += Math.max(figures.maxColumn, figures.columnDefinitions);
    }
    totals.mergedCells += figures.mergedCells;
    totals.validatedCells += figures.validatedCells;
    const over = workbookProblem(totals, figures, sheet);
    if (over) throw refuse(over);
  }
  return totals;
}

/** The entries exceljs parses as worksheets (its pattern, not anchored). */
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * The start tags in a part (not end tags, comments, CDATA or processing instructions, which are skipped
 * whole as an XML parser skips them), and of those, when it is a worksheet, the ones inside its
 * `<sheetData>` element: rows and cells and what they hold, which the cells and rows limits answer for.
 * A plain scan, no parsing.
 */
function countElements(xml: string, worksheet: boolean): { all: number; cellData: number } {
  let all = 0;
  let cellData = 0;
  let inSheetData = false;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 || next === 0x3f) {
      // <!-- … -->, <![CDATA[ … ]]>, <? … ?> (a DTD was refused before)
      const close = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : next === 0x3f ? '?>' : '';
      if (close === '') continue;
      const end = xml.indexOf(close, i + 2);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (next === 0x2f) {
      if (inSheetData && xml.startsWith('</sheetData', i) && !isNameChar(xml.charCodeAt(i + 11))) inSheetData = false;
      continue;
    }
    all++;
    if (inSheetData) cellData++;
    else if (worksheet && xml.startsWith('<sheetData', i) && !isNameChar(xml.charCodeAt(i + 10))) {
      const end = tagEnd(xml, i + 10);
      inSheetData = xml.charCodeAt(end - 1) !== 0x2f; // not <sheetData/>
    }
  }
  return { all, cellData };
}

/** Whether a character code can continue an XML name ("sheetData" in "<sheetDataX" is another name). */
const isNameChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x2d ||
  c === 0x2e ||
  c === 0x3a ||
  c === 0x5f ||
  c > 0x7f;

/** Where the tag whose attributes start at `from` ends (its ">"), stepping over quoted values, which may hold ">". */
function tagEnd(xml: string, from: number): number {
  let i = from;
  for (let quote = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) break;
  }
  return i;
}

/** Inflates an entry, never past the size it declared, and checks that size and its CRC-32. */
function inflateEntry(bytes: Uint8Array, entry: Entry, refuse: Refuse): Buffer {
  const shown = showName(entry.name);
  const stored = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = stored;
  else {
    try {
      data = inflateRawSync(stored, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse(zipMessages.inflatesPastSize({ shown, size: entry.size }));
      }
      throw refuse(zipMessages.cannotInflate({ shown }));
    }
  }
  if (data.byteLength !== entry.size || crc32(data) !== entry.crc) {
    throw refuse(zipMessages.checksum({ shown }));
  }
  return data;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "B7" → row 7, column 2. A whole column ("B") or row ("7") has no row or column: the first or last
 * Excel has, depending on which end of a range it is.
 */
function cellOf(ref: string, end: 'first' | 'last' = 'first'): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d{0,10})$/.exec(ref);
  if (!match || (!match[1] && !match[2])) return undefined;
  const letters = match[1].toUpperCase();
  return {
    column: letters ? columnNumber(letters) : end === 'first' ? 1 : 16_384,
    row: match[2] ? Number(match[2]) : end === 'first' ? 1 : 1_048_576,
  };
}

/** The cells of "A1:C3" (9), "A1" (1), "A:A" (a whole column), or undefined when it is not a reference. */
function rangeCells(range: string): { cells: number } | undefined {
  const [first, second] = range.split(':');
  const a = cellOf(first, 'first');
  const b = second === undefined ? a : cellOf(second, 'last');
  if (!a || !b) return undefined;
  return { cells: (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1) };
}

/**
 * What a worksheet (or comments part) declares, from its text read as latin1 (every byte one character;
 * the markup is ASCII): the rows, cells and columns exceljs will create, the cells its merges and data
 * validations cover. Undefined for other XML parts.
 */
function sheetFigures(xml: string): SheetFigures | undefined {
  const isSheet = xml.includes('<worksheet') || xml.includes(':worksheet');
  const isComments = xml.includes('<comments') || xml.includes(':comments');
  if (!isSheet && !isComments) return undefined;
  const figures: SheetFigures = {
    isSheet,
    maxRow: 0,
    maxColumn: 0,
    rowElements: 0,
    cellElements: 0,
    columnDefinitions: 0,
    mergedCells: 0,
    validatedCells: 0,
    widest: '',
  };
  const reach = (ref: string) => {
    const cell = cellOf(ref.trim());
    if (!cell) return;
    if (cell.row > figures.maxRow) figures.maxRow = cell.row;
    if (cell.column > figures.maxColumn) figures.maxColumn = cell.column;
  };
  for (const { attributes, empty } of elementsWithText(xml, 'row')) {
    figures.rowElements++;
    // An empty row reaches no cell: LibreOffice writes <row r="1048576"></row> after any row is deleted.
    if (empty) continue;
    const r = whole(attribute(attributes, 'r'));
    if (r > figures.maxRow) figures.maxRow = r;
  }
  figures.maxRow = Math.max(figures.maxRow, figures.rowElements);
  for (const attributes of tags(xml, 'c')) {
    figures.cellElements++;
    const r = attribute(attributes, 'r');
    if (r !== undefined) reach(r);
  }
  // The single cells comments and links are attached to. Not the declared <dimension>: readers allocate
  // nothing for it, and LibreOffice declares A1:K1048576 once any row has been deleted.
  for (const name of ['comment', 'hyperlink']) {
    for (const attributes of tags(xml, name)) for (const part of (attribute(attributes, 'ref') ?? '').split(':')) reach(part);
  }
  for (const attributes of tags(xml, 'col'))
    figures.columnDefinitions = Math.max(figures.columnDefinitions, whole(attribute(attributes, 'max')));
  let widestCells = 0;
  const count = (refs: string, add: (cells: number) => void) => {
    for (const ref of refs.trim().split(/\s+/)) {
      const range = rangeCells(ref);
      if (!range) continue;
      add(range.cells);
      if (range.cells > widestCells) {
        widestCells = range.cells;
        figures.widest = ref;
      }
    }
  };
  for (const attributes of tags(xml, 'mergeCell'))
    count(attribute(attributes, 'ref') ?? '', (cells) => {
      figures.mergedCells += cells;
    });
  for (const attributes of tags(xml, 'dataValidation'))
    count(attribute(attributes, 'sqref') ?? '', (cells) => {
      figures.validatedCells += cells;
    });
  for (const [, refs] of xml.matchAll(/<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/g))
    count(decodeReferences(refs), (cells) => {
      figures.validatedCells += cells;
    });
  return figures;
}

/**
 * The attribute text of every `<name …>` tag. Attribute values may hold ">" and either quote, so quoted
 * values are stepped over rather than ending the tag at the first ">". A plain scan, not a regular
 * expression, so that broken quoting cannot make it go back over the text again and again.
 */
function* tags(xml: string, name: string): Generator<string> {
  for (const { attributes } of elementsWithText(xml, name, false)) yield attributes;
}

/** How many `<name …>` tags there are. */
function countTags(xml: string, name: string): number {
  let n = 0;
  for (const attributes of tags(xml, name)) if (attributes !== undefined) n++;
  return n;
}

/** Every `<name …>` tag's attribute text and (with `withText`) the text right after it, up to the next tag. */
function* elementsWithText(xml: string, name: string, withText = true): Generator<{ attributes: string; text: string; empty: boolean }> {
  const open = `<${name}`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const start = at + open.length;
    const next = xml.charCodeAt(start);
    // Only the element itself: "<c " or "<c>" or "<c/", not "<col" or "<cfRule".
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x2f && next !== 0x3e) {
      at = start;
      continue;
    }
    const i = tagEnd(xml, start);
    const attributes = xml.slice(start, i);
    let text = '';
    let empty = attributes.endsWith('/');
    if (withText && !empty) {
      const close = xml.indexOf('<', i + 1);
      text = xml.slice(i + 1, close < 0 ? xml.length : close);
      empty = close >= 0 && xml.startsWith(`</${name}`, close);
    }
    yield { attributes, text, empty };
    at = i + 1;
  }
}

/** An attribute's value as an XML parser gives it: either quote, spaces around "=", character references decoded. */
function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  const value = match[1] ?? match[2];
  return value.includes('&#') ? decodeReferences(value) : value;
}
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

const decodeReferences = (text: string) =>
  text.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_, code: string) =>
    String.fromCodePoint(Math.min(0x10ffff, code[0] === 'x' ? parseInt(code.slice(1), 16) : Number(code))),
  );

/** A number as exceljs reads one (parseInt); 0 when there is none. */
function whole(text: string | undefined): number {
  const n = text === undefined ? NaN : parseInt(text, 10);
  return Number.isFinite(n) ? n : 0;
}

/** What one worksheet (or comments part) declares beyond a worksheet's limits. */
function sheetProblem(f: SheetFigures): Bilingual | undefined {
  const L = ZIP_LIMITS;
  if (f.maxRow > L.rows || f.rowElements > L.rows) {
    const rows = Math.max(f.maxRow, f.rowElements);
    return zipMessages.sheetRows({ rows, max: L.rows });
  }
  if (f.maxColumn > L.columns || f.columnDefinitions > L.columns) {
    const columns = Math.max(f.maxColumn, f.columnDefinitions);
    return zipMessages.sheetColumns({ columns, max: L.columns });
  }
  const cells = f.maxRow * f.maxColumn;
  if (cells > L.cells || f.cellElements > L.cells) {
    const used = Math.max(cells, f.cellElements);
    return zipMessages.sheetCells({ rows: f.maxRow, columns: f.maxColumn, used, max: L.cells });
  }
  return undefined;
}

/** What the worksheets read so far add up to beyond the workbook's limits; `f` is the last one's, to point at a range. */
function workbookProblem(t: Totals, f: SheetFigures, sheet: () => string): Bilingual | undefined {
  const L = ZIP_LIMITS;
  if (t.cells > L.cells) {
    const at = sheet();
    return zipMessages.workbookCells({ count: t.cells, at, max: L.cells });
  }
  if (t.rows > L.rows) {
    const at = sheet();
    return zipMessages.workbookRows({ count: t.rows, at, max: L.rows });
  }
  if (t.columns > L.workbookColumns) {
    const at = sheet();
    return zipMessages.workbookColumns({ count: t.columns, at, max: L.workbookColumns });
  }
  if (t.mergedCells > L.mergedCells) {
    const at = sheet();
    return zipMessages.mergedCells({ count: t.mergedCells, at, widest: f.widest, max: L.mergedCells });
  }
  if (t.validatedCells > L.validatedCells) {
    const at = sheet();
    return zipMessages.validatedCells({ count: t.validatedCells, at, widest: f.widest, max: L.validatedCells });
  }
  return undefined;
}

/**
 * The cells xl/workbook.xml's defined names cover, as exceljs lists them one by one: every name but the
 * print areas and print titles (which it turns into page settings). Each cell reference or range in a
 * name's text counts (the sheet names around them at most one cell each).
 */
function namedCells(xml: string): { cells: number; widest: string } {
  let cells = 0;
  let widest = '';
  let widestCells = 0;
  for (const { attributes, text } of elementsWithText(xml, 'definedName')) {
    const name = attribute(attributes, 'name');
    if (name === '_xlnm.Print_Area' || name === '_xlnm.Print_Titles') continue;
    for (const [ref] of decodeReferences(text).matchAll(/\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g)) {
      const range = rangeCells(ref);
      if (!range) continue;
      cells += range.cells;
      if (range.cells > widestCells) {
        widestCells = range.cells;
        widest = `${unescapeXml(name ?? '')} (${ref})`;
      }
    }
  }
  return { cells, widest };
}

/**
 * The name a person sees on the sheet's tab ("Nominasi"), from xl/workbook.xml and its relationships;
 * the entry name when those do not say.
 */
function sheetName(entries: Entry[], entry: Entry, inflated: (entry: Entry) => Buffer): string {
  const text = (name: string) => {
    const found = entries.find((e) => e.name === name);
    return found ? inflated(found).toString('utf8') : '';
  };
  const target = entry.name.replace(/^xl\//, '');
  const rels = text('xl/_rels/workbook.xml.rels');
  const id = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map(([tag]) => ({ id: /\sId="([^"]*)"/.exec(tag)?.[1], target: /\sTarget="([^"]*)"/.exec(tag)?.[1]?.replace(/^\/?xl\//, '') }))
    .find((r) => r.target === target)?.id;
  const sheet = id
    ? [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => tag).find((tag) => tag.includes(`"${id}"`))
    : undefined;
  const name = sheet ? /\sname="([^"]*)"/.exec(sheet)?.[1] : undefined;
  return name ? `${unescapeXml(name)} (${showName(entry.name)})` : showName(entry.name);
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
