import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedSheet } from '../../../api/contract.ts';
import type { Event } from '../../../core/model.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FilePicker } from '../../components/FilePicker.tsx';
import { formatDateTime, pick } from '../../i18n/index.ts';
import { useApi } from '../../use-api.ts';

/** How the completeness matrix marks a juror × round × category (the legend above it says the same). */
const COMPLETENESS_MARK = { received: '✓', unfinished: '◐', conflict: '!', missing: '·' } as const;

/** Jurors' score sheets: many at once, each verified and kept whole; what is used; what is still missing. */
export function SheetsView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [version, setVersion] = useState(0);
  const inbox = useApi(() => api.listSheets({ eventId: event.id }), [event.id, version]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Who accepts an unknown key, typed per sheet: two unknown keys are two separate decisions.
  const [acceptedBy, setAcceptedBy] = useState<Record<number, string>>({});
  // Files that were already here byte for byte, with the name they first came under.
  const [repeats, setRepeats] = useState<{ file: string; same: string }[]>([]);

  const importAll = async (files: { fileName: string; base64: string }[]) => {
    setError(null);
    setRepeats([]);
    setProgress({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      try {
        const received = await api.importSheet({ eventId: event.id, file });
        if (received.again) setRepeats((r) => [...r, { file: file.fileName, same: received.sheet.fileName }]);
      } catch (failure) {
        setError(failure); // one bad file never stops the others
      }
      setProgress({ done: i + 1, total: files.length });
    }
    setVersion((v) => v + 1);
  };

  const accept = async (sheet: ReceivedSheet) => {
    setError(null);
    try {
      await api.acceptKey({ eventId: event.id, sheetId: sheet.id, acceptedBy: acceptedBy[sheet.id] ?? '' });
      setVersion((v) => v + 1);
    } catch (failure) {
      setError(failure);
    }
  };

  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  return (
    <>
      <div className="actions">
        <FilePicker label={t('sheets.import')} accept=".xlsx" multiple onFiles={(files) => void importAll(files)} busy={progress !== null && progress.done < progress.total} />
        {progress && (
          <label className="progress-label">
            {t('sheets.progress', progress)}
            <progress max={progress.total} value={progress.done} />
          </label>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {repeats.length > 0 && (
        <ul className="notice" role="status" data-testid="sheet-repeats">
          {repeats.map((r) => <li key={r.file}>{t('sheets.again', r)}</li>)}
        </ul>
      )}
      {inbox.status === 'ready' && (
        <>
          <table className="sheets-table">
            <thead>
              <tr>
                <th scope="col">{t('sheets.file')}</th>
                <th scope="col">{t('sheets.juror')}</th>
                <th scope="col" className="num">{t('sheets.revision')}</th>
                <th scope="col">{t('sheets.status')}</th>
                <th scope="col">{t('sheets.use')}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.value.sheets.map((sheet) => (
                <tr key={sheet.id} data-sheet={sheet.fileName}>
                  <th scope="row">{sheet.fileName}</th>
                  <td>{sheet.jurorId ?? '—'}</td>
                  <td className="num">{sheet.sheetRevision ?? '—'}</td>
                  <td>
                    <span className={`status status-${sheet.status}`}>{t(`sheets.statusName.${sheet.status}`)}</span>
                    {sheet.details.length > 0 && (
                      <details>
                        <summary>{t('sheets.details', { count: sheet.details.length })}</summary>
                        <ul>{sheet.details.map((d, i) => <li key={i}>{pick(d, lang)}</li>)}</ul>
                      </details>
                    )}
                    {sheet.status === 'unknown-key' && (
                      <form className="inline-form" onSubmit={(e) => {
                        e.preventDefault();
                        void accept(sheet);
                      }}>
                        <label>
                          {t('sheets.acceptedBy')}
                          <input value={acceptedBy[sheet.id] ?? ''} onChange={(e) => setAcceptedBy({ ...acceptedBy, [sheet.id]: e.target.value })} />
                        </label>
                        <button type="submit" disabled={(acceptedBy[sheet.id] ?? '').trim().length < 2}>{t('sheets.acceptKey', { fingerprint: sheet.signedWith })}</button>
                      </form>
                    )}
                  </td>
                  <td>{t(`sheets.useName.${sheet.use}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {inbox.value.acceptedKeys.length > 0 && (
            <p>{t('sheets.acceptedKeys')}: {inbox.value.acceptedKeys.map((k) => `${k.jurorId} ${k.fingerprint} (${k.acceptedBy}, ${formatDateTime(k.acceptedAt, lang)})`).join('; ')}</p>
          )}
          <h3>{t('sheets.completeness')}</h3>
          <p className="hint">{t('sheets.completenessLegend')}</p>
          <div className="table-scroll">
            <table className="completeness" data-testid="completeness">
              <thead>
                <tr>
                  <th scope="col">{t('sheets.juror')}</th>
                  {rounds.flatMap((round) => round.categoryIds.map((categoryId) => (
                    <th key={`${round.id}/${categoryId}`} scope="col" title={`${pick(round.name, lang)} · ${pick(event.categories.find((c) => c.id === categoryId)!.name, lang)}`}>
                      {round.order}·{categoryId}
                    </th>
                  )))}
                </tr>
              </thead>
              <tbody>
                {event.jurors.map((juror) => (
                  <tr key={juror.id}>
                    <th scope="row">{juror.id}</th>
                    {rounds.flatMap((round) => round.categoryIds.map((categoryId) => {
                      const state = inbox.value.completeness[juror.id]?.[`${round.id}/${categoryId}`] ?? 'missing';
                      return <td key={`${round.id}/${categoryId}`} className={`cell-${state}`} aria-label={t(`sheets.cell.${state}`)}>{COMPLETENESS_MARK[state]}</td>;
                    }))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
