/**
 * The deliberation report (Rekapitulasi + Berita Acara) as HTML, PDF or printed, and the Excel recap.
 * Issue 16: the report is final only under a penetapan for exactly these results; a draft otherwise.
 */
import type { Handlers } from '../../api/contract.ts';
import type { reportMethods } from '../../api/contract/report.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { absences } from '../attendance/attendance.ts';
import { reportMinutes } from '../audit/workspace-audit.ts';
import { fileData } from '../file-data.ts';
import { deliberation, requireMarks } from '../merge/deliberation.ts';
import { writeRekapitulasi } from '../merge/rekapitulasi.ts';
import { listReceived, withDossierHashes } from '../merge/sheet-inbox.ts';
import { localIsoTime } from '../printing/date-words.ts';
import { reportHtml } from '../report/report-html.ts';
import { printer, type Services } from './services.ts';

export function reportHandlers({ workspace, printing, secretariat }: Services): Pick<Handlers, keyof typeof reportMethods> {
  const { db } = workspace;
  const { inAuthoredEvent, labelled, ownKey } = secretariat;
  const report = (event: Event, { rule, lang }: { rule: MergeRule; lang: 'id' | 'en' }) =>
    reportHtml({
      event,
      result: requireMarks(deliberation(db, event, rule)),
      files: withDossierHashes(db, event.id, labelled(event.id, listReceived(db, event).sheets)),
      lang,
      generatedAt: localIsoTime(new Date()),
      secretariat: ownKey(),
      minutes: reportMinutes(db, event, rule),
      absences: absences(db, event.id),
    });
  return {
    reportHtml: inAuthoredEvent((event, input) => ({ html: report(event, input) })),
    reportPdf: async (input) =>
      fileData(`laporan-${input.eventId}-${input.rule}.pdf`, await printing.toPdf(report(secretariat.event(input.eventId), input))),
    printReport: async (input) => {
      const print = printer(printing);
      await print(report(secretariat.event(input.eventId), input));
      return {};
    },
    exportRekapitulasi: async ({ eventId, rule }) => {
      const event = secretariat.event(eventId);
      return fileData(
        `rekapitulasi-${eventId}-${rule}.xlsx`,
        await writeRekapitulasi(
          event,
          requireMarks(deliberation(db, event, rule)),
          labelled(event.id, listReceived(db, event).sheets),
          ownKey(),
        ),
      );
    },
  };
}
