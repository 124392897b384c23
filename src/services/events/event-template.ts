/**
 * The event template: an Excel workbook in which the secretariat prepares an event, and reading it back.
 * Reading reports every problem at once, each at its sheet and cell, and imports nothing unless there is none:
 * first what the cells themselves get wrong (a missing sheet, a renamed heading, text where a number belongs,
 * an empty required cell), then validateEvent's findings on the whole event, pointed back at the cells.
 * The layout is in template/layout.ts; writing and reading share its field definitions.
 */
import type ExcelJS from 'exceljs';
import type { TemplateIssue } from '../../api/contract.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import { validateEvent, type ValidationIssue } from '../../core/validate-event.ts';
import { AppError } from '../../api/errors.ts';
import { templateMessages } from '../../core/messages/event-template.ts';
import { loadXlsx } from '../files/xlsx-file.ts';
import { listSheet, SHEETS, SHEET_ORDER } from './template/layout.ts';
import { pathKey, readSheets, type Path, type Place } from './template/read.ts';
import { writeWorkbook } from './template/write.ts';

/** An .xlsx template: empty (headers, hints, validations, no data rows) when event is null, else filled with the event. */
export async function writeEventTemplate(event: Event | null): Promise<Buffer> {
  return writeWorkbook(event);
}

/**
 * One problem in a template (the API's TemplateIssue). `cell` is "D14", a range "F3:F7" or a list "F3, F5";
 * null when the whole sheet is meant (its message then names the sheet) or the whole file (then `sheet` is empty).
 */
export type { TemplateIssue };

export type TemplateImport = { ok: true; event: Event } | { ok: false; issues: TemplateIssue[] };

/** Reads a filled template. Never throws for bad content: every problem becomes an issue; ok only if there is none. */
export async function readEventTemplate(bytes: Uint8Array, fileName: string): Promise<TemplateImport> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsx(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError) return fileIssue(error.bilingual);
    throw error;
  }
  if (!SHEET_ORDER.some((sheet) => workbook.getWorksheet(sheet))) {
    return fileIssue(templateMessages.notATemplate({ fileName, sheets: SHEET_ORDER }));
  }

  const { event, issues, places, unreadable } = readSheets(workbook);
  // Without one of the sheets, checks across sheets would only echo the gap.
  if (!event) return { ok: false, issues };
  const validation = validateEvent(event);
  if (validation.ok) return issues.length === 0 ? { ok: true, event: validation.event } : { ok: false, issues };

  const unreadableIndex = indexPaths(unreadable);
  const findings = validation.issues
    .filter((issue) => !repeatsUnreadable(issue, unreadableIndex))
    .map((issue) => toTemplateIssue(issue, places));
  // The same id typed twice in one list ("ukm, ukm") would otherwise give the same line twice.
  const seen = new Set<string>();
  const unique = [...issues, ...findings].filter((issue) => {
    const line = formatTemplateIssue(issue, 'en');
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
  return { ok: false, issues: unique };
}

/** "Kriteria!F14: bobot harus angka 0–100" in the chosen language. */
export function formatTemplateIssue(issue: TemplateIssue, lang: 'id' | 'en'): string {
  return issue.cell ? `${issue.sheet}!${issue.cell}: ${issue.message[lang]}` : issue.message[lang];
}

function fileIssue(message: Bilingual): TemplateImport {
  return { ok: false, issues: [{ sheet: '', cell: null, message }] };
}

const isListOrItem = (path: Path) => listSheet(path[0]) !== undefined && path.length <= 2;

/**
 * Whether validateEvent's finding is about a value whose cell was already reported as unreadable (so it
 * judged a stand-in): a path inside that value, or a part of an item that contains it ("scale" when the
 * scale's maximum was text). A whole list or item is not judged by one unreadable field in it.
 */
function repeatsUnreadable(issue: ValidationIssue, unreadable: PathIndex): boolean {
  return (issue.related ?? [issue.path]).some(
    (path) =>
      path.some((_, i) => unreadable.paths.has(pathKey(path.slice(0, i + 1)))) ||
      unreadable.paths.has('') ||
      (!isListOrItem(path) && unreadable.prefixes.has(pathKey(path))),
  );
}

/**
 * The unreadable paths, and every prefix of them, as keys: so each finding is matched in the length of its
 * own path, not against every unreadable cell (a sheet of 10,000 garbage rows gave quadratic time).
 */
interface PathIndex {
  paths: Set<string>;
  prefixes: Set<string>;
}
function indexPaths(paths: Path[]): PathIndex {
  const prefixes = new Set<string>();
  for (const path of paths) for (let i = 0; i <= path.length; i++) prefixes.add(pathKey(path.slice(0, i)));
  return { paths: new Set(paths.map(pathKey)), prefixes };
}

/** The cell of the longest part of the path that has one; else the sheet of the list, or sheet Acara. */
function placeOf(path: Path, places: Map<string, Place>): { sheet: string; cell: string | null } {
  for (let length = path.length; length > 0; length--) {
    const place = places.get(pathKey(path.slice(0, length)));
    if (place) return place;
  }
  return { sheet: listSheet(path[0]) ?? SHEETS.event, cell: null };
}

/** A finding about several values (weights that must sum to 100) lists the cell of each. */
function toTemplateIssue(issue: ValidationIssue, places: Map<string, Place>): TemplateIssue {
  const found = (issue.related ?? [issue.path]).map((path) => placeOf(path, places));
  const sheet = found[0].sheet;
  const cells = [...new Set(found.flatMap((place) => (place.sheet === sheet && place.cell ? [place.cell] : [])))];
  return {
    sheet,
    cell: cells.length > 0 ? cells.join(', ') : null,
    message: templateMessages.finding({ where: issue.where, message: issue.message }),
  };
}
