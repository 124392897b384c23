/**
 * Opens an .xlsx someone handed us (an event template): first the zip guard, then exceljs. One place, so
 * every importer refuses the same bad file with the same words; a score sheet is read for verification
 * without exceljs (xlsx-reader.ts), refused in these same words (sheets/score-sheet.ts).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../api/errors.ts';
import { xlsxMessages } from '../../core/messages/zip.ts';
import { checkZip, isNotAZip } from './zip-guard.ts';

/** Throws AppError('invalid-file') naming fileName when the bytes are unsafe or not a workbook exceljs can read. */
export async function loadXlsx(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const unreadable = () => new AppError('invalid-file', xlsxMessages.unreadable({ fileName }));
  // An empty file (a copy or download cut short) is not a damaged one: say which it is.
  if (bytes.byteLength === 0) {
    throw new AppError('invalid-file', xlsxMessages.empty({ fileName }));
  }
  try {
    // Before exceljs, which inflates everything into memory: see zip-guard.ts.
    checkZip(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError && isNotAZip(error)) throw unreadable();
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy of exactly these bytes as an ArrayBuffer, which JSZip takes and exceljs's typings ask for
    // (a Node Buffer's own .buffer may be a larger shared pool). Data validations are never read back,
    // and one over a whole column makes exceljs expand it cell by cell: skip them.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer, { ignoreNodes: ['dataValidations'] });
  } catch {
    throw unreadable();
  }
  return workbook;
}
