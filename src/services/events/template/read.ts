/**
 * Reading the sheets of a filled template into the event's shape. For every value it notes the cell it came
 * from (its place), so that validateEvent's findings can later be pointed at cells. A cell that cannot be read
 * becomes an issue at that cell, and a harmless stand-in takes its place so the rest can still be checked.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import {
  EVENT_FORMAT,
  EVENT_FORMAT_VERSION,
  type Bilingual,
  type Category,
  type Conflict,
  type Criterion,
  type Event,
  type Juror,
  type Assignment,
  type Nominee,
  type Round,
  type RubricLevel,
  type EvidenceDocument,
  type EvidenceFigure,
} from '../../../core/model.ts';
import { formulaStart, formulaStartMessage, shownText } from '../../../core/spreadsheet-text.ts';
import { templateMessages } from '../../../core/messages/event-template.ts';
import type { TemplateIssue } from '../../../api/contract.ts';
import { contentText, FIRST_DATA_ROW, HEADER_ROW, type Column, type Content, type Field } from './fields.ts';
import {
  CATEGORY_COLUMNS,
  CONFLICT_COLUMNS,
  CRITERION_COLUMNS,
  ASSIGNMENT_COLUMNS,
  DOCUMENT_COLUMNS,
  FIGURE_COLUMNS,
  LATER_JUROR_COLUMNS,
  LATER_ROUND_COLUMNS,
  EVENT_COLUMNS,
  EVENT_ROWS,
  JUROR_COLUMNS,
  LATER_CATEGORY_COLUMNS,
  MIN_RUBRIC_PAIRS,
  NOMINEE_COLUMNS,
  ROUND_COLUMNS,
  SHEETS,
  rubricFields,
  type Collection,
  type SheetName,
} from './layout.ts';

export type Path = (string | number)[];
export interface Place {
  sheet: SheetName;
  cell: string;
}

export interface SheetsRead {
  /** The event as typed, with stand-ins for unreadable cells; null when a sheet is missing. */
  event: Event | null;
  issues: TemplateIssue[];
  /** Where each value came from, by its path joined with dots: "criteria.3.weight" → Kriteria!F6. */
  places: Map<string, Place>;
  /** Values that could not be read: validateEvent's findings about them would only repeat an issue. */
  unreadable: Path[];
}

export const pathKey = (path: Path) => path.join('.');

/** What reading has found so far. */
class Notes {
  readonly issues: TemplateIssue[] = [];
  readonly places = new Map<string, Place>();
  readonly unreadable: Path[] = [];
  readonly #unreadableCells = new Set<string>();

  issue(sheet: SheetName, cell: string | null, message: Bilingual): void {
    this.issues.push({ sheet, cell, message });
  }

  place(path: Path, sheet: SheetName, cell: string): void {
    this.places.set(pathKey(path), { sheet, cell });
  }

  /** Notes a value that could not be read, and the cell it should have come from when there is one. */
  cannotRead(path: Path, at?: Place): void {
    this.unreadable.push(path);
    if (at) this.#unreadableCells.add(`${at.sheet}!${at.cell}`);
  }

  isReadable(sheet: SheetName, cell: string): boolean {
    return !this.#unreadableCells.has(`${sheet}!${cell}`);
  }
}

/**
 * A cell's content, or undefined when empty: formulas give their saved result, rich text and links their text.
 * A formula's result comes from the cell itself: exceljs 4.4 drops it from cell.value when it is false or 0,
 * and LibreOffice saves every TRUE and FALSE as a formula.
 */
function contentOf(cell: Cell): Content | undefined {
  const content = valueContent(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
  // A weight typed as "25%" is stored as 0.25 in a percent format; the person typed, and sees, 25.
  if (typeof content === 'number' && /%/.test(cell.numFmt ?? '')) return Number((content * 100).toPrecision(12));
  return content;
}

function valueContent(value: CellValue): Content | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value;
  if ('error' in value) return value.error;
  if ('richText' in value) return valueContent(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return valueContent(value.text);
  return undefined; // a formula, already replaced by its result in contentOf
}

/**
 * A cell's text exactly as typed, spaces, tabs and line breaks included (contentOf trims them), or undefined
 * when the cell holds no text: the formula check must see a leading tab that trimming would hide.
 */
function typedText(cell: Cell): string | undefined {
  const value: CellValue | undefined = cell.type === ExcelJS.ValueType.Formula ? (cell.result as CellValue) : cell.value;
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (value !== null && typeof value === 'object' && 'hyperlink' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

/**
 * Text a spreadsheet could take for a formula (=, +, -, @, a tab or a line break first), refused: "nama tidak
 * boleh diawali "=" …, ditemukan '=cmd|…'". `what` names the value as the messages name its field.
 */
function formulaProblem(what: Bilingual, typed: string): Bilingual | undefined {
  const start = formulaStart(typed);
  if (!start) return undefined;
  const message = formulaStartMessage(start);
  const found = shownText(typed);
  return templateMessages.formulaFound({ what, problem: message, found });
}

/** Reads fields of one sheet row (on sheet Acara: of the whole sheet) into values, noting places and issues. */
interface FieldReader {
  address(field: Field<unknown>): string;
  /** A required value; an empty or unreadable cell is an issue, `requiredWith` says what makes it required. */
  value<T>(field: Field<T>, path: Path, requiredWith?: Bilingual): T;
  /** undefined when the cell is empty. */
  optional<T>(field: Field<T>, path: Path): T | undefined;
  filled(...fields: Field<unknown>[]): boolean;
  readable(...fields: Field<unknown>[]): boolean;
  place(path: Path, cell: string): void;
  issue(cell: string, message: Bilingual): void;
  cannotRead(path: Path): void;
}

function fieldReader(
  notes: Notes,
  ws: Worksheet,
  sheet: SheetName,
  addressOf: (field: Field<unknown>) => string,
  prefix: Path,
): FieldReader {
  const contentAt = (address: string) => contentOf(ws.getCell(address));
  /** The field's value from non-empty content, or its stand-in after noting why the content will not do. */
  const parse = <T>(field: Field<T>, content: Content, path: Path, address: string): T => {
    const parsed = field.parse(content);
    // Only text can be a formula: a number typed as "-5" was read as the number it is.
    const formula =
      parsed.ok && typeof parsed.value === 'string'
        ? formulaProblem(field.name, typedText(ws.getCell(address)) ?? parsed.value)
        : undefined;
    if (formula) {
      notes.issue(sheet, address, formula);
      notes.cannotRead(path, { sheet, cell: address });
      return field.placeholder(address);
    }
    if (parsed.ok) return parsed.value;
    const found = contentText(content);
    notes.issue(sheet, address, templateMessages.foundInstead({ expected: parsed.expected, found }));
    notes.cannotRead(path, { sheet, cell: address });
    return field.placeholder(address);
  };
  return {
    address: addressOf,
    value(field, path, requiredWith) {
      const address = addressOf(field);
      const fullPath = [...prefix, ...path];
      notes.place(fullPath, sheet, address);
      const content = contentAt(address);
      if (content !== undefined) return parse(field, content, fullPath, address);
      notes.issue(
        sheet,
        address,
        requiredWith
          ? templateMessages.requiredWith({ field: field.name, group: requiredWith })
          : templateMessages.required({ field: field.name }),
      );
      notes.cannotRead(fullPath, { sheet, cell: address });
      return field.placeholder(address);
    },
    optional(field, path) {
      const address = addressOf(field);
      const fullPath = [...prefix, ...path];
      notes.place(fullPath, sheet, address);
      const content = contentAt(address);
      return content === undefined ? undefined : parse(field, content, fullPath, address);
    },
    filled: (...fields) => fields.some((field) => contentAt(addressOf(field)) !== undefined),
    readable: (...fields) => fields.every((field) => notes.isReadable(sheet, addressOf(field))),
    place: (path, cell) => notes.place([...prefix, ...path], sheet, cell),
    issue: (cell, message) => notes.issue(sheet, cell, message),
    cannotRead: (path) => notes.cannotRead([...prefix, ...path]),
  };
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

/** Headings in row 1 (or, on sheet Acara, labels in column A) must be the template's; `lenient` lets empty ones pass. */
function checkLabels(
  notes: Notes,
  ws: Worksheet,
  sheet: SheetName,
  columns: Column[],
  at: (i: number) => string,
  kind: Bilingual,
  lenient = false,
): void {
  columns.forEach((column, i) => {
    const address = at(i);
    const content = contentOf(ws.getCell(address));
    if (content === undefined ? lenient : sameText(contentText(content), column.header)) return;
    const found = content === undefined ? undefined : contentText(content);
    notes.issue(sheet, address, templateMessages.labelMustBe({ kind, header: column.header, found }));
  });
}

const HEADING: Bilingual = templateMessages.columnHeading();
const ROW_LABEL: Bilingual = templateMessages.rowLabel();

function checkHeadings(notes: Notes, ws: Worksheet, sheet: SheetName, columns: Column[], firstColumn = 1, lenient = false): void {
  checkLabels(notes, ws, sheet, columns, (i) => ws.getCell(HEADER_ROW, firstColumn + i).address, HEADING, lenient);
}

interface TableRow extends FieldReader {
  /** The cell content in a column outside the fixed fields, with its address. */
  extra(column: number): { address: string; content: Content | undefined; typed: string | undefined };
}

/** One item per non-empty row from row 3 down; `required` lists must have at least one. */
function readRows<T>(
  notes: Notes,
  ws: Worksheet,
  collection: Collection,
  fields: Field<unknown>[],
  required: boolean,
  readItem: (row: TableRow) => T,
): T[] {
  const sheet = SHEETS[collection];
  const items: T[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    if (isEmptyRow(ws, r)) continue;
    const path = [collection, items.length];
    const addressOf = (field: Field<unknown>) => ws.getCell(r, fields.indexOf(field) + 1).address;
    notes.place(path, sheet, addressOf(fields[0]));
    const reader = fieldReader(notes, ws, sheet, addressOf, path);
    items.push(
      readItem({
        ...reader,
        extra: (column) => {
          const cell = ws.getCell(r, column);
          return { address: cell.address, content: contentOf(cell), typed: typedText(cell) };
        },
      }),
    );
  }
  if (required && items.length === 0) {
    notes.issue(sheet, null, templateMessages.sheetHasNoData({ sheet, row: FIRST_DATA_ROW }));
    notes.cannotRead([collection]);
  }
  return items;
}

function isEmptyRow(ws: Worksheet, row: number): boolean {
  let empty = true;
  ws.getRow(row).eachCell((cell) => {
    if (contentOf(cell) !== undefined) empty = false;
  });
  return empty;
}

type EventFields = Omit<Event, Collection>;

function readEventSheet(notes: Notes, ws: Worksheet): EventFields {
  const sheet = SHEETS.event;
  const F = EVENT_ROWS;
  const fields: Field<unknown>[] = Object.values(F);
  const rowOf = (field: Field<unknown>) => FIRST_DATA_ROW + fields.indexOf(field);
  checkHeadings(notes, ws, sheet, EVENT_COLUMNS);
  // The time-zone row came last and later: a template without it still reads.
  // So did the Berita Acara's basis and number (issue 16).
  const laterRows = new Set<Field<unknown>>([F.timeZone, F.decrees, F.panelDecree, F.minutesNumber]);
  const later = [...laterRows];
  checkLabels(
    notes,
    ws,
    sheet,
    fields.filter((f) => !laterRows.has(f)),
    (i) => `A${FIRST_DATA_ROW + i}`,
    ROW_LABEL,
  );
  checkLabels(notes, ws, sheet, later, (i) => `A${rowOf(later[i])}`, ROW_LABEL, true);
  const r = fieldReader(notes, ws, sheet, (field) => `B${rowOf(field)}`, []);
  const range = (first: Field<unknown>, last: Field<unknown>) => `${r.address(first)}:${r.address(last)}`;

  // Groups of optional rows: once one row of a group is filled in, the group's required rows must be too.
  const interviews = templateMessages.interviewSchedule();
  const ceremony = templateMessages.awardCeremony();
  const overall = templateMessages.overallRanking();
  const hasInterviews = r.filled(F.interviewsStart, F.interviewsEnd, F.interviewsVenue);
  const hasCeremony = r.filled(F.ceremonyDate, F.ceremonyVenue);
  const hasOverall = r.filled(F.overallNameId, F.overallNameEn, F.overallCategoryIds, F.overallSize);
  r.place(['periodAssessed'], range(F.periodStart, F.periodEnd));
  r.place(['schedule', 'interviews'], range(F.interviewsStart, F.interviewsEnd));
  r.place(['schedule', 'ceremony'], range(F.ceremonyDate, F.ceremonyVenue));
  r.place(['merge', 'overall'], range(F.overallNameId, F.overallSize));

  // Read in row order, so that issues come out in the order the secretariat sees them.
  const id = r.value(F.id, ['id']);
  const name = r.value(F.name, ['name']);
  const yearHeld = r.value(F.yearHeld, ['yearHeld']);
  const periodAssessed = {
    start: r.value(F.periodStart, ['periodAssessed', 'start']),
    end: r.value(F.periodEnd, ['periodAssessed', 'end']),
  };
  const place = r.value(F.place, ['place']);
  const schedule: Event['schedule'] = {};
  if (hasInterviews) {
    schedule.interviews = {
      start: r.value(F.interviewsStart, ['schedule', 'interviews', 'start'], interviews),
      end: r.value(F.interviewsEnd, ['schedule', 'interviews', 'end'], interviews),
    };
    const venue = r.optional(F.interviewsVenue, ['schedule', 'interviews', 'venue']);
    if (venue !== undefined) schedule.interviews.venue = venue;
  }
  const plenary = r.optional(F.plenary, ['schedule', 'plenary']);
  if (plenary !== undefined) schedule.plenary = plenary;
  if (hasCeremony) {
    schedule.ceremony = {
      date: r.value(F.ceremonyDate, ['schedule', 'ceremony', 'date'], ceremony),
      venue: r.value(F.ceremonyVenue, ['schedule', 'ceremony', 'venue'], ceremony),
    };
  }
  const merge: Event['merge'] = {
    rule: r.value(F.mergeRule, ['merge', 'rule']),
    tieBreak: r.optional(F.tieBreak, ['merge', 'tieBreak']) ?? [],
    disagreementThreshold: r.value(F.disagreementThreshold, ['merge', 'disagreementThreshold']),
    winnersPerCategory: r.value(F.winnersPerCategory, ['merge', 'winnersPerCategory']),
    overall: hasOverall
      ? {
          name: {
            id: r.value(F.overallNameId, ['merge', 'overall', 'name', 'id'], overall),
            en: r.value(F.overallNameEn, ['merge', 'overall', 'name', 'en'], overall),
          },
          categoryIds: r.value(F.overallCategoryIds, ['merge', 'overall', 'categoryIds'], overall),
          size: r.value(F.overallSize, ['merge', 'overall', 'size'], overall),
        }
      : null,
  };
  const timeZone = r.optional(F.timeZone, ['timeZone']);
  // Issue 16: the Berita Acara's basis ("Dasar") and number, each optional.
  const minutes: NonNullable<Event['minutes']> = {};
  const decrees = r.optional(F.decrees, ['minutes', 'decrees']);
  const panelDecree = r.optional(F.panelDecree, ['minutes', 'panelDecree']);
  const minutesNumber = r.optional(F.minutesNumber, ['minutes', 'number']);
  if (decrees !== undefined) minutes.decrees = decrees;
  if (panelDecree !== undefined) minutes.panelDecree = panelDecree;
  if (minutesNumber !== undefined) minutes.number = minutesNumber;
  return {
    format: EVENT_FORMAT,
    formatVersion: EVENT_FORMAT_VERSION,
    id,
    name,
    yearHeld,
    periodAssessed,
    place,
    ...(timeZone === undefined ? {} : { timeZone }),
    schedule,
    merge,
    ...(Object.keys(minutes).length > 0 ? { minutes } : {}),
  };
}

function readCategories(notes: Notes, ws: Worksheet): Category[] {
  const C = CATEGORY_COLUMNS;
  const fields = Object.values(C);
  // The last columns (places, minimum score: issue 16) may be missing from a template made before them.
  const fixed = fields.length - LATER_CATEGORY_COLUMNS;
  checkHeadings(notes, ws, SHEETS.categories, fields.slice(0, fixed));
  checkHeadings(notes, ws, SHEETS.categories, fields.slice(fixed), fixed + 1, true);
  return readRows(notes, ws, 'categories', fields, true, (r) => {
    const category: Category = {
      id: r.value(C.id, ['id']),
      name: { id: r.value(C.nameId, ['name', 'id']), en: r.value(C.nameEn, ['name', 'en']) },
    };
    const places = r.optional(C.places, ['places']);
    const minimumScore = r.optional(C.minimumScore, ['minimumScore']);
    if (places !== undefined) category.places = places;
    if (minimumScore !== undefined) category.minimumScore = minimumScore;
    return category;
  });
}

function readRounds(notes: Notes, ws: Worksheet): Round[] {
  const R = ROUND_COLUMNS;
  const fields = Object.values(R);
  const timing = templateMessages.interviewTiming();
  // The quorum column (issue 16) may be missing from a template made before it.
  const fixedRounds = fields.length - LATER_ROUND_COLUMNS;
  checkHeadings(notes, ws, SHEETS.rounds, fields.slice(0, fixedRounds));
  checkHeadings(notes, ws, SHEETS.rounds, fields.slice(fixedRounds), fixedRounds + 1, true);
  return readRows(notes, ws, 'rounds', fields, true, (r) => {
    const round: Round = {
      id: r.value(R.id, ['id']),
      order: r.value(R.order, ['order']),
      name: { id: r.value(R.nameId, ['name', 'id']), en: r.value(R.nameEn, ['name', 'en']) },
      weight: r.value(R.weight, ['weight']),
      categoryIds: r.value(R.categoryIds, ['categoryIds']),
      shortlistSize: r.optional(R.shortlistSize, ['shortlistSize']) ?? null,
    };
    if (r.filled(R.presentationMinutes, R.questionsMinutes)) {
      round.interview = {
        presentationMinutes: r.value(R.presentationMinutes, ['interview', 'presentationMinutes'], timing),
        questionsMinutes: r.value(R.questionsMinutes, ['interview', 'questionsMinutes'], timing),
      };
    }
    const quorum = r.optional(R.quorum, ['quorum']);
    if (quorum !== undefined) round.quorum = quorum;
    return round;
  });
}

/** Stands in for a rubric that cannot be checked against its scale; it satisfies the model's "at least two levels". */
const STAND_IN_RUBRIC: RubricLevel[] = [0, 1].map((score) => ({ score, text: { id: '?', en: '?' } }));

function readCriteria(notes: Notes, ws: Worksheet): Criterion[] {
  const K = CRITERION_COLUMNS;
  const fixed = Object.values(K);
  // As many rubric pairs as the sheet has columns for, and never fewer than the template writes.
  const pairs = Math.max(MIN_RUBRIC_PAIRS, Math.ceil((ws.columnCount - fixed.length) / 2));
  const rubric = Array.from({ length: pairs }, (_, k) => rubricFields(k + 1));
  const fields = [...fixed, ...rubric.flat()];
  checkHeadings(notes, ws, SHEETS.criteria, fields.slice(0, fixed.length + 2 * MIN_RUBRIC_PAIRS));
  checkHeadings(
    notes,
    ws,
    SHEETS.criteria,
    fields.slice(fixed.length + 2 * MIN_RUBRIC_PAIRS),
    fixed.length + 2 * MIN_RUBRIC_PAIRS + 1,
    true,
  );
  return readRows(notes, ws, 'criteria', fields, true, (r) => {
    const criterion: Criterion = {
      code: r.value(K.code, ['code']),
      roundId: r.value(K.roundId, ['roundId']),
      categoryIds: r.value(K.categoryIds, ['categoryIds']),
      label: { id: r.value(K.labelId, ['label', 'id']), en: r.value(K.labelEn, ['label', 'en']) },
      weight: r.value(K.weight, ['weight']),
      scale: {
        min: r.value(K.scaleMin, ['scale', 'min']),
        max: r.value(K.scaleMax, ['scale', 'max']),
        step: r.value(K.step, ['scale', 'step']),
      },
      rubric: [],
    };
    r.place(['scale'], `${r.address(K.scaleMin)}:${r.address(K.scaleMax)}`);
    criterion.rubric = readRubric(r, criterion.scale, rubric);
    return criterion;
  });
}

/**
 * Rubric pair k holds the level scale min + k − 1. Checked here rather than by validateEvent, because only
 * the sheet knows which pair is empty or extra: the first empty pair the scale needs, or the first extra
 * filled one, is the cell to point at.
 */
function readRubric(r: FieldReader, scale: Criterion['scale'], pairs: [Field<string>, Field<string>][]): RubricLevel[] {
  const { min, max } = scale;
  // A scale that cannot be read, or runs backwards, is reported by itself; its rubric is checked once it is fixed.
  const levels = r.readable(CRITERION_COLUMNS.scaleMin, CRITERION_COLUMNS.scaleMax) && min < max ? max - min + 1 : undefined;
  const rubric: RubricLevel[] = [];
  let problem: { cell: string; message: Bilingual } | undefined;
  pairs.forEach(([idField, enField], k) => {
    const level = k + 1;
    const scaleText = `${min}–${max}`;
    if (!r.filled(idField, enField)) {
      if (levels !== undefined && level <= levels) {
        problem ??= {
          cell: r.address(idField),
          message: templateMessages.rubricEmpty({ level, scale: scaleText, levels }),
        };
      }
      return;
    }
    if (levels !== undefined && level > levels) {
      problem ??= {
        cell: r.address(r.filled(idField) ? idField : enField),
        message: templateMessages.rubricExtra({ level, scale: scaleText, levels }),
      };
      return;
    }
    const path = ['rubric', rubric.length, 'text'];
    rubric.push({ score: min + k, text: { id: r.value(idField, [...path, 'id']), en: r.value(enField, [...path, 'en']) } });
  });
  if (problem) r.issue(problem.cell, problem.message);
  if (problem || levels === undefined) {
    r.cannotRead(['rubric']);
    return STAND_IN_RUBRIC;
  }
  return rubric;
}

function readNominees(notes: Notes, ws: Worksheet): Nominee[] {
  const sheet = SHEETS.nominees;
  const N = NOMINEE_COLUMNS;
  const fields = Object.values(N);
  checkHeadings(notes, ws, sheet, fields);
  // Every column after the fixed ones with a heading is an attribute; the heading is its key.
  const attributes: { column: number; key: string }[] = [];
  const unnamed: number[] = [];
  for (let column = fields.length + 1; column <= ws.columnCount; column++) {
    const heading = ws.getCell(HEADER_ROW, column);
    const content = contentOf(heading);
    const key = content === undefined ? undefined : contentText(content);
    const formula = key === undefined ? undefined : formulaProblem(templateMessages.attributeHeading(), typedText(heading) ?? key);
    if (key === undefined) unnamed.push(column);
    else if (formula)
      notes.issue(sheet, heading.address, formula); // its values are not read: the import is refused anyway
    else if (attributes.some((a) => a.key === key)) {
      notes.issue(sheet, heading.address, templateMessages.headingTwice({ key }));
    } else attributes.push({ column, key });
  }
  const reportedUnnamed = new Set<number>();
  return readRows(notes, ws, 'nominees', fields, false, (r) => {
    const nominee: Nominee = {
      id: r.value(N.id, ['id']),
      categoryId: r.value(N.categoryId, ['categoryId']),
      name: r.value(N.name, ['name']),
      region: r.optional(N.region, ['region']) ?? '',
      fictional: r.optional(N.fictional, ['fictional']) ?? false,
      attributes: {},
    };
    const values: [string, Nominee['attributes'][string]][] = [];
    for (const { column, key } of attributes) {
      const { address, content, typed } = r.extra(column);
      if (content === undefined) continue;
      r.place(['attributes', key], address);
      const formula = typeof content === 'string' ? formulaProblem(templateMessages.attribute({ key }), typed ?? content) : undefined;
      if (formula) {
        r.issue(address, formula);
        r.cannotRead(['attributes', key]);
        continue;
      }
      values.push([key, content instanceof Date ? contentText(content) : content]);
    }
    // fromEntries, unlike assignment, keeps a key such as "__proto__" an ordinary attribute.
    nominee.attributes = Object.fromEntries(values);
    for (const column of unnamed) {
      const { address, content } = r.extra(column);
      if (content === undefined || reportedUnnamed.has(column)) continue;
      reportedUnnamed.add(column);
      notes.issue(sheet, address, templateMessages.unnamedColumn());
    }
    return nominee;
  });
}

function readJurors(notes: Notes, ws: Worksheet): Juror[] {
  const J = JUROR_COLUMNS;
  const fields = Object.values(J);
  // The replacement columns (issue 16) may be missing from a template made before them.
  const fixedJurors = fields.length - LATER_JUROR_COLUMNS;
  checkHeadings(notes, ws, SHEETS.jurors, fields.slice(0, fixedJurors));
  checkHeadings(notes, ws, SHEETS.jurors, fields.slice(fixedJurors), fixedJurors + 1, true);
  return readRows(notes, ws, 'jurors', fields, true, (r) => {
    const juror: Juror = {
      id: r.value(J.id, ['id']),
      role: r.value(J.role, ['role']),
      title: r.value(J.title, ['title']),
      institution: r.value(J.institution, ['institution']),
    };
    const name = r.optional(J.name, ['name']);
    if (name !== undefined) juror.name = name;
    const replaces = r.optional(J.replaces, ['replaces']);
    if (replaces !== undefined) juror.replaces = replaces;
    const decree = r.optional(J.decree, ['decree']);
    if (decree !== undefined) juror.decree = decree;
    return juror;
  });
}

/**
 * A sheet of fixed columns whose rows may be none (Konflik, Penugasan, Data, Dokumen): its headings checked,
 * then its rows read, each by `readItem`.
 */
function readFixedRows<T>(
  notes: Notes,
  ws: Worksheet,
  collection: Collection,
  columns: Record<string, Field<unknown>>,
  readItem: (row: TableRow) => T,
): T[] {
  const fields = Object.values(columns);
  checkHeadings(notes, ws, SHEETS[collection], fields);
  return readRows(notes, ws, collection, fields, false, readItem);
}

function readConflicts(notes: Notes, ws: Worksheet): Conflict[] {
  const X = CONFLICT_COLUMNS;
  return readFixedRows(notes, ws, 'conflicts', X, (r) => {
    // A conflict is known by its juror and nominee together.
    r.place([], `${r.address(X.jurorId)}:${r.address(X.nomineeId)}`);
    return {
      jurorId: r.value(X.jurorId, ['jurorId']),
      nomineeId: r.value(X.nomineeId, ['nomineeId']),
      reason: r.value(X.reason, ['reason']),
    };
  });
}

/** Issue 16: sheet Penugasan, optional (without it every juror scores every section). */
function readAssignments(notes: Notes, ws: Worksheet): Assignment[] {
  const A = ASSIGNMENT_COLUMNS;
  return readFixedRows(notes, ws, 'assignments', A, (r) => {
    r.place([], `${r.address(A.jurorId)}:${r.address(A.duty)}`);
    return {
      jurorId: r.value(A.jurorId, ['jurorId']),
      roundId: r.value(A.roundId, ['roundId']),
      categoryId: r.value(A.categoryId, ['categoryId']),
      duty: r.value(A.duty, ['duty']),
    };
  });
}

/** Issue 17: sheet Data, optional: the nominees' figures, each with its label in both languages. */
function readFigures(notes: Notes, ws: Worksheet): EvidenceFigure[] {
  const F = FIGURE_COLUMNS;
  return readFixedRows(notes, ws, 'figures', F, (r) => {
    r.place(['label'], r.address(F.labelId));
    const figure: EvidenceFigure = {
      nomineeId: r.value(F.nomineeId, ['nomineeId']),
      label: { id: r.value(F.labelId, ['label', 'id']), en: r.value(F.labelEn, ['label', 'en']) },
      value: r.value(F.value, ['value']),
      unit: r.optional(F.unit, ['unit']) ?? '',
      source: r.value(F.source, ['source']),
      date: r.value(F.date, ['date']),
    };
    const codes = r.optional(F.criterionCodes, ['criterionCodes']);
    if (codes !== undefined) figure.criterionCodes = codes;
    return figure;
  });
}

/** Issue 17: sheet Dokumen, optional: the files the nominees submitted (hash and size once packaged). */
function readDocuments(notes: Notes, ws: Worksheet): EvidenceDocument[] {
  const D = DOCUMENT_COLUMNS;
  return readFixedRows(notes, ws, 'documents', D, (r) => {
    const document: EvidenceDocument = {
      nomineeId: r.value(D.nomineeId, ['nomineeId']),
      fileName: r.value(D.fileName, ['fileName']),
      kind: r.value(D.kind, ['kind']),
    };
    const sha256 = r.optional(D.sha256, ['sha256']);
    if (sha256 !== undefined) document.sha256 = sha256.toLowerCase();
    const size = r.optional(D.size, ['size']);
    if (size !== undefined) document.size = size;
    return document;
  });
}

export function readSheets(workbook: Workbook): SheetsRead {
  const notes = new Notes();
  const read = <T>(sheet: SheetName, parse: (notes: Notes, ws: Worksheet) => T): T | undefined => {
    const ws = workbook.getWorksheet(sheet);
    if (ws) return parse(notes, ws);
    notes.issue(sheet, null, templateMessages.sheetMissing({ sheet }));
    return undefined;
  };
  const fields = read(SHEETS.event, readEventSheet);
  const categories = read(SHEETS.categories, readCategories);
  const rounds = read(SHEETS.rounds, readRounds);
  const criteria = read(SHEETS.criteria, readCriteria);
  const nominees = read(SHEETS.nominees, readNominees);
  const jurors = read(SHEETS.jurors, readJurors);
  const conflicts = read(SHEETS.conflicts, readConflicts);
  const assignmentSheet = workbook.getWorksheet(SHEETS.assignments);
  const assignments = assignmentSheet ? readAssignments(notes, assignmentSheet) : [];
  const figureSheet = workbook.getWorksheet(SHEETS.figures);
  const figures = figureSheet ? readFigures(notes, figureSheet) : [];
  const documentSheet = workbook.getWorksheet(SHEETS.documents);
  const documents = documentSheet ? readDocuments(notes, documentSheet) : [];
  const complete = fields && categories && rounds && criteria && nominees && jurors && conflicts;
  const event = complete
    ? {
        ...fields,
        categories,
        rounds,
        criteria,
        nominees,
        jurors,
        conflicts,
        ...(assignments.length > 0 ? { assignments } : {}),
        ...(figures.length > 0 ? { figures } : {}),
        ...(documents.length > 0 ? { documents } : {}),
      }
    : null;
  if (event) skipUncheckableReferences(notes, event);
  return { event, issues: notes.issues, places: notes.places, unreadable: notes.unreadable };
}

/** The values that name an item of each list by its id. */
const REFERENCES: Record<'categories' | 'rounds' | 'nominees' | 'jurors', (event: Event) => Path[]> = {
  categories: (event) => [
    ...event.rounds.map((_, r) => ['rounds', r, 'categoryIds']),
    ...event.criteria.map((_, c) => ['criteria', c, 'categoryIds']),
    ...event.nominees.map((_, n) => ['nominees', n, 'categoryId']),
    ['merge', 'overall', 'categoryIds'],
    ...(event.assignments ?? []).map((_, k) => ['assignments', k, 'categoryId']),
  ],
  rounds: (event) => [
    ...event.criteria.map((_, c) => ['criteria', c, 'roundId']),
    ['merge', 'tieBreak'],
    ...(event.assignments ?? []).map((_, k) => ['assignments', k, 'roundId']),
  ],
  nominees: (event) => [
    ...event.conflicts.map((_, k) => ['conflicts', k, 'nomineeId']),
    ...(event.figures ?? []).map((_, k) => ['figures', k, 'nomineeId']),
    ...(event.documents ?? []).map((_, k) => ['documents', k, 'nomineeId']),
  ],
  jurors: (event) => [
    ...event.conflicts.map((_, k) => ['conflicts', k, 'jurorId']),
    ...(event.assignments ?? []).map((_, k) => ['assignments', k, 'jurorId']),
  ],
};

/**
 * A reference can only be checked against a list whose ids could all be read: an empty or mistyped id in
 * sheet Kategori would otherwise make every nominee of that category "unknown" on top of the one real issue.
 */
function skipUncheckableReferences(notes: Notes, event: Event): void {
  for (const [list, references] of Object.entries(REFERENCES)) {
    if (notes.unreadable.some((path) => path[0] === list && path[2] === 'id')) {
      for (const path of references(event)) notes.cannotRead(path);
    }
  }
}
