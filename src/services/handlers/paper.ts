/**
 * The secretariat's paper fallback (src/services/paper/): printing a juror's Lembar Penilaian Juri through
 * the same printing service as the report, the blind double entry of a filled-in form, resolving what the
 * two operators keyed differently, and signing the result into a paper sheet with the workspace's key.
 * No call here returns a keyed value before both operators have keyed the form.
 */
import type { Handlers, PaperForm } from '../../api/contract.ts';
import type { paperMethods } from '../../api/contract/paper.ts';
import { authoredEvent } from '../events/authored.ts';
import { findEventRecord } from '../events/event-store.ts';
import { fileData } from '../file-data.ts';
import { printer, type Services } from './services.ts';
import { paperFormHtml } from '../paper/paper-form-html.ts';
import { paperFormLayout, paperForms, type PaperFormLayout } from '../paper/paper-form.ts';
import { compare, formForKeying, listKeyings, resolveCell, submitEntry, type Comparison } from '../paper/paper-keying.ts';
import { withPaperLabels } from '../paper/paper-labels.ts';
import { heldSheets, nextPaperRevision, paperSheetFile, signPaperSheet } from '../merge/paper-sheet.ts';

/** A form as the API carries it. */
export function formData(form: PaperFormLayout): PaperForm {
  return {
    formNumber: form.formNumber,
    checksum: form.checksum,
    packageRevision: form.packageRevision,
    jurorId: form.juror.id,
    jurorName: form.juror.name,
    roundId: form.round.id,
    roundName: form.round.name,
    categoryId: form.category.id,
    categoryName: form.category.name,
    criteria: form.criteria.map((c) => ({ code: c.code, label: c.label, weight: c.weight, scale: c.scale })),
    nominees: form.nominees.map((n) => ({ id: n.id, name: n.name, region: n.region, conflict: n.conflict })),
  };
}

export function paperHandlers({ workspace, keys, printing, withBackup }: Services): Pick<Handlers, keyof typeof paperMethods> {
  const { db } = workspace;
  /** The event as the secretariat holds it, and its package revision now. */
  const scope = (eventId: string) => ({ event: authoredEvent(db, eventId), revision: findEventRecord(db, eventId)!.revision });
  const formHtml = ({
    eventId,
    jurorId,
    roundId,
    categoryId,
    lang,
  }: {
    eventId: string;
    jurorId: string;
    roundId: string;
    categoryId: string;
    lang: 'id' | 'en';
  }) => {
    const { event, revision } = scope(eventId);
    const form = paperFormLayout(event, revision, { jurorId, roundId, categoryId });
    return { form, html: paperFormHtml(form, { lang }) };
  };
  const comparison = (eventId: string, result: Comparison) => ({
    keying: result.keying,
    form: formData(result.form),
    operators: result.operators,
    cells: result.cells,
    agreed: result.agreed,
    total: result.total,
    nextRevision: nextPaperRevision(db, eventId, result.keying),
    supersedes: heldSheets(db, eventId, result.keying).map(({ fileName, sheetRevision, paper }) => ({ fileName, sheetRevision, paper })),
  });

  return {
    paperForms: ({ eventId }) => {
      const { event, revision } = scope(eventId);
      return paperForms(event, revision).map(formData);
    },
    paperFormPdf: async (input) => {
      const { form, html } = formHtml(input);
      return fileData(`formulir-${form.formNumber}.pdf`, await printing.toPdf(html));
    },
    printPaperForm: async (input) => {
      const print = printer(printing);
      await print(formHtml(input).html);
      return {};
    },
    paperForm: ({ eventId, formNumber, checksum }) => {
      const { event, revision } = scope(eventId);
      const { form, keying } = formForKeying(db, event, revision, formNumber, checksum);
      return { form: formData(form), keying };
    },
    paperSubmitEntry: ({ eventId, ...entry }) => {
      const { event, revision } = scope(eventId);
      return submitEntry(db, event, revision, entry);
    },
    paperKeyings: ({ eventId }) => {
      const { event, revision } = scope(eventId);
      return listKeyings(db, event, revision);
    },
    paperComparison: ({ eventId, keyingId }) => {
      const { event, revision } = scope(eventId);
      return comparison(eventId, compare(db, event, revision, keyingId));
    },
    paperResolve: ({ eventId, keyingId, ...resolution }) => {
      const { event, revision } = scope(eventId);
      return comparison(eventId, resolveCell(db, event, revision, keyingId, resolution));
    },
    paperSign: withBackup('kertas', async ({ eventId, keyingId, scanSha256 }) => {
      const { event, revision } = scope(eventId);
      const signed = await signPaperSheet(db, event, revision, keyingId, keys.requireUnlocked(), { scanSha256 });
      const [sheet] = withPaperLabels(db, eventId, [signed.sheet]);
      return {
        keying: signed.keying,
        sheet,
        supersedes: signed.supersedes.map(({ fileName, sheetRevision, paper }) => ({ fileName, sheetRevision, paper })),
      };
    }),
    paperSheetFile: ({ eventId, keyingId }) => {
      const file = paperSheetFile(db, authoredEvent(db, eventId).id, keyingId);
      return fileData(file.fileName, file.bytes);
    },
  };
}
