/**
 * Text that a spreadsheet could take for a formula ("CSV injection", OWASP): a cell that begins with
 * =, +, - or @, or with a tab or a line break (some readers drop those and then see the =). A workbook
 * Timbang writes stores such text as a string, so Excel and LibreOffice show it literally; but save that
 * workbook as CSV and open the CSV, and the text is typed in afresh: =cmd|' /C calc'!A0 runs.
 *
 * Two defences, one rule:
 * - what the secretariat prepares (names, places, labels, rubric texts, reasons) is refused when it starts
 *   like this, at event validation and template import: a real name never does;
 * - what a juror types (notes, reasons, their name) and whatever else goes into a workbook is written with
 *   a leading apostrophe, as OWASP advises. In a CSV the apostrophe stays and keeps the cell text; inside
 *   the workbook it is part of the text, which a re-save keeps (LibreOffice's is tested).
 *
 * A lone dash ("-") and a plain negative number ("-5", "-2,5") start with "-" but cannot become a formula:
 * a region written "-" is a legitimate value and is left alone.
 * Pure TypeScript: no Node, no DOM.
 */
import { formulaMessages, formulaStarts } from './messages/event.ts';
import type { Bilingual } from './model.ts';

/** What the text starts with that makes it look like a formula. */
export type FormulaStart = '=' | '+' | '-' | '@' | 'tab' | 'line break';

const CONTROL_START = /^[\t\r\n]/;
/** Leading spaces first: some readers trim them before they look for a formula. */
const SIGN_START = /^\s*([=+\-@])/;
const HARMLESS_DASH = /^\s*(?:-+|-\d+(?:[.,]\d+)?)\s*$/;

/** Why `text` could become a formula in a spreadsheet, or undefined when it cannot. */
export function formulaStart(text: string): FormulaStart | undefined {
  if (CONTROL_START.test(text)) return text[0] === '\t' ? 'tab' : 'line break';
  const sign = SIGN_START.exec(text)?.[1] as FormulaStart | undefined;
  if (sign === '-' && HARMLESS_DASH.test(text)) return undefined;
  return sign;
}

/**
 * The text as a cell must hold it so that no spreadsheet, and no CSV saved from one, reads it as a
 * formula: with a leading apostrophe when it starts like one, unchanged otherwise.
 */
export function spreadsheetText(text: string): string {
  return formulaStart(text) === undefined ? text : `'${text}`;
}

/** "tidak boleh diawali "=" …" / "must not begin with "=" …": the message for a field of the event, after its name. */
export function formulaStartMessage(start: FormulaStart): Bilingual {
  return formulaMessages.mustNotBegin({ start: formulaStarts[start]() });
}

/** The text in a message, its tabs and line breaks made visible: '\t=1+1' rather than an invisible gap. */
export function shownText(text: string, max = 60): string {
  const flat = text.replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
