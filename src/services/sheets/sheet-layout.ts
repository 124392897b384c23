/**
 * The score sheet's layout as data: for every visible cell, what it must show given the signed payload.
 * Writing renders these cells (with styles); verifying reads the workbook and compares each cell with the
 * same list, so the two cannot drift apart. No exceljs here: only positions, expected contents and styles.
 *
 * Sheets: "Sampul" (cover, statement, signature line), one sheet per section (round × category) named
 * `${round number}-${category id}`, and the hidden "Tanda tangan" that carries the payload and its signature.
 */
import { formatLocalDateTime } from '../../core/local-time.ts';
import { sheetWritingMessages as say } from '../../core/messages/sheet-writing.ts';
import type { Bilingual, JurorRole } from '../../core/model.ts';
import { weightedTotal } from '../../core/scoring.ts';
import { spreadsheetText } from '../../core/spreadsheet-text.ts';
import type { SheetCriterion, SheetNominee, SheetPayload, SheetSection } from './sheet-payload.ts';

export const COVER_SHEET = 'Sampul';
export const SIGNATURE_SHEET = 'Tanda tangan';
/** Excel's limit for a sheet name. */
export const MAX_SHEET_NAME = 31;

/** What a cell must show. Empty text, a null mark and a null total all mean an empty cell. */
export type Expected =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'mark'; mark: string | null }
  | { kind: 'total'; total: { formula: string; result: number } | null };

export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'line'
  | 'hint'
  | 'label'
  | 'value'
  | 'statement'
  | 'statementHint'
  | 'signature'
  | 'heading'
  | 'subheading'
  | 'number'
  | 'text'
  | 'wrap'
  | 'mark'
  | 'total';

export interface LayoutCell {
  row: number;
  col: number;
  expected: Expected;
  style: CellStyle;
  /** How a finding names the cell's content: "nama nominasi" / "nominee name". */
  what: Bilingual;
  /** Whose cell it is, for findings: "UK2, La Moringa". */
  context?: string;
  /** A conflicted nominee's row, shaded. */
  shaded?: boolean;
}

export interface ColumnSpec {
  width: number;
}

// ---------------------------------------------------------------------------------------------------
// Text as a cell can hold it

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters XML 1.0 cannot carry (exceljs drops some of them silently and cannot read others back). */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A text as a cell shows it: line breaks as "\n" (XML reads "\r\n" back as "\n"), without the control
 * characters a workbook cannot hold, lone surrogates as U+FFFD. The payload keeps the exact text; the
 * visible cell, and the comparison with it, use this form.
 */
export function visibleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_IN_XML, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * What a text cell of the sheet holds, for writing it and for verifying it (the one place that decides):
 * the visible text, with a leading apostrophe when it starts like a formula (=, +, -, @, a tab or a line
 * break; core/spreadsheet-text.ts). A note typed as =cmd|' /C calc'!A0 is then shown as '=cmd|' /C calc'!A0,
 * and stays text in a CSV saved from the sheet. The signed payload keeps the text as typed.
 */
export function cellText(text: string): string {
  return spreadsheetText(visibleText(text));
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const address = (row: number, col: number) => `${columnLetter(col)}${row}`;

/** How a juror's role reads on paper. */
export const ROLE_TEXT: Record<JurorRole, string> = {
  ketua: 'Ketua merangkap Anggota',
  sekretaris: 'Sekretaris merangkap Anggota',
  anggota: 'Anggota',
};

const status = (section: SheetSection): Bilingual => (section.finalized ? say.statusFinal() : say.statusDraft());
const statusText = (section: SheetSection) => status(section).id;
const statusHint = (section: SheetSection) => status(section).en;

// ---------------------------------------------------------------------------------------------------
// Sheet names

/**
 * Section sheet names in payload order: the round's order in the event and the category id, cut to
 * Excel's 31 characters and made unique (Excel compares names without case) with a "~2", "~3" suffix.
 * Ids hold only letters, digits, ".", "_" and "-", all valid in a sheet name.
 */
export function sectionSheetNames(payload: Pick<SheetPayload, 'sections'>): string[] {
  const used = new Set([COVER_SHEET.toLowerCase(), SIGNATURE_SHEET.toLowerCase()]);
  return payload.sections.map((section) => {
    const base = `${section.roundOrder}-${section.categoryId}`;
    let name = base.slice(0, MAX_SHEET_NAME);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, MAX_SHEET_NAME - `~${k}`.length)}~${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The distinct rounds of the payload, in the order they first appear. */
export function roundsOf(payload: Pick<SheetPayload, 'sections'>): { id: string; name: string }[] {
  const rounds = new Map<string, string>();
  for (const section of payload.sections) if (!rounds.has(section.roundId)) rounds.set(section.roundId, section.roundName);
  return [...rounds].map(([id, name]) => ({ id, name }));
}

// ---------------------------------------------------------------------------------------------------
// Arithmetic

/**
 * The round total the sheet shows: core's weightedTotal (Σ weight × mark ÷ scale max × 100 ÷ 100) over the
 * marks given. Only the scale's maximum matters to it, which is all a SheetCriterion carries.
 */
export function sheetTotal(criteria: SheetCriterion[], nominee: SheetNominee): number | null {
  const marks = new Map<string, number>();
  for (const criterion of criteria) {
    const mark = nominee.marks[criterion.code];
    if (mark !== null && mark !== undefined) marks.set(criterion.code, Number(mark));
  }
  if (nominee.conflict !== null || marks.size === 0) return null;
  const scaled = criteria.map((c) => ({ code: c.code, weight: c.weight, scale: { min: 0, max: c.scaleMax, step: 1 } }));
  return weightedTotal(scaled, marks).total;
}

/** The total's Excel formula on one row: (Σ weight*mark/scaleMax*100)/100, an empty mark counting as 0. */
export function totalFormula(criteria: SheetCriterion[], firstMarkColumn: number, row: number): string {
  const terms = criteria.map((c, i) => `${c.weight}*${address(row, firstMarkColumn + i)}/${c.scaleMax}*100`);
  return `(${terms.join('+')})/100`;
}

// ---------------------------------------------------------------------------------------------------
// Section sheets

export const TITLE_ROWS = 4;
export const HEADER_ROW = 5;
export const SUBHEADER_ROW = 6;
export const FIRST_DATA_ROW = 7;

/** How findings name the section sheet's cells. */
const W = {
  no: say.whatRowNumber(),
  id: say.whatNomineeId(),
  name: say.whatNomineeName(),
  region: say.whatRegion(),
  mark: say.whatMark(),
  total: say.whatTotal(),
  note: say.whatNote(),
  remark: say.whatRemarks(),
  heading: say.whatColumnHeading(),
  title: say.whatTitle(),
} satisfies Record<string, Bilingual>;

export interface SectionLayout {
  sheetName: string;
  section: SheetSection;
  /** Column widths, A first. */
  columns: ColumnSpec[];
  lastColumn: number;
  firstMarkColumn: number;
  totalColumn: number;
  /** Title and heading rows (1–6). */
  headCells: LayoutCell[];
  /** The cells of one nominee's row, as they must read at `row` (a total's formula names its own row). */
  rowCells(index: number, row: number): LayoutCell[];
  /** Explicit heights for rows whose wrapped text needs more than one line. */
  rowHeight(row: number): number | undefined;
}

/** A conflicted nominee's remark, or the criteria still unscored, or nothing. */
export function remarkText(criteria: SheetCriterion[], nominee: SheetNominee): string {
  if (nominee.conflict !== null) return `Tidak menilai — benturan kepentingan: ${nominee.conflict}`;
  const missing = criteria.filter((c) => nominee.marks[c.code] === null || nominee.marks[c.code] === undefined).map((c) => c.code);
  if (missing.length === 0) return '';
  return missing.length === criteria.length ? 'Belum dinilai' : `Belum dinilai: ${missing.join(', ')}`;
}

const WIDTH = { no: 5, id: 14, name: 30, region: 20, mark: 10, total: 10, note: 34, remark: 28 };

/** Lines a text needs in a column of `width` characters (roughly: Excel's widths are in digits of the default font). */
function linesFor(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, width - 1))), 0);
}

const heightFor = (lines: number, pointSize: number) => Math.max(15, Math.ceil(lines * pointSize * 1.35 + 3));

export function sectionLayout(payload: SheetPayload, section: SheetSection, sheetName: string): SectionLayout {
  const criteria = section.criteria;
  const firstMarkColumn = 5;
  const totalColumn = firstMarkColumn + criteria.length;
  const noteColumn = totalColumn + 1;
  const remarkColumn = totalColumn + 2;
  const juror = payload.juror;
  const text = (row: number, col: number, value: string, style: CellStyle, what: Bilingual): LayoutCell => ({
    row,
    col,
    expected: { kind: 'text', text: cellText(value) },
    style,
    what,
  });

  const jurorLine = `Juri ${juror.id}: ${juror.name ? `${juror.name}, ` : ''}${ROLE_TEXT[juror.role]} — ${juror.title}, ${juror.institution} · ${statusText(section)}`;
  const hint = `Total = Σ bobot × nilai ÷ skala maks × 100 ÷ 100 (0–100) · Juror's score sheet (${statusHint(section)}): total = Σ weight × mark ÷ scale max × 100 ÷ 100`;
  const headCells: LayoutCell[] = [
    text(1, 1, `LEMBAR PENILAIAN JURI — ${payload.eventName}`, 'title', W.title),
    text(2, 1, `${section.roundName} · ${section.categoryName}`, 'subtitle', W.title),
    text(3, 1, jurorLine, 'line', W.title),
    text(4, 1, hint, 'hint', W.title),
  ];
  // Each fixed column's heading in Indonesian, with its English below it.
  const fixed: [number, Bilingual][] = [
    [1, say.headingNo()],
    [2, say.headingId()],
    [3, say.headingNominee()],
    [4, say.headingRegion()],
    [totalColumn, say.headingTotal()],
    [noteColumn, say.headingNotes()],
    [remarkColumn, say.headingRemarks()],
  ];
  for (const [col, heading] of fixed) {
    headCells.push(text(HEADER_ROW, col, heading.id, 'heading', W.heading), text(SUBHEADER_ROW, col, heading.en, 'subheading', W.heading));
  }
  criteria.forEach((c, i) => {
    headCells.push(
      text(HEADER_ROW, firstMarkColumn + i, `${c.code} (${c.weight}%)`, 'heading', W.heading),
      text(SUBHEADER_ROW, firstMarkColumn + i, `${c.label} (maks ${c.scaleMax})`, 'subheading', W.heading),
    );
  });

  const columns: ColumnSpec[] = [
    { width: WIDTH.no },
    { width: WIDTH.id },
    { width: WIDTH.name },
    { width: WIDTH.region },
    ...criteria.map(() => ({ width: WIDTH.mark })),
    { width: WIDTH.total },
    { width: WIDTH.note },
    { width: WIDTH.remark },
  ];
  const subheadingLines = Math.max(
    1,
    ...headCells
      .filter((c) => c.row === SUBHEADER_ROW && c.expected.kind === 'text')
      .map((c) => linesFor((c.expected as { text: string }).text, columns[c.col - 1].width)),
  );

  const rowCells = (index: number, row: number): LayoutCell[] => {
    const nominee = section.nominees[index];
    const shaded = nominee.conflict !== null;
    const total = sheetTotal(criteria, nominee);
    const name = visibleText(nominee.name);
    const cells: LayoutCell[] = [
      { row, col: 1, expected: { kind: 'number', value: index + 1 }, style: 'number', what: W.no, context: name },
      { ...text(row, 2, nominee.nomineeId, 'text', W.id), context: name },
      { ...text(row, 3, nominee.name, 'wrap', W.name), context: nominee.nomineeId },
      { ...text(row, 4, nominee.region, 'wrap', W.region), context: name },
      ...criteria.map((c, i): LayoutCell => ({
        row,
        col: firstMarkColumn + i,
        expected: { kind: 'mark', mark: nominee.marks[c.code] ?? null },
        style: 'mark',
        what: W.mark,
        context: `${c.code}, ${name}`,
      })),
      {
        row,
        col: totalColumn,
        expected: {
          kind: 'total',
          total: total === null ? null : { formula: totalFormula(criteria, firstMarkColumn, row), result: total },
        },
        style: 'total',
        what: W.total,
        context: name,
      },
      { ...text(row, noteColumn, nominee.note, 'wrap', W.note), context: name },
      { ...text(row, remarkColumn, remarkText(criteria, nominee), 'wrap', W.remark), context: name },
    ];
    return cells.map((cell) => (shaded ? { ...cell, shaded } : cell));
  };

  const rowHeight = (row: number): number | undefined => {
    if (row === SUBHEADER_ROW) return heightFor(subheadingLines, 8);
    const index = row - FIRST_DATA_ROW;
    if (index < 0 || index >= section.nominees.length) return undefined;
    const lines = Math.max(
      ...rowCells(index, row)
        .filter((c) => c.expected.kind === 'text')
        .map((c) => linesFor((c.expected as { text: string }).text, columns[c.col - 1].width)),
    );
    return lines > 1 ? heightFor(lines, 10) : undefined;
  };

  return { sheetName, section, columns, lastColumn: remarkColumn, firstMarkColumn, totalColumn, headCells, rowCells, rowHeight };
}

// ---------------------------------------------------------------------------------------------------
// The cover

export interface CoverLayout {
  cells: LayoutCell[];
  columns: ColumnSpec[];
  heights: Map<number, number>;
  /** The row of the signature space (tall and empty). */
  signatureRow: number;
  /** Rows of the list of section sheets (bordered as a table). */
  tableRows: [number, number];
}

export interface ConflictLine {
  nomineeId: string;
  name: string;
  reason: string;
  declared: boolean;
}

/** Every conflict in the sheet: nominees marked conflicted in any section, then declared conflicts not among them. */
export function conflictsOf(payload: SheetPayload): ConflictLine[] {
  const lines = new Map<string, ConflictLine>();
  const names = new Map<string, string>();
  const declared = new Set(payload.declaredConflicts.map((d) => d.nomineeId));
  for (const section of payload.sections) {
    for (const nominee of section.nominees) {
      names.set(nominee.nomineeId, nominee.name);
      if (nominee.conflict !== null && !lines.has(nominee.nomineeId)) {
        lines.set(nominee.nomineeId, {
          nomineeId: nominee.nomineeId,
          name: nominee.name,
          reason: nominee.conflict,
          declared: declared.has(nominee.nomineeId),
        });
      }
    }
  }
  for (const d of payload.declaredConflicts) {
    if (!lines.has(d.nomineeId))
      lines.set(d.nomineeId, { nomineeId: d.nomineeId, name: names.get(d.nomineeId) ?? d.nomineeId, reason: d.reason, declared: true });
  }
  return [...lines.values()];
}

export const STATEMENT: Bilingual = say.statement();
const STATEMENT_CONFLICTS = say.statementConflicts();
const STATEMENT_NO_CONFLICT = say.statementNoConflict();

/** The panel's city, and a blank for the juror to write the date by hand. */
const placeAndDate = (place: string) => `${place || '____________________'}, ____________________`;
const BLANK_NAME = '______________________________';

export function coverLayout(payload: SheetPayload, sheetNames: string[]): CoverLayout {
  const cells: LayoutCell[] = [];
  const heights = new Map<number, number>();
  const columns = [{ width: 26 }, { width: 72 }, { width: 36 }];
  let row = 0;
  const put = (col: number, value: string | number, style: CellStyle, what: Bilingual) => {
    cells.push({
      row,
      col,
      expected: typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: cellText(value) },
      style,
      what,
    });
  };
  const wrapped = (text: string, width: number, pointSize = 11) => {
    const lines = linesFor(text, width);
    if (lines > 1) heights.set(row, heightFor(lines, pointSize));
  };
  /** A row of the cover: the label in Indonesian, the value, and the label in English as a hint. */
  const field = (label: Bilingual, value: string | number, what: Bilingual) => {
    row++;
    put(1, label.id, 'label', what);
    put(2, value, 'value', what);
    put(3, label.en, 'hint', what);
    if (typeof value === 'string') wrapped(cellText(value), columns[1].width);
  };
  const juror = payload.juror;

  row = 1;
  put(1, 'LEMBAR PENILAIAN JURI', 'title', W.title);
  row = 2;
  put(1, `Juror's score sheet, signed with the juror's key · ${payload.eventName}`, 'hint', W.title);
  row = 3;
  field(say.cellEvent(), payload.eventName, say.whatEventName());
  field(say.cellEventId(), payload.eventId, say.whatEventId());
  field(say.cellJurorId(), juror.id, say.whatJurorId());
  field(say.cellJurorName(), juror.name, say.whatJurorName());
  field(say.cellRole(), ROLE_TEXT[juror.role], say.whatJurorRole());
  field(say.cellPosition(), juror.title, say.whatJurorPosition());
  field(say.cellInstitution(), juror.institution, say.whatJurorInstitution());
  field(
    say.cellRounds(),
    roundsOf(payload)
      .map((r) => r.name)
      .join('; '),
    say.whatRounds(),
  );
  // In the event's zone when the payload names it ("4 Desember 2026 pukul 21.11 WITA"), computed from the
  // signed payload alone so the verifier reads the same; an older sheet without it printed the UTC time as is.
  if (payload.timeZone)
    field(
      say.cellExportedAt({ zone: payload.timeZone }),
      formatLocalDateTime(payload.exportedAt, payload.timeZone, 'id'),
      say.whatExportTime(),
    );
  else field(say.cellExportedAt({ zone: 'UTC' }), payload.exportedAt, say.whatExportTime());
  field(say.cellSheetRevision(), payload.sheetRevision, say.whatSheetRevision());
  field(say.cellPackageRevision(), payload.packageRevision, say.whatPackageRevision());
  field(say.cellFingerprint(), juror.fingerprint, say.whatKeyFingerprint());

  row += 2;
  const what = say.whatListOfSheets();
  put(1, 'Lembar', 'heading', what);
  put(2, 'Babak · Kategori', 'heading', what);
  put(3, 'Status', 'heading', what);
  const tableStart = row;
  payload.sections.forEach((section, i) => {
    row++;
    put(1, sheetNames[i], 'text', what);
    put(2, `${section.roundName} · ${section.categoryName}`, 'wrap', what);
    put(3, `${statusText(section)} · ${section.nominees.length} nominasi`, 'text', what);
    wrapped(cellText(`${section.roundName} · ${section.categoryName}`), columns[1].width);
  });
  const tableRows: [number, number] = [tableStart, row];

  row += 2;
  const conflicts = conflictsOf(payload);
  const statementWhat = say.whatStatement();
  const statement = STATEMENT.id + (conflicts.length ? STATEMENT_CONFLICTS.id : STATEMENT_NO_CONFLICT.id);
  const statementEn = STATEMENT.en + (conflicts.length ? STATEMENT_CONFLICTS.en : STATEMENT_NO_CONFLICT.en);
  const statementLabel = say.cellStatement();
  put(1, statementLabel.id, 'label', statementWhat);
  put(2, statement, 'statement', statementWhat);
  put(3, statementLabel.en, 'hint', statementWhat);
  wrapped(statement, columns[1].width);
  row++;
  put(2, statementEn, 'statementHint', statementWhat);
  wrapped(statementEn, columns[1].width, 9);
  conflicts.forEach((conflict, i) => {
    row++;
    const line = `${i + 1}. ${conflict.name} (${conflict.nomineeId}): ${conflict.reason}${conflict.declared ? ' — dinyatakan oleh juri' : ''}`;
    put(2, line, 'statement', say.whatConflict());
    wrapped(cellText(line), columns[1].width);
  });

  row += 2;
  const signWhat = say.whatSignature();
  const placeDate = say.cellPlaceDate();
  put(1, placeDate.id, 'label', signWhat);
  put(2, placeAndDate(payload.place), 'signature', signWhat);
  put(3, placeDate.en, 'hint', signWhat);
  row++;
  const signed = say.cellSigned();
  put(2, signed.id, 'signature', signWhat);
  put(3, signed.en, 'hint', signWhat);
  row++;
  const signatureRow = row;
  heights.set(row, 60);
  row++;
  put(2, `( ${juror.name ? juror.name : BLANK_NAME} )`, 'signature', signWhat);
  row++;
  put(2, `${ROLE_TEXT[juror.role]} · ${juror.title}`, 'signature', signWhat);
  return { cells, columns, heights, signatureRow, tableRows };
}

// ---------------------------------------------------------------------------------------------------
// Page header and footer

/** Header and footer text: "&" starts a code there, so a literal one is doubled; Excel allows 255 characters. */
export function headerFooterText(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return visibleText(cut).replace(/\n/g, ' ').replace(/&/g, '&&');
}

export function pageFooter(payload: SheetPayload, sheetName: string): string {
  return `&L&8Sidik jari: ${headerFooterText(payload.juror.fingerprint, 40)}&C&8Halaman &P dari &N&R&8${headerFooterText(`${payload.juror.id} · ${sheetName}`, 50)}`;
}

export function pageHeaderText(payload: SheetPayload, left: string): string {
  return `&L&8${headerFooterText(left, 90)}&R&8${headerFooterText(payload.eventName, 90)}`;
}
