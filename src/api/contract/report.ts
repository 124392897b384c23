/** The deliberation report (Rekapitulasi + Berita Acara): HTML for the print preview, a PDF, printed, or the Excel recap. */
import { z } from 'zod';
import { Id, MergeRule } from '../../core/model.ts';
import { FileData, Lang, method } from './common.ts';

const ReportRequest = z.strictObject({ eventId: Id, rule: MergeRule, lang: Lang });
const ReportErrors = ['conflict', 'forbidden', 'incomplete', 'invalid-file', 'key-locked', 'not-found'] as const;

export const reportMethods = {
  reportHtml: method(ReportRequest, z.strictObject({ html: z.string() }), { errors: ReportErrors }),
  reportPdf: method(ReportRequest, FileData, { errors: ReportErrors }),
  printReport: method(ReportRequest, z.strictObject({}), { errors: ReportErrors }),
  exportRekapitulasi: method(z.strictObject({ eventId: Id, rule: MergeRule }), FileData, { errors: ReportErrors }),
};
