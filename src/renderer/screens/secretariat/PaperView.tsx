import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../core/model.ts';
import { useQuery } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { pick } from '../../i18n/index.ts';
import { PaperComparison } from './PaperComparison.tsx';
import { PaperEntry } from './PaperEntry.tsx';
import { PaperPrint } from './PaperPrint.tsx';

/**
 * The paper fallback (Kertas): print a juror's Lembar Penilaian Juri; key a filled-in form twice, by two
 * operators, blind; resolve what they keyed differently against the paper; sign it into a paper sheet.
 */
export function PaperView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [comparing, setComparing] = useState<number | null>(null);
  const forms = useQuery('paperForms', { eventId: event.id });
  // Read again after an entry, a resolution or a signature (INVALIDATES.paperSubmitEntry, …).
  const keyings = useQuery('paperKeyings', { eventId: event.id });
  const section = (roundId: string, categoryId: string) => {
    const round = event.rounds.find((r) => r.id === roundId);
    const category = event.categories.find((c) => c.id === categoryId);
    return `${round ? pick(round.name, lang) : roundId} · ${category ? pick(category.name, lang) : categoryId}`;
  };
  return (
    <>
      {forms.status === 'ready' && <PaperPrint event={event} forms={forms.value} />}
      {forms.status === 'error' && <ErrorNotice error={forms.error} />}
      <PaperEntry
        event={event}
        onSaved={(keying) => {
          if (keying.operators.length === 2) setComparing(keying.id);
        }}
      />
      <section className="panel" aria-labelledby="paper-list-title">
        <h2 id="paper-list-title">{t('paper.list.title')}</h2>
        {keyings.status === 'ready' && keyings.value.length === 0 && <p className="hint">{t('paper.list.none')}</p>}
        {keyings.status === 'ready' && keyings.value.length > 0 && (
          <table className="sheets-table" data-testid="paper-keyings">
            <thead>
              <tr>
                <th scope="col">{t('paper.list.form')}</th>
                <th scope="col">{t('paper.juror')}</th>
                <th scope="col">{t('paper.list.section')}</th>
                <th scope="col">{t('paper.list.operators')}</th>
                <th scope="col">{t('paper.list.state')}</th>
              </tr>
            </thead>
            <tbody>
              {keyings.value.map((k) => (
                <tr key={k.id} data-keying={k.formNumber}>
                  <th scope="row">
                    {k.formNumber}
                    <br />
                    <small className="cell-ref">{k.checksum}</small>
                  </th>
                  <td>{k.jurorId}</td>
                  <td>{section(k.roundId, k.categoryId)}</td>
                  <td>{k.operators.join(', ')}</td>
                  <td>
                    {t(`paper.state.${k.state}`, { count: k.unresolved ?? 0 })}
                    {k.sheet && (
                      <>
                        <br />
                        <small>{k.sheet.fileName}</small>
                      </>
                    )}
                    {(k.state === 'differences' || k.state === 'ready' || k.state === 'signed') && (
                      <>
                        {' '}
                        <button type="button" className="link-button" onClick={() => setComparing(k.id)}>
                          {t(k.state === 'signed' ? 'paper.list.show' : 'paper.list.compare', { form: k.formNumber })}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {keyings.status === 'error' && <ErrorNotice error={keyings.error} />}
      </section>
      {comparing !== null && <PaperComparison key={comparing} event={event} keyingId={comparing} />}
    </>
  );
}
