/**
 * Workbooks grown by writing their XML directly (exceljs would take minutes and gigabytes to write what
 * these describe): extra worksheets registered as Excel registers them (workbook.xml, its relationships,
 * [Content_Types].xml), and a shared-strings part of any size.
 */
import { deflateRawSync, crc32 } from 'node:zlib';
import { readZip, writeZip, type ZipEntry } from './zip.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** "A", "B", … "Z", "AA", … */
export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** What one cell of a generated sheet holds, as XML, given its reference ("B7"). */
export type CellXml = (ref: string) => string;

export const CELLS: Record<string, CellXml> = {
  number: (ref) => `<c r="${ref}"><v>4</v></c>`,
  empty: (ref) => `<c r="${ref}"/>`,
  styled: (ref) => `<c r="${ref}" s="1"/>`,
  shared: (ref) => `<c r="${ref}" t="s"><v>0</v></c>`,
  inline: (ref) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`,
  formula: (ref) => `<c r="${ref}"><f>1+1</f><v>2</v></c>`,
};

/** A worksheet of `rows` × `columns` cells, each as `cell` writes it. */
export function sheetXml(rows: number, columns: number, cell: CellXml): Buffer {
  const letters = Array.from({ length: columns }, (_, i) => columnLetters(i + 1));
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${letters.at(-1) ?? 'A'}${rows}"/><sheetData>`,
  ];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (const column of letters) row += cell(`${column}${r}`);
    parts.push(`${row}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return utf8(parts.join(''));
}

/** An entry already deflated, so that one generated sheet is compressed once however often it is used. */
export function deflated(data: Buffer): NonNullable<ZipEntry['raw']> {
  return { bytes: deflateRawSync(data, { level: 6 }), size: data.byteLength, crc: crc32(data) };
}

/**
 * A real workbook with more worksheets, `sheets` deflated ones (or `count` copies of one, deflated once),
 * listed in xl/workbook.xml (named "Tambahan 1", …), its relationships and [Content_Types].xml, as Excel
 * would list them.
 */
export function withExtraSheets(
  bytes: Uint8Array,
  count: number,
  sheet: NonNullable<ZipEntry['raw']> | ((i: number) => NonNullable<ZipEntry['raw']>),
): Buffer {
  const entries = readZip(bytes);
  const existing = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).length;
  const added = Array.from({ length: count }, (_, i) => existing + i + 1);
  const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
  const workbook = text('xl/workbook.xml').replace(
    '</sheets>',
    `${added.map((n) => `<sheet name="Tambahan ${n - existing}" sheetId="${1000 + n}" r:id="rIdX${n}"/>`).join('')}</sheets>`,
  );
  const rels = text('xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    `${added.map((n) => `<Relationship Id="rIdX${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}</Relationships>`,
  );
  const types = text('[Content_Types].xml').replace(
    '</Types>',
    `${added.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  const replaced: Record<string, string> = {
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels,
    '[Content_Types].xml': types,
  };
  return writeZip([
    ...entries.map(({ name, data }): ZipEntry =>
      replaced[name] !== undefined ? { name, data: utf8(replaced[name]) } : { name, data, method: data.byteLength === 0 ? 0 : 8 },
    ),
    ...added.map((n, i): ZipEntry => ({ name: `xl/worksheets/sheet${n}.xml`, raw: typeof sheet === 'function' ? sheet(i) : sheet })),
  ]);
}

/** A real workbook whose xl/sharedStrings.xml holds, after its own strings, `count` more, each `si` (default `<si><t>x</t></si>`). */
export function withSharedStrings(bytes: Uint8Array, count: number, si = '<si><t>x</t></si>'): Buffer {
  return writeZip(
    readZip(bytes).map(({ name, data }): ZipEntry => {
      if (name !== 'xl/sharedStrings.xml') return { name, data, method: data.byteLength === 0 ? 0 : 8 };
      const xml = data.toString('utf8').replace(/ (count|uniqueCount)="\d+"/g, '');
      const at = xml.lastIndexOf('</sst>');
      return { name, data: Buffer.concat([utf8(xml.slice(0, at)), utf8(si.repeat(count)), utf8(xml.slice(at))]) };
    }),
  );
}

/**
 * A real workbook grown to just under the zip guard's whole-workbook limits at once, each figure in the
 * costliest form measured: `sheets` extra worksheets of `rows` × `columns` styled empty cells (one element
 * each, the most cells the element limit lets through), every column of each formatted; one more of
 * `emptyRows` rows without cells; `merged` cells merged; `named` cells under a defined name; `other`
 * elements outside the cell data as conditional formats. Passes the guard; what it costs is exceljs's and
 * the importer's.
 */
export function atTheLimits(
  bytes: Uint8Array,
  limits: {
    sheets: number;
    rows: number;
    columns: number;
    emptyRows: number;
    merged: number;
    named: number;
    other: number;
    numbers?: boolean;
    textCells?: number;
  },
): Buffer {
  const letters = Array.from({ length: limits.columns }, (_, i) => columnLetters(i + 1));
  const rules = Math.floor(limits.other / limits.sheets / 3); // <conditionalFormatting><cfRule><formula>: 3 elements each
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const dense = (n: number) => {
    const parts: string[] = [head, '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols><sheetData>'];
    for (let r = 1; r <= limits.rows; r++)
      parts.push(
        `<row r="${r}">${letters.map((column) => (limits.numbers ? `<c r="${column}${r}" s="1"><v>${r}</v></c>` : `<c r="${column}${r}" s="1"/>`)).join('')}</row>`,
      );
    parts.push('</sheetData>');
    for (let i = 0; i < rules; i++)
      parts.push(
        `<conditionalFormatting sqref="A${i + 1}"><cfRule type="expression" priority="${i + 1}"><formula>${n}+${i}</formula></cfRule></conditionalFormatting>`,
      );
    if (n === 0)
      parts.push(
        `<mergeCells count="1"><mergeCell ref="A${limits.rows + 1}:J${limits.rows + Math.floor(limits.merged / 10)}"/></mergeCells>`,
      );
    parts.push('</worksheet>');
    return deflated(utf8(parts.join('')));
  };
  // Rows without cells, then (textCells) rows of one cell holding 4,000 Cyrillic letters: text that stays large once read.
  let seed = 7;
  const letter = () => String.fromCharCode(0x410 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 26));
  const rowsOnly = deflated(
    utf8(
      `${head}<sheetData>${Array.from({ length: limits.emptyRows + (limits.textCells ?? 0) }, (_, i) =>
        i < limits.emptyRows
          ? `<row r="${i + 1}"/>`
          : `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${Array.from({ length: 4000 }, letter).join('')}</t></is></c></row>`,
      ).join('')}</sheetData></worksheet>`,
    ),
  );
  const grown = withExtraSheets(bytes, limits.sheets + 1, (i) => (i < limits.sheets ? dense(i) : rowsOnly));
  const defined = `<definedName name="semua">'Tambahan 1'!$A$1:$T$${Math.floor(limits.named / 20)}</definedName>`;
  return writeZip(
    readZip(grown).map(({ name, data }): ZipEntry => {
      if (name !== 'xl/workbook.xml') return { name, data, method: data.byteLength === 0 ? 0 : 8 };
      const xml = data.toString('utf8');
      return {
        name,
        data: utf8(
          xml.includes('<definedNames>')
            ? xml.replace('<definedNames>', `<definedNames>${defined}`)
            : xml.replace('</sheets>', `</sheets><definedNames>${defined}</definedNames>`),
        ),
      };
    }),
  );
}
