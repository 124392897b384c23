/**
 * Writing the event template: empty (headings, hints, drop-downs and number checks), or filled with an event
 * so that the secretariat can start from last year's event or review the one it has.
 */
import ExcelJS from 'exceljs';
import type { CellValue, DataValidation, Worksheet } from 'exceljs';
import type { Event } from '../../../core/model.ts';
import { FIRST_DATA_ROW, HEADER_ROW, HINT_ROW, LAST_VALIDATED_ROW, type Column, type Field } from './fields.ts';
import {
  ATTRIBUTE_HINT,
  ATTRIBUTE_WIDTH,
  CATEGORY_COLUMNS,
  CONFLICT_COLUMNS,
  CRITERION_COLUMNS,
  EVENT_COLUMNS,
  EVENT_ROWS,
  JUROR_COLUMNS,
  ASSIGNMENT_COLUMNS,
  DOCUMENT_COLUMNS,
  FIGURE_COLUMNS,
  MIN_RUBRIC_PAIRS,
  NOMINEE_COLUMNS,
  ROUND_COLUMNS,
  SHEETS,
  rubricFields,
  type FieldValue,
  type Fields,
} from './layout.ts';

const HINT_FONT = { italic: true, color: { argb: 'FF808080' } };
const DEFAULT_WIDTH = 14;

type Row<F extends Fields> = { [K in keyof F]?: FieldValue<F[K]> | null };

export async function writeWorkbook(event: Event | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Timbang';
  writeEventSheet(workbook.addWorksheet(SHEETS.event), event);

  writeTable(
    workbook.addWorksheet(SHEETS.categories),
    CATEGORY_COLUMNS,
    (event?.categories ?? []).map((c) => ({
      id: c.id,
      nameId: c.name.id,
      nameEn: c.name.en,
      places: c.places,
      minimumScore: c.minimumScore,
    })),
  );

  writeTable(
    workbook.addWorksheet(SHEETS.rounds),
    ROUND_COLUMNS,
    (event?.rounds ?? []).map((r) => ({
      id: r.id,
      order: r.order,
      nameId: r.name.id,
      nameEn: r.name.en,
      weight: r.weight,
      categoryIds: r.categoryIds,
      shortlistSize: r.shortlistSize,
      presentationMinutes: r.interview?.presentationMinutes,
      questionsMinutes: r.interview?.questionsMinutes,
      quorum: r.quorum,
    })),
  );

  const criteria = event?.criteria ?? [];
  const criterionSheet = workbook.addWorksheet(SHEETS.criteria);
  writeTable(
    criterionSheet,
    CRITERION_COLUMNS,
    criteria.map((c) => ({
      code: c.code,
      roundId: c.roundId,
      categoryIds: c.categoryIds,
      labelId: c.label.id,
      labelEn: c.label.en,
      weight: c.weight,
      scaleMin: c.scale.min,
      scaleMax: c.scale.max,
      step: c.scale.step,
    })),
  );
  const pairs = Math.max(MIN_RUBRIC_PAIRS, ...criteria.map((c) => Math.max(c.scale.max - c.scale.min + 1, c.rubric.length)));
  writeExtraColumns(
    criterionSheet,
    Object.keys(CRITERION_COLUMNS).length + 1,
    Array.from({ length: pairs }, (_, k) => rubricFields(k + 1)).flat(),
    criteria.map((c) => c.rubric.flatMap((level) => [level.text.id, level.text.en])),
  );

  const nominees = event?.nominees ?? [];
  const nomineeSheet = workbook.addWorksheet(SHEETS.nominees);
  writeTable(
    nomineeSheet,
    NOMINEE_COLUMNS,
    nominees.map((n) => ({
      id: n.id,
      categoryId: n.categoryId,
      name: n.name,
      region: n.region,
      fictional: n.fictional,
    })),
  );
  const attributeKeys = [...new Set(nominees.flatMap((n) => Object.keys(n.attributes)))];
  writeExtraColumns(
    nomineeSheet,
    Object.keys(NOMINEE_COLUMNS).length + 1,
    attributeKeys.map((key) => ({ header: key, hint: ATTRIBUTE_HINT, width: ATTRIBUTE_WIDTH })),
    nominees.map((n) => attributeKeys.map((key) => n.attributes[key] ?? null)),
  );

  writeTable(
    workbook.addWorksheet(SHEETS.jurors),
    JUROR_COLUMNS,
    (event?.jurors ?? []).map((j) => ({
      id: j.id,
      role: j.role,
      title: j.title,
      institution: j.institution,
      name: j.name,
      replaces: j.replaces,
      decree: j.decree,
    })),
  );

  writeTable(workbook.addWorksheet(SHEETS.conflicts), CONFLICT_COLUMNS, event?.conflicts ?? []);

  // Issue 16: who scores what; empty = every juror scores every section.
  writeTable(workbook.addWorksheet(SHEETS.assignments), ASSIGNMENT_COLUMNS, event?.assignments ?? []);

  // Issue 17: the nominees' figures and documents; empty = none.
  writeTable(
    workbook.addWorksheet(SHEETS.figures),
    FIGURE_COLUMNS,
    (event?.figures ?? []).map((f) => ({
      nomineeId: f.nomineeId,
      labelId: f.label.id,
      labelEn: f.label.en,
      value: f.value,
      unit: f.unit || undefined,
      source: f.source,
      date: f.date,
      criterionCodes: f.criterionCodes,
    })),
  );
  writeTable(workbook.addWorksheet(SHEETS.documents), DOCUMENT_COLUMNS, event?.documents ?? []);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeEventSheet(sheet: Worksheet, event: Event | null): void {
  startSheet(sheet, EVENT_COLUMNS);
  const overall = event?.merge.overall;
  const values: Row<typeof EVENT_ROWS> = event
    ? {
        id: event.id,
        name: event.name,
        yearHeld: event.yearHeld,
        periodStart: event.periodAssessed.start,
        periodEnd: event.periodAssessed.end,
        place: event.place,
        interviewsStart: event.schedule.interviews?.start,
        interviewsEnd: event.schedule.interviews?.end,
        interviewsVenue: event.schedule.interviews?.venue,
        plenary: event.schedule.plenary,
        ceremonyDate: event.schedule.ceremony?.date,
        ceremonyVenue: event.schedule.ceremony?.venue,
        mergeRule: event.merge.rule,
        tieBreak: event.merge.tieBreak,
        disagreementThreshold: event.merge.disagreementThreshold,
        winnersPerCategory: event.merge.winnersPerCategory,
        overallNameId: overall?.name.id,
        overallNameEn: overall?.name.en,
        overallCategoryIds: overall?.categoryIds,
        overallSize: overall?.size,
        timeZone: event.timeZone,
        decrees: event.minutes?.decrees,
        panelDecree: event.minutes?.panelDecree,
        minutesNumber: event.minutes?.number,
      }
    : {};
  Object.entries(EVENT_ROWS).forEach(([key, field], i) => {
    const row = FIRST_DATA_ROW + i;
    sheet.getCell(row, 1).value = field.header;
    // Formatted even when empty, so that a date typed into the empty template shows as yyyy-mm-dd.
    if (field.numFmt) sheet.getCell(row, 2).numFmt = field.numFmt;
    writeValue(sheet, row, 2, field, values[key as keyof typeof EVENT_ROWS]);
    if (field.validation) addValidation(sheet, `B${row}`, field.validation);
    const hint = sheet.getCell(row, 3);
    hint.value = field.hint;
    hint.font = HINT_FONT;
  });
}

function writeTable<F extends Fields>(sheet: Worksheet, columns: F, rows: Row<F>[]): void {
  const fields = Object.values(columns);
  startSheet(sheet, fields);
  fields.forEach((field, i) => {
    const column = sheet.getColumn(i + 1);
    // The column's own format also applies to rows the secretariat adds later.
    if (field.numFmt) column.numFmt = field.numFmt;
    if (field.validation) addValidation(sheet, `${column.letter}${FIRST_DATA_ROW}:${column.letter}${LAST_VALIDATED_ROW}`, field.validation);
  });
  rows.forEach((values, r) => {
    Object.keys(columns).forEach((key, i) => writeValue(sheet, FIRST_DATA_ROW + r, i + 1, columns[key], values[key as keyof F]));
  });
}

/** Columns after a table's fixed ones (rubric levels, nominee attributes): plain values, one list per row. */
function writeExtraColumns(sheet: Worksheet, firstColumn: number, columns: Column[], rows: CellValue[][]): void {
  writeHeadings(sheet, firstColumn, columns);
  rows.forEach((values, r) => {
    values.forEach((value, i) => {
      sheet.getCell(FIRST_DATA_ROW + r, firstColumn + i).value = value;
    });
  });
}

/** Headings and hints of the first columns, kept in view while scrolling. */
function startSheet(sheet: Worksheet, columns: Column[]): void {
  writeHeadings(sheet, 1, columns);
  sheet.views = [{ state: 'frozen', ySplit: HINT_ROW }];
}

function writeHeadings(sheet: Worksheet, firstColumn: number, columns: Column[]): void {
  columns.forEach((column, i) => {
    const header = sheet.getCell(HEADER_ROW, firstColumn + i);
    header.value = column.header;
    header.font = { bold: true };
    const hint = sheet.getCell(HINT_ROW, firstColumn + i);
    hint.value = column.hint;
    hint.font = HINT_FONT;
    sheet.getColumn(firstColumn + i).width = column.width ?? DEFAULT_WIDTH;
  });
}

/**
 * Text goes in as a string value, which exceljs writes as text: a name such as =HYPERLINK("…") stays
 * literal text and never becomes a formula.
 */
function writeValue(sheet: Worksheet, row: number, column: number, field: Field<unknown>, value: unknown): void {
  if (value === undefined || value === null) return;
  const cell = sheet.getCell(row, column);
  cell.value = field.toCell(value);
  if (field.numFmt) cell.numFmt = field.numFmt;
}

/** exceljs 4.4 keeps range validations in worksheet.dataValidations but leaves that out of its typings. */
function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations.add(
    range,
    validation,
  );
}
