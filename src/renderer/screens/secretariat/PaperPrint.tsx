import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperForm } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { api } from '../../api.ts';
import { JurorOptions } from '../../components/FormFields.tsx';
import { DocumentLanguage, PrintStatus, useDocumentLanguage, usePrinting } from '../../components/PrintActions.tsx';
import { saveFileData } from '../../files.ts';
import { pick } from '../../i18n/index.ts';

/**
 * Printing a juror's paper Lembar Penilaian Juri for one round and category: saved as a PDF, or printed
 * (the desktop app), through the same printing service as the report.
 */
export function PaperPrint({ event, forms }: { event: Event; forms: PaperForm[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [jurorId, setJurorId] = useState(event.jurors[0]?.id ?? '');
  const open = forms.filter((f) => f.jurorId === jurorId);
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order).filter((r) => open.some((f) => f.roundId === r.id));
  const [roundId, setRoundId] = useState(rounds[0]?.id ?? '');
  const categories = open.filter((f) => f.roundId === roundId);
  const [categoryId, setCategoryId] = useState(categories[0]?.categoryId ?? '');
  const [formLang, setFormLang] = useDocumentLanguage();
  const printing = usePrinting();
  const busy = printing.action.busy;
  const form = categories.find((f) => f.categoryId === categoryId) ?? categories[0];

  const { run } = printing;
  const request = form
    ? { eventId: event.id, jurorId: form.jurorId, roundId: form.roundId, categoryId: form.categoryId, lang: formLang }
    : null;

  return (
    <section className="panel" aria-labelledby="paper-print-title">
      <h2 id="paper-print-title">{t('paper.print.title')}</h2>
      <p className="hint">{t('paper.print.intro')}</p>
      <div className="inline-form">
        <label>
          {t('paper.juror')}{' '}
          <select value={jurorId} onChange={(e) => setJurorId(e.target.value)}>
            <JurorOptions event={event} />
          </select>
        </label>
        <label>
          {t('paper.round')}{' '}
          <select value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {pick(r.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('paper.category')}{' '}
          <select value={form?.categoryId ?? ''} onChange={(e) => setCategoryId(e.target.value)}>
            {categories.map((f) => (
              <option key={f.categoryId} value={f.categoryId}>
                {pick(f.categoryName, lang)}
              </option>
            ))}
          </select>
        </label>
        <DocumentLanguage label={t('paper.print.language')} value={formLang} onChange={setFormLang} />
      </div>
      {form && (
        <p data-testid="paper-print-form">
          {t('paper.print.formInfo', { number: form.formNumber, checksum: form.checksum, nominees: form.nominees.length })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !request}
          onClick={() =>
            run(async () => {
              const file = await api.paperFormPdf(request!);
              saveFileData(file);
              return t('paper.print.saved', { file: file.fileName });
            })
          }
        >
          {busy ? t('start.loading') : t('paper.print.savePdf')}
        </button>
        <button
          type="button"
          disabled={busy || !request}
          onClick={() =>
            run(async () => {
              await api.printPaperForm(request!);
              return t('paper.print.printed');
            })
          }
        >
          {t('paper.print.print')}
        </button>
      </div>
      <PrintStatus printing={printing} />
    </section>
  );
}
